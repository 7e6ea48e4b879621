package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Claim;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Span;
import org.triangulate.model.TimelineEvent;
import org.triangulate.reconcile.Reconciler;
import org.triangulate.reconcile.StoryEvidence;
import org.triangulate.report.JsonReportWriter;

/**
 * The reconcile stage on the Hama corpus: the contradictions the five reports hold (the four the
 * issue names, and whether Hama was taken, which the defence ministry denied), the
 * distance they agree on in two units, the propaganda article's unsupported description, the
 * timeline, and the whole reconciliation pinned in {@code golden/hama/reconcile.json} (rewrite it
 * with {@code -Dgolden.update=true} after a deliberate change, and review the diff).
 */
class ReconcileHamaTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/hama/reconcile.json");

  private static StoryEvidence ev;
  private static Reconciliation r;

  @BeforeAll
  static void run() {
    ev = HamaEvidence.get();
    r = new Reconciler(Components.judge(), Components.embedder()).reconcile(ev);
  }

  /**
   * Every word of every contradiction's slot name and explanation is one the reader can find: a
   * word of the story's articles, or a word of an entity's name; never a stem ("salari") nor an
   * entity id ("place/hama").
   */
  @org.junit.jupiter.api.Test
  void slotNamesAndExplanationsAreInWordsOfTheText() {
    java.util.Set<String> words = new java.util.HashSet<>();
    for (org.triangulate.model.Article a : ev.articles()) {
      for (String w : a.text().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        words.add(w);
      }
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    ev.entities().values().forEach(e -> names.add(e.name().toLowerCase(java.util.Locale.ROOT)));
    List<String> slots = new java.util.ArrayList<>();
    for (org.triangulate.model.Claim c : r.claims()) {
      c.contradiction().ifPresent(x -> slots.add(x.slot()));
    }
    assertThat(slots).contains("status: Hama", "time: 50 percent salaries", "rank: Aleppo largest city");
    for (String slot : slots) {
      // After the kind ("status", "time", ...), the subject's words.
      String words0 = slot.indexOf(':') < 0 ? "" : slot.substring(slot.indexOf(':') + 1);
      for (String w : words0.toLowerCase(java.util.Locale.ROOT).trim().split(" ")) {
        if (w.isEmpty()) {
          continue;
        }
        assertThat(words.contains(w) || names.stream().anyMatch(n -> n.contains(w)))
            .as("\"%s\" of slot \"%s\" is a word of the text", w, slot)
            .isTrue();
      }
      assertThat(slot).doesNotContain("/");
    }
  }

  private static String text(String article, Span s) {
    return s.of(ev.article(article).text());
  }

  private static String prefix(String id) {
    return id.substring(0, 3);
  }

  /** Each contested claim's slot, with its values and the articles (by number) behind each. */
  private static Map<String, Map<String, List<String>>> contested() {
    Map<String, Map<String, List<String>>> out = new TreeMap<>();
    for (Claim c : r.claims()) {
      c.contradiction().ifPresent(x -> {
        Map<String, List<String>> values = new TreeMap<>();
        x.values().forEach(v -> values.put(v.value(), v.articles().stream().map(ReconcileHamaTest::prefix).toList()));
        out.put(x.slot(), values);
      });
    }
    return out;
  }

  @Test
  void theContradictionsAndNoOthers() {
    assertThat(contested())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "duration: fighting",
                    Map.of("5 day", List.of("000", "001"), "3 day", List.of("002", "004")),
                "rank: Aleppo largest city",
                    Map.of("second-largest", List.of("000", "001", "003"), "largest", List.of("002", "004")),
                "direction",
                    Map.of("northeast", List.of("000"), "northwest", List.of("001")),
                "time: 50 percent salaries",
                    Map.of("2024-W49", List.of("000", "001"), "2024-W48", List.of("003")),
                "status: Hama",
                    Map.of(
                        "denied", List.of("000", "001"),
                        "entered", List.of("000", "002", "003"),
                        "captured", List.of("001"),
                        "reported entered", List.of("004"),
                        "reported partial", List.of("004"))));
  }

  @Test
  void contradictionsQuoteTheirWordsAndSayWhetherTimeExplainsThem() {
    Claim fighting = claimWithSlot("duration: fighting");
    assertThat(fighting.status()).isEqualTo("contested");
    Claim.Contradiction x = fighting.contradiction().get();
    assertThat(x.values())
        .flatExtracting(Claim.Value::spans)
        .extracting(p -> text(p.article(), p.span()))
        .contains("five days of fighting", "three days of clashes", "three days of intense clashes");
    assertThat(x.explanation()).contains("\"five days of fighting\"").contains("\"three days of clashes\"");
    assertThat(x.explainedByTime()).isFalse();
    Claim decree = claimWithSlot("time: 50 percent salaries");
    assertThat(decree.contradiction().get().explainedByTime()).isTrue();
    assertThat(decree.contradiction().get().explanation()).contains("\"last week\"").contains("\"earlier this week\"");
    Claim status = claimWithSlot("status: Hama");
    assertThat(status.contradiction().get().explainedByTime()).isTrue(); // "initially denied"
    Claim direction = claimWithSlot("direction");
    assertThat(direction.assertions()).extracting(a -> prefix(a.article())).containsExactly("000", "001");
    assertThat(direction.text()).contains("second-largest city, Aleppo");
  }

  private static Claim claimWithSlot(String slot) {
    return r.claims().stream()
        .filter(c -> c.contradiction().map(x -> x.slot().equals(slot)).orElse(false))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theDistanceToHomsAgreesInBothUnitsAcrossIndependentSources() {
    Claim distance =
        r.claims().stream()
            .filter(c -> c.assertions().stream().anyMatch(a -> text(a.article(), a.span()).contains("40 km (25 mi)")))
            .findFirst()
            .orElseThrow();
    Map<String, String> byArticle =
        distance.assertions().stream()
            .collect(Collectors.toMap(a -> prefix(a.article()), a -> text(a.article(), a.span()), (x, y) -> x, TreeMap::new));
    assertThat(byArticle.keySet()).containsExactly("001", "002", "003");
    assertThat(byArticle.get("002")).contains("about 25 miles south of Hama");
    assertThat(byArticle.get("003")).contains("about 40 kilometers (25 miles) south of Hama");
    assertThat(distance.contradiction()).isEmpty();
    assertThat(distance.status()).isEqualTo("corroborated");
    assertThat(distance.independentSources()).isEqualTo(2);
  }

  @Test
  void thePropagandaArticlesMi6ClaimIsSingleSource() {
    Claim mi6 =
        r.claims().stream().filter(c -> c.text().contains("run by MI6")).findFirst().orElseThrow();
    assertThat(mi6.status()).isEqualTo("single-source");
    assertThat(mi6.assertions()).extracting(a -> prefix(a.article())).containsExactly("003");
    assertThat(text(mi6.assertions().get(0).article(), mi6.assertions().get(0).span()))
        .isEqualTo("Britain’s Syrian Observatory for Human Rights — a war monitor run by MI6");
    // the claims only the propaganda article makes all stand on one source
    assertThat(r.claims())
        .filteredOn(c -> c.assertions().stream().allMatch(a -> prefix(a.article()).equals("003")))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.status()).isIn("single-source", "contested"));
  }

  @Test
  void hamaEnteredIsCorroboratedByBothFamiliesOfReports() {
    Claim entered = r.claims().get(0);
    assertThat(entered.text()).startsWith("Islamist insurgents have entered the Syrian city of Hama");
    assertThat(entered.assertions()).extracting(a -> prefix(a.article())).containsExactly("000", "001", "002", "003", "004");
    assertThat(entered.status()).isEqualTo("corroborated");
  }

  @Test
  void timelineHasTheOffensiveTheTourAndTheEntry() {
    TimelineEvent began = event("2024-11-27", "renewed fighting beginning");
    assertThat(began.articles()).extracting(ReconcileHamaTest::prefix).containsExactly("002");
    TimelineEvent tour = event("2024-12-04", "toured Aleppo");
    assertThat(tour.articles()).extracting(ReconcileHamaTest::prefix).containsExactly("002");
    TimelineEvent entered = event("2024-12-05", "entered the city");
    assertThat(entered.articles()).extracting(ReconcileHamaTest::prefix).contains("000", "001", "003");
    assertThat(r.timeline().indexOf(began)).isLessThan(r.timeline().indexOf(tour));
    assertThat(r.timeline().indexOf(tour)).isLessThan(r.timeline().indexOf(entered));
    for (TimelineEvent t : r.timeline()) {
      t.spans().forEach(p -> assertThat(text(p.article(), p.span())).isNotBlank());
    }
  }

  private static TimelineEvent event(String date, String words) {
    return r.timeline().stream()
        .filter(t -> t.date().equals(date) && t.text().contains(words))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event " + date + " " + words + " in " + r.timeline()));
  }

  @Test
  void everyBriefSentenceRestsOnClaimsWithTheirStatus() {
    assertThat(r.brief()).isNotEmpty();
    Map<String, Claim> byId = r.claims().stream().collect(Collectors.toMap(Claim::id, c -> c));
    r.brief().forEach(b -> {
      assertThat(b.claims()).isNotEmpty().allSatisfy(id -> assertThat(byId).containsKey(id));
      assertThat(b.status()).isEqualTo(byId.get(b.claims().get(0)).status());
    });
    assertThat(r.brief()).extracting(b -> b.status()).contains("corroborated", "contested");
  }

  @Test
  void reconciliationMatchesItsGoldenFile() throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setPrettyPrinter(JsonReportWriter.prettyPrinter());
      g.writeStartObject();
      JsonReportWriter.reconciliation(g, r);
      g.writeEndObject();
    }
    String actual = w + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }
}
