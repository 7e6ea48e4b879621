package org.triangulate.align;

import org.triangulate.text.LexicalStemmer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceTokensTest {

  @Test
  void readsWordsNumbersNamesAndNegation() {
    SentenceTokens t =
        SentenceTokens.of("The U.S. economy grew 2.5% on Monday, Mr. Bush said; he doesn't expect 1,520.50 jobs.");
    assertThat(t.surface)
        .containsExactly("the", "us", "economy", "grew", "2.5", "on", "monday", "mr", "bush", "said", "he",
            "doesnt", "expect", "1520.50", "jobs");
    assertThat(t.words)
        .containsExactly("the", "us", "economy", "grew", "2.5", "percent", "on", "monday", "mr", "bush",
            "said", "he", "does", "not", "expect", "1520.5", "jobs");
    assertThat(t.numbers).containsExactlyInAnyOrder("2.5", "1520.5");
    assertThat(t.names).containsExactlyInAnyOrder("us", "bush");
    assertThat(t.negations).isEqualTo(1);
    assertThat(t.weekdays).containsExactly("monday");
  }

  @Test
  void normalisesNumberWordsUnitsAndDecimalCommas() {
    SentenceTokens t = SentenceTokens.of("Twenty-eight people walked five km, or 1,2 million steps, 15 per cent of it uphill");
    assertThat(t.numbers).containsExactlyInAnyOrder("28", "5", "1.2", "15");
    assertThat(t.words).contains("kilometers", "percent").doesNotContain("per", "cent", "km");
    assertThat(SentenceTokens.of("It lies 25 mi south.").words).contains("miles");
  }

  @Test
  void contractionsWithOrWithoutApostrophe() {
    assertThat(SentenceTokens.of("We won't go").words).containsExactly("we", "will", "not", "go");
    assertThat(SentenceTokens.of("I dont know").words).containsExactly("i", "do", "not", "know");
    assertThat(SentenceTokens.of("Dominick's chain").words).containsExactly("dominick", "chain");
    assertThat(SentenceTokens.of("Eugene O'Neill's drama").words).containsExactly("eugene", "oneill", "drama");
  }

  @Test
  void negationsCountedOnceEachAndNotInCompounds() {
    assertThat(SentenceTokens.of("They never said no.").negations).isEqualTo(2);
    assertThat(SentenceTokens.of("He declined to comment.").negations).isEqualTo(1);
    assertThat(SentenceTokens.of("Shares declined 5 percent.").negations).isZero();
    assertThat(SentenceTokens.of("The do-not-call registry opened.").negations).isZero();
    assertThat(SentenceTokens.of("A vengeanceless victory, nevertheless.").negations).isEqualTo(1);
  }

  @Test
  void monthsNeedACapital() {
    assertThat(SentenceTokens.of("They march in March.").months).containsExactly("3");
    assertThat(SentenceTokens.of("It may rain in May.").months).containsExactly("5");
  }

  @Test
  void theStemmerJoinsInflections() {
    assertThat(LexicalStemmer.stem("attacked")).isEqualTo(LexicalStemmer.stem("attacks")).isEqualTo(LexicalStemmer.stem("attacking"));
    assertThat(LexicalStemmer.stem("cities")).isEqualTo(LexicalStemmer.stem("city"));
    assertThat(LexicalStemmer.stem("stopped")).isEqualTo(LexicalStemmer.stem("stop"));
    assertThat(LexicalStemmer.stem("closed")).isEqualTo(LexicalStemmer.stem("closing")).isEqualTo(LexicalStemmer.stem("close"));
    assertThat(LexicalStemmer.stem("the")).isEqualTo("the");
    assertThat(LexicalStemmer.stem("2.5")).isEqualTo("2.5");
  }
}
