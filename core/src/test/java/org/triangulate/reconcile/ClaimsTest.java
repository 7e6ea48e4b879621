package org.triangulate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.triangulate.align.SentenceJudge;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Claim;
import org.triangulate.model.Entity;
import org.triangulate.model.Mention;
import org.triangulate.model.Provenance;
import org.triangulate.model.Quantity;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Span;
import org.triangulate.model.Story;

/**
 * Claims on sentences of the Hama reports with hand-made annotations and word-count vectors: values
 * compared under their keys, agreement across units, the weakest sources counted once.
 */
class ClaimsTest {

  private static final Map<String, Entity> ENTITIES =
      Map.of(
          "place/aleppo", place("place/aleppo", "Aleppo", "city"),
          "place/hama", place("place/hama", "Hama", "city"),
          "place/homs", place("place/homs", "Homs", "city"),
          "place/syria", place("place/syria", "Syria", "country"));

  private static Entity place(String id, String name, String subtype) {
    return new Entity(id, name, "place", Optional.of(subtype), List.of(), List.of(), 1);
  }

  private static final String A =
      "The sweeping HTS-led offensive has seen Assad lose control of Syria’s second-largest city,"
          + " Aleppo, as well as swaths of the country’s northeast.\n"
          + "Homs is located just 40 km (25 mi) south of Hama.";
  private static final String B =
      "It marks another setback for President Bashar Al Assad, days after rebels captured much of"
          + " the northern city of Aleppo – the country's largest city.\n"
          + "Homs, which is about 40 kilometers (25 miles) south of Hama, is the gate to the capital"
          + " Damascus.";
  private static final String C =
      "Located about 200 kilometers north of the capital, Damascus, Hama is strategically"
          + " important.";

  private record Doc(Article article, Annotations annotations) {}

  private static Doc doc(String id, String text, List<Quantity> quantities) {
    List<Mention> mentions = new ArrayList<>();
    for (Entity e : ENTITIES.values()) {
      int i = text.indexOf(e.name());
      while (i >= 0) {
        mentions.add(new Mention(e.id(), new Span(i, i + e.name().length()), "name"));
        i = text.indexOf(e.name(), i + 1);
      }
    }
    Collections.sort(mentions);
    Article a =
        new Article(id, id + ".txt", Optional.empty(), "text", ArticleMetadata.EMPTY, text, List.of(), List.of());
    return new Doc(a, new Annotations(id, mentions, List.of(), quantities, List.of()));
  }

  private static Quantity length(String text, String words, double value, String unit, double metres, String approx) {
    int i = text.indexOf(words);
    return new Quantity(new Span(i, i + words.length()), value, unit, approx, Optional.empty(), Optional.empty(),
        Optional.empty(), metres, "m");
  }

  private static Reconciliation reconcile(List<Doc> docs) {
    Story story =
        new Story("s-1", "Hama", docs.stream().map(d -> d.article().id()).sorted().toList(),
            Optional.empty(), Optional.empty(), List.of());
    Provenance p =
        new Provenance("s-1", List.of(), List.of(), List.of(),
            docs.stream().map(d -> List.of(d.article().id())).sorted((x, y) -> x.get(0).compareTo(y.get(0))).toList());
    StoryEvidence ev =
        new StoryEvidence(story, docs.stream().map(Doc::article).toList(),
            docs.stream().collect(java.util.stream.Collectors.toMap(d -> d.article().id(), Doc::annotations)),
            ENTITIES, p);
    return new Reconciler(SentenceJudge.lexical(), new WordEmbedder()).reconcile(ev);
  }

  private static List<Doc> docs() {
    return List.of(
        doc("a", A, List.of(length(A, "40 km", 40, "km", 40_000, "exact"), length(A, "25 mi", 25, "mi", 40_233.6, "exact"))),
        doc("b", B, List.of(length(B, "25 miles", 25, "mi", 40_233.6, "about"))),
        doc("c", C, List.of(length(C, "about 200 kilometers", 200, "km", 200_000, "about"))));
  }

  @Test
  void aRankGivenTwoWaysIsContestedWithTheWordsBehindEachValue() {
    Reconciliation r = reconcile(docs());
    Claim rank =
        r.claims().stream().filter(c -> c.contradiction().isPresent()).findFirst().orElseThrow();
    assertThat(rank.status()).isEqualTo("contested");
    assertThat(rank.contradiction().get().slot()).isEqualTo("rank: Aleppo largest city");
    assertThat(rank.contradiction().get().values())
        .extracting(Claim.Value::value, Claim.Value::articles)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("second-largest", List.of("a")),
            org.assertj.core.groups.Tuple.tuple("largest", List.of("b")));
    assertThat(rank.text()).isEqualTo("The sweeping HTS-led offensive has seen Assad lose control of Syria’s second-largest city");
  }

  @Test
  void theSameDistanceInTwoUnitsJoinsOneCorroboratedClaimAndADifferentOneStaysApart() {
    Reconciliation r = reconcile(docs());
    Claim distance =
        r.claims().stream().filter(c -> c.text().startsWith("Homs is located")).findFirst().orElseThrow();
    assertThat(distance.assertions()).extracting(Claim.Assertion::article).containsExactly("a", "b");
    assertThat(distance.status()).isEqualTo("corroborated");
    assertThat(distance.independentSources()).isEqualTo(2);
    assertThat(r.claims()).filteredOn(c -> c.assertions().stream().anyMatch(a -> a.article().equals("c")))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("single-source"));
  }

  @Test
  void copiesCountOnce() {
    List<Doc> docs = docs();
    Story story = new Story("s-1", "Hama", List.of("a", "b", "c"), Optional.empty(), Optional.empty(), List.of());
    Provenance oneFamily = new Provenance("s-1", List.of(), List.of(), List.of(), List.of(List.of("a", "b"), List.of("c")));
    StoryEvidence ev =
        new StoryEvidence(story, docs.stream().map(Doc::article).toList(),
            docs.stream().collect(java.util.stream.Collectors.toMap(d -> d.article().id(), Doc::annotations)),
            ENTITIES, oneFamily);
    Claim distance =
        new Reconciler(SentenceJudge.lexical(), new WordEmbedder()).reconcile(ev).claims().stream()
            .filter(c -> c.text().startsWith("Homs is located")).findFirst().orElseThrow();
    assertThat(distance.independentSources()).isEqualTo(1);
    assertThat(distance.status()).isEqualTo("single-source");
  }

  @Test
  void theSameWhateverTheOrderOfTheArticles() {
    Reconciliation first = reconcile(docs());
    List<Doc> shuffled = new ArrayList<>(docs());
    for (int seed = 0; seed < 5; seed++) {
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(reconcile(shuffled)).isEqualTo(first);
    }
  }

  private static Doc dressed(Doc d, String outlet, String url, String published) {
    ArticleMetadata m =
        new ArticleMetadata(
            Optional.empty(), Optional.empty(), Optional.ofNullable(outlet), Optional.ofNullable(published),
            Optional.empty(), Optional.empty(), Optional.ofNullable(url), Optional.empty());
    return new Doc(d.article().withMetadata(m), d.annotations());
  }

  /** A reader knows articles by outlet or domain: explanations name them so, never by id. */
  @Test
  void explanationsNameArticlesByOutletOrDomainAndTheBriefSaysOnceWhichHaveNoDate() {
    List<Doc> docs = docs();
    List<Doc> named =
        List.of(
            dressed(docs.get(0), "The Guardian", null, null),
            dressed(docs.get(1), null, "https://www.aljazeera.com/news/2024/12/5/hama", null),
            docs.get(2));
    Reconciliation r = reconcile(named);
    Claim rank =
        r.claims().stream().filter(c -> c.contradiction().isPresent()).findFirst().orElseThrow();
    String why = rank.contradiction().get().explanation();
    assertThat(why)
        .isEqualTo(
            "The sources disagree on a rank: \"second-largest city\" (The Guardian) against \"largest"
                + " city\" (aljazeera.com).");
    assertThat(rank.contradiction().get().explainedByTime()).isFalse();
    // The brief: one sentence for the undated reports, then the explanation alone.
    List<String> brief = r.brief().stream().map(b -> b.text()).toList();
    int undated = brief.indexOf(
        "The Guardian and aljazeera.com have no publication date, so the dates cannot tell whether time"
            + " explains the disagreement that follows.");
    assertThat(undated).isNotNegative();
    assertThat(brief.get(undated + 1)).isEqualTo(why);
    assertThat(r.brief().get(undated).claims()).containsExactly(rank.id());
    assertThat(String.join(" ", brief)).doesNotContain("Time cannot");
  }

  @Test
  void aDatedReportIsNotListedAmongTheUndatedAndTwoOfOneOutletAreToldApartById() {
    List<Doc> docs = docs();
    List<Doc> named =
        List.of(
            dressed(docs.get(0), "Reuters", null, null),
            dressed(docs.get(1), "Reuters", null, "2024-12-05"),
            docs.get(2));
    Reconciliation r = reconcile(named);
    Claim rank =
        r.claims().stream().filter(c -> c.contradiction().isPresent()).findFirst().orElseThrow();
    assertThat(rank.contradiction().get().explanation())
        .contains("(Reuters (a))")
        .contains("(Reuters (b))");
    assertThat(r.brief())
        .anySatisfy(
            b ->
                assertThat(b.text())
                    .isEqualTo(
                        "Reuters (a) has no publication date, so the dates cannot tell whether time"
                            + " explains the disagreement that follows."));
  }

  @Test
  void whenEveryReportIsDatedTheBriefHasNoUndatedSentence() {
    List<Doc> docs = docs();
    List<Doc> dated =
        List.of(
            dressed(docs.get(0), null, null, "2024-12-05"),
            dressed(docs.get(1), null, null, "2024-12-05"),
            dressed(docs.get(2), null, null, "2024-12-05"));
    Reconciliation r = reconcile(dated);
    assertThat(r.brief()).noneSatisfy(b -> assertThat(b.text()).contains("no publication date"));
    assertThat(r.brief()).anySatisfy(b -> assertThat(b.text()).startsWith("The sources disagree on a rank"));
  }
}
