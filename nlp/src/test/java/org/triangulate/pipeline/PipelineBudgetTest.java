package org.triangulate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.nlp.annotate.CoreNlpAnnotator;
import org.triangulate.report.Report;

/**
 * An article or a story over its time budget becomes a problem naming the stage, the article or
 * story and the limit; the run goes on and keeps everything else.
 */
class PipelineBudgetTest {

  private static Pipeline pipeline(Duration article, Duration story) {
    return RealPipeline.create(new Pipeline.Options(2, true, article, story), CoreNlpAnnotator::get);
  }

  @Test
  void articlesOverTheirBudgetAreKeptUnannotatedWithAProblemEach() throws Exception {
    CoreNlpAnnotator.get(); // the models' loading is not the article's time
    try (Pipeline p = pipeline(Duration.ofMillis(1), Pipeline.Options.STORY_BUDGET)) {
      List<Article> hama = RealPipeline.hama(p);
      Report r = p.analyze(5, hama, List.of());
      assertThat(r.articles()).hasSize(5);
      assertThat(r.stories()).hasSize(1);
      assertThat(r.annotations()).isEmpty();
      List<Problem> over =
          r.problems().stream().filter(x -> x.message().contains("budget per article")).toList();
      assertThat(over).hasSize(5);
      for (Problem x : over) {
        assertThat(x.stage()).isEqualTo("annotate");
        assertThat(x.message()).contains("took more than 1 ms");
        assertThat(hama.stream().map(Article::source)).contains(x.source());
      }
      assertThat(p.stats().counter("annotate.overBudget")).isEqualTo(5);
      // The story still has its provenance: align needs no annotations.
      assertThat(r.provenance()).hasSize(1);
    }
  }

  @Test
  void aStoryOverItsBudgetIsKeptWithoutResultsAndAProblem() throws Exception {
    try (Pipeline p = pipeline(Pipeline.Options.ARTICLE_BUDGET, Duration.ofMillis(1))) {
      List<Article> hama = RealPipeline.hama(p);
      Report r = p.analyze(5, hama, List.of());
      assertThat(r.articles()).hasSize(5);
      assertThat(r.annotations()).hasSize(5);
      assertThat(r.provenance()).isEmpty();
      assertThat(r.reconciliation()).isEmpty();
      assertThat(r.problems())
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.source()).isEqualTo("story " + r.stories().get(0).id());
                assertThat(x.message()).contains("took more than 1 ms", "budget per story");
              });
    }
  }

  /**
   * The models failing on one article (here a stack overflow, as a pathological parse can give)
   * costs that article its annotations, not the run: the others are read, linked and reconciled.
   */
  @Test
  void aFailureOnOneArticleCostsOnlyThatArticle() throws Exception {
    org.triangulate.annotate.Annotator real = CoreNlpAnnotator.get();
    org.triangulate.annotate.Annotator failing =
        new org.triangulate.annotate.Annotator() {
          @Override
          public org.triangulate.annotate.ArticleReading read(
              Article article, java.util.Optional<org.triangulate.annotate.ReferenceDates.Reference> ref) {
            if (article.id().startsWith("003")) {
              throw new StackOverflowError();
            }
            return real.read(article, ref);
          }

          @Override
          public Linked link(
              List<org.triangulate.model.Entity> existing,
              List<org.triangulate.annotate.ArticleReading> readings) {
            return real.link(existing, readings);
          }
        };
    try (Pipeline p = RealPipeline.create(new Pipeline.Options(2, true), () -> failing)) {
      Report r = p.analyze(5, RealPipeline.hama(p), List.of());
      assertThat(r.annotations()).hasSize(4).doesNotContainKey("003_fa5c466642b5d1e0");
      assertThat(r.reconciliation()).hasSize(1);
      assertThat(r.problems())
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.stage()).isEqualTo("annotate");
                assertThat(x.message()).contains("could not annotate article 003", "StackOverflowError");
              });
    }
  }
}
