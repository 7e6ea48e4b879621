package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CoreNlp#parse} reads an article line by line and reuses the lines it has read before;
 * that must give, to the last token, tag, offset and time value, what one pass of the models over
 * the whole article gives. Held on the Hama reports and on development articles (ECB+), each
 * checked twice: the second time every line comes from the kept readings.
 */
class CoreNlpLinesTest {

  /** Development articles checked (every 5th, so that the test stays under a minute). */
  private static final int ECB_ARTICLES = 120;

  @Test
  void theHamaReportsReadTheSameLineByLineAsWhole() throws IOException {
    assertSameLineByLine(CorpusTexts.hama());
  }

  @Test
  void developmentArticlesReadTheSameLineByLineAsWhole() throws IOException {
    assertSameLineByLine(CorpusTexts.development(5, 0, ECB_ARTICLES));
  }

  @Test
  void aRepeatedLineIsReadOnceAndStandsWhereItIs() {
    CoreNlp nlp = CoreNlp.get();
    String line = "Rebels entered Hama on Thursday, 40 km north of Homs, said Rami Abdulrahman.";
    long n = System.nanoTime();
    String first = "Syria: " + n + "\n" + line + "\nReuters";
    String second = "Damascus, " + n + "\n\n" + line + "\nReuters";
    long[] before = CoreNlp.lineCounts();
    assertThat(nlp.parse(first)).isEqualTo(nlp.parseWhole(first));
    long[] between = CoreNlp.lineCounts();
    Doc doc = nlp.parse(second);
    long[] after = CoreNlp.lineCounts();
    // A line is kept with what the tokenizer sees after it: up to the next word, or the end of
    // the text. The first article's three lines are read; of the second's, only its first line.
    assertThat(between[0] - before[0]).isEqualTo(3);
    assertThat(between[1] - before[1]).isZero();
    assertThat(after[0] - between[0]).isEqualTo(1);
    assertThat(after[1] - between[1]).isEqualTo(2);
    assertThat(doc).isEqualTo(nlp.parseWhole(second));
    int at = second.indexOf(line);
    Tok hama = doc.tokens().stream().filter(t -> t.word().equals("Hama")).findFirst().orElseThrow();
    assertThat(hama.begin()).isEqualTo(at + line.indexOf("Hama"));
    assertThat(second.substring(hama.begin(), hama.end())).isEqualTo("Hama");
    assertThat(doc.sentences().get(hama.sentence()).begin()).isEqualTo(at);
    assertThat(doc.tokens().get(hama.index())).isSameAs(hama);
  }

  private static void assertSameLineByLine(List<String> texts) {
    CoreNlp nlp = CoreNlp.get();
    for (String text : texts) {
      Doc whole = nlp.parseWhole(text);
      assertThat(nlp.parse(text)).as(text).isEqualTo(whole);
      assertThat(nlp.parse(text)).as("again, from the kept lines: " + text).isEqualTo(whole);
    }
  }
}
