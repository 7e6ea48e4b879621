package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.triangulate.annotate.Annotated;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Mention;
import org.triangulate.model.Quote;

/**
 * The annotate stage on every sentence of the MSRP development data (../shared/eval/msrp-train):
 * short news sentences with tokenised quotes and odd punctuation. No sentence may fail, and every
 * span must lie inside its text. (The ECB+ articles are annotated end to end by the CLI's
 * ScoreCommandTest.)
 */
class MsrpRobustnessTest {

  private static final Path MSRP = Path.of("../../shared/eval/msrp-train/msr_paraphrase_train.txt");

  @Test
  void annotatesEverySentenceWithoutAProblem() throws IOException {
    Assumptions.assumeTrue(Files.exists(MSRP), "needs ../shared/eval beside the project");
    List<String> lines = Files.readAllLines(MSRP, StandardCharsets.UTF_8);
    LinkedHashSet<String> sentences = new LinkedHashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (f.length == 5) {
        sentences.add(f[3]);
        sentences.add(f[4]);
      }
    }
    List<Article> articles = new ArrayList<>();
    int i = 0;
    for (String s : sentences) {
      articles.add(
          new Article(
              String.format("msrp-%05d", i++), MSRP.toString(), Optional.of("line " + i), "text",
              ArticleMetadata.EMPTY, s, List.of(), List.of()));
    }
    Annotated annotated = CoreNlpAnnotator.get().annotate(articles, Map.of());
    assertThat(annotated.problems()).isEmpty();
    assertThat(annotated.byArticle()).hasSize(articles.size());
    int mentions = 0;
    for (Article a : articles) {
      Annotations an = annotated.byArticle().get(a.id());
      for (Mention m : an.mentions()) {
        assertThat(m.span().end()).isLessThanOrEqualTo(a.text().length());
        mentions++;
      }
      for (Quote q : an.quotes()) {
        assertThat(q.span().end()).as(a.text()).isLessThanOrEqualTo(a.text().length());
      }
      an.quantities().forEach(q -> assertThat(q.span().end()).isLessThanOrEqualTo(a.text().length()));
      an.times().forEach(t -> assertThat(t.span().end()).isLessThanOrEqualTo(a.text().length()));
    }
    System.out.printf("MSRP: %d sentences, %d mentions, %d entities%n", articles.size(), mentions, annotated.entities().size());
    assertThat(mentions).isGreaterThan(articles.size());
  }
}
