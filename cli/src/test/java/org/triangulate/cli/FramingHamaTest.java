package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Framing;
import org.triangulate.model.Span;
import org.triangulate.reconcile.Framings;
import org.triangulate.reconcile.StoryEvidence;

/**
 * The framing table of the Hama story, pinned: how each of the five reports labels the HTS-led
 * forces, the government and the Syrian Observatory for Human Rights. Each term was checked against
 * the text (see docs/framing.md for the words it misses).
 */
class FramingHamaTest {

  static final String A000 = "000_5f845e8b32303230";
  static final String A001 = "001_558042633266138b";
  static final String A002 = "002_cd28b6654e9fce99";
  static final String A003 = "003_fa5c466642b5d1e0";
  static final String A004 = "004_caf67864382cb7e1";
  static final String HTS = "organization/hayat-tahrir-al-sham";
  static final String SOHR = "organization/syrian-observatory-for-human-rights";
  static final String ASSAD = "person/bashar-al-assad";

  static StoryEvidence evidence;
  static Map<String, Framing> framings;

  @BeforeAll
  static void frame() {
    evidence = HamaEvidence.get();
    framings = new TreeMap<>();
    Framings.of(evidence).forEach(f -> framings.put(f.entity(), f));
    System.out.print(table(framings.values().stream().toList()));
  }

  @Test
  void labelsTheHtsLedForcesInEveryArticle() {
    Framing hts = framings.get(HTS);
    // 000's and 001's "opposition forces" are the rebels of 2011 (see below), not HTS
    assertThat(terms(hts, A000))
        .containsExactly("insurgent", "islamist insurgent", "militant", "rebel");
    assertThat(terms(hts, A001))
        .containsExactly(
            "extremist", "islamist rebel", "islamist-led rebel", "militant", "rebel");
    assertThat(terms(hts, A002))
        .containsExactly(
            "holy warrior", "insurgent", "most powerful insurgent group in Syria",
            "opposition force", "opposition gunman", "rebel", "rebel force",
            "sunni islamist organisation", "terrorist group");
    assertThat(terms(hts, A003)).containsExactly("attacker", "insurgent", "mercenary");
    assertThat(terms(hts, A004))
        .containsExactly("gunman", "insurgent", "jihadi group", "opposition gunman");
    assertThat(label(hts, A003, "mercenary").count()).isEqualTo(4);
    assertThat(label(hts, A002, "insurgent").count()).isEqualTo(5);
    assertThat(label(hts, A001, "rebel").count()).isEqualTo(4);
  }

  @Test
  void flagsMercenariesInThePropagandaArticleAsLoaded() {
    Framing hts = framings.get(HTS);
    Framing.Label mercenary = label(hts, A003, "mercenary");
    assertThat(mercenary.loaded()).isTrue();
    assertThat(mercenary.distinctive()).isTrue();
    assertThat(mercenary.inQuote()).isFalse();
    assertThat(
            hts.labels().stream().filter(Framing.Label::loaded).map(l -> l.article() + " " + l.term()))
        .containsExactly(
            A001 + " extremist", A002 + " holy warrior", A002 + " terrorist group",
            A003 + " mercenary");
  }

  @Test
  void saysWhichLabelsStandInsideQuotations() {
    Framing hts = framings.get(HTS);
    assertThat(hts.labels().stream().filter(Framing.Label::inQuote).map(l -> l.article() + " " + l.term()))
        .containsExactly(A000 + " militant", A002 + " holy warrior");
    // 001's "rebel" is once in the Observatory's quoted words, three times in its own
    assertThat(label(hts, A001, "rebel").inQuote()).isFalse();
    Framing assad = framings.get(ASSAD);
    assertThat(label(assad, A002, "criminal regime").inQuote()).isTrue();
    assertThat(assad.labels().stream().filter(l -> l.term().equals("regime")))
        .hasSize(4)
        .allMatch(Framing.Label::inQuote)
        .allMatch(Framing.Label::loaded);
  }

  @Test
  void saysWhichLabelsTheTextGivesAsSomeoneElses() {
    Framing hts = framings.get(HTS);
    // "It is considered a terrorist group by the United Nations, and Western countries"
    Framing.Label terrorist = label(hts, A002, "terrorist group");
    assertThat(terrorist.inQuote()).isFalse();
    assertThat(terrorist.attributed()).isTrue();
    assertThat(hts.labels().stream().filter(Framing.Label::attributed).map(l -> l.article() + " " + l.term()))
        .containsExactly(A000 + " militant", A002 + " holy warrior", A002 + " terrorist group");
    // The outlet's own words stay its own.
    assertThat(label(hts, A003, "mercenary").attributed()).isFalse();
    assertThat(label(hts, A001, "extremist").attributed()).isFalse();
  }

  @Test
  void leavesOutASidesLabelInASentenceAboutAnotherYear() {
    Framing hts = framings.get(HTS);
    // "Hama was the scene of massive uprisings against Assad in 2011 and later fierce fighting as
    // opposition forces tried and failed to take over" (000), and the translation's "in 2011. and
    // then fierce fighting as opposition forces tried and failed" (001): the rebels of 2011.
    String t000 = evidence.articles().stream().filter(a -> a.id().equals(A000)).findFirst().orElseThrow().text();
    assertThat(t000).contains("in 2011 and later fierce fighting as opposition forces tried and failed");
    assertThat(hts.labels().stream().filter(l -> l.term().equals("opposition force")).map(Framing.Label::article))
        .containsExactly(A002);
    // 002's "opposition forces have taken advantage of the opportunity" is today's
    assertThat(label(hts, A002, "opposition force").count()).isEqualTo(1);
  }

  @Test
  void describesTheObservatoryAndFlagsTheMi6Claim() {
    Framing sohr = framings.get(SOHR);
    assertThat(terms(sohr, A000)).isEmpty();
    assertThat(terms(sohr, A001)).containsExactly("Britain-based war monitor", "military monitor");
    assertThat(terms(sohr, A002)).containsExactly("opposition war monitor", "UK-based");
    assertThat(terms(sohr, A003)).containsExactly("war monitor run by MI6");
    assertThat(terms(sohr, A004)).containsExactly("Britain-based");
    Framing.Label mi6 = label(sohr, A003, "war monitor run by MI6");
    assertThat(mi6.loaded()).isTrue();
    assertThat(mi6.distinctive()).isTrue();
    assertThat(sohr.labels().stream().filter(Framing.Label::loaded)).containsExactly(mi6);
    assertThat(label(sohr, A004, "Britain-based").distinctive()).isFalse();
  }

  @Test
  void givesGovernmentForcesToAssad() {
    Framing assad = framings.get(ASSAD);
    assertThat(terms(assad, A000)).containsExactly("force loyal to Assad", "government force", "regime");
    assertThat(terms(assad, A002))
        .containsExactly("Assad's force", "criminal regime", "government force", "president", "regime");
    assertThat(terms(assad, A003)).containsExactly("government force", "president", "regime");
  }

  @Test
  void everySpanIsTheWordsOfItsLabel() {
    for (Framing f : framings.values()) {
      for (Framing.Label l : f.labels()) {
        String text = evidence.article(l.article()).text();
        assertThat(l.spans()).hasSize(l.count()).isSorted();
        for (Span s : l.spans()) {
          String words = s.of(text).toLowerCase(Locale.ROOT).replace('’', '\'');
          String head = l.term().toLowerCase(Locale.ROOT).replaceAll(".* ", "");
          assertThat(words).as(l.term()).contains(head.replaceAll("(man|y)$", ""));
        }
      }
    }
  }

  static List<String> terms(Framing f, String article) {
    return f.labels().stream().filter(l -> l.article().equals(article)).map(Framing.Label::term).toList();
  }

  static Framing.Label label(Framing f, String article, String term) {
    return f.labels().stream()
        .filter(l -> l.article().equals(article) && l.term().equals(term))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + term + " in " + article));
  }

  /** The table, one line per label: article, term, count and flags. */
  static String table(List<Framing> framings) {
    StringBuilder sb = new StringBuilder();
    for (Framing f : framings) {
      sb.append(f.entity()).append('\n');
      for (Framing.Label l : f.labels()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %s  %-42s %2d %s%s%s%n",
                l.article().substring(0, 3),
                l.term(),
                l.count(),
                l.loaded() ? " loaded" : "",
                l.inQuote() ? " in-quote" : "",
                l.distinctive() ? " distinctive" : ""));
      }
    }
    return sb.toString();
  }
}
