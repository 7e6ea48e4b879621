package org.triangulate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.model.Article;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/**
 * The pipeline's incremental path on real articles and the real models: adding an article reads
 * only that article, keeps the ids of what exists, recomputes only the story it joins, and gives
 * the stories a batch run over all the articles gives.
 */
class PipelineIncrementalTest {

  @TempDir static Path dir;

  private static List<Article> hama;
  private static Article flood;
  private static Article fin;
  private static Report batch;
  private static Stats batchStats;

  @BeforeAll
  static void analyseEverything() throws IOException {
    try (Pipeline p = RealPipeline.create(2)) {
      hama = RealPipeline.hama(p);
      flood = RealPipeline.text(p, dir, "flood", RealPipeline.FLOOD);
      fin = RealPipeline.text(p, dir, "final", RealPipeline.FINAL);
      List<Article> all = new ArrayList<>(hama);
      all.add(flood);
      all.add(fin);
      batch = p.analyze(7, all, List.of());
      batchStats = p.stats();
    }
    assertThat(batch.stories()).hasSize(3);
  }

  @Test
  void addingAnArticleReadsOnlyItAndGivesTheBatchsStories() {
    Article last = hama.get(hama.size() - 1);
    List<Article> first = allButTheLastHamaReport();
    try (Pipeline p = RealPipeline.create(2)) {
      Report before = p.analyze(6, first, List.of());
      String hamaId = storyOf(before, hama.get(0).id()).id();
      long readBefore = p.stats().counter("annotate.read");

      Pipeline.Update update = p.add(before, 1, List.of(last), List.of());

      assertThat(p.stats().counter("annotate.read") - readBefore).isEqualTo(1);
      assertThat(update.changes().articles()).containsExactly(last.id());
      assertThat(update.changes().grownStories()).containsExactly(hamaId);
      assertThat(update.changes().newStories()).isEmpty();
      assertThat(update.changes().unchanged()).isEqualTo(2);
      Report after = update.report();
      // The Hama story kept its id as the article joined it.
      assertThat(storyOf(after, last.id()).id()).isEqualTo(hamaId);
      // The same stories as the batch run.
      assertThat(memberships(after)).isEqualTo(memberships(batch));
      // Untouched stories: the batch's ids and byte-identical claims.
      for (Article a : List.of(flood, fin)) {
        Story s = storyOf(after, a.id());
        assertThat(s.id()).isEqualTo(storyOf(batch, a.id()).id());
        assertThat(claims(after.reconciliation().get(s.id())))
            .isEqualTo(claims(batch.reconciliation().get(s.id())))
            .isEqualTo(claims(before.reconciliation().get(s.id())));
      }
      // The grown story's results are those of the batch run, except for its id.
      Story grown = storyOf(after, last.id());
      assertThat(claims(after.reconciliation().get(grown.id())).replace(grown.id(), "ID"))
          .isEqualTo(
              claims(batch.reconciliation().get(storyOf(batch, last.id()).id()))
                  .replace(storyOf(batch, last.id()).id(), "ID"));
    }
  }

  @Test
  void aPreparedGroupingGivesTheSameUpdateAsOneBuiltOnTheSpot() throws IOException {
    Article last = hama.get(hama.size() - 1);
    List<Article> first = allButTheLastHamaReport();
    try (Pipeline p = RealPipeline.create(2)) {
      Report before = p.analyze(6, first, List.of());
      Pipeline.Update plain = p.add(before, 1, List.of(last), List.of());
      assertThat(p.stats().counter("group.prepared")).isZero();

      p.prepare(before);
      Pipeline.Update prepared = p.add(before, 1, List.of(last), List.of());
      assertThat(p.stats().counter("group.prepared")).isEqualTo(1);
      assertThat(json(prepared.report())).isEqualTo(json(plain.report()));
      assertThat(prepared.changes()).isEqualTo(plain.changes());

      // Prepared for another state: not used, and the update is still the right one.
      p.prepare(plain.report());
      Pipeline.Update other = p.add(before, 1, List.of(last), List.of());
      assertThat(p.stats().counter("group.prepared")).isEqualTo(1);
      assertThat(json(other.report())).isEqualTo(json(plain.report()));
    }
  }

  @Test
  void aWarmUpReadsItsSamplesCountsNothingAndStepsAsideForACall() throws Exception {
    try (Pipeline p = RealPipeline.create(2)) {
      assertThat(p.warmUp(hama).get(5, java.util.concurrent.TimeUnit.MINUTES))
          .isEqualTo(hama.size());
      assertThat(p.stats().stages()).isEmpty();
      assertThat(p.stats().counter("annotate.read")).isZero();

      List<Article> many = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        many.addAll(hama);
      }
      java.util.concurrent.CompletableFuture<Integer> warming = p.warmUp(many);
      Story s = storyOf(batch, hama.get(0).id());
      Report again = p.restory(batch, List.of(s.id()));
      // The call started before the warm-up's first article or during it: at most that one.
      assertThat(warming.get(5, java.util.concurrent.TimeUnit.MINUTES)).isLessThanOrEqualTo(1);
      assertThat(claims(again.reconciliation().get(s.id())))
          .isEqualTo(claims(batch.reconciliation().get(s.id())));
    }
  }

  @Test
  void anUnrelatedArticleLeavesEveryOtherStoryAsItWas() {
    List<Article> first = new ArrayList<>(hama);
    first.add(flood);
    try (Pipeline p = RealPipeline.create(2)) {
      Report before = p.analyze(6, first, List.of());
      long storiesBefore = storiesRun(p);
      Pipeline.Update update = p.add(before, 1, List.of(fin), List.of());
      assertThat(update.changes().newStories()).hasSize(1);
      assertThat(update.changes().grownStories()).isEmpty();
      assertThat(update.changes().unchanged()).isEqualTo(2);
      for (Story s : before.stories()) {
        assertThat(update.report().stories()).contains(s);
        assertThat(update.report().reconciliation().get(s.id()))
            .isSameAs(before.reconciliation().get(s.id()));
        assertThat(update.report().provenance().get(s.id()))
            .isSameAs(before.provenance().get(s.id()));
      }
      // Entities known before keep their ids; every mention of the new article names an entity.
      Set<String> ids = new HashSet<>();
      update.report().entities().forEach(e -> ids.add(e.id()));
      before.entities().forEach(e -> assertThat(ids).contains(e.id()));
      update.report().annotations().get(fin.id()).mentions()
          .forEach(m -> assertThat(ids).contains(m.entity()));
      // Only the new story ran the per-story stages.
      assertThat(storiesRun(p) - storiesBefore).isEqualTo(1);
    }
  }

  @Test
  void eachDistinctSentenceIsEmbeddedOnce() {
    long embedded = batchStats.counter("embed.embedded");
    assertThat(embedded).isPositive();
    assertThat(embedded).isEqualTo(batchStats.counter("embed.distinct"));
    // align and reconcile both ask for the Hama sentences: the second asks are answered from the cache.
    assertThat(batchStats.counter("embed.requested")).isGreaterThan(embedded);
    assertThat(batchStats.counter("annotate.read")).isEqualTo(7);
  }

  @Test
  void theReportIsTheSameBytesOnOneThreadAndInAnotherOrder() throws IOException {
    List<Article> reversed = new ArrayList<>(batch.articles());
    java.util.Collections.reverse(reversed);
    Report one;
    try (Pipeline p = RealPipeline.create(1)) {
      one = p.analyze(7, reversed, List.of());
    }
    assertThat(json(one)).isEqualTo(json(batch));
  }

  @Test
  void restoryGivesTheSameResultsAgain() {
    Story s = storyOf(batch, hama.get(0).id());
    try (Pipeline p = RealPipeline.create(2)) {
      Report again = p.restory(batch, List.of(s.id()));
      assertThat(claims(again.reconciliation().get(s.id())))
          .isEqualTo(claims(batch.reconciliation().get(s.id())));
      assertThat(p.stats().counter("annotate.read")).isZero();
    }
  }

  /** Every article of the batch but the last Hama report. */
  private static List<Article> allButTheLastHamaReport() {
    List<Article> first = new ArrayList<>(hama.subList(0, hama.size() - 1));
    first.add(flood);
    first.add(fin);
    return first;
  }

  private static long storiesRun(Pipeline p) {
    return p.stats().stages().stream()
        .filter(s -> s.name().equals("stories"))
        .mapToLong(Stats.Stage::items)
        .sum();
  }

  private static Story storyOf(Report r, String article) {
    return r.stories().stream().filter(s -> s.articles().contains(article)).findFirst().orElseThrow();
  }

  private static Set<Set<String>> memberships(Report r) {
    Set<Set<String>> out = new HashSet<>();
    r.stories().forEach(s -> out.add(Set.copyOf(s.articles())));
    return out;
  }

  private static String claims(Reconciliation r) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      JsonReportWriter.reconciliation(g, r);
      g.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String json(Report r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReportWriter().write(r, out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

}
