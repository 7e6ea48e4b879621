package org.triangulate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Makes realistic copy-pasted news files from the real paragraphs of a sample corpus: each file a
 * headline, a byline, paragraphs drawn at random from all the sample's articles until the size is
 * reached, and, for one file in three, a trailing comment widget and related links, as pages copied
 * from the web have. Seeded: the same seed gives the same files.
 */
public final class SyntheticArticles {

  private static final List<String> CHROME =
      List.of(
          "What do you think?",
          "",
          "0 Points",
          "Upvote Downvote",
          "",
          "Leave a Reply",
          "",
          "Your email address will not be published. Required fields are marked *",
          "",
          "Loading\u2026");

  private final List<String> paragraphs;
  private final List<String> headlines;
  private final Random random;

  private SyntheticArticles(List<String> paragraphs, List<String> headlines, long seed) {
    this.paragraphs = paragraphs;
    this.headlines = headlines;
    this.random = new Random(seed);
  }

  /** Reads the paragraphs of every {@code .txt} file under {@code sample}. */
  public static SyntheticArticles from(Path sample, long seed) {
    List<String> paragraphs = new ArrayList<>();
    List<String> headlines = new ArrayList<>();
    try (Stream<Path> files = Files.list(sample)) {
      for (Path f : files.sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String s = line.strip();
          if (s.length() > 120 && (s.endsWith(".") || s.endsWith(".\u201D"))) {
            paragraphs.add(s);
          } else if (s.length() > 20 && s.length() < 90 && !s.endsWith(".")) {
            headlines.add(s);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (paragraphs.isEmpty()) {
      throw new IllegalArgumentException("no paragraphs found under " + sample);
    }
    if (headlines.isEmpty()) {
      headlines.add("Rebels enter the city after days of fighting");
    }
    return new SyntheticArticles(paragraphs, headlines, seed);
  }

  /** One article of about {@code bytes} bytes of UTF-8. */
  public String next(int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 512);
    sb.append(headlines.get(random.nextInt(headlines.size()))).append("\n\n");
    sb.append("By ").append(NAMES[random.nextInt(NAMES.length)]).append("\n\n");
    while (sb.length() < bytes * 0.92) {
      sb.append(paragraphs.get(random.nextInt(paragraphs.size()))).append("\n\n");
    }
    if (random.nextInt(3) == 0) {
      for (String c : CHROME) {
        sb.append(c).append('\n');
      }
      sb.append('\n').append(headlines.get(random.nextInt(headlines.size()))).append('\n');
    }
    return sb.toString();
  }

  /** Writes {@code count} articles of about {@code bytes} bytes as {@code dir/NNNNNN.txt}. */
  public List<Path> write(Path dir, int count, int bytes) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Path f = dir.resolve(String.format(java.util.Locale.ROOT, "%06d.txt", i));
      Files.writeString(f, next(bytes), StandardCharsets.UTF_8);
      out.add(f);
    }
    return out;
  }

  private static final String[] NAMES = {
    "Sarah El Deeb", "Bassem Mroue", "Abby Sewell", "Kareem Chehayeb", "Timour Azhari",
    "Maya Gebeily", "Suleiman Al-Khalidi", "Ghaith Alsayed", "Laura King", "Jon Gambrell"
  };
}
