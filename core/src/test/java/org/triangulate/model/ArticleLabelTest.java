package org.triangulate.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Articles go by a short name readers know: outlet, domain, or the readable part of the id. */
class ArticleLabelTest {

  private static Article article(String id, String outlet, String url) {
    return new Article(
        id,
        id + ".txt",
        Optional.empty(),
        "text",
        new ArticleMetadata(
            Optional.empty(), Optional.empty(), Optional.ofNullable(outlet), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.ofNullable(url), Optional.empty()),
        "Rebels entered Hama.",
        List.of(),
        List.of());
  }

  @Test
  void theOutletFirstThenTheDomainThenTheIdWithoutItsHash() {
    assertThat(article("000_5f845e8b32303230", "The Guardian", "https://www.theguardian.com/x").label())
        .isEqualTo("The Guardian");
    assertThat(article("000_5f845e8b32303230", null, "https://www.aljazeera.com/news/1").label())
        .isEqualTo("aljazeera.com");
    assertThat(article("x", null, "https://EN.Wikipedia.org/wiki/Hama").label()).isEqualTo("en.wikipedia.org");
    assertThat(article("000_5f845e8b32303230", null, null).label()).isEqualTo("000");
    assertThat(article("000_5f845e8b32303230~2", null, null).label()).isEqualTo("000~2");
    assertThat(article("report-0A1B2C3D4E", null, null).label()).isEqualTo("report");
    // Not a hash: the id as it is.
    assertThat(article("1_3ecbplus", null, null).label()).isEqualTo("1_3ecbplus");
    assertThat(article("hama_fall", null, null).label()).isEqualTo("hama_fall");
    // A URL that is no URL names no domain.
    assertThat(article("a_0123456789", null, "not a url at all").label()).isEqualTo("a");
  }

  @Test
  void aLabelTwoArticlesOfAStoryShareIsFollowedByTheId() {
    List<Article> story =
        List.of(article("r1", "Reuters", null), article("r2", "Reuters", null), article("g_0123456789", null, null));
    assertThat(Article.labels(story))
        .containsEntry("r1", "Reuters (r1)")
        .containsEntry("r2", "Reuters (r2)")
        .containsEntry("g_0123456789", "g")
        .hasSize(3);
  }
}
