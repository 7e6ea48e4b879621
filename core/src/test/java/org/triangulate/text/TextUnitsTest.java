package org.triangulate.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Span;

class TextUnitsTest {

  @Test
  void aLineOfWordsWithoutSentenceEndsIsCutIntoBoundedPiecesAtWhiteSpace() {
    StringBuilder b = new StringBuilder();
    String[] words = {"the", "rebels", "entered", "city", "army", "said", "on", "thursday"};
    for (int i = 0; b.length() < 200_000; i++) {
      b.append(words[i % words.length]).append(' ');
    }
    String text = b.toString();
    List<Span> sentences = TextUnits.sentences(text);
    assertThat(sentences.size()).isGreaterThan(200);
    int last = 0;
    long covered = 0;
    for (Span s : sentences) {
      assertThat(s.end() - s.begin()).isLessThanOrEqualTo(TextUnits.MAX_SENTENCE);
      assertThat(s.begin()).isGreaterThanOrEqualTo(last);
      assertThat(s.begin() == 0 || Character.isWhitespace(text.charAt(s.begin() - 1))).isTrue();
      assertThat(s.end() == text.length() || Character.isWhitespace(text.charAt(s.end()))).isTrue();
      covered += s.end() - s.begin();
      last = s.end();
    }
    assertThat(text.length() - covered).isEqualTo(sentences.size()); // only the spaces between
  }

  @Test
  void aRunWithoutWhiteSpaceIsStillCut() {
    String text = "x".repeat(2_500);
    assertThat(TextUnits.sentences(text))
        .containsExactly(new Span(0, 1_000), new Span(1_000, 2_000), new Span(2_000, 2_500));
  }

  @Test
  void realArticlesHaveNoSentenceAnywhereNearTheLimit() throws Exception {
    try (var files = Files.list(Path.of("../examples/hama"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        for (Span s : TextUnits.sentences(text)) {
          assertThat(s.end() - s.begin()).isLessThan(TextUnits.MAX_SENTENCE / 2);
        }
      }
    }
  }
}
