package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnglishWordListTest {

  private final EnglishWordList words = EnglishWordList.get();

  @Test
  void knowsInflectedFormsInAnyCase() {
    assertThat(words.contains("massacre")).isTrue();
    assertThat(words.contains("massacres")).isTrue();
    assertThat(words.contains("when")).isTrue();
    assertThat(words.contains("When")).isTrue();
    assertThat(words.contains("redeploying")).isTrue();
  }

  @Test
  void doesNotKnowGluedWords() {
    assertThat(words.contains("massacrewhen")).isFalse();
    assertThat(words.contains("citywhere")).isFalse();
    assertThat(words.contains("")).isFalse();
  }

  @Test
  void isSharedAcrossTheJvm() {
    assertThat(EnglishWordList.get()).isSameAs(words);
    assertThat(words.size()).isBetween(200_000, 1_000_000);
  }
}
