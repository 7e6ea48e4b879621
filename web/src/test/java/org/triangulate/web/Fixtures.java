package org.triangulate.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Hama corpus ({@code examples/hama}), read by the web tests. */
final class Fixtures {

  /** The Hama reports, relative to the web module (where the tests run). */
  static final Path HAMA = Path.of("../examples/hama");

  private Fixtures() {}

  static List<Path> hamaFiles() throws IOException {
    try (Stream<Path> s = Files.list(HAMA)) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  /** The Hama file whose name starts with {@code prefix} ("000" to "004"). */
  static Path hamaFile(String prefix) throws IOException {
    return hamaFiles().stream()
        .filter(p -> p.getFileName().toString().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Hama file " + prefix));
  }

  /** A folder {@code dir/in} holding copies of the Hama reports 000, 002 and 003. */
  static Path threeHamaReports(Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (String prefix : List.of("000", "002", "003")) {
      Path src = hamaFile(prefix);
      Files.copy(src, in.resolve(src.getFileName()));
    }
    return in;
  }

  static String hama(String prefix) throws IOException {
    return Files.readString(hamaFile(prefix), StandardCharsets.UTF_8);
  }
}
