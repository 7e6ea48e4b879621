package org.triangulate.align.lsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHasherTest {

  private final MinHasher hasher = new MinHasher();

  @Test
  void sameSetSameSignatureWhateverTheOrder() {
    long[] h = Shingles.of(Corpora.hama().get(2).text(), 5);
    long[] reversed = new long[h.length];
    for (int i = 0; i < h.length; i++) {
      reversed[i] = h[h.length - 1 - i];
    }
    long[] repeated = Arrays.copyOf(h, h.length * 2);
    System.arraycopy(h, 0, repeated, h.length, h.length);
    int[] s = hasher.signature(h, h.length);
    assertThat(hasher.signature(reversed, reversed.length)).isEqualTo(s);
    assertThat(hasher.signature(repeated, repeated.length)).isEqualTo(s);
    assertThat(new MinHasher().signature(h, h.length)).isEqualTo(s);
    assertThat(s).doesNotContain(MinHasher.EMPTY);
    assertThat(MinHasher.jaccard(s, s)).isEqualTo(1.0);
  }

  @Test
  void estimatesJaccardOfLargeSets() {
    SplittableRandom r = new SplittableRandom(3);
    for (double j : new double[] {0.05, 0.2, 0.5, 0.8}) {
      // |A| = |B| = 1000, |A & B| = 2000 j / (1 + j)
      int common = (int) Math.round(2000 * j / (1 + j));
      long[] a = new long[1000];
      long[] b = new long[1000];
      for (int i = 0; i < 1000; i++) {
        a[i] = Shingles.fmix64(r.nextLong());
        b[i] = i < common ? a[i] : Shingles.fmix64(r.nextLong());
      }
      double truth = common / (2000.0 - common);
      double est = MinHasher.jaccard(hasher.signature(a, 1000), hasher.signature(b, 1000));
      // standard error sqrt(J (1 - J) / 128) <= 0.045; 3 of them
      assertThat(est).as("J = %.2f", truth).isCloseTo(truth, within(0.135));
    }
  }

  @Test
  void densifiedSignaturesOfShortTextsAreUnbiased() {
    // 30 shingles each, 20 shared: J = 0.5; most bins are filled by densification
    SplittableRandom r = new SplittableRandom(5);
    double sum = 0;
    int trials = 400;
    for (int t = 0; t < trials; t++) {
      long[] a = new long[30];
      long[] b = new long[30];
      for (int i = 0; i < 30; i++) {
        a[i] = Shingles.fmix64(r.nextLong());
        b[i] = i < 20 ? a[i] : Shingles.fmix64(r.nextLong());
      }
      int[] sa = hasher.signature(a, 30);
      int[] sb = hasher.signature(b, 30);
      assertThat(sa).doesNotContain(MinHasher.EMPTY);
      sum += MinHasher.jaccard(sa, sb);
    }
    assertThat(sum / trials).isCloseTo(0.5, within(0.03));
  }

  @Test
  void noShinglesNoMatch() {
    int[] empty = hasher.signature(new long[0], 0);
    assertThat(empty).containsOnly(MinHasher.EMPTY);
    assertThat(MinHasher.jaccard(empty, empty)).isZero();
    int[] one = hasher.signature(new long[] {42}, 1);
    assertThat(one).doesNotContain(MinHasher.EMPTY);
    assertThat(MinHasher.jaccard(one, hasher.signature(new long[] {42}, 1))).isEqualTo(1.0);
  }
}
