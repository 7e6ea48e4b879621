package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NumberGatedNer} runs CoreNLP's numeric classifiers and SUTime only on sentences that may
 * hold a number or a time; every reading must stay what CoreNLP's own NER gives, to the last tag,
 * normalised value and time expression. Held on the Hama reports, on development articles (ECB+)
 * and on sentences written to sit at the edge of the anchor words.
 */
class NumberGatedNerTest {

  /**
   * Development articles checked: every 7th. All 772 read identically when last checked in full,
   * which takes three minutes: too long for every build.
   */
  private static final int ECB_ARTICLES = 110;

  private static CoreNlp ungated;

  @BeforeAll
  static void load() {
    ungated = CoreNlp.ungated();
  }

  @AfterAll
  static void unload() {
    ungated = null; // a second set of CRF models; the other tests need the heap
  }

  @Test
  void theHamaReportsReadAsWithCoreNlpsOwnNer() throws IOException {
    assertSameAsUngated(CorpusTexts.hama());
  }

  @Test
  void developmentArticlesReadAsWithCoreNlpsOwnNer() throws IOException {
    List<String> texts = CorpusTexts.development(7, 3, ECB_ARTICLES);
    long[] before = NumberGatedNer.counts();
    assertSameAsUngated(texts);
    long[] after = NumberGatedNer.counts();
    // The shortcut is taken, and not everywhere.
    assertThat(after[0] - before[0]).isGreaterThan(200);
    assertThat(after[1] - before[1]).isGreaterThan(200);
  }

  /**
   * Sentences whose only number or time is a word at the edge of the list (holidays, decades,
   * time zones, a hyphenated number, a currency sign, a CRF model's own DATE) and sentences with
   * none at all.
   */
  @Test
  void edgeSentencesReadAsWithCoreNlpsOwnNer() {
    List<String> texts =
        List.of(
            "Crowds gathered on Christmas Eve in the old town.\n"
                + "The band was famous in the sixties.\n"
                + "Talks resume at noon GMT.\n"
                + "Fifty-five people were hurt.\n"
                + "The fine is €40 or so.\n"
                + "Rebels entered the city, witnesses said.\n"
                + "He spoke during Ramadan and again at Easter.\n"
                + "A dozen soldiers left; hundreds stayed.\n"
                + "It was the first time, and it will not be the last.\n"
                + "Prices rose sharply, the ministry said.\n"
                + "The army withdrew overnight.\n"
                + "The prime minister resigned, ending an era.\n"
                + "Chapter IV describes the siege of the city.\n",
            "Syrian rebels said they had entered Hama after fierce clashes with government forces.\n"
                + "The opposition war monitor reported heavy losses on both sides.");
    assertSameAsUngated(texts);
  }

  @Test
  void anchorWordsAreFoundInTheirForms() {
    assertThat(NumberGatedNer.isAnchor("Thursday")).isTrue();
    assertThat(NumberGatedNer.isAnchor("Dec.")).isTrue();
    assertThat(NumberGatedNer.isAnchor("mid-December")).isTrue();
    assertThat(NumberGatedNer.isAnchor("$")).isTrue();
    assertThat(NumberGatedNer.isAnchor("1,000")).isTrue();
    assertThat(NumberGatedNer.isAnchor("rebels")).isFalse();
    assertThat(NumberGatedNer.isAnchor("Hama")).isFalse();
    assertThat(NumberGatedNer.isAnchor("-")).isFalse();
  }

  private static void assertSameAsUngated(List<String> texts) {
    CoreNlp gated = CoreNlp.get();
    for (String text : texts) {
      Doc want = ungated.parseWhole(text);
      Doc got = gated.parseWhole(text);
      assertThat(got.tokens()).as(text).containsExactlyElementsOf(want.tokens());
      assertThat(got.sentences()).as(text).containsExactlyElementsOf(want.sentences());
      assertThat(got.spans()).as(text).containsExactlyElementsOf(want.spans());
    }
  }
}
