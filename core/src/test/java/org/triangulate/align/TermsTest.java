package org.triangulate.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Terms against the plain computations they replace, on random sequences (seeded). */
class TermsTest {

  /** "Aa" and "BB" have one hash code, as have "AaAa", "AaBB", "BBAa" and "BBBB". */
  private static final List<String> ALPHABET =
      List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "hama", "homs", "the", "of", "syria", "assad");

  private static List<String> random(Random r, int max) {
    int n = r.nextInt(max + 1);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(ALPHABET.get(r.nextInt(ALPHABET.size())));
    }
    return out;
  }

  private static int plainLcs(List<String> a, List<String> b) {
    int[][] d = new int[a.size() + 1][b.size() + 1];
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        d[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? d[i - 1][j - 1] + 1 : Math.max(d[i - 1][j], d[i][j - 1]);
      }
    }
    return d[a.size()][b.size()];
  }

  private static int plainEditDistance(List<String> a, List<String> b) {
    int[][] d = new int[a.size() + 1][b.size() + 1];
    for (int i = 0; i <= a.size(); i++) {
      for (int j = 0; j <= b.size(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
        } else {
          int sub = d[i - 1][j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
          d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        }
      }
    }
    return d[a.size()][b.size()];
  }

  private static Map<String, Integer> counts(List<String> s) {
    Map<String, Integer> m = new HashMap<>();
    s.forEach(w -> m.merge(w, 1, Integer::sum));
    return m;
  }

  @Test
  void lcsEditDistanceAndOverlapsEqualThePlainComputationsAcrossTheBitParallelLimit() {
    long seed = 20241205L;
    Random r = new Random(seed);
    for (int round = 0; round < 3000; round++) {
      // Lengths up to 90: both under 64 words (bit-parallel), one over, both over (dynamic programme).
      List<String> a = random(r, round % 3 == 0 ? 90 : 40);
      List<String> b = random(r, round % 5 == 0 ? 90 : 40);
      Terms ta = Terms.of(a);
      Terms tb = Terms.of(b);
      String where = "seed " + seed + ", round " + round + ": " + a + " / " + b;
      assertThat(Terms.lcs(ta, tb)).as(where).isEqualTo(plainLcs(a, b)).isEqualTo(Terms.lcs(tb, ta));
      assertThat(Terms.editDistance(ta, tb)).as(where).isEqualTo(plainEditDistance(a, b)).isEqualTo(Terms.editDistance(tb, ta));
      Map<String, Integer> ca = counts(a);
      Map<String, Integer> cb = counts(b);
      int common = 0;
      int unmatchedA = 0;
      for (Map.Entry<String, Integer> e : ca.entrySet()) {
        common += Math.min(e.getValue(), cb.getOrDefault(e.getKey(), 0));
        unmatchedA += cb.containsKey(e.getKey()) ? 0 : e.getValue();
      }
      assertThat(ta.common(tb)).as(where).isEqualTo(common).isEqualTo(tb.common(ta));
      assertThat(ta.commonAndUnmatched(tb)[1]).as(where).isEqualTo(unmatchedA);
      for (String w : ALPHABET) {
        assertThat(ta.contains(w)).as(where + " contains " + w).isEqualTo(ca.containsKey(w));
      }
    }
  }

  @Test
  void stringsWithOneHashCodeAreNotOneString() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(Terms.of(List.of("Aa")).common(Terms.of(List.of("BB")))).isZero();
    assertThat(Terms.lcs(Terms.of(List.of("Aa", "BB", "Aa")), Terms.of(List.of("BB", "BB")))).isEqualTo(1);
  }
}
