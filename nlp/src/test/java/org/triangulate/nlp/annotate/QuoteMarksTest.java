package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quote marks paired into quotes: where a quote opens and where it closes. */
class QuoteMarksTest {

  /** The quoted parts of {@code text}, between their marks. */
  private static List<String> quotes(String text) {
    return Quotes.markPairs(text).stream().map(p -> text.substring(p[1], p[2])).toList();
  }

  @Test
  void aStrayOpeningMarkInsideAQuoteDoesNotSplitIt() {
    // The Guardian's Hama report, as published.
    String guardian =
        "“Even if the Russians and Iranian or Iranian-backed forces become more involved, they are"
            + " still limited by their own wars. “It seems unlikely that they will reach the level of"
            + " support we have seen previously.”";
    assertThat(quotes(guardian))
        .containsExactly(
            "Even if the Russians and Iranian or Iranian-backed forces become more involved, they"
                + " are still limited by their own wars. “It seems unlikely that they will reach the"
                + " level of support we have seen previously.");
  }

  @Test
  void aQuoteReopenedAfterNarrationIsTwoQuotes() {
    // A close mark missing, then narration with a reporting verb: two quotes, as before.
    assertThat(quotes("“We will stay. He added: “We will not leave the city.”"))
        .containsExactly("We will stay. He added: ", "We will not leave the city.");
    assertThat(quotes("“We will stay. Officials said so. “We will not leave.”"))
        .containsExactly("We will stay. Officials said so. ", "We will not leave.");
    // Reopened in mid-sentence: not a sentence of the quote ending.
    assertThat(quotes("“We will stay, “and we will fight.”"))
        .containsExactly("We will stay, ", "and we will fight.");
    // No closing mark after it in the paragraph.
    assertThat(quotes("“We will stay. “We will fight\nNext paragraph."))
        .containsExactly("We will stay. ", "We will fight");
  }

  @Test
  void paragraphsAndPlainQuotesAreAsBefore() {
    assertThat(quotes("He said: “One.” Then: “Two.”")).containsExactly("One.", "Two.");
    assertThat(quotes("“A long quote goes on\n“and on.”")).containsExactly("A long quote goes on", "and on.");
    assertThat(quotes("He said \"yes.\" She said \"no.\"")).containsExactly("yes.", "no.");
  }

  @Test
  void reportingVerbsAreKnownInTheirForms() {
    String quote = "“We stay. “Fine.”";
    assertThat(Quotes.strayOpening(quote, 1, quote.indexOf('“', 1), quote.length())).isTrue();
    for (String narration : List.of("He said.", "She says.", "They added.", "He warned.", "Officials stated.", "She told us.", "He was saying.")) {
      String t = "“We stay. " + narration + " “Fine.”";
      assertThat(Quotes.strayOpening(t, 1, t.indexOf('“', 1), t.length())).as(narration).isFalse();
    }
  }
}
