package org.triangulate.align.lsh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Real texts for the tests. Maven runs tests in the module directory. */
final class Corpora {

  /** One text and its id. */
  record Doc(String id, String text) {}

  static final Path HAMA = Path.of("..", "examples", "hama");
  static final Path ECBPLUS =
      Path.of("..", "..", "shared", "eval", "ecbplus-dev", "articles.jsonl");

  private Corpora() {}

  /** The five Hama reports as files, ids {@code 000} to {@code 004}. */
  static List<Doc> hama() {
    try (Stream<Path> files = Files.list(HAMA)) {
      List<Doc> out = new ArrayList<>();
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        out.add(
            new Doc(
                p.getFileName().toString().substring(0, 3),
                Files.readString(p, StandardCharsets.UTF_8)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean ecbPlusAvailable() {
    return Files.isRegularFile(ECBPLUS);
  }

  /** The 772 ECB+ development articles, in file order. */
  static List<Doc> ecbPlus() {
    ObjectMapper json = new ObjectMapper();
    List<Doc> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(ECBPLUS, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode n = json.readTree(line);
          out.add(new Doc(n.get("id").asText(), n.get("text").asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The ECB+ topic of an id such as {@code 12_4ecbplus}. */
  static String topic(String id) {
    return id.substring(0, id.indexOf('_'));
  }
}
