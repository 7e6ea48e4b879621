package org.triangulate.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Article;
import org.triangulate.model.Story;

/** The stories do not depend on the order of the articles nor on the number of threads. */
class DeterminismTest {

  /** Four workers; the options decide how many of them a loop uses. */
  private static final org.triangulate.pipeline.WorkerPool POOL = new org.triangulate.pipeline.WorkerPool(4);

  private static List<Story> group(List<Article> articles, int threads) {
    return new StoryGrouper(GroupOptions.defaults().withThreads(threads), POOL).group(articles);
  }

  private static List<Article> shuffled(List<Article> articles, long seed) {
    System.out.println("shuffle seed " + seed);
    List<Article> copy = new ArrayList<>(articles);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  @Test
  void shuffledInputAndOneOrFourThreadsGiveIdenticalStoriesOnSyntheticNews() {
    List<Article> articles = SyntheticCorpus.generate(2500, 3).articles();
    List<Story> reference = group(articles, 1);
    assertThat(reference.size()).isGreaterThan(10);
    assertThat(group(shuffled(articles, 20240605L), 4)).isEqualTo(reference);
    assertThat(group(shuffled(articles, 99L), 1)).isEqualTo(reference);
  }

  @Test
  void shuffledInputAndOneOrFourThreadsGiveIdenticalStoriesOnEcbPlus() {
    org.junit.jupiter.api.Assumptions.assumeTrue(EcbPlus.available(), "no ECB+ at " + EcbPlus.DIR);
    List<Article> articles = EcbPlus.load().articles();
    List<Story> reference = group(articles, 1);
    assertThat(group(shuffled(articles, 17L), 4)).isEqualTo(reference);
  }

  @Test
  void incrementalGroupingIsAlsoIndependentOfOrderAndThreads() {
    List<Article> articles = SyntheticCorpus.generate(1200, 5).articles();
    List<Story> reference = incremental(articles, 1);
    assertThat(incremental(shuffled(articles, 8L), 4)).isEqualTo(reference);
  }

  /** Adds the articles in three batches by id range, whatever their order in the list. */
  private static List<Story> incremental(List<Article> articles, int threads) {
    IncrementalGrouper g = new IncrementalGrouper(GroupOptions.defaults().withThreads(threads), POOL);
    List<Article> sorted =
        articles.stream().sorted(java.util.Comparator.comparing(Article::id)).toList();
    int third = sorted.size() / 3;
    for (List<Article> batch :
        List.of(
            sorted.subList(0, third),
            sorted.subList(third, 2 * third),
            sorted.subList(2 * third, sorted.size()))) {
      List<Article> b = new ArrayList<>(batch);
      Collections.shuffle(b, new Random(threads));
      g.add(b);
    }
    return g.stories();
  }
}
