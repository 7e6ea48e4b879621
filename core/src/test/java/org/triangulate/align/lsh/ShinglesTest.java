package org.triangulate.align.lsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShinglesTest {

  @Test
  void caseQuotesAndPunctuationDoNotMatter() {
    String a = "“This victory will be vengeanceless,” said al-Jolani — Syria’s HTS leader.";
    String b = "this VICTORY will be vengeanceless said al Jolani\n\nsyria's hts (leader)";
    assertThat(Shingles.of(a, 5)).isEqualTo(Shingles.of(b, 5)).hasSize(12 - 4);
    assertThat(Shingles.words(a))
        .containsExactly(
            "this",
            "victory",
            "will",
            "be",
            "vengeanceless",
            "said",
            "al",
            "jolani",
            "syria",
            "s",
            "hts",
            "leader");
  }

  @Test
  void wordOrderMatters() {
    assertThat(Shingles.of("a b c d e", 5)).isNotEqualTo(Shingles.of("e d c b a", 5));
    assertThat(Shingles.of("one two three four five six", 5)).hasSize(2);
  }

  @Test
  void shortAndEmptyTexts() {
    assertThat(Shingles.of("", 5)).isEmpty();
    assertThat(Shingles.of(" ... -- !! ", 5)).isEmpty();
    assertThat(Shingles.of("Hama falls", 5)).hasSize(1);
    assertThat(Shingles.of("Hama falls", 5)).isEqualTo(Shingles.of("HAMA, falls.", 5));
    assertThat(Shingles.of("Hama falls", 5)).isNotEqualTo(Shingles.of("Hama", 5));
    assertThat(Shingles.of("a b c d e", 5)).hasSize(1);
  }

  @Test
  void nonAsciiLettersAreWordsAndLowerCased() {
    assertThat(Shingles.of("ZÜRICH Café Ελλάδα İstanbul 𝒜lpha", 2))
        .isEqualTo(Shingles.of("zürich café ελλάδα istanbul 𝒜lpha", 2));
    assertThat(Shingles.words("Zürich–Café")).containsExactly("zürich", "café");
    // an unpaired surrogate separates words
    assertThat(Shingles.words("ab\uD800cd")).containsExactly("ab", "cd");
    assertThat(Shingles.of("ab\uD800cd", 2)).isEqualTo(Shingles.of("ab cd", 2));
  }

  @Test
  void anInstanceForgetsThePreviousText() {
    Shingles s = new Shingles(5);
    String longText = "word ".repeat(3000) + "the end of it all";
    s.hash(longText);
    int n = s.hash("only three words");
    assertThat(n).isEqualTo(1);
    assertThat(s.hashes()[0]).isEqualTo(Shingles.of("only three words", 5)[0]);
    n = s.hash("one two three four five six seven");
    assertThat(java.util.Arrays.copyOf(s.hashes(), n))
        .isEqualTo(Shingles.of("one two three four five six seven", 5));
    assertThat(Shingles.of(longText, 5).length).isEqualTo(3000 + 5 - 4);
  }

  @Test
  void hashesAreFixedAcrossRuns() {
    // a change here changes every index built: on purpose only
    assertThat(Shingles.of("Islamist insurgents have entered the Syrian city", 5))
        .hasSize(3)
        .doesNotHaveDuplicates();
    assertThat(Shingles.of("a b c d e", 5)[0]).isEqualTo(Shingles.of("A. B. C. D. E.", 5)[0]);
    assertThatThrownBy(() -> new Shingles(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Shingles(17)).isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(new Shingles(16).k())).containsExactly(16);
  }
}
