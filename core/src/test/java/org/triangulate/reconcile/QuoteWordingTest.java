package org.triangulate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Span;

/** The word-level helpers of the quote groups, on words from the Hama and ECB+ quotes. */
class QuoteWordingTest {

  @Test
  void tokenisedCliticsAreJoinedToTheirWord() {
    String text = "We ’ ll continue to monitor the situation. It ' s tough.";
    assertThat(QuoteText.words(text, new Span(0, text.length())))
        .containsExactly("we'll", "continue", "to", "monitor", "the", "situation", "it's", "tough");
  }

  @Test
  void contractionsAreSpelledOutButPossessivesKept() {
    assertThat(QuoteWording.expand(words("it's hard they're still limited we've seen")))
        .containsExactly(
            "it", "is", "hard", "they", "are", "still", "limited", "we", "have", "seen");
    assertThat(QuoteWording.expand(words("the regime's fall didn't start")))
        .containsExactly("the", "regime's", "fall", "did", "not", "start");
  }

  @Test
  void cutsAndSpellingsAreNoMaterialDifference() {
    assertThat(
            QuoteWording.material(
                words("i was stopped by an officer"),
                words("this morning i was stopped by an officer")))
        .isFalse();
    assertThat(
            QuoteWording.material(
                words("he probably realised if he didn't"),
                words("he probably realized if he didn't")))
        .isFalse();
    assertThat(QuoteWording.material(words("devil's horns"), words("devil horns"))).isFalse();
    assertThat(
            QuoteWording.material(
                words("this morning i was stopped by an officer"),
                words("yesterday i was stopped by an officer")))
        .isTrue();
    assertThat(QuoteWording.material(words("closely monitoring"), words("closely following")))
        .isTrue();
    assertThat(QuoteWording.material(words("filed"), words("fired"))).isTrue();
    assertThat(QuoteWording.spellings("defence", "defense")).isTrue();
    assertThat(QuoteWording.spellings("neighbourhoods", "neighborhoods")).isTrue();
    assertThat(QuoteWording.spellings("travelled", "traveled")).isTrue();
    assertThat(QuoteWording.spellings("centre", "center")).isTrue();
    assertThat(QuoteWording.spellings("vengeful", "vengeance")).isFalse();
  }

  @Test
  void differencesNameTheWordsThatReplaceOrAdd() {
    assertThat(
            QuoteWording.differences(words("was not prepared at all"), words("totally unprepared")))
        .isEqualTo("\"totally unprepared\" for \"was not prepared at all\"");
    assertThat(
            QuoteWording.differences(
                words("i think it is difficult to see a scenario"),
                words("i think it is hard to see a scenario in damascus")))
        .isEqualTo("\"hard\" for \"difficult\", adds \"in damascus\"");
    assertThat(QuoteWording.differences(words("a b c d"), words("b c"))).isEmpty();
  }

  @Test
  void wordsOfOneStemMatchButShortNamesDoNot() {
    assertThat(QuoteMatcher.similarWords("merciful", "mercy")).isTrue();
    assertThat(QuoteMatcher.similarWords("vengeanceless", "vengeful")).isTrue();
    assertThat(QuoteMatcher.similarWords("unprepared", "prepared")).isTrue();
    assertThat(QuoteMatcher.similarWords("taradise", "tara")).isFalse();
    assertThat(QuoteMatcher.similarWords("president", "presence")).isFalse();
    assertThat(QuoteMatcher.similarWords("monitoring", "following")).isFalse();
  }

  @Test
  void shortCapitalisedQuotesReadAsTitles() {
    assertThat(QuoteMatcher.title("Catching Fire", 2)).isTrue();
    assertThat(QuoteMatcher.title("Most Likely to Succeed.", 4)).isTrue();
    assertThat(QuoteMatcher.title("surround and drown", 3)).isFalse();
    assertThat(QuoteMatcher.title("Mo is family,", 3)).isFalse();
    assertThat(QuoteMatcher.title("The Syrian regime at this stage must urgently engage", 9))
        .isFalse();
  }

  private static List<String> words(String s) {
    return List.of(s.split(" "));
  }
}
