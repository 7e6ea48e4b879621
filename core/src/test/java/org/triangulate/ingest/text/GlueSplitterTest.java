package org.triangulate.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.triangulate.ingest.WordList;

class GlueSplitterTest {

  private static final GlueSplitter SPLITTER =
      new GlueSplitter(
          WordList.of(
              Set.of(
                  "massacre",
                  "when",
                  "the",
                  "of",
                  "vengeance",
                  "less",
                  "counter",
                  "offensive",
                  "seat",
                  "seats",
                  "tack",
                  "stack",
                  "known",
                  "word",
                  "nowhere")));

  @Test
  void splitsTwoKnownWordsGluedTogether() {
    assertThat(SPLITTER.split("massacrewhen")).isEqualTo("massacre".length());
    assertThat(SPLITTER.split("massacreof")).isEqualTo("massacre".length());
  }

  @Test
  void prefersTheLongestFirstHalf() {
    assertThat(SPLITTER.split("seatstack")).isEqualTo("seats".length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nowhere", // known as it stands
        "Massacrewhen", // capitalised: a name, perhaps
        "massacre2when", // digits
        "massacrewhenx", // a half is unknown
        "massacrewh", // "wh" is no word
        "vengeanceless", // a suffix: an unknown derived word, not a glue
        "counteroffensive", // a prefix
        "seatof", // shorter than 7
        "massacre-when" // not letters only
      })
  void leavesOtherTokensWhole(String token) {
    assertThat(SPLITTER.split(token)).isEqualTo(-1);
  }

  @Test
  void leavesVeryLongTokensWholeWithoutTryingEverySplit() {
    String token = "massacre".repeat(20_000) + "when";
    int cut = assertTimeoutPreemptively(Duration.ofMillis(500), () -> SPLITTER.split(token));
    assertThat(cut).isEqualTo(-1);
  }

  @Test
  void splitsNothingWithTheEmptyWordList() {
    assertThat(new GlueSplitter(WordList.empty()).split("massacrewhen")).isEqualTo(-1);
  }

  @Test
  void splitsARangeOfALongerString() {
    String s = "the massacrewhen forces";
    assertThat(SPLITTER.split(s, 4, 16)).isEqualTo(8);
    assertThat(SPLITTER.split(s, 0, 16)).isEqualTo(-1);
  }
}
