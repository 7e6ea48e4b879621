package org.triangulate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Derivation;
import org.triangulate.model.Entity;
import org.triangulate.model.Framing;
import org.triangulate.model.Mention;
import org.triangulate.model.Provenance;
import org.triangulate.model.Quote;
import org.triangulate.model.Span;
import org.triangulate.model.Story;

/** Framings on small stories made of real sentences from the Hama corpus. */
class FramingsTest {

  static final String HTS = "organization/hayat-tahrir-al-sham";
  static final String SOHR = "organization/syrian-observatory-for-human-rights";
  static final String ASSAD = "person/bashar-al-assad";
  static final String HEZBOLLAH = "organization/hezbollah";

  static final List<Entity> ENTITIES =
      List.of(
          entity(HTS, "organization", "armed-group"),
          entity(SOHR, "organization", "ngo"),
          entity(ASSAD, "person", null),
          entity(HEZBOLLAH, "organization", "armed-group"),
          entity("organization/syrian-arab-army", "organization", "government"),
          entity("person/dmitry-peskov", "person", null),
          entity("place/hama", "place", "city"),
          entity("place/united-kingdom", "place", "country"));

  /** The Guardian-based original (000). */
  static Doc a() {
    return new Doc(
            "a",
            "Islamist insurgents have entered the Syrian city of Hama in a battle for a vital spot on"
                + " the road to Damascus. The rebels led by the Hayat Tahrir al-Sham (HTS) group"
                + " entered the city from the east this Thursday after surrounding it for five days"
                + " of fighting against forces loyal to Assad. Kremlin spokesman Dmitry Peskov told"
                + " reporters that Moscow is “closely monitoring” developments in Syria. “Based on the"
                + " assessment of the situation, we will be able to discuss the degree of help that"
                + " the Syrian authorities need to confront the militants and eliminate this threat,”"
                + " he declared. Amid reports of an increase in desertions from the Syrian army or"
                + " fighters fleeing their positions, Assad issued a decree earlier this week.")
        .name("Hama", "place/hama")
        .name("Hayat Tahrir al-Sham", HTS)
        .name("HTS", HTS)
        .name("Assad", ASSAD)
        .description("Kremlin spokesman", "person/dmitry-peskov")
        .name("Dmitry Peskov", "person/dmitry-peskov")
        .name("Syrian army", "organization/syrian-arab-army")
        .name("Assad", ASSAD, 1)
        .quote("Based on the", "this threat,", "person/dmitry-peskov");
  }

  /** The propaganda rewrite (003). */
  static Doc b() {
    return new Doc(
            "b",
            "Hayat Tahrir al-Sham mercenaries have entered the city of Hama Thursday after days of"
                + " intense clashes with government forces. The Syrian army admitted it had withdrawn"
                + " from Hama after insurgents broke through its defenses. Britain’s Syrian"
                + " Observatory for Human Rights — a war monitor run by MI6 — said the mercenaries"
                + " now control the police headquarters in the city.")
        .name("Hayat Tahrir al-Sham", HTS)
        .name("Hama", "place/hama")
        .name("Syrian army", "organization/syrian-arab-army")
        .name("Syrian Observatory for Human Rights", SOHR)
        .description("a war monitor run by MI6", SOHR);
  }

  /** The machine translation of an earlier version of the original (001). */
  static Doc c() {
    return new Doc(
            "c",
            "Islamist rebels have seized the Syrian city of Hama in a battle to seize a vital post on"
                + " the road to Damascus. Militants led by the Hayat Tahrir al-Sham (HTS) group"
                + " entered the city from the east on Thursday. As night fell, extremists said they"
                + " had “fully established control over the city of Hama”. Britain-based war monitor"
                + " the Syrian Observatory for Human Rights reported “a mass exodus of Alawites from"
                + " Homs neighborhoods”.")
        .name("Hama", "place/hama")
        .name("Hayat Tahrir al-Sham", HTS)
        .name("HTS", HTS)
        .name("Britain", "place/united-kingdom")
        .description("Britain-based war monitor", SOHR)
        .name("Syrian Observatory for Human Rights", SOHR);
  }

  /** The short summary (004). */
  static Doc d() {
    return new Doc(
            "d",
            "The offensive is being led by the jihadi group Hayat Tahrir al-Sham. The intervention"
                + " of Russia, Iran, Iranian-allied Hezbollah, and other militant groups has played a"
                + " crucial role in allowing Assad to maintain power. The Britain-based Syrian"
                + " Observatory for Human Rights reported that gunmen have entered parts of the city.")
        .description("jihadi group", HTS)
        .name("Hayat Tahrir al-Sham", HTS)
        .description("Iranian-allied", HEZBOLLAH)
        .name("Hezbollah", HEZBOLLAH)
        .name("Assad", ASSAD)
        .name("Britain", "place/united-kingdom")
        .description("Britain-based", SOHR)
        .name("Syrian Observatory for Human Rights", SOHR);
  }

  static final Derivation TRANSLATION = derivation("c", "a", "translation");

  @Test
  void givesTheRebelsToTheArmedGroupTheStoryTiesThemTo() {
    Map<String, Framing> f = framings(List.of(a(), b(), c(), d()), List.of(TRANSLATION));
    assertThat(terms(f.get(HTS), "a")).containsExactly("islamist insurgent", "militant", "rebel");
    assertThat(terms(f.get(HTS), "b")).containsExactly("insurgent", "mercenary");
    assertThat(terms(f.get(HTS), "c"))
        .containsExactly("extremist", "islamist rebel", "militant");
    assertThat(terms(f.get(HTS), "d")).containsExactly("gunman", "jihadi group");
    assertThat(label(f.get(HTS), "b", "mercenary").count()).isEqualTo(2);
  }

  @Test
  void flagsMercenariesAsLoadedAndInsurgentsNot() {
    Framing hts = framings(List.of(a(), b(), c(), d()), List.of(TRANSLATION)).get(HTS);
    assertThat(label(hts, "b", "mercenary").loaded()).isTrue();
    assertThat(label(hts, "b", "insurgent").loaded()).isFalse();
    assertThat(label(hts, "c", "extremist").loaded()).isTrue();
  }

  @Test
  void saysWhenALabelStandsInsideAQuotation() {
    Framing hts = framings(List.of(a(), b(), c(), d()), List.of(TRANSLATION)).get(HTS);
    assertThat(label(hts, "a", "militant").inQuote()).isTrue();
    assertThat(label(hts, "a", "rebel").inQuote()).isFalse();
  }

  @Test
  void leavesOtherMilitantGroupsToTheGroupNamedBeforeThem() {
    Map<String, Framing> f = framings(List.of(a(), b(), c(), d()), List.of(TRANSLATION));
    assertThat(terms(f.get(HEZBOLLAH), "d")).containsExactly("iranian-allied", "militant group");
    assertThat(terms(f.get(HTS), "d")).doesNotContain("militant group");
  }

  @Test
  void givesFightersOfNoSideToNobody() {
    Map<String, Framing> f = framings(List.of(a(), b(), c(), d()), List.of(TRANSLATION));
    f.values()
        .forEach(x -> assertThat(x.labels()).noneMatch(l -> l.term().contains("fighter")));
  }

  @Test
  void givesGovernmentForcesToTheManTheirLoyaltyIsNamedFor() {
    Framing assad = framings(List.of(a(), b(), c(), d()), List.of(TRANSLATION)).get(ASSAD);
    assertThat(terms(assad, "a")).containsExactly("force loyal to Assad");
    assertThat(terms(assad, "b")).containsExactly("government force");
    Framing.Label loyal = label(assad, "a", "force loyal to Assad");
    assertThat(loyal.spans().get(0).of(a().text)).isEqualTo("forces loyal to Assad");
  }

  @Test
  void describesTheSourcesAndFlagsTheMi6Claim() {
    Framing sohr = framings(List.of(a(), b(), c(), d()), List.of(TRANSLATION)).get(SOHR);
    assertThat(terms(sohr, "b")).containsExactly("war monitor run by MI6");
    assertThat(terms(sohr, "c")).containsExactly("Britain-based war monitor");
    assertThat(terms(sohr, "d")).containsExactly("Britain-based");
    Framing.Label mi6 = label(sohr, "b", "war monitor run by MI6");
    assertThat(mi6.loaded()).isTrue();
    assertThat(mi6.distinctive()).isTrue();
    assertThat(mi6.spans().get(0).of(b().text)).isEqualTo("a war monitor run by MI6");
    // "Britain-based" is in the translation's longer description: not this article's alone
    assertThat(label(sohr, "d", "Britain-based").distinctive()).isFalse();
  }

  @Test
  void countsATranslationAndItsOriginalAsOneWhenJudgingWhatIsDistinctive() {
    Framing joined = framings(List.of(a(), b(), c(), d()), List.of(TRANSLATION)).get(HTS);
    assertThat(label(joined, "a", "militant").distinctive()).isTrue();
    assertThat(label(joined, "c", "militant").distinctive()).isTrue();
    assertThat(label(joined, "c", "extremist").distinctive()).isTrue();
    // "insurgent" is also in the original's "islamist insurgent"
    assertThat(label(joined, "b", "insurgent").distinctive()).isFalse();

    Derivation shared = derivation("a", "c", "common-source");
    Framing apart = framings(List.of(a(), b(), c(), d()), List.of(shared)).get(HTS);
    assertThat(label(apart, "a", "militant").distinctive()).isFalse();
    assertThat(label(apart, "c", "militant").distinctive()).isFalse();
  }

  @Test
  void withoutATieNoActorGetsTheSidesWords() {
    Doc lone =
        new Doc(
                "e",
                "Syrian insurgents have entered the central city of Hama. The intervention of Iran"
                    + " and Hezbollah has allowed Assad to remain in power.")
            .name("Hama", "place/hama")
            .name("Hezbollah", HEZBOLLAH)
            .name("Assad", ASSAD);
    assertThat(framings(List.of(lone), List.of())).isEmpty();
  }

  @Test
  void everySpanQuotesTheWordsOfItsTerm() {
    Map<String, Doc> docs =
        List.of(a(), b(), c(), d()).stream().collect(Collectors.toMap(x -> x.id, x -> x));
    for (Framing f : framings(List.of(a(), b(), c(), d()), List.of(TRANSLATION)).values()) {
      for (Framing.Label l : f.labels()) {
        assertThat(l.spans()).hasSize(l.count());
        for (Span s : l.spans()) {
          List<String> quoted = LabelText.words(s.of(docs.get(l.article()).text));
          for (String w : LabelText.words(l.term())) {
            assertThat(LabelText.containsWords(quoted, List.of(w)))
                .as("%s in %s", l.term(), quoted)
                .isTrue();
          }
        }
      }
    }
  }

  @Test
  void sameFramingsWhateverTheOrderOfArticlesMentionsAndDerivations() {
    List<Derivation> derivations = List.of(TRANSLATION, derivation("a", "b", "common-source"));
    List<Framing> expected =
        Framings.of(evidence(List.of(a(), b(), c(), d()), derivations, new Random(0)));
    assertThat(expected).hasSizeGreaterThan(3);
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      List<Doc> docs = new ArrayList<>(List.of(a(), b(), c(), d()));
      Collections.shuffle(docs, random);
      List<Derivation> shuffled = new ArrayList<>(derivations);
      Collections.shuffle(shuffled, random);
      assertThat(Framings.of(evidence(docs, shuffled, random))).as("seed %d", seed).isEqualTo(expected);
    }
  }

  // ---- helpers

  static Map<String, Framing> framings(List<Doc> docs, List<Derivation> derivations) {
    Map<String, Framing> out = new LinkedHashMap<>();
    List<Framing> list = Framings.of(evidence(docs, derivations, new Random(0)));
    List<String> ids = list.stream().map(Framing::entity).toList();
    assertThat(ids).isSorted();
    for (Framing f : list) {
      List<String> keys = f.labels().stream().map(l -> l.article() + "\t" + l.term()).toList();
      assertThat(keys).as("labels by article then term").isSortedAccordingTo(
          (x, y) -> {
            int c = x.substring(0, x.indexOf('\t')).compareTo(y.substring(0, y.indexOf('\t')));
            return c != 0
                ? c
                : String.CASE_INSENSITIVE_ORDER.compare(
                    x.substring(x.indexOf('\t')), y.substring(y.indexOf('\t')));
          });
      out.put(f.entity(), f);
    }
    return out;
  }

  static StoryEvidence evidence(List<Doc> docs, List<Derivation> derivations, Random random) {
    List<Article> articles = new ArrayList<>();
    Map<String, Annotations> annotations = new LinkedHashMap<>();
    for (Doc d : docs) {
      articles.add(
          new Article(
              d.id, d.id + ".txt", Optional.empty(), "text", ArticleMetadata.EMPTY, d.text,
              List.of(), List.of()));
      List<Mention> mentions = new ArrayList<>(d.mentions);
      Collections.shuffle(mentions, random);
      annotations.put(d.id, new Annotations(d.id, mentions, d.quotes, List.of(), List.of()));
    }
    List<Entity> entities = new ArrayList<>(ENTITIES);
    Collections.shuffle(entities, random);
    List<String> ids = docs.stream().map(x -> x.id).sorted().toList();
    Story story = new Story("story", "Hama", ids, Optional.empty(), Optional.empty(), List.of());
    return new StoryEvidence(
        story,
        articles,
        annotations,
        entities.stream()
            .collect(
                Collectors.toMap(
                    Entity::id, Function.identity(), (x, y) -> x, LinkedHashMap::new)),
        new Provenance("story", List.of(), derivations, List.of(), List.of(ids)));
  }

  static List<String> terms(Framing f, String article) {
    assertThat(f).isNotNull();
    return f.labels().stream()
        .filter(l -> l.article().equals(article))
        .map(Framing.Label::term)
        .toList();
  }

  static Framing.Label label(Framing f, String article, String term) {
    return f.labels().stream()
        .filter(l -> l.article().equals(article) && l.term().equals(term))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no label " + term + " in " + article + ": " + f));
  }

  static Entity entity(String id, String type, String subtype) {
    return new Entity(
        id, id.substring(id.indexOf('/') + 1), type, Optional.ofNullable(subtype), List.of(),
        List.of(), 1);
  }

  static Derivation derivation(String from, String to, String kind) {
    return new Derivation(from, to, kind, "known", 0.9, 0.9, 0.9, List.of());
  }

  /** An article's text with its mentions and quotes, placed by the words they cover. */
  static final class Doc {
    final String id;
    final String text;
    final List<Mention> mentions = new ArrayList<>();
    final List<Quote> quotes = new ArrayList<>();

    Doc(String id, String text) {
      this.id = id;
      this.text = text;
    }

    Doc name(String words, String entity) {
      return name(words, entity, 0);
    }

    Doc name(String words, String entity, int nth) {
      mentions.add(new Mention(entity, find(words, nth), "name"));
      return this;
    }

    Doc description(String words, String entity) {
      mentions.add(new Mention(entity, find(words, 0), "description"));
      return this;
    }

    Doc quote(String first, String last, String speaker) {
      int b = text.indexOf(first);
      int e = text.indexOf(last, b) + last.length();
      quotes.add(
          new Quote(
              id + "#q" + (quotes.size() + 1), new Span(b, e), Optional.of(speaker),
              Optional.empty(), Optional.empty()));
      return this;
    }

    Span find(String words, int nth) {
      int at = -1;
      for (int i = 0; i <= nth; i++) {
        at = text.indexOf(words, at + 1);
        if (at < 0) {
          throw new IllegalArgumentException("no " + words + " #" + nth + " in " + id);
        }
      }
      return new Span(at, at + words.length());
    }
  }
}
