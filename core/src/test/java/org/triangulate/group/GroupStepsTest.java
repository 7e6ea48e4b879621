package org.triangulate.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Story;

/**
 * The grouping steps, run one article, one posting list, one query and one block at a time, each
 * step seeing only what a distributed job would hand it, give exactly the stories of {@link
 * StoryGrouper}.
 */
class GroupStepsTest {

  private static final GroupOptions OPTIONS = GroupOptions.defaults().withThreads(1);

  @Test
  void stepsGiveTheStoriesOfTheGrouperOnHama() {
    List<Article> articles = Hama.articles();
    assertThat(bySteps(articles, OPTIONS)).isEqualTo(new StoryGrouper(OPTIONS).group(articles));
  }

  @Test
  void stepsGiveTheStoriesOfTheGrouperOnSyntheticNewsWithUndatedArticles() {
    List<Article> articles = undateSome(SyntheticCorpus.generate(1500, 11).articles(), 9);
    List<Story> reference = new StoryGrouper(OPTIONS).group(articles);
    assertThat(reference.size()).isGreaterThan(10);
    assertThat(reference).anyMatch(s -> s.articles().size() > 5);
    assertThat(reference).anyMatch(s -> s.first().isEmpty());
    assertThat(bySteps(articles, OPTIONS)).isEqualTo(reference);
  }

  /** A small posting cap and few candidates: the capped windows and the candidate cut count. */
  @Test
  void stepsFollowThePostingCapAndTheCandidateCut() {
    GroupOptions tight = OPTIONS.withSearch(80, 30, 16, 7, 3);
    List<Article> articles = undateSome(SyntheticCorpus.generate(900, 4).articles(), 5);
    List<Story> reference = new StoryGrouper(tight).group(articles);
    assertThat(reference).isNotEqualTo(new StoryGrouper(OPTIONS).group(articles));
    assertThat(bySteps(articles, tight)).isEqualTo(reference);
  }

  @Test
  void stepsGiveTheStoriesOfTheGrouperOnEcbPlusDev() {
    Assumptions.assumeTrue(EcbPlus.available(), "no ECB+ development data at " + EcbPlus.DIR);
    List<Article> articles = new ArrayList<>(EcbPlus.load().articles());
    Collections.shuffle(articles, new Random(5));
    assertThat(bySteps(articles, OPTIONS)).isEqualTo(new StoryGrouper(OPTIONS).group(articles));
  }

  /**
   * Float sums depend on their order: 4 + 4 + 1e8 is 100000008 in float, 1e8 + 4 + 4 is 1e8. An
   * article's partials add up in rank order, as the index adds them, whatever order they come in.
   */
  @Test
  void partialScoresAddUpInRankOrder() {
    GroupOptions one = OPTIONS.withSearch(80, 30, 16, 500, 1);
    int[] ranks = {2, 1, 0, 0};
    int[] articles = {9, 9, 9, 1};
    float[] partials = {1.0e8f, 4f, 4f, 1.0e8f};
    assertThat(1.0e8f + 4f + 4f).isEqualTo(1.0e8f);
    assertThat(GroupSteps.candidates(ranks, articles, partials, one)).containsExactly(9);
    // Article 1 alone at 1e8 against article 9 at 1e8 + 8: a tie goes to the lower article.
    assertThat(GroupSteps.candidates(new int[] {0, 0}, new int[] {9, 1}, new float[] {1.0e8f, 1.0e8f}, one))
        .containsExactly(1);
  }

  @Test
  void aBlockWithANeighbourOutsideItIsRefused() {
    List<Article> two = Hama.articles().subList(0, 2);
    GroupSteps steps = new GroupSteps(OPTIONS);
    GroupSteps.Terms t = steps.terms(two.get(0));
    int[] ones = new int[t.features().length];
    Arrays.fill(ones, 1);
    int[] none = new int[ones.length];
    Arrays.fill(none, -1);
    GroupSteps.Vector v = steps.vector(t, ones, none, 2, GroupSteps.day(two.get(0)));
    assertThatThrownBy(
            () ->
                GroupSteps.cluster(
                    OPTIONS,
                    List.of(two.get(0)),
                    new int[] {0},
                    List.of(v),
                    List.of(new GroupSteps.Neighbours(new int[] {1}, new float[] {0.5f}))))
        .hasMessageContaining("outside its block");
  }

  private static List<Article> undateSome(List<Article> articles, int every) {
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      if (i % every == 0) {
        ArticleMetadata m = a.metadata();
        a =
            a.withMetadata(
                new ArticleMetadata(
                    m.title(), m.byline(), m.outlet(), Optional.empty(), m.modified(), m.language(),
                    m.url(), m.dateline()));
      }
      out.add(a);
    }
    return out;
  }

  /**
   * The steps as a distributed job runs them: each map below stands for a shuffle, and each step
   * is called with its own slice only (a fresh {@link GroupSteps} per call, as on another worker).
   */
  static List<Story> bySteps(List<Article> input, GroupOptions options) {
    // 1. Ordinals.
    List<Article> articles = new ArrayList<>(input);
    articles.sort(GroupSteps.ARTICLES);
    int n = articles.size();
    // 2. Terms; 3. document frequencies and ids.
    List<GroupSteps.Terms> terms = new ArrayList<>();
    Map<Long, Integer> df = new HashMap<>();
    for (Article a : articles) {
      GroupSteps.Terms t = new GroupSteps(options).terms(a);
      terms.add(t);
      for (long f : t.features()) {
        df.merge(f, 1, Integer::sum);
      }
    }
    TreeMap<Long, Integer> ids = new TreeMap<>();
    df.entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .map(Map.Entry::getKey)
        .sorted()
        .forEach(f -> ids.put(f, ids.size()));
    // 4. Vectors.
    List<GroupSteps.Vector> vectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      GroupSteps.Terms t = terms.get(i);
      int[] d = new int[t.features().length];
      int[] id = new int[d.length];
      for (int p = 0; p < d.length; p++) {
        d[p] = df.get(t.features()[p]);
        id[p] = ids.getOrDefault(t.features()[p], -1);
      }
      vectors.add(new GroupSteps(options).vector(t, d, id, n, GroupSteps.day(articles.get(i))));
    }
    // 5. Posting lists, each scanned alone, in a shuffled order of features.
    Map<Integer, List<GroupSteps.Posting>> postings = new HashMap<>();
    for (int i = 0; i < n; i++) {
      vectors.get(i).postings(i, (f, p) -> postings.computeIfAbsent(f, x -> new ArrayList<>()).add(p));
    }
    List<Integer> features = new ArrayList<>(postings.keySet());
    Collections.shuffle(features, new Random(1));
    Map<Integer, List<float[]>> partials = new HashMap<>();
    for (int f : features) {
      List<GroupSteps.Posting> list = new ArrayList<>(postings.get(f));
      Collections.shuffle(list, new Random(f));
      list.sort(GroupSteps.POSTINGS);
      GroupSteps.scan(
          list,
          options,
          (q, rank, a, partial) ->
              partials.computeIfAbsent(q, x -> new ArrayList<>()).add(new float[] {rank, a, partial}));
    }
    // 6. Candidates and neighbours per query.
    List<GroupSteps.Neighbours> found = new ArrayList<>();
    for (int q = 0; q < n; q++) {
      List<float[]> got = new ArrayList<>(partials.getOrDefault(q, List.of()));
      Collections.shuffle(got, new Random(q));
      int[] rank = new int[got.size()];
      int[] art = new int[got.size()];
      float[] part = new float[got.size()];
      for (int i = 0; i < got.size(); i++) {
        rank[i] = (int) got.get(i)[0];
        art[i] = (int) got.get(i)[1];
        part[i] = got.get(i)[2];
      }
      int[] candidates = GroupSteps.candidates(rank, art, part, options);
      GroupSteps.Vector[] theirs = new GroupSteps.Vector[candidates.length];
      for (int i = 0; i < candidates.length; i++) {
        theirs[i] = vectors.get(candidates[i]);
      }
      found.add(new GroupSteps(options).neighbours(vectors.get(q), candidates, theirs));
    }
    // 7. Connected blocks, clustered one at a time.
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int q = 0; q < n; q++) {
      for (int a : found.get(q).articles()) {
        parent[root(parent, q)] = root(parent, a);
      }
    }
    Map<Integer, List<Integer>> blocks = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      blocks.computeIfAbsent(root(parent, i), x -> new ArrayList<>()).add(i);
    }
    List<Story> stories = new ArrayList<>();
    for (List<Integer> block : blocks.values()) {
      stories.addAll(
          GroupSteps.cluster(
              options,
              block.stream().map(articles::get).toList(),
              block.stream().mapToInt(Integer::intValue).toArray(),
              block.stream().map(vectors::get).toList(),
              block.stream().map(found::get).toList()));
    }
    stories.sort(GroupSteps.STORIES);
    return stories;
  }

  private static int root(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
