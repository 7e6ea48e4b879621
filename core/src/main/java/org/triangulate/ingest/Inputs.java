package org.triangulate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.triangulate.model.Problem;

/**
 * Expands what a user names on the command line into input files: a file is itself, a folder is
 * every regular file below it (recursively, in name order), and a pattern with {@code * ? [ {} is
 * a glob ({@code corpus/**}{@code /*.txt}). A name that matches nothing is a problem, not an error.
 *
 * <p>Each file's source name is the path as the user wrote it, or the folder as written joined
 * with the path below it, with {@code /} as separator on every platform. A file named twice is
 * read once. Folders and globs skip the run's own output folder, so that analysing a folder twice
 * does not read the first report; a file named explicitly is always read.
 */
public final class Inputs {

  /** One input file and the name the report calls it by. */
  public record Input(Path path, String source) {}

  /** The files found and the names that matched nothing. */
  public record Expansion(List<Input> inputs, List<Problem> problems) {
    public Expansion {
      inputs = List.copyOf(inputs);
      problems = List.copyOf(problems);
    }
  }

  private Inputs() {}

  /**
   * The SHA-256 of a file's bytes, in hex, by which a corpus knows an input it already holds;
   * empty when the file cannot be read (the ingest stage names that problem).
   */
  public static Optional<String> sha256(Path file) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
      return Optional.of(java.util.HexFormat.of().formatHex(sha.digest()));
    } catch (java.io.IOException e) {
      return Optional.empty();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The SHA-256 of each input's content by source name, for those that can be read. */
  public static Map<String, String> sha256(List<Input> inputs) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (Input in : inputs) {
      sha256(in.path()).ifPresent(h -> out.put(in.source(), h));
    }
    return out;
  }

  /** Expands {@code names}, relative to {@code base} (the working directory). */
  public static Expansion expand(List<String> names, Path base) {
    return expand(names, base, Optional.empty());
  }

  /**
   * Expands {@code names}, relative to {@code base}, leaving out what folders and globs find below
   * {@code skip} (the run's output folder).
   */
  public static Expansion expand(List<String> names, Path base, Optional<Path> skip) {
    Optional<Path> skipped = skip.map(p -> real(base.resolve(p)));
    Map<Path, Input> found = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (String name : names) {
      int before = found.size();
      Path p;
      try {
        p = base.resolve(name);
      } catch (InvalidPathException e) {
        p = null;
      }
      if (p != null && Files.isRegularFile(p)) {
        add(found, p, slashes(name));
      } else if (p != null && Files.isDirectory(p)) {
        walk(p, slashes(name), skipped, found, problems);
      } else if (isGlob(name)) {
        glob(name, base, skipped, found, problems);
        if (found.size() == before) {
          problems.add(
              Problem.error(name, "file", Ingester.STAGE, "the pattern matches no file"));
        }
      } else if (p != null && Files.exists(p)) {
        problems.add(
            Problem.error(name, "file", Ingester.STAGE, "not a regular file or folder"));
      } else {
        problems.add(Problem.error(name, "file", Ingester.STAGE, "no such file or folder"));
      }
    }
    return new Expansion(new ArrayList<>(found.values()), problems);
  }

  private static void walk(
      Path dir, String shown, Optional<Path> skip, Map<Path, Input> found, List<Problem> problems) {
    String prefix = shown.endsWith("/") ? shown : shown + "/";
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(f -> Files.isRegularFile(f) && !under(f, skip))
          .sorted()
          .forEach(f -> add(found, f, prefix + slashes(dir.relativize(f).toString())));
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          Problem.error(shown, "file", Ingester.STAGE, "cannot list the folder: " + e.getMessage()));
    }
  }

  private static void glob(
      String pattern,
      Path base,
      Optional<Path> skip,
      Map<Path, Input> found,
      List<Problem> problems) {
    String p = slashes(pattern);
    int firstMeta = firstGlobChar(p);
    int cut = p.lastIndexOf('/', firstMeta);
    String root = cut < 0 ? "" : p.substring(0, cut + 1);
    Path rootDir = base.resolve(root.isEmpty() ? "." : root);
    if (!Files.isDirectory(rootDir)) {
      return;
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + p.substring(root.length()));
    try (Stream<Path> files = Files.walk(rootDir)) {
      files
          .filter(f -> Files.isRegularFile(f) && !under(f, skip))
          .sorted()
          .forEach(
              f -> {
                Path rel = rootDir.relativize(f);
                if (matcher.matches(rel)) {
                  add(found, f, root + slashes(rel.toString()));
                }
              });
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          Problem.error(pattern, "file", Ingester.STAGE, "cannot list the folder: " + e.getMessage()));
    }
  }

  private static void add(Map<Path, Input> found, Path file, String source) {
    found.putIfAbsent(real(file), new Input(file, source));
  }

  private static boolean under(Path file, Optional<Path> dir) {
    return dir.isPresent() && real(file).startsWith(dir.get());
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  static boolean isGlob(String name) {
    return firstGlobChar(name) < name.length();
  }

  private static int firstGlobChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return s.length();
  }

  private static String slashes(String s) {
    return s.replace('\\', '/');
  }
}
