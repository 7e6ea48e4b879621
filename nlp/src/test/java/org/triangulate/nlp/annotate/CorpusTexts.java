package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The texts the CoreNLP tests read: the Hama reports, and development articles (ECB+). */
final class CorpusTexts {

  private static final Path HAMA = Path.of("../examples/hama");
  private static final Path ECB = Path.of("../../shared/eval/ecbplus-dev/articles.jsonl");

  private CorpusTexts() {}

  /** The five Hama reports, in file name order. */
  static List<String> hama() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(HAMA)) {
      for (Path f : files.sorted().toList()) {
        texts.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    assertThat(texts).hasSize(5);
    return texts;
  }

  /**
   * {@code count} development articles' texts: those whose line number (from 0) is {@code offset}
   * modulo {@code every}. Skips the test, saying why, where the development data is not beside the
   * project.
   */
  static List<String> development(int every, int offset, int count) throws IOException {
    Assumptions.assumeTrue(Files.exists(ECB), "needs ../shared/eval beside the project");
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(ECB, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null && texts.size() < count) {
        if (n++ % every == offset) {
          texts.add(json.readTree(line).path("text").asText());
        }
      }
    }
    assertThat(texts).hasSize(count);
    return texts;
  }
}
