package org.triangulate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Story;

class IdentitiesTest {

  private static Story story(String id, String... articles) {
    return new Story(id, "t", List.of(articles), Optional.empty(), Optional.empty(), List.of());
  }

  @Test
  void aStoryThatGrowsKeepsItsIdAndOneThatDidNotChangeIsTheSameRecord() {
    Story a = story("s-a", "a1", "a2");
    Story b = story("s-b", "b1");
    Identities ids =
        Identities.assign(List.of(a, b), List.of(story("s-new1", "a1", "a2", "n1"), story("s-x", "b1")));
    assertThat(ids.stories()).extracting(Story::id).containsExactlyInAnyOrder("s-a", "s-b");
    assertThat(ids.stories()).contains(b);
    assertThat(ids.changed()).extracting(Story::id).containsExactly("s-a");
    assertThat(ids.grown()).containsExactly("s-a");
    assertThat(ids.created()).isEmpty();
  }

  @Test
  void aMergeKeepsTheLargerStorysIdAndRecordsTheOtherAsAnAlias() {
    Story a = story("s-a", "a1", "a2");
    Story b = story("s-b", "b1");
    Identities ids =
        Identities.assign(List.of(a, b), List.of(story("s-m", "a1", "a2", "b1", "n1")));
    assertThat(ids.stories()).hasSize(1);
    Story m = ids.stories().get(0);
    assertThat(m.id()).isEqualTo("s-a");
    assertThat(m.aliases()).containsExactly("s-b");
    assertThat(ids.merged()).isEqualTo(Map.of("s-a", List.of("s-b")));
  }

  @Test
  void aliasesCarryOverAndNewStoriesKeepTheirContentIds() {
    Story a = story("s-a", "a1", "a2").withId("s-a", List.of("s-old"));
    Identities ids =
        Identities.assign(List.of(a), List.of(story("s-a2", "a1", "a2", "a3"), story("s-n", "n1")));
    Story grown = ids.stories().stream().filter(s -> s.articles().contains("a1")).findFirst().orElseThrow();
    assertThat(grown.id()).isEqualTo("s-a");
    assertThat(grown.aliases()).containsExactly("s-old");
    assertThat(ids.created()).containsExactly("s-n");
  }

  @Test
  void aSplitStoryKeepsItsIdForThePartWithMostOfItsArticles() {
    Story a = story("s-a", "a1", "a2", "a3");
    Identities ids =
        Identities.assign(List.of(a), List.of(story("s-p", "a1", "a2"), story("s-q", "a3", "n1")));
    assertThat(ids.stories()).extracting(Story::id).containsExactlyInAnyOrder("s-a", "s-q");
  }
}
