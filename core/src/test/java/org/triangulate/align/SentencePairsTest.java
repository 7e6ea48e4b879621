package org.triangulate.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SentencePairsTest {

  @Test
  void readsTheMsrpLayoutAndReportsBadLines() throws IOException {
    String text =
        "\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n"
            + "1\t10\t11\tHama fell.\tHama was taken.\r\n"
            + "0\t12\t13\tHama fell.\tPrices rose.\r\n"
            + "\r\n"
            + "1\t14\tonly three columns\r\n"
            + "x\t15\t16\tA.\tB.\r\n"
            + "?\t17\t18\tHama fell.\t \r\n"
            + "\t19\t20\tHama fell.\tHama fell!\n";
    SentencePairs.Read read = SentencePairs.read(new BufferedReader(new StringReader(text)), "t.tsv");
    assertThat(read.pairs()).hasSize(3);
    assertThat(read.pairs().get(0)).isEqualTo(new SentencePairs.Pair(2, "10", "11", "Hama fell.", "Hama was taken.", true));
    assertThat(read.pairs().get(1).label()).isFalse();
    assertThat(read.pairs().get(2).label()).isNull();
    assertThat(read.labelled()).hasSize(2);
    assertThat(read.problems())
        .containsExactly(
            "t.tsv line 5: expected 5 tab-separated columns, found 3",
            "t.tsv line 6: the label is 'x', not 0, 1, ? or empty",
            "t.tsv line 7: a sentence is empty");
  }

  @Test
  void aFileWithoutHeaderStartsWithAPair() throws IOException {
    SentencePairs.Read read =
        SentencePairs.read(new BufferedReader(new StringReader("1\t1\t2\tA b.\tA c.\n")), "t");
    assertThat(read.pairs()).hasSize(1);
    assertThat(read.problems()).isEmpty();
  }
}
