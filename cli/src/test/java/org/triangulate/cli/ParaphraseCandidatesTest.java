package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.align.StoryAligner;
import org.triangulate.align.lsh.CopyCandidates;
import org.triangulate.align.nn.ParaphraseCandidates;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Story;

/**
 * Paraphrase candidates with the real embedding on real text: the five Hama reports, a rewrite of
 * 002 by {@link WordSwaps} that MinHash cannot see, and 129 ECB+ development articles (every sixth)
 * as distractors. Skipped without ../shared/eval beside the project.
 */
class ParaphraseCandidatesTest {

  private static final Path ECBPLUS = Path.of("../../shared/eval/ecbplus-dev/articles.jsonl");
  private static final String REWRITE = "002~swapped";

  private static final List<String> ids = new ArrayList<>();
  private static final List<String> texts = new ArrayList<>();

  @BeforeAll
  static void corpus() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(ECBPLUS), "needs ../shared/eval beside the project");
    for (Path p : Fixtures.hamaFiles()) {
      ids.add(p.getFileName().toString().substring(0, 3));
      texts.add(Files.readString(p, StandardCharsets.UTF_8));
    }
    // synonyms, and three words in five moved: no five-word phrase of 002 is left
    ids.add(REWRITE);
    texts.add(new WordSwaps(0.6, 1).paraphrase(texts.get(2)));
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(ECBPLUS, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i += 6) {
      JsonNode n = json.readTree(lines.get(i));
      ids.add(n.get("id").asText());
      texts.add(n.get("text").asText());
    }
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
  }

  private static String topic(String id) {
    return id.length() == 3 || id.startsWith("002~") ? "hama" : id.substring(0, id.indexOf('_'));
  }

  @Test
  void findsTheTranslationAndTheRewriteAndFewDistractors() {
    ParaphraseCandidates.Result r =
        ParaphraseCandidates.find(ids, texts, Components.embedder(), ParaphraseCandidates.Params.DEFAULT);
    Set<String> copies = new TreeSet<>();
    CopyCandidates.find(ids, texts, CopyCandidates.Params.DEFAULT)
        .forEach(p -> copies.add(key(p.a(), p.b())));
    Map<String, ParaphraseCandidates.Pair> found = new java.util.TreeMap<>();
    r.pairs().forEach(p -> found.put(key(p.a(), p.b()), p));

    // 001 is a machine translation of an earlier version of 000: most of its sentences match.
    // (MinHash finds this pair too: the two English texts share phrases such as "forces loyal
    // to Assad"; Jaccard 0.15, 12 shared samples.)
    assertThat(found.get(key("000", "001")).matched()).isGreaterThanOrEqualTo(10);
    assertThat(copies).contains(key("000", "001"));
    // the rewrite is found by its sentences alone
    assertThat(found.get(key("002", REWRITE)).matched()).isGreaterThanOrEqualTo(15);
    assertThat(copies).doesNotContain(key("002", REWRITE));

    long hamaWithEcb =
        r.pairs().stream().filter(p -> topic(p.a()).equals("hama") != topic(p.b()).equals("hama")).count();
    long acrossTopics = r.pairs().stream().filter(p -> !topic(p.a()).equals(topic(p.b()))).count();
    long ecbPairs =
        r.pairs().stream().filter(p -> !topic(p.a()).equals("hama") && !topic(p.b()).equals("hama")).count();
    System.out.printf(
        "paraphrase candidates among %d articles (%d sentences): %d pairs, %d among the ECB+ articles"
            + " (all within a topic), %d across topics; MinHash: %d pairs%n",
        ids.size(), r.sentences(), r.pairs().size(), ecbPairs, acrossTopics, copies.size());
    assertThat(hamaWithEcb).isZero();
    assertThat(acrossTopics).isZero();
    assertThat(ecbPairs).isLessThanOrEqualTo(25); // 21 measured, of 8,256 ECB+ pairs
  }

  /**
   * A story too large to align every pair (62 articles): the rewrite, which only the paraphrase
   * candidates find, gets its links; pairs that are candidates of neither kind get none.
   */
  @Test
  void aLargeStoryAlignsTheParaphraseCandidates() {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 62; i++) {
      articles.add(
          new Article(ids.get(i), "test", Optional.empty(), "text", ArticleMetadata.EMPTY, texts.get(i), List.of(), List.of()));
    }
    List<String> storyIds = articles.stream().map(Article::id).sorted().toList();
    assertThat(storyIds.size()).isGreaterThan(StoryAligner.ALL_PAIRS_UP_TO);
    Story story = new Story("big", "Hama and others", storyIds, Optional.empty(), Optional.empty(), List.of());
    Map<String, Article> byId = new java.util.HashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    Provenance p =
        new org.triangulate.pipeline.StoryStages(Components.embedder())
            .run(story, byId, null, Map.of(), Map.of())
            .provenance()
            .orElseThrow();
    Set<String> linked = new TreeSet<>();
    for (Link l : p.links()) {
      linked.add(key(l.a().article(), l.b().article()));
    }
    Set<String> candidates = new TreeSet<>();
    List<String> sub = ids.subList(0, 62);
    List<String> subTexts = texts.subList(0, 62);
    CopyCandidates.find(sub, subTexts, CopyCandidates.Params.DEFAULT).forEach(c -> candidates.add(key(c.a(), c.b())));
    ParaphraseCandidates.find(sub, subTexts, Components.embedder(), ParaphraseCandidates.Params.DEFAULT)
        .pairs()
        .forEach(c -> candidates.add(key(c.a(), c.b())));
    System.out.println("large story: " + candidates.size() + " candidate pairs, linked " + linked);
    assertThat(linked).contains(key("000", "001"), key("002", REWRITE));
    assertThat(candidates).containsAll(linked);
  }
}
