package org.triangulate.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

  private final MiniLmEmbedder embedder = MiniLmEmbedder.get();

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += (double) a[i] * b[i];
    }
    return d;
  }

  @Test
  void isOneSharedInstance() {
    assertThat(MiniLmEmbedder.get()).isSameAs(embedder);
    assertThat(embedder.dimensions()).isEqualTo(384);
  }

  @Test
  void givesOneUnitVectorPerSentenceInOrder() {
    List<String> sentences =
        List.of(
            "Islamist insurgents have entered the Syrian city of Hama.",
            "Rebels have seized the Syrian city of Hama.",
            "",
            "   ",
            "Prices of bread rose sharply in Damascus.",
            "Hama ".repeat(600));
    List<float[]> v = embedder.embed(sentences);
    assertThat(v).hasSize(sentences.size());
    for (float[] x : v) {
      assertThat(x).hasSize(384);
      assertThat(dot(x, x)).isCloseTo(1.0, within(1e-5));
    }
    assertThat(embedder.embed(List.of())).isEmpty();
    // A batch gives what one by one gives.
    for (int i = 0; i < sentences.size(); i++) {
      float[] single = embedder.embed(sentences.get(i));
      assertThat(dot(single, v.get(i))).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void aParaphraseIsCloserThanAnotherTopic() {
    List<float[]> v =
        embedder.embed(
            List.of(
                "This victory will be vengeanceless and merciful",
                "This victory will be without revenge and it will be merciful",
                "Prices of bread rose sharply in Damascus"));
    assertThat(dot(v.get(0), v.get(1))).isGreaterThan(0.8);
    assertThat(dot(v.get(0), v.get(2))).isLessThan(0.3);
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sentences.add("Sentence number " + i + " about the fighting around Hama.");
    }
    List<float[]> expected = embedder.embed(sentences);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<float[]>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> embedder.embed(sentences)));
      }
      for (Future<List<float[]>> r : results) {
        List<float[]> got = r.get();
        for (int i = 0; i < sentences.size(); i++) {
          assertThat(dot(got.get(i), expected.get(i))).isCloseTo(1.0, within(1e-5));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
