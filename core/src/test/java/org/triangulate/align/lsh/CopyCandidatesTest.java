package org.triangulate.align.lsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.triangulate.align.lsh.CopyCandidates.Pair;
import org.triangulate.align.lsh.CopyCandidates.Params;
import org.triangulate.align.lsh.Corpora.Doc;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.synth.SyntheticCorpus;

/**
 * Copy candidates on real text: the Hama reports, the ECB+ development articles, and near-
 * duplicates planted in them ({@link Planted}). The ECB+ tests are skipped when {@code
 * ../../shared/eval/ecbplus-dev/articles.jsonl} is absent. Nothing here is timed.
 */
class CopyCandidatesTest {

  private static final Params P = Params.DEFAULT;

  /** Bases and planted copies: ECB+, Hama, 100 synthetic 5 KB articles; 250 copies per kind. */
  private record PlantedCorpus(List<Doc> docs, List<Planted.Pair> planted) {
    List<String> ids() {
      return docs.stream().map(Doc::id).toList();
    }

    List<String> texts() {
      return docs.stream().map(Doc::text).toList();
    }
  }

  private static PlantedCorpus planted;

  private static synchronized PlantedCorpus planted() {
    if (planted == null) {
      List<Doc> ecb = Corpora.ecbPlus();
      List<Doc> bases = new ArrayList<>(ecb);
      bases.addAll(Corpora.hama());
      SyntheticCorpus synth = SyntheticCorpus.from(articles(ecb), 7, 5000);
      for (int i = 0; i < 100; i++) {
        bases.add(new Doc("syn_" + i, synth.next().article().text()));
      }
      List<Planted.Pair> pairs =
          new Planted(bases, 1).generate(bases, 250, 50, CopyCandidatesTest::topic);
      List<Doc> docs = new ArrayList<>(bases);
      pairs.forEach(p -> docs.add(p.copy()));
      planted = new PlantedCorpus(List.copyOf(docs), pairs);
    }
    return planted;
  }

  private static String topic(String id) {
    if (id.startsWith("syn_")) {
      return id;
    }
    return id.contains("_") ? Corpora.topic(id) : "hama";
  }

  private static List<Article> articles(List<Doc> docs) {
    return docs.stream()
        .map(
            d ->
                new Article(
                    d.id(),
                    "test",
                    Optional.empty(),
                    "text",
                    ArticleMetadata.EMPTY,
                    d.text(),
                    List.of(),
                    List.of()))
        .toList();
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  private static Set<String> keys(List<Pair> pairs) {
    Set<String> out = new HashSet<>();
    pairs.forEach(p -> out.add(key(p.a(), p.b())));
    return out;
  }

  @Test
  void hamaPairsThatShareCopiedText() {
    // What the five reports share (5-word shingles, counted exactly):
    //   000-001: 170, two English versions of one report, many passages worded alike;
    //   002-003:  89, AP passages (the Observatory chief's quote, "sprawling air base and the
    //             central prison...", "one of the few cities that remained under full government
    //             control...") reworded with inserted words;
    //   001-003:  41, 002-004: 40, 000-003: 28, short passages (the Middle East Institute
    //             analyst's quote; AP sentences);
    //   003-004:  16, one AP sentence;
    //   others:  0 to 6 (a name such as "Syrian Observatory for Human Rights").
    List<Doc> hama = Corpora.hama();
    List<Pair> found =
        CopyCandidates.find(
            hama.stream().map(Doc::id).toList(), hama.stream().map(Doc::text).toList(), P);
    found.forEach(p -> System.out.println("hama " + p));
    Set<String> got = keys(found);
    assertThat(got).contains("000|001", "002|003");
    assertThat(got).isSubsetOf("000|001", "002|003", "001|003", "002|004", "000|003", "003|004");
    assertThat(got).doesNotContain("000|002", "000|004", "001|002", "001|004");
  }

  @Test
  void findsPlantedCopies() {
    assumeTrue(Corpora.ecbPlusAvailable(), "ECB+ articles absent");
    PlantedCorpus c = planted();
    Set<String> got = keys(CopyCandidates.find(c.ids(), c.texts(), P));
    int hits = 0;
    for (String kind : Planted.KINDS) {
      List<Planted.Pair> ofKind = c.planted().stream().filter(p -> p.kind().equals(kind)).toList();
      long k = ofKind.stream().filter(p -> got.contains(key(p.base(), p.copy().id()))).count();
      hits += k;
      double recall = k / (double) ofKind.size();
      System.out.printf(
          Locale.ROOT, "planted %-8s recall %.3f (%d/%d)%n", kind, recall, k, ofKind.size());
      assertThat(recall).as(kind).isGreaterThanOrEqualTo(0.97);
    }
    double recall = hits / (double) c.planted().size();
    System.out.printf(Locale.ROOT, "planted all recall %.4f%n", recall);
    assertThat(recall).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void fewCandidatesAmongDistinctEcbPlusArticles() {
    assumeTrue(Corpora.ecbPlusAvailable(), "ECB+ articles absent");
    List<Doc> ecb = Corpora.ecbPlus();
    // exact shared 5-shingle counts of every pair that shares any
    Map<Long, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < ecb.size(); i++) {
      for (long h : Arrays.stream(Shingles.of(ecb.get(i).text(), 5)).distinct().toArray()) {
        postings.computeIfAbsent(h, x -> new ArrayList<>()).add(i);
      }
    }
    Map<String, Integer> shared = new HashMap<>();
    for (List<Integer> docs : postings.values()) {
      for (int x = 0; x < docs.size(); x++) {
        for (int y = x + 1; y < docs.size(); y++) {
          shared.merge(key(ecb.get(docs.get(x)).id(), ecb.get(docs.get(y)).id()), 1, Integer::sum);
        }
      }
    }
    long pairs = (long) ecb.size() * (ecb.size() - 1) / 2;
    long copies = shared.values().stream().filter(s -> s >= 5).count();
    long distinct = pairs - copies;
    long crossTopic = 0;
    Map<String, Integer> topics = new HashMap<>();
    ecb.forEach(d -> topics.merge(Corpora.topic(d.id()), 1, Integer::sum));
    long sameTopic = topics.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();

    List<Pair> found =
        CopyCandidates.find(
            ecb.stream().map(Doc::id).toList(), ecb.stream().map(Doc::text).toList(), P);
    long falseFound = 0;
    for (Pair p : found) {
      if (shared.getOrDefault(key(p.a(), p.b()), 0) < 5) {
        falseFound++;
      }
      if (!Corpora.topic(p.a()).equals(Corpora.topic(p.b()))) {
        crossTopic++;
      }
    }
    Set<String> got = keys(found);
    long big = shared.entrySet().stream().filter(e -> e.getValue() >= 50).count();
    long bigFound =
        shared.entrySet().stream()
            .filter(e -> e.getValue() >= 50 && got.contains(e.getKey()))
            .count();
    System.out.printf(
        Locale.ROOT,
        "ECB+: %d pairs, %d candidates; %d of %d distinct pairs (< 5 shared shingles) are"
            + " candidates (%.1e); %d of %d cross-topic pairs; %d of %d pairs sharing >= 50"
            + " shingles found%n",
        pairs,
        found.size(),
        falseFound,
        distinct,
        falseFound / (double) distinct,
        crossTopic,
        pairs - sameTopic,
        bigFound,
        big);
    assertThat(falseFound / (double) distinct).isLessThan(2e-4);
    assertThat(crossTopic / (double) (pairs - sameTopic)).isLessThan(1e-4);
    assertThat(bigFound / (double) big).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void sameResultWhateverTheInputOrder() {
    List<Doc> docs;
    if (Corpora.ecbPlusAvailable()) {
      docs = planted().docs();
    } else {
      docs = Corpora.hama();
    }
    List<Pair> reference =
        CopyCandidates.find(
            docs.stream().map(Doc::id).toList(), docs.stream().map(Doc::text).toList(), P);
    assertThat(reference).isNotEmpty();
    for (long seed = 1; seed <= 3; seed++) {
      List<Doc> shuffled = new ArrayList<>(docs);
      Collections.shuffle(shuffled, new Random(seed));
      List<Pair> again =
          CopyCandidates.find(
              shuffled.stream().map(Doc::id).toList(),
              shuffled.stream().map(Doc::text).toList(),
              P);
      assertThat(again).isEqualTo(reference);
    }
    for (int i = 1; i < reference.size(); i++) {
      Pair x = reference.get(i - 1);
      Pair y = reference.get(i);
      assertThat(x.a().compareTo(x.b())).isNegative();
      assertThat(x.a().compareTo(y.a()) < 0 || (x.a().equals(y.a()) && x.b().compareTo(y.b()) < 0))
          .isTrue();
    }
  }

  @Test
  void incrementalAgreesWithBatch() {
    List<Doc> docs = new ArrayList<>(Corpora.hama());
    Planted planter = new Planted(docs, 11);
    planter.generate(List.copyOf(docs), 3, 50, id -> id).forEach(p -> docs.add(p.copy()));
    CopyCandidates c = new CopyCandidates(P);
    Map<String, List<String>> seenEarly = new LinkedHashMap<>();
    for (Doc d : docs) {
      c.add(d.id(), d.text());
      seenEarly.put(d.id(), c.candidatesOf(d.id()).stream().map(Pair::b).toList());
    }
    List<Pair> batch =
        CopyCandidates.find(
            docs.stream().map(Doc::id).toList(), docs.stream().map(Doc::text).toList(), P);
    assertThat(c.pairs()).isEqualTo(batch);
    for (Doc d : docs) {
      List<Pair> of = c.candidatesOf(d.id());
      List<String> others = new ArrayList<>();
      for (Pair p : batch) {
        if (p.a().equals(d.id())) {
          others.add(p.b());
        } else if (p.b().equals(d.id())) {
          others.add(p.a());
        }
      }
      Collections.sort(others);
      assertThat(of.stream().map(Pair::b).toList()).isEqualTo(others);
      assertThat(of).allSatisfy(p -> assertThat(p.a()).isEqualTo(d.id()));
      // what was found on arrival is still found: candidates only grow
      assertThat(others).containsAll(seenEarly.get(d.id()));
    }
    assertThat(c.size()).isEqualTo(docs.size());
    assertThat(c.contains("000")).isTrue();
    assertThat(c.contains("nope")).isFalse();
  }

  /**
   * The datasketch port ({@link DatasketchMinHash}: SHA-1, 128 universal-hash permutations) against
   * our one-permutation signature, whole-document banding only, on the same planted pairs with the
   * same bands: recall is the same within sampling error (both are MinHash of the same shingles).
   */
  @Test
  void datasketchBaselineRecallIsNoBetterWithTheSameBanding() {
    assumeTrue(Corpora.ecbPlusAvailable(), "ECB+ articles absent");
    PlantedCorpus c = planted();
    Map<String, String> text = new HashMap<>();
    c.docs().forEach(d -> text.put(d.id(), d.text()));
    MinHasher ours = new MinHasher();
    Shingles shingles = new Shingles(P.k());
    DatasketchMinHash baseline = new DatasketchMinHash(MinHasher.BINS, 1, P.k());
    Map<String, int[]> oursSig = new HashMap<>();
    Map<String, long[]> baseSig = new HashMap<>();
    for (Planted.Pair p : c.planted()) {
      for (String id : List.of(p.base(), p.copy().id())) {
        if (!oursSig.containsKey(id)) {
          int n = shingles.hash(text.get(id));
          oursSig.put(id, ours.signature(shingles.hashes(), n));
          baseSig.put(id, baseline.signature(text.get(id)));
        }
      }
    }
    int[][] bandings = {{P.bands(), P.rows()}, {32, 2}, {16, 4}, {32, 4}};
    for (int[] br : bandings) {
      int o = 0;
      int b = 0;
      double errOurs = 0;
      double errBase = 0;
      for (Planted.Pair p : c.planted()) {
        int[] x = oursSig.get(p.base());
        int[] y = oursSig.get(p.copy().id());
        long[] u = baseSig.get(p.base());
        long[] v = baseSig.get(p.copy().id());
        if (collide(x, y, br[0], br[1])) {
          o++;
        }
        if (collide(u, v, br[0], br[1])) {
          b++;
        }
      }
      double n = c.planted().size();
      System.out.printf(
          Locale.ROOT,
          "banding %2d x %d: planted recall ours %.3f, datasketch port %.3f%n",
          br[0],
          br[1],
          o / n,
          b / n);
      // equal within sampling error: 1,000 pairs, standard error of a difference about 0.015
      assertThat(b / n).as("%d x %d", br[0], br[1]).isLessThanOrEqualTo(o / n + 0.03);
      if (br[0] == P.bands() && br[1] == P.rows()) {
        assertThat(b / n).isLessThanOrEqualTo(o / n);
      }
    }
  }

  private static boolean collide(int[] a, int[] b, int bands, int rows) {
    for (int band = 0; band < bands; band++) {
      boolean all = true;
      for (int i = band * rows; i < (band + 1) * rows && all; i++) {
        all = a[i] == b[i] && a[i] != MinHasher.EMPTY;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean collide(long[] a, long[] b, int bands, int rows) {
    for (int band = 0; band < bands; band++) {
      boolean all = true;
      for (int i = band * rows; i < (band + 1) * rows && all; i++) {
        all = a[i] == b[i];
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  @Test
  void underOneKibPerFiveKbArticle() {
    SyntheticCorpus synth = SyntheticCorpus.from(articles(Corpora.hama()), 3, 5000);
    LshIndex index = new LshIndex(P);
    long chars = 0;
    int n = 3000;
    for (int i = 0; i < n; i++) {
      String t = synth.next().article().text();
      chars += t.length();
      index.add(t);
    }
    System.out.printf(
        Locale.ROOT,
        "%d synthetic articles of %.0f chars: %.1f entries, %.0f bytes used per article (%.0f held,"
            + " pages partly empty at this size)%n",
        n,
        chars / (double) n,
        index.entries() / (double) n,
        index.usedBytes() / (double) n,
        index.bytes() / (double) n);
    assertThat(chars / (double) n).isGreaterThan(4500);
    assertThat(index.usedBytes() / (double) n).isLessThanOrEqualTo(1024);
  }

  @Test
  void emptyTextsAndBadInput() {
    assertThat(CopyCandidates.find(List.of("a", "b", "c"), List.of("", " -- ", ""), P)).isEmpty();
    assertThat(CopyCandidates.find(List.of(), List.of(), P)).isEmpty();
    List<Pair> same =
        CopyCandidates.find(List.of("b", "a"), List.of("Hama falls.", "HAMA FALLS"), P);
    assertThat(same).hasSize(1);
    assertThat(same.get(0).a()).isEqualTo("a");
    assertThat(same.get(0).jaccard()).isEqualTo(1.0);
    CopyCandidates c = new CopyCandidates(P);
    c.add("x", "some text");
    assertThatThrownBy(() -> c.add("x", "other")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.candidatesOf("y")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CopyCandidates.find(List.of("a"), List.of(), P))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Params(5, 65, 2, 10, 2, 500))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Params(0, 16, 2, 10, 2, 500))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Params(5, 16, 2, 0, 2, 500))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyIdsInTheIdTable() {
    CopyCandidates c = new CopyCandidates(P);
    for (int i = 0; i < 5000; i++) {
      c.add("id" + i, "text number " + i + " of many");
    }
    for (int i = 0; i < 5000; i += 97) {
      assertThat(c.contains("id" + i)).isTrue();
    }
    assertThat(c.contains("id5000")).isFalse();
  }
}
