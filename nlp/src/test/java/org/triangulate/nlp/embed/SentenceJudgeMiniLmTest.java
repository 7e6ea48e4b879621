package org.triangulate.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.triangulate.align.SentenceJudge;
import org.triangulate.align.SentenceJudge.Judgement;
import org.triangulate.align.SentenceJudge.Kind;

/** The judge with the real embedding model on sentences of the Hama examples. */
class SentenceJudgeMiniLmTest {

  private final SentenceJudge judge = new SentenceJudge(MiniLmEmbedder.get());

  @Test
  void tellsAParaphraseFromADifferentFactOnTheSameTopic() {
    Judgement quote =
        judge.judge(
            "This victory will be vengeanceless and merciful",
            "This victory will be without revenge and it will be merciful");
    Judgement homs =
        judge.judge("Homs is located just 40 km (25 mi) south of Hama", "It lies about 25 miles south of Hama");
    Judgement differentFacts =
        judge.judge(
            "Hama is a major intersection point in Syria that links that country\u2019s centre with the"
                + " north as well as the east and the west.",
            "Hama is one of the few cities that remained under full government control during Syria's"
                + " conflict.");
    assertThat(quote.kind()).isEqualTo(Kind.PARAPHRASE);
    assertThat(differentFacts.kind()).isEqualTo(Kind.NONE);
    assertThat(quote.score()).isGreaterThan(differentFacts.score() + 0.3);
    assertThat(homs.score()).isGreaterThan(differentFacts.score());
  }

  @Test
  void checksNumbersAndNegation() {
    String five =
        "The rebels led by the Hayat Tahrir al-Sham (HTS) group, formerly Al Qaeda, entered the city"
            + " from the east this Thursday after surrounding it for five days of fighting against"
            + " forces loyal to Assad.";
    String militants =
        "Militants led by the Hayat Tahrir al-Sham (HTS) group entered the city from the east on"
            + " Thursday after encircling it during five days of fighting with forces loyal to Assad.";
    assertThat(judge.judge(five, militants).kind()).isEqualTo(Kind.PARAPHRASE);
    assertThat(judge.judge(five, militants.replace("five", "three")).kind()).isEqualTo(Kind.NONE);
    assertThat(
            judge.judge(
                    "State media said government forces had withdrawn from Hama to protect civilians.",
                    "Government forces have not withdrawn from Hama, state media said, adding that"
                        + " civilians were safe.")
                .kind())
        .isEqualTo(Kind.NONE);
  }
}
