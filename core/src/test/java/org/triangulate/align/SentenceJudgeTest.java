package org.triangulate.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.align.SentenceJudge.Judgement;
import org.triangulate.align.SentenceJudge.Kind;

/**
 * The judge on sentences from the Hama examples ({@code examples/hama}) and variants of them.
 *
 * <p>Where the judgement needs the embedding, the tests pass two unit vectors whose cosine is the
 * one all-MiniLM-L6-v2-q gives the pair (measured with {@code MiniLmEmbedder}, noted per test), so
 * that core is tested without the model; {@code SentenceJudgeMiniLmTest} in nlp runs the real one.
 */
class SentenceJudgeTest {

  private static final SentenceJudge LEXICAL = SentenceJudge.lexical();

  /** A judge whose "embedder" must not be called: tests pass the vectors. */
  private static final SentenceJudge WITH_VECTORS =
      new SentenceJudge(
          new Embedder() {
            @Override
            public List<float[]> embed(List<String> sentences) {
              throw new AssertionError("the judge embedded although it was given the vectors");
            }

            @Override
            public int dimensions() {
              return 384;
            }
          });

  /** Two unit vectors of 384 dimensions with the given cosine. */
  private static float[][] withCosine(double cosine) {
    float[] a = new float[384];
    float[] b = new float[384];
    a[7] = 1;
    b[7] = (float) cosine;
    b[100] = (float) Math.sqrt(1 - cosine * cosine);
    return new float[][] {a, b};
  }

  private static Judgement embedded(String a, String b, double cosine) {
    float[][] v = withCosine(cosine);
    return WITH_VECTORS.judge(a, b, v[0], v[1]);
  }

  static final String VENGEANCELESS = "This victory will be vengeanceless and merciful";
  static final String WITHOUT_REVENGE = "This victory will be without revenge and it will be merciful";

  @Test
  void samewordsAreVerbatimWhateverThePunctuationAndCase() {
    Judgement j =
        LEXICAL.judge(
            "The Syrian army said it had withdrawn from Hama.",
            "the Syrian army said: it had withdrawn from HAMA!");
    assertThat(j).isEqualTo(new Judgement(Kind.VERBATIM, 1.0));
    assertThat(j.kind().wireName()).isEqualTo("verbatim");
    assertThat(WITH_VECTORS.judge("Hama fell.", "Hama fell", null, null).kind()).isEqualTo(Kind.VERBATIM);
  }

  @Test
  void aSentenceWithAFewWordsChangedIsEdited() {
    Judgement j =
        LEXICAL.judge(
            "Islamist insurgents have entered the Syrian city of Hama in a battle for a vital spot on"
                + " the road to Damascus, marking the latest challenge to Bashar al-Assad\u2019s control of"
                + " the country.",
            "Islamist rebels have seized the Syrian city of Hama in a battle to seize a vital post on"
                + " the road to Damascus, marking the latest challenge to Bashar al-Assad\u2019s control of"
                + " the country.");
    assertThat(j.kind()).isEqualTo(Kind.EDITED);
    assertThat(j.kind().wireName()).isEqualTo("edited");
    assertThat(j.score()).isGreaterThan(0.9);
  }

  @Test
  void theLooseParaphraseOfTheQuoteIsAParaphraseWithTheEmbedding() {
    // all-MiniLM-L6-v2-q cosine 0.896
    Judgement j = embedded(VENGEANCELESS, WITHOUT_REVENGE, 0.896);
    assertThat(j.kind()).isEqualTo(Kind.PARAPHRASE);
    assertThat(j.kind().wireName()).isEqualTo("paraphrase");
    assertThat(j.score()).isBetween(0.6, 1.0);
    // The quote with its attribution is the same sentence with two words changed.
    Judgement inContext =
        LEXICAL.judge(
            "\u201c" + VENGEANCELESS + ",\u201d HTS leader Abu Mohammed al-Jolani said in a message to"
                + " the people of Hama.",
            "\u201c" + WITHOUT_REVENGE + ",\u201d HTS leader Abu Mohammed al-Jolani said in a message to"
                + " the people of Hama.");
    assertThat(inContext.kind()).isEqualTo(Kind.EDITED);
  }

  @Test
  void theSameFactInOtherWordsScoresAboveTwoDifferentFactsAboutHama() {
    // cosines 0.644 and 0.709: the embedding alone ranks them the wrong way round
    Judgement homs =
        embedded("Homs is located just 40 km (25 mi) south of Hama", "It lies about 25 miles south of Hama", 0.644);
    Judgement differentFacts =
        embedded(
            "Hama is a major intersection point in Syria that links that country\u2019s centre with the"
                + " north as well as the east and the west.",
            "Hama is one of the few cities that remained under full government control during Syria's"
                + " conflict.",
            0.709);
    assertThat(differentFacts.kind()).isEqualTo(Kind.NONE);
    assertThat(differentFacts.score()).isLessThan(0.25);
    assertThat(homs.kind()).isNotIn(Kind.VERBATIM, Kind.EDITED);
    assertThat(homs.score()).isGreaterThan(differentFacts.score() + 0.05);
    assertThat(SentenceJudge.disagreements("Homs is located just 40 km (25 mi) south of Hama", "It lies about 25 miles south of Hama"))
        .as("25 mi and 25 miles agree; 40 km has no counterpart")
        .isEmpty();
  }

  @Test
  void twoPlacesAtDifferentDistancesAreDifferentFactsWhateverTheUnits() {
    // 002 and 004 on Hama: Homs 25 miles south of Hama; Hama 200 km north of Damascus. Cosine 0.799:
    // close in meaning, and once judged a paraphrase.
    String homs =
        "It lies about 25 miles south of Hama and is the gate to the capital Damascus and the coastal"
            + " region that is a base of support for Assad.";
    String hama =
        "Located about 200 kilometers north of the capital, Damascus, Hama is strategically important"
            + " as it borders the coastal province of Latakia, a key base of popular support for Assad.";
    assertThat(SentenceJudge.disagreements(homs, hama)).as("25 miles is 40 km, not 200").containsExactly("number");
    Judgement j = embedded(homs, hama, 0.799);
    assertThat(j.kind()).isEqualTo(Kind.NONE);
    assertThat(j.score()).isLessThanOrEqualTo(SentenceJudge.FAILED_CHECK_SCORE);
    assertThat(LEXICAL.judge(homs, hama).kind()).isEqualTo(Kind.NONE);
    // The same distance in two units, as 003 gives it, agrees.
    String both = "Homs, which is about 40 kilometers (25 miles) south of Hama, is the gate to the capital Damascus.";
    assertThat(SentenceJudge.disagreements(homs, both)).isEmpty();
    assertThat(SentenceJudge.disagreements("It lies 40 km from Hama.", "It lies 25 miles from Hama.")).isEmpty();
    assertThat(SentenceJudge.disagreements("It lies 40 km from Hama.", "It lies 40 miles from Hama.")).containsExactly("number");
  }

  @Test
  void oppositeDirectionsOfOnePlaceDisagree() {
    assertThat(SentenceJudge.disagreements("The town lies south of Hama.", "The town lies north of Hama."))
        .containsExactly("direction");
    assertThat(SentenceJudge.disagreements("Clashes spread in northern Syria.", "Clashes spread in southern Syria."))
        .containsExactly("direction");
    assertThat(SentenceJudge.disagreements("The town lies north-east of the capital.", "The town lies east of the capital."))
        .as("north-east and east share a point")
        .isEmpty();
    assertThat(SentenceJudge.disagreements("Homs lies south of Hama.", "Hama lies north of Homs."))
        .as("one place located from two others: the same fact turned round")
        .isEmpty();
    assertThat(SentenceJudge.disagreements("The West Bank and North Korea", "South Africa and East Jerusalem")).isEmpty();
  }

  @Test
  void aParaphraseWithAnotherNumberIsNot() {
    String five =
        "The rebels led by the Hayat Tahrir al-Sham (HTS) group, formerly Al Qaeda, entered the city"
            + " from the east this Thursday after surrounding it for five days of fighting against"
            + " forces loyal to Assad.";
    String alsoFive =
        "Militants led by the Hayat Tahrir al-Sham (HTS) group entered the city from the east on"
            + " Thursday after encircling it during five days of fighting with forces loyal to Assad.";
    String three = alsoFive.replace("five days", "three days");
    // cosines 0.912 and 0.910
    Judgement same = embedded(five, alsoFive, 0.912);
    Judgement other = embedded(five, three, 0.910);
    assertThat(same.kind()).isEqualTo(Kind.PARAPHRASE);
    assertThat(other.kind()).isEqualTo(Kind.NONE);
    assertThat(other.score()).isLessThanOrEqualTo(SentenceJudge.FAILED_CHECK_SCORE);
    assertThat(SentenceJudge.disagreements(five, three)).containsExactly("number");
    // The same sentence with the number changed is still an edited copy, but not the same fact.
    Judgement edit = LEXICAL.judge(alsoFive, three);
    assertThat(edit.kind()).isEqualTo(Kind.EDITED);
    assertThat(edit.score()).isLessThanOrEqualTo(SentenceJudge.FAILED_CHECK_SCORE);
  }

  @Test
  void roundedAndHedgedNumbersAgree() {
    assertThat(SentenceJudge.disagreements("The death toll approached 770 on Tuesday.", "The death toll was 767 on Tuesday.")).isEmpty();
    assertThat(SentenceJudge.disagreements("It spent $1.52 million of its own money.", "It spent $1.5 million of its own money.")).isEmpty();
    assertThat(SentenceJudge.disagreements("About 30 people were hurt.", "Some 27 people were hurt.")).isEmpty();
    assertThat(SentenceJudge.disagreements("Twenty-eight people were hurt.", "27 people were hurt.")).containsExactly("number");
    assertThat(SentenceJudge.disagreements("Ninety-five percent of cargo goes by ship.", "Ships carry 95 percent of cargo.")).isEmpty();
  }

  @Test
  void aNegatedSentenceIsNotTheSameThing() {
    String said = "State media said government forces had withdrawn from Hama to protect civilians.";
    String not = "Government forces have not withdrawn from Hama, state media said, adding that civilians were safe.";
    Judgement j = embedded(said, not, 0.879); // cosine 0.879
    assertThat(j.kind()).isEqualTo(Kind.NONE);
    assertThat(j.score()).isLessThanOrEqualTo(SentenceJudge.FAILED_CHECK_SCORE);
    assertThat(SentenceJudge.disagreements(said, not)).containsExactly("negation");

    Judgement denied =
        LEXICAL.judge(
            "Syrian state media said the insurgents had breached the city of Hama.",
            "Syrian state media denied that the insurgents had breached the city of Hama.");
    assertThat(denied.kind()).isEqualTo(Kind.EDITED);
    assertThat(denied.score()).isLessThanOrEqualTo(SentenceJudge.FAILED_CHECK_SCORE);
    // Both negated: they agree.
    assertThat(SentenceJudge.disagreements("He doesn't fit the plan.", "He does not fit our plan.")).isEmpty();
    assertThat(SentenceJudge.disagreements("He declined to comment.", "He would not comment.")).isEmpty();
  }

  @Test
  void anotherDayOrAnotherNameIsNotTheSameThing() {
    assertThat(
            SentenceJudge.disagreements(
                "The study was published on Tuesday in Circulation.",
                "The study was published on Monday in Circulation."))
        .containsExactly("date");
    assertThat(
            SentenceJudge.disagreements(
                "Officials said Tuesday the study was published in Circulation.",
                "Officials said Monday the study was published in Circulation."))
        .as("the day a statement was made dates the report, not the fact")
        .isEmpty();
    assertThat(
            SentenceJudge.disagreements(
                "Lapidus expects Ford to be down 5 percent this month.",
                "Lapidus expects Chrysler to be down 5 percent this month."))
        .containsExactly("name");
    assertThat(
            SentenceJudge.disagreements(
                "Cleric Muqtada al-Sadr said so in a sermon.", "Cleric Moqtada al-Sadr said so in a sermon."))
        .as("two spellings of one name")
        .isEmpty();
    assertThat(
            SentenceJudge.disagreements(
                "But U.S. troops will not shrink from raids.", "But American troops will not shrink from raids."))
        .isEmpty();
  }

  @Test
  void withoutVectorsOrEmbedderItUsesTheLexicalModel() {
    Judgement lexical = LEXICAL.judge(VENGEANCELESS, WITHOUT_REVENGE);
    assertThat(LEXICAL.judge(VENGEANCELESS, WITHOUT_REVENGE, null, null)).isEqualTo(lexical);
    float[][] v = withCosine(0.896);
    assertThat(LEXICAL.judge(VENGEANCELESS, WITHOUT_REVENGE, v[0], null)).isEqualTo(lexical);
    assertThat(LEXICAL.judge(VENGEANCELESS, WITHOUT_REVENGE, v[0], v[1]).score())
        .as("vectors given: the embedding model")
        .isNotEqualTo(lexical.score());
    assertThat(LEXICAL.embeds()).isFalse();
  }

  @Test
  void itEmbedsWhatItIsNotGivenOnceAndNotVerbatimPairs() {
    List<List<String>> calls = new ArrayList<>();
    float[][] v = withCosine(0.896);
    SentenceJudge judge =
        new SentenceJudge(
            new Embedder() {
              @Override
              public List<float[]> embed(List<String> sentences) {
                calls.add(List.copyOf(sentences));
                return sentences.size() == 2 ? List.of(v[0], v[1]) : List.of(v[1]);
              }

              @Override
              public int dimensions() {
                return 384;
              }
            });
    assertThat(judge.embeds()).isTrue();
    Judgement both = judge.judge(VENGEANCELESS, WITHOUT_REVENGE);
    assertThat(calls).containsExactly(List.of(VENGEANCELESS, WITHOUT_REVENGE));
    assertThat(both).isEqualTo(WITH_VECTORS.judge(VENGEANCELESS, WITHOUT_REVENGE, v[0], v[1]));
    assertThat(judge.judge(VENGEANCELESS, WITHOUT_REVENGE, v[0], null)).isEqualTo(both);
    assertThat(calls).hasSize(2).last().isEqualTo(List.of(WITHOUT_REVENGE));
    judge.judge("Hama fell.", "Hama fell!");
    assertThat(calls).hasSize(2);
    assertThatThrownBy(() -> new SentenceJudge(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void scoresStayBetweenZeroAndOneForOddInput() {
    String[] odd = {"", "   ", "...", "42", "\u0645\u062f\u064a\u0646\u0629 \u062d\u0645\u0627\u0629", "Hama", "A B C D E F G"};
    for (String a : odd) {
      for (String b : odd) {
        Judgement j = LEXICAL.judge(a, b);
        assertThat(j.score()).as("%s | %s", a, b).isBetween(0.0, 1.0);
        assertThat(j.kind()).isNotNull();
      }
    }
    assertThat(LEXICAL.judge("", "").kind()).isEqualTo(Kind.NONE);
    assertThat(LEXICAL.judge(null, "Hama fell.").kind()).isEqualTo(Kind.NONE);
  }

  @Test
  void theWireNamesAreLowerCase() {
    assertThat(Kind.VERBATIM.wireName()).isEqualTo("verbatim");
    assertThat(Kind.EDITED.wireName()).isEqualTo("edited");
    assertThat(Kind.PARAPHRASE.wireName()).isEqualTo("paraphrase");
    assertThat(Kind.NONE.wireName()).isEqualTo("none");
  }

  @Test
  void editedIsTheDocumentedShareOfSharedWords() {
    // 10 words, one substituted: LCS 9 of 10.
    assertThat(SentenceJudge.edited(SentenceTokens.of("a b c d e f g h i j"), SentenceTokens.of("a b c d e f g h i k"))).isTrue();
    // Six words inserted into ten: LCS 10 of 16 (0.625 of the longer), six changed.
    assertThat(SentenceJudge.edited(SentenceTokens.of("a b c d e f g h i j"), SentenceTokens.of("a b c d e u v w x y z f g h i j"))).isTrue();
    // Seven inserted: too many changed words.
    assertThat(SentenceJudge.edited(SentenceTokens.of("a b c d e f g h i j"), SentenceTokens.of("a b c d e t u v w x y z f g h i j"))).isFalse();
    // The shorter mostly reordered: LCS below 0.7 of it.
    assertThat(SentenceJudge.edited(SentenceTokens.of("a b c d e f g h i j"), SentenceTokens.of("f g h i j a b c d e"))).isFalse();
  }
}
