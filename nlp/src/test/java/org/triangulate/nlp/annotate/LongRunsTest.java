package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;

class LongRunsTest {

  @Test
  void realSentencesAreLeftAsTheyAre() throws Exception {
    try (var files = Files.list(Path.of("../examples/hama"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        assertThat(LongRuns.breakRuns(text, LongRuns.MAX_RUN)).isEqualTo(text);
      }
    }
  }

  @Test
  void aRunWithoutSentenceEndsIsBrokenAtSpacesAndKeepsItsLength() {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 3_000; i++) {
      b.append("line ").append(i).append(" ok ");
    }
    String text = b.toString();
    String broken = LongRuns.breakRuns(text, 100);
    assertThat(broken).hasSameSizeAs(text);
    int run = 0;
    for (int i = 0; i < broken.length(); i++) {
      char c = broken.charAt(i);
      if (c == '\n') {
        assertThat(text.charAt(i)).isEqualTo(' ');
        run = 0;
      } else {
        assertThat(c).isEqualTo(text.charAt(i));
        run++;
        assertThat(run).isLessThanOrEqualTo(100 + "line 3000 ok".length());
      }
    }
  }

  /**
   * Three thousand short numbered lines, which the cleaner joins into one paragraph: the models
   * see sentences of at most about a thousand characters, and every span still indexes the text.
   */
  @Test
  void numberedLinesReachTheModelsAsShortSentences() {
    StringBuilder b = new StringBuilder("Readings\n\n");
    for (int i = 1; i <= 3_000; i++) {
      b.append("line ").append(i).append(" ok ");
    }
    String text = b.toString();
    Doc doc = CoreNlp.get().parse(LongRuns.breakRuns(text, LongRuns.MAX_RUN));
    int maxSentence = 0;
    for (Sentence sentence : doc.sentences()) {
      maxSentence = Math.max(maxSentence, sentence.end() - sentence.begin());
    }
    assertThat(doc.sentences().size()).isGreaterThan(30);
    assertThat(maxSentence).isLessThanOrEqualTo(LongRuns.MAX_RUN + 20);
    ArticleReading r =
        CoreNlpAnnotator.get()
            .read(
                new Article("lines", "lines.txt", Optional.empty(), "text", ArticleMetadata.EMPTY, text, java.util.List.of(), java.util.List.of()),
                Optional.empty());
    assertThat(r.annotated()).isTrue();
    r.quantities().forEach(q -> assertThat(q.span().end()).isLessThanOrEqualTo(text.length()));
    r.times().forEach(tm -> assertThat(tm.span().end()).isLessThanOrEqualTo(text.length()));
  }
}
