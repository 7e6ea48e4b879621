package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsCommandTest {

  @TempDir Path tmp;

  private static final String HEADER = "\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n";

  private static final String PAIRS =
      "1\ta1\tb1\tThe Syrian army said it had withdrawn from Hama.\tthe Syrian army said: it had withdrawn from Hama!\r\n"
          + "1\ta2\tb2\tIslamist insurgents have entered the Syrian city of Hama in a battle for a vital spot on the road to Damascus.\tIslamist rebels have seized the Syrian city of Hama in a battle to seize a vital post on the road to Damascus.\r\n"
          + "1\ta3\tb3\tThis victory will be vengeanceless and merciful\tThis victory will be without revenge and it will be merciful\r\n"
          + "0\ta4\tb4\tHama is a major intersection point in Syria that links that country's centre with the north.\tHama is one of the few cities that remained under full government control during Syria's conflict.\r\n"
          + "0\ta5\tb5\tMilitants entered the city after encircling it during five days of fighting with forces loyal to Assad.\tRebels entered the city after surrounding it for three days of fighting against forces loyal to Assad.\r\n";

  private Path write(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void judgesEachPairAndScoresAgainstTheLabels() throws IOException {
    Path file = write("pairs.tsv", HEADER + PAIRS);
    Path out = tmp.resolve("judged.tsv");
    Cli r = Cli.run("pairs", file.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isEqualTo("#1 ID\t#2 ID\tkind\tscore\tlabel");
    assertThat(lines.get(1)).isEqualTo("a1\tb1\tverbatim\t1.0000\t1");
    assertThat(lines.get(2)).startsWith("a2\tb2\tedited\t").endsWith("\t1");
    assertThat(lines.get(3)).startsWith("a3\tb3\tparaphrase\t");
    assertThat(lines.get(4)).startsWith("a4\tb4\tnone\t").endsWith("\t0");
    // The same sentence with another number: an edited copy, whose score says it is not the same fact.
    assertThat(lines.get(5)).isEqualTo("a5\tb5\tedited\t0.2000\t0");
    for (String line : lines.subList(1, lines.size())) {
      double score = Double.parseDouble(line.split("\t")[3]);
      assertThat(score).isBetween(0.0, 1.0);
    }
    assertThat(r.err())
        .contains("pairs 5 (labelled 5), skipped lines 0, with embeddings")
        .contains("kinds verbatim 1 edited 2 paraphrase 1 none 1")
        .contains("against the labels: accuracy 0.8000 precision 0.7500 recall 1.0000 F1 0.8571 (n 5)");
  }

  @Test
  void reportsMalformedLinesByNumberAndGoesOn() throws IOException {
    String text =
        HEADER
            + "1\tx1\ty1\tonly four columns\r\n"
            + PAIRS.lines().findFirst().orElseThrow() + "\r\n"
            + "yes\tx2\ty2\tHama fell.\tHama was taken.\r\n"
            + "\r\n"
            + "1\tx3\ty3\t\tHama was taken.\r\n";
    Path file = write("bad.tsv", text);
    Cli r = Cli.run("pairs", file.toString(), "--no-embeddings");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(Main.EXIT_REJECTED);
    assertThat(r.out().lines()).containsExactly("#1 ID\t#2 ID\tkind\tscore\tlabel", "a1\tb1\tverbatim\t1.0000\t1");
    assertThat(r.err())
        .contains("skipped " + file + " line 2: expected 5 tab-separated columns, found 4")
        .contains("skipped " + file + " line 4: the label is 'yes', not 0, 1, ? or empty")
        .contains("skipped " + file + " line 6: a sentence is empty")
        .contains("pairs 1 (labelled 1), skipped lines 3, words only");
  }

  @Test
  void unlabelledPairsGetNoLabelColumnAndNoScores() throws IOException {
    Path file = write("unlabelled.tsv", "?\tp\tq\tHama fell.\tHama was taken by the rebels.\n");
    Cli r = Cli.run("pairs", file.toString(), "--no-embeddings");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst()).contains("#1 ID\t#2 ID\tkind\tscore");
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("p\tq\t").matches("p\tq\t[a-z]+\t[01]\\.\\d{4}");
    assertThat(r.err()).doesNotContain("against the labels");
  }

  @Test
  void crossValidatesOnTheLabelledPairs() throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < 6; i++) {
      sb.append(PAIRS.replace("\ta", "\t" + i + "a"));
    }
    Path file = write("many.tsv", sb.toString());
    Cli r = Cli.run("pairs", file.toString(), "--no-embeddings", "--out", tmp.resolve("o.tsv").toString(), "--cv", "3", "--seed", "5", "--repeat", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("3-fold cross-validation (seed 5, words only):")
        .contains("3-fold cross-validation (seed 6, words only):")
        .contains("  fold  3: accuracy ")
        .contains("mean of 2 cross-validations: accuracy ");
  }

  @Test
  void saysWhatIsWrong() throws IOException {
    Cli missing = Cli.run("pairs", tmp.resolve("nope.tsv").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    Cli empty = Cli.run("pairs", write("empty.tsv", HEADER).toString(), "--no-embeddings");
    assertThat(empty.exitCode()).isEqualTo(1);
    assertThat(empty.err()).contains("has no sentence pairs");
    Cli badCv = Cli.run("pairs", write("p.tsv", HEADER + PAIRS).toString(), "--cv", "1");
    assertThat(badCv.exitCode()).isEqualTo(2);
    Cli tooFew = Cli.run("pairs", write("q.tsv", HEADER + PAIRS).toString(), "--no-embeddings", "--cv", "10");
    assertThat(tooFew.exitCode()).isEqualTo(2);
    assertThat(tooFew.err()).contains("--cv 10 needs at least 10 labelled pairs");
  }
}
