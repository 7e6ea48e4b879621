package org.triangulate.align.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.triangulate.align.nn.ParaphraseCandidates.Pair;
import org.triangulate.align.nn.ParaphraseCandidates.Params;
import org.triangulate.align.nn.ParaphraseCandidates.Result;

/**
 * The index on vectors with known answers (random sentences, planted neighbours, checked against
 * every pair compared exactly) and the text path with a bag-of-words stand-in for the embedding on
 * the Hama reports. The real embedding on real text is tested in the cli module.
 */
class ParaphraseCandidatesTest {

  private static final Params P = Params.DEFAULT;
  private static final int DIMS = 384;

  /** Articles of random sentences; each planted copy's sentences at cosine 0.86 to 0.97. */
  private record Corpus(List<String> ids, List<List<float[]>> vectors, List<Pair> planted) {}

  private static Corpus corpus(long seed, int articles, int planted) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    List<List<float[]>> vectors = new ArrayList<>();
    for (int a = 0; a < articles; a++) {
      List<float[]> sentences = new ArrayList<>();
      for (int s = 3 + random.nextInt(20); s > 0; s--) {
        sentences.add(Vectors.random(random, DIMS));
      }
      ids.add(String.format("art%04d", a));
      vectors.add(sentences);
    }
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < planted; i++) {
      int base = random.nextInt(articles);
      List<float[]> copy = new ArrayList<>();
      for (float[] v : vectors.get(base)) {
        if (random.nextInt(4) > 0) { // a rewrite leaves out a sentence in four
          copy.add(Vectors.at(random, v, 0.86 + 0.11 * random.nextDouble()));
        }
      }
      copy.add(Vectors.random(random, DIMS)); // and adds one of its own
      Collections.shuffle(copy, random);
      String id = ids.get(base) + "~copy" + i;
      ids.add(id);
      vectors.add(copy);
      pairs.add(new Pair(ids.get(base), id, 0, 0, 0));
    }
    return new Corpus(ids, vectors, pairs);
  }

  /** Every pair of sentences compared exactly: the matched sentences, each side, per pair. */
  private static Map<String, int[]> exact(List<String> ids, List<List<float[]>> vectors, Params p) {
    Map<String, int[]> out = new TreeMap<>();
    for (int a = 0; a < ids.size(); a++) {
      for (int b = 0; b < ids.size(); b++) {
        if (ids.get(a).compareTo(ids.get(b)) >= 0) {
          continue;
        }
        int inA = 0;
        int inB = 0;
        for (float[] x : vectors.get(a)) {
          inA += vectors.get(b).stream().anyMatch(y -> Vectors.dot(x, y) >= p.threshold()) ? 1 : 0;
        }
        for (float[] y : vectors.get(b)) {
          inB += vectors.get(a).stream().anyMatch(x -> Vectors.dot(x, y) >= p.threshold()) ? 1 : 0;
        }
        int matched = Math.min(inA, inB);
        int shorter = Math.min(vectors.get(a).size(), vectors.get(b).size());
        if (matched >= (shorter <= p.shortArticle() ? 1 : p.minMatched())) {
          out.put(ids.get(a) + " " + ids.get(b), new int[] {matched});
        }
      }
    }
    return out;
  }

  @Test
  void findsEveryPlantedRewriteAndOnlyPairsThatReallyMatch() {
    Corpus c = corpus(1, 300, 30);
    Result r = ParaphraseCandidates.find(c.ids(), c.vectors(), P);
    Map<String, int[]> truth = exact(c.ids(), c.vectors(), P);
    List<String> found = r.pairs().stream().map(p -> p.a() + " " + p.b()).toList();
    for (Pair planted : c.planted()) {
      assertThat(found).contains(planted.a() + " " + planted.b());
    }
    assertThat(truth.keySet()).containsExactlyElementsOf(found);
    for (Pair p : r.pairs()) {
      assertThat(p.matched()).isLessThanOrEqualTo(truth.get(p.a() + " " + p.b())[0]);
      assertThat(p.best()).isBetween(P.threshold(), 1.0);
    }
    // random sentences are nearly orthogonal: each collides in a band with chance 2^-12, so
    // 20 bands check about 0.5% of all pairs
    long all = (long) r.sentences() * (r.sentences() - 1) / 2;
    assertThat(r.checked()).isBetween(all / 400, all / 100);
  }

  @Test
  void sameCandidatesWhateverTheOrderOfArticlesAndSentences() {
    Corpus c = corpus(2, 150, 15);
    Result first = ParaphraseCandidates.find(c.ids(), c.vectors(), P);
    assertThat(first.pairs()).hasSizeGreaterThanOrEqualTo(15);
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < c.ids().size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      List<String> ids = new ArrayList<>();
      List<List<float[]>> vectors = new ArrayList<>();
      for (int i : order) {
        ids.add(c.ids().get(i));
        List<float[]> v = new ArrayList<>(c.vectors().get(i));
        Collections.shuffle(v, random);
        vectors.add(v);
      }
      assertThat(ParaphraseCandidates.find(ids, vectors, P).pairs())
          .as("seed %d", seed)
          .isEqualTo(first.pairs());
    }
  }

  @Test
  void findsAHamaReportRewordedAmongTheOthersAndEmbedsEachSentenceOnce() throws IOException {
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Path p : hama()) {
      ids.add(p.getFileName().toString().substring(0, 3));
      texts.add(Files.readString(p, StandardCharsets.UTF_8));
    }
    // 004 with one word in eight replaced: the bag of words stays close, the shingles do not
    String[] words = texts.get(4).split(" ");
    for (int i = 2; i < words.length; i += 8) {
      words[i] = "word" + i;
    }
    ids.add("004r");
    texts.add(String.join(" ", words));
    Vectors.BagOfWords embedder = new Vectors.BagOfWords();
    Result r = ParaphraseCandidates.find(ids, texts, embedder, P);
    assertThat(embedder.calls).isEqualTo(1);
    assertThat(embedder.embedded).isEqualTo(r.distinct());
    assertThat(r.distinct()).isLessThanOrEqualTo(r.sentences());
    Pair rewrite =
        r.pairs().stream().filter(p -> p.a().equals("004") && p.b().equals("004r")).findFirst().orElseThrow();
    assertThat(rewrite.matched()).isGreaterThanOrEqualTo(8);
    // and the same whatever the order
    List<Integer> order = new ArrayList<>(List.of(5, 3, 0, 4, 1, 2));
    Result shuffled =
        ParaphraseCandidates.find(
            order.stream().map(ids::get).toList(), order.stream().map(texts::get).toList(), embedder, P);
    assertThat(shuffled.pairs()).isEqualTo(r.pairs());
  }

  @Test
  void aSentenceSharedByTooManyArticlesCountsForNone() {
    Random random = new Random(5);
    float[] boiler1 = Vectors.random(random, DIMS);
    float[] boiler2 = Vectors.random(random, DIMS);
    List<String> ids = new ArrayList<>();
    List<List<float[]>> vectors = new ArrayList<>();
    for (int a = 0; a < 100; a++) {
      List<float[]> v = new ArrayList<>(List.of(boiler1, Vectors.at(random, boiler2, 0.99)));
      for (int s = 0; s < 4; s++) {
        v.add(Vectors.random(random, DIMS));
      }
      ids.add("a" + a);
      vectors.add(v);
    }
    assertThat(ParaphraseCandidates.find(ids, vectors, P).pairs()).isEmpty();
    Params lenient = new Params(6, 12, 20, 0.85, 2, 3, 200, P.seed());
    assertThat(ParaphraseCandidates.find(ids, vectors, lenient).pairs()).hasSize(100 * 99 / 2);
  }

  @Test
  void aShortArticleNeedsOneMatchedSentenceALongerOneTwo() {
    Random random = new Random(6);
    float[] shared = Vectors.random(random, DIMS);
    List<float[]> shortOne = List.of(shared, Vectors.random(random, DIMS));
    List<float[]> longOne = new ArrayList<>(List.of(Vectors.at(random, shared, 0.9)));
    List<float[]> other = new ArrayList<>(List.of(Vectors.at(random, shared, 0.9)));
    for (int s = 0; s < 5; s++) {
      longOne.add(Vectors.random(random, DIMS));
      other.add(Vectors.random(random, DIMS));
    }
    Result r = ParaphraseCandidates.find(List.of("s", "l", "o"), List.of(shortOne, longOne, other), P);
    assertThat(r.pairs()).extracting(p -> p.a() + p.b()).containsExactly("ls", "os");
    assertThat(r.pairs().get(0).matched()).isEqualTo(1);
  }

  @Test
  void rejectsBadInputWithTheValue() {
    assertThatThrownBy(() -> new Params(6, 33, 20, 0.85, 2, 3, 64, 1)).hasMessageContaining("32: 33");
    assertThatThrownBy(() -> new Params(6, 12, 20, 1.5, 2, 3, 64, 1)).hasMessageContaining("1.5");
    assertThatThrownBy(
            () -> ParaphraseCandidates.find(List.of("x", "x"), List.of(List.of(), List.of()), P))
        .hasMessageContaining("duplicate id: x");
    assertThatThrownBy(() -> ParaphraseCandidates.find(List.of("x"), List.of(), P))
        .hasMessageContaining("1 ids for 0");
  }

  @Test
  void leavesOutShortSentences() {
    assertThat(ParaphraseCandidates.sentences("He said so. The rebels entered the city on Thursday.", P))
        .containsExactly("The rebels entered the city on Thursday.");
  }

  private static List<Path> hama() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("..", "examples", "hama"))) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }
}
