package org.triangulate.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.triangulate.eval.ClusterScores;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Story;

class StoryGrouperTest {

  private static final String UNRELATED =
      "The council of Oakridge approved a budget for parks and libraries on Tuesday evening. "
          + "Councillors voted seven to two for the plan, which adds reading rooms to three "
          + "branch libraries and repairs the playground at Miller Park.";

  private static Article article(String id, String text, Optional<String> published) {
    return new Article(
        id,
        "test",
        Optional.empty(),
        "text",
        ArticleMetadata.EMPTY.withPublished(published),
        text,
        List.of(),
        List.of());
  }

  private static List<Story> group(List<Article> articles) {
    return new StoryGrouper(GroupOptions.defaults().withThreads(2)).group(articles);
  }

  @Test
  void groupsTheFiveHamaReportsIntoOneStory() {
    List<Article> hama = Hama.articles();
    assertThat(hama).hasSize(5);
    List<Story> stories = group(hama);
    assertThat(stories).hasSize(1);
    Story story = stories.get(0);
    assertThat(story.articles())
        .containsExactlyElementsOf(hama.stream().map(Article::id).sorted().toList());
    assertThat(story.first()).contains("2024-12-05");
    assertThat(story.last()).contains("2024-12-05");
    assertThat(story.title()).isNotBlank().hasSizeLessThanOrEqualTo(101);
    assertThat(story.keys()).hasSizeBetween(1, 10);
    assertThat(story.keys()).extracting(Story.Key::text).contains("Hama", "Assad");
    assertThat(story.keys())
        .extracting(Story.Key::kind)
        .containsAnyOf("place")
        .allMatch(k -> k.equals("term") || k.equals("entity") || k.equals("place"));
  }

  @Test
  void opensAStoryOfOneForAnArticleThatMatchesNothing() {
    List<Article> articles = new ArrayList<>(Hama.articles());
    articles.add(article("budget", UNRELATED, Optional.of("2024-12-05")));
    List<Story> stories = group(articles);
    assertThat(stories).hasSize(2);
    assertThat(stories).filteredOn(s -> s.articles().equals(List.of("budget"))).hasSize(1);
  }

  @Test
  void givesEveryArticleExactlyOneStory() {
    SyntheticCorpus corpus = SyntheticCorpus.generate(600, 7);
    List<Story> stories = group(corpus.articles());
    List<String> listed = stories.stream().flatMap(s -> s.articles().stream()).toList();
    assertThat(listed).doesNotHaveDuplicates();
    assertThat(new HashSet<>(listed))
        .isEqualTo(new HashSet<>(corpus.articles().stream().map(Article::id).toList()));
  }

  @Test
  void recoversTheStoriesOfASyntheticCorpus() {
    long seed = 11;
    System.out.println("synthetic corpus seed " + seed);
    SyntheticCorpus corpus = SyntheticCorpus.generate(3000, seed);
    Map<String, String> gold = new HashMap<>();
    for (int i = 0; i < corpus.articles().size(); i++) {
      gold.put(corpus.articles().get(i).id(), "g" + corpus.story()[i]);
    }
    Map<String, String> predicted = new HashMap<>();
    for (Story s : group(corpus.articles())) {
      s.articles().forEach(id -> predicted.put(id, s.id()));
    }
    ClusterScores scores = ClusterScores.of(predicted, gold);
    System.out.println("synthetic corpus " + scores);
    assertThat(scores.ari()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void derivesTheStoryIdFromItsSortedArticleIds() {
    List<Story> stories = group(Hama.articles());
    Story story = stories.get(0);
    assertThat(story.id()).isEqualTo(StoryBuilder.id(story.articles()));
    assertThat(story.id()).matches("s-[0-9a-f]{16}");
    assertThat(StoryBuilder.id(List.of("a", "b"))).isNotEqualTo(StoryBuilder.id(List.of("ab")));
  }

  @Test
  void ordersStoriesByFirstDayThenId() {
    List<Article> articles = new ArrayList<>();
    articles.add(article("late", UNRELATED, Optional.of("2024-03-02")));
    articles.add(
        article(
            "undated",
            "Lava reached the sea at Kapoho, the volcano observatory said.",
            Optional.empty()));
    articles.add(
        article(
            "early",
            "Wladimir Klitschko stopped Tony Thompson in Bern.",
            Optional.of("2012-07-07T22:07:00Z")));
    List<Story> stories = group(articles);
    assertThat(stories)
        .extracting(s -> s.articles().get(0))
        .containsExactly("early", "late", "undated");
    assertThat(stories.get(0).first()).contains("2012-07-07");
    assertThat(stories.get(2).first()).isEmpty();
  }

  @Test
  void titlesAStoryWithoutHeadlineByItsFirstSentenceCutNearAHundredCharacters() {
    Article a = article("x", "Short first sentence. Second one.", Optional.empty());
    assertThat(StoryBuilder.title(a)).isEqualTo("Short first sentence.");
    String longSentence = "word ".repeat(40).strip() + ".";
    String title = StoryBuilder.title(article("y", longSentence, Optional.empty()));
    assertThat(title).endsWith("\u2026").hasSizeLessThanOrEqualTo(101);
    assertThat(StoryBuilder.title(article("z", "  ", Optional.empty()))).isEqualTo("z");
  }

  @Test
  void groupsNoArticlesIntoNoStories() {
    assertThat(group(List.of())).isEmpty();
  }

  @Test
  void rejectsTwoArticlesWithOneId() {
    List<Article> twice =
        List.of(
            article("same", UNRELATED, Optional.empty()),
            article("same", "Other text.", Optional.empty()));
    assertThatThrownBy(() -> group(twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same");
  }

  @Test
  void givesAnArticleWithoutWordsAStoryOfItsOwn() {
    List<Article> articles = new ArrayList<>(Hama.articles());
    articles.add(article("empty", "", Optional.empty()));
    articles.add(article("dots", "... !!! 12 34", Optional.empty()));
    Set<List<String>> groups = new HashSet<>();
    group(articles).forEach(s -> groups.add(s.articles()));
    assertThat(groups).contains(List.of("empty"), List.of("dots"));
  }
}
