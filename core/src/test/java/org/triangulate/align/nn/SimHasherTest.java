package org.triangulate.align.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimHasherTest {

  @Test
  void sameSeedGivesTheSameSignatureAndAnotherSeedAnother() {
    float[] v = Vectors.random(new Random(3), 384);
    assertThat(new SimHasher(384, 240, 7).sign(v)).isEqualTo(new SimHasher(384, 240, 7).sign(v));
    assertThat(new SimHasher(384, 240, 7).sign(v)).isNotEqualTo(new SimHasher(384, 240, 8).sign(v));
  }

  @Test
  void shareOfEqualBitsEstimatesTheAngle() {
    Random random = new Random(11);
    SimHasher h = new SimHasher(384, 4096, 5);
    for (double cosine : new double[] {0.95, 0.85, 0.6, 0.2, 0.0}) {
      float[] a = Vectors.random(random, 384);
      float[] b = Vectors.at(random, a, cosine);
      assertThat(Vectors.dot(a, b)).isCloseTo(cosine, within(1e-4));
      long[] sa = h.sign(a);
      long[] sb = h.sign(b);
      int equal = 0;
      for (int w = 0; w < sa.length; w++) {
        equal += 64 - Long.bitCount(sa[w] ^ sb[w]);
      }
      double expected = 1 - Math.acos(cosine) / Math.PI;
      assertThat(equal / 4096.0).as("cosine %s", cosine).isCloseTo(expected, within(0.03));
    }
  }

  @Test
  void leavesUnusedBitsOfTheLastWordClear() {
    long[] s = new SimHasher(8, 70, 1).sign(Vectors.random(new Random(1), 8));
    assertThat(s).hasSize(2);
    assertThat(s[1] >>> 6).isZero();
  }

  @Test
  void rejectsVectorsOfAnotherLength() {
    assertThatThrownBy(() -> new SimHasher(384, 64, 1).sign(new float[10]))
        .hasMessageContaining("384: 10");
  }
}
