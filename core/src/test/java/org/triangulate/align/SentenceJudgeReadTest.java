package org.triangulate.align;

import org.triangulate.text.TextUnits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.model.Article;
import org.triangulate.model.Span;

/**
 * The aligner's judgement ({@link SentenceJudge#judgeRead}), which drops a pair as soon as its
 * score cannot reach the threshold, against the full judgement: the same kind, and the same score
 * for every link, on every sentence pair of the Hama articles and of the MSRP training set (when
 * {@code ../shared/eval} is there), with the lexical model and with the embedding model.
 *
 * <p>Without the development data the Hama pairs still check every judgement: the sentences of
 * different articles (mostly pairs dropped early, some linked) and each sentence against copies of
 * itself cut and edited (linked pairs). {@code -Dtriangulate.eval=DIR} reads the development data
 * from {@code DIR} instead of {@code ../shared/eval} (a folder without it runs the Hama pairs
 * alone).
 */
class SentenceJudgeReadTest {

  private static final Path MSRP =
      Path.of(System.getProperty("triangulate.eval", "../../shared/eval"))
          .resolve("msrp-train/msr_paraphrase_train.txt");

  /** A unit vector of word hashes: not an embedding, but it spreads cosines over [0, 1]. */
  static float[] pseudoVector(String s) {
    float[] v = new float[64];
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        v[Math.floorMod(w.hashCode(), 64)] += 1;
      }
    }
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    for (int i = 0; i < v.length && n > 0; i++) {
      v[i] /= (float) Math.sqrt(n);
    }
    return v;
  }

  @Test
  void droppingHopelessPairsEarlyChangesNoJudgement() throws IOException {
    Ingester ingester = new Ingester(IngestOptions.basic());
    TreeMap<String, Article> hama = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("..", "examples", "hama"))) {
      files.sorted().flatMap(p -> ingester.ingest(p, p.toString()).articles().stream()).forEach(a -> hama.put(a.id(), a));
    }
    List<String[]> pairs = new ArrayList<>();
    List<Article> as = new ArrayList<>(hama.values());
    for (int x = 0; x < as.size(); x++) {
      for (int y = x + 1; y < as.size(); y++) {
        for (Span p : TextUnits.sentences(as.get(x).text())) {
          for (Span q : TextUnits.sentences(as.get(y).text())) {
            pairs.add(new String[] {p.of(as.get(x).text()), q.of(as.get(y).text())});
          }
        }
      }
    }
    int hamaPairs = pairs.size();
    // Each sentence against itself, cut and with one word changed: pairs the judge links.
    for (Article a : as) {
      for (Span s : TextUnits.sentences(a.text())) {
        String t = s.of(a.text());
        String[] w = t.split(" ");
        if (w.length >= 8) {
          String[] changed = w.clone();
          changed[w.length / 2] = "reportedly";
          pairs.add(new String[] {t, t});
          pairs.add(new String[] {t, String.join(" ", java.util.Arrays.copyOf(w, w.length - 3))});
          pairs.add(new String[] {t, String.join(" ", changed)});
        }
      }
    }
    int ownPairs = pairs.size();
    boolean msrp = Files.exists(MSRP);
    if (msrp) {
      SentencePairs.read(MSRP).pairs().forEach(p -> pairs.add(new String[] {p.a(), p.b()}));
    }
    SentenceJudge lexical = SentenceJudge.lexical();
    int dropped = 0;
    int links = 0;
    int hamaLinks = 0;
    int ownLinks = 0;
    for (int i = 0; i < pairs.size(); i++) {
      String[] p = pairs.get(i);
      SentenceTokens a = SentenceTokens.of(p[0]);
      SentenceTokens b = SentenceTokens.of(p[1]);
      for (boolean embedded : new boolean[] {false, true}) {
        float[] va = embedded ? pseudoVector(p[0]) : null;
        float[] vb = embedded ? pseudoVector(p[1]) : null;
        SentenceJudge.Judgement read = lexical.judgeRead(a, b, va, vb);
        SentenceJudge.Judgement full = lexical.judge(p[0], p[1], va, vb);
        assertThat(read.kind()).as("%s | %s", p[0], p[1]).isEqualTo(full.kind());
        if (read.kind() != SentenceJudge.Kind.NONE) {
          assertThat(read.score()).as("%s | %s", p[0], p[1]).isEqualTo(full.score());
          links++;
          hamaLinks += i < hamaPairs ? 1 : 0;
          ownLinks += i >= hamaPairs && i < ownPairs ? 1 : 0;
        } else if (read.score() == 0 && full.score() > 0) {
          dropped++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "judgeRead against judge: %d pairs (%d Hama, %d Hama edited, %s), %d links (%d Hama, %d"
            + " Hama edited), %d dropped early%n",
        pairs.size(), hamaPairs, ownPairs - hamaPairs,
        msrp ? (pairs.size() - ownPairs) + " MSRP" : "no MSRP at " + MSRP, links, hamaLinks, ownLinks,
        dropped);
    assertThat(hamaPairs).isGreaterThan(4000);
    assertThat(hamaLinks).as("links between Hama articles").isGreaterThan(50);
    assertThat(ownLinks).as("links of Hama sentences to their edited copies").isGreaterThan(500);
    if (msrp) {
      assertThat(links - hamaLinks - ownLinks).as("links between MSRP pairs").isGreaterThan(100);
    }
    assertThat(dropped).as("pairs dropped early").isGreaterThan(pairs.size() / 2);
  }
}
