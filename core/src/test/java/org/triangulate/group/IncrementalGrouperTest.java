package org.triangulate.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.triangulate.eval.ClusterScores;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Story;

class IncrementalGrouperTest {

  private static final GroupOptions OPTIONS = GroupOptions.defaults().withThreads(2);

  private static Map<String, String> labels(List<Story> stories) {
    Map<String, String> out = new HashMap<>();
    stories.forEach(s -> s.articles().forEach(id -> out.put(id, s.id())));
    return out;
  }

  private static List<List<Article>> batches(List<Article> articles, int n, long seed) {
    System.out.println("batch shuffle seed " + seed);
    List<Article> copy = new ArrayList<>(articles);
    Collections.shuffle(copy, new Random(seed));
    List<List<Article>> out = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      out.add(copy.subList(b * copy.size() / n, (b + 1) * copy.size() / n));
    }
    return out;
  }

  @Test
  void addingEcbPlusInFiveBatchesStaysCloseToTheBatchGrouping() {
    Assumptions.assumeTrue(EcbPlus.available(), "no ECB+ at " + EcbPlus.DIR);
    EcbPlus ecb = EcbPlus.load();
    List<Story> batch = new StoryGrouper(OPTIONS).group(ecb.articles());
    for (long seed : new long[] {1, 2, 3}) {
      IncrementalGrouper g = new IncrementalGrouper(OPTIONS);
      for (List<Article> b : batches(ecb.articles(), 5, seed)) {
        g.add(b);
      }
      List<Story> incremental = g.stories();
      double agreement = ClusterScores.of(labels(incremental), labels(batch)).ari();
      double batchAri = ecb.score(batch).ari();
      double incrementalAri = ecb.score(incremental).ari();
      System.out.println("incremental " + ecb.score(incremental));
      System.out.printf(
          Locale.ROOT,
          "seed %d: ARI incremental vs batch %.3f; against gold: batch %.3f, incremental %.3f%n",
          seed,
          agreement,
          batchAri,
          incrementalAri);
      assertThat(agreement).isGreaterThanOrEqualTo(0.95);
      assertThat(incrementalAri).isGreaterThanOrEqualTo(batchAri - 0.02);
    }
  }

  @Test
  void oneBatchFromEmptyIsTheBatchGrouping() {
    List<Article> articles = SyntheticCorpus.generate(800, 21).articles();
    IncrementalGrouper g = new IncrementalGrouper(OPTIONS);
    g.add(articles);
    List<Story> incremental = g.stories();
    List<Story> batch = new StoryGrouper(OPTIONS).group(articles);
    assertThat(labels(incremental)).isEqualTo(labels(batch));
  }

  @Test
  void aLateReportJoinsItsStory() {
    List<Article> hama = Hama.articles();
    IncrementalGrouper g = new IncrementalGrouper(OPTIONS);
    g.add(hama.subList(0, 4));
    assertThat(g.stories()).hasSize(1);
    g.add(hama.subList(4, 5));
    assertThat(g.stories()).hasSize(1);
    assertThat(g.stories().get(0).articles()).hasSize(5);
    assertThat(g.size()).isEqualTo(5);
  }

  @Test
  void resumesFromAGroupingWithoutRegroupingIt() {
    List<Article> hama = Hama.articles();
    // A deliberately odd grouping: it is taken as it is.
    Story first = story(hama.subList(0, 2));
    Story second = story(hama.subList(2, 3));
    IncrementalGrouper g =
        IncrementalGrouper.of(OPTIONS, List.of(first, second), hama.subList(0, 3));
    assertThat(g.stories())
        .extracting(Story::articles)
        .containsExactlyInAnyOrder(first.articles(), second.articles());
    assertThat(g.size()).isEqualTo(3);
  }

  @Test
  void resumingAddsTheArticlesNoStoryListsAsNewOnes() {
    List<Article> hama = Hama.articles();
    Story story = story(hama.subList(0, 3));
    IncrementalGrouper g = IncrementalGrouper.of(OPTIONS, List.of(story), hama);
    assertThat(g.stories()).hasSize(1);
    assertThat(g.stories().get(0).articles()).hasSize(5);
  }

  @Test
  void anUnrelatedArticleOpensANewStory() {
    IncrementalGrouper g = new IncrementalGrouper(OPTIONS);
    g.add(Hama.articles());
    g.add(
        List.of(
            new Article(
                "budget",
                "test",
                Optional.empty(),
                "text",
                ArticleMetadata.EMPTY,
                "The council of Oakridge approved a budget for parks and libraries on Tuesday.",
                List.of(),
                List.of())));
    assertThat(g.stories()).hasSize(2);
  }

  @Test
  void rejectsAnArticleItAlreadyHolds() {
    IncrementalGrouper g = new IncrementalGrouper(OPTIONS);
    List<Article> hama = Hama.articles();
    g.add(hama);
    assertThatThrownBy(() -> g.add(hama.subList(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(hama.get(1).id());
  }

  @Test
  void rejectsAStoryThatListsAnUnknownArticle() {
    List<Article> hama = Hama.articles();
    Story story = story(hama.subList(0, 2));
    assertThatThrownBy(() -> IncrementalGrouper.of(OPTIONS, List.of(story), hama.subList(1, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(hama.get(0).id());
  }

  private static Story story(List<Article> articles) {
    List<String> ids = articles.stream().map(Article::id).sorted().toList();
    return new Story(StoryBuilder.id(ids), "t", ids, Optional.empty(), Optional.empty(), List.of());
  }
}
