package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EntityListTest {

  private static final String HEADER = "id\ttype\tsubtype\tname\taliases\tsource\tadjectives\n";

  private final EntityList list = EntityList.get();

  private static EntityList parse(String body) {
    return EntityList.parse(new StringReader(body), "test.tsv");
  }

  private static String row(String id, String subtype, String name, String aliases) {
    String type = id.substring(0, id.indexOf('/'));
    return id + "\t" + type + "\t" + subtype + "\t" + name + "\t" + aliases
        + "\thttps://en.wikipedia.org/wiki/" + name.replace(' ', '_') + "\t\n";
  }

  private String idOf(String surface) {
    return list.lookup(surface).map(EntityList.Entry::id).orElse(null);
  }

  // ---------------------------------------------------------------- the shipped list

  @Test
  void theShippedListLoadsOnceAndIsSortedAndImmutable() {
    assertThat(EntityList.get()).isSameAs(list);
    List<EntityList.Entry> entries = list.entries();
    assertThat(entries).hasSizeGreaterThan(1000);
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i - 1).id()).isLessThan(entries.get(i).id());
    }
    assertThatThrownBy(() -> entries.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> entries.get(0).aliases().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyRowHasAWellFormedUniqueIdAndAWikipediaSource() {
    Pattern id = Pattern.compile("(place|organization)/[a-z0-9]+(-[a-z0-9]+)*");
    Set<String> ids = new HashSet<>();
    for (EntityList.Entry e : list.entries()) {
      assertThat(e.id()).matches(id);
      assertThat(e.id()).startsWith(e.type() + "/");
      assertThat(ids.add(e.id())).as("unique id %s", e.id()).isTrue();
      assertThat(e.source()).startsWith("https://en.wikipedia.org/wiki/").doesNotContain(" ");
      assertThat(e.source().length()).isGreaterThan("https://en.wikipedia.org/wiki/".length());
      if (!e.adjectives().isEmpty()) {
        assertThat(e.subtype()).as(e.id()).isEqualTo("country");
      }
    }
  }

  @Test
  void everyNameAndAliasLeadsBackToItsOwnEntry() {
    for (EntityList.Entry e : list.entries()) {
      for (String surface : e.names()) {
        assertThat(list.lookup(surface)).as(surface).contains(e);
        String[] tokens = surface.replaceAll("[\\-–—]", " ").trim().split("\\s+");
        assertThat(tokens.length).as(surface).isLessThanOrEqualTo(list.maxTokens());
      }
      for (String adjective : e.adjectives()) {
        assertThat(list.lookupAdjective(adjective)).as(adjective).contains(e);
      }
    }
  }

  @Test
  void coversEveryUnMemberStateAndTheOthersAsked() {
    long countries = list.entries().stream().filter(e -> e.subtype().equals("country")).count();
    assertThat(countries).isEqualTo(193 + 5); // + Palestine, Kosovo, Taiwan, Western Sahara, Vatican
    assertThat(idOf("Palestine")).isEqualTo("place/state-of-palestine");
    assertThat(idOf("Kosovo")).isEqualTo("place/kosovo");
    assertThat(idOf("Taiwan")).isEqualTo("place/taiwan");
    assertThat(idOf("Western Sahara")).isEqualTo("place/western-sahara");
    assertThat(idOf("Türkiye")).isEqualTo("place/turkey");
    assertThat(idOf("Turkiye")).isEqualTo("place/turkey");
    assertThat(idOf("Syrian Arab Republic")).isEqualTo("place/syria");
    assertThat(idOf("Islamic Republic of Iran")).isEqualTo("place/iran");
    assertThat(idOf("Russian Federation")).isEqualTo("place/russia");
    assertThat(idOf("Great Britain")).isEqualTo("place/united-kingdom");
    assertThat(idOf("U.K.")).isEqualTo("place/united-kingdom");
    assertThat(idOf("United States of America")).isEqualTo("place/united-states");
    assertThat(idOf("USA")).isEqualTo("place/united-states");
    assertThat(idOf("U.S.")).isEqualTo("place/united-states");
    assertThat(idOf("America")).isEqualTo("place/united-states");
    assertThat(idOf("Georgia")).isEqualTo("place/georgia");
    assertThat(idOf("Côte d'Ivoire")).isEqualTo("place/ivory-coast");
  }

  // ---------------------------------------------------------------- lookups

  @Test
  void findsTheNamesTheBriefAsksFor() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("Hayat Tahrir al-Sham", "organization/hayat-tahrir-al-sham");
    expected.put("Hay'at Tahrir al-Sham", "organization/hayat-tahrir-al-sham");
    expected.put("Hay’at Tahrir al-Sham", "organization/hayat-tahrir-al-sham");
    expected.put("HTS", "organization/hayat-tahrir-al-sham");
    expected.put("Tahrir al-Sham", "organization/hayat-tahrir-al-sham");
    expected.put("Organisation for the Liberation of the Levant", "organization/hayat-tahrir-al-sham");
    expected.put("Organization for the Liberation of the Levant", "organization/hayat-tahrir-al-sham");
    expected.put("Syrian Observatory for Human Rights", "organization/syrian-observatory-for-human-rights");
    expected.put("the Syrian Observatory for Human Rights", "organization/syrian-observatory-for-human-rights");
    expected.put("SOHR", "organization/syrian-observatory-for-human-rights");
    expected.put("World Food Program", "organization/world-food-programme");
    expected.put("World Food Programme", "organization/world-food-programme");
    expected.put("WFP", "organization/world-food-programme");
    expected.put("Associated Press", "organization/associated-press");
    expected.put("The Associated Press", "organization/associated-press");
    expected.put("AP", "organization/associated-press");
    expected.put("Agence France-Presse", "organization/agence-france-presse");
    expected.put("Agence France Presse", "organization/agence-france-presse");
    expected.put("AFP", "organization/agence-france-presse");
    expected.put("Hama", "place/hama");
    expected.put("Homs", "place/homs");
    expected.put("Aleppo", "place/aleppo");
    expected.put("Latakia", "place/latakia");
    expected.put("Tartus", "place/tartus");
    expected.put("Tartous", "place/tartus");
    expected.put("Damascus", "place/damascus");
    expected.put("Baghdad", "place/baghdad");
    expected.put("Ankara", "place/ankara");
    expected.put("Deir ez-Zor", "place/deir-ez-zor");
    expected.put("Deir al-Zour", "place/deir-ez-zor");
    expected.put("Hama province", "place/hama-governorate");
    expected.put("Middle East Institute", "organization/middle-east-institute");
    expected.put("MEI", "organization/middle-east-institute");
    expected.put("Kremlin", "organization/moscow-kremlin");
    expected.put("the Kremlin", "organization/moscow-kremlin");
    expected.put("Pentagon", "organization/pentagon");
    expected.put("United Nations", "organization/united-nations");
    expected.put("UN", "organization/united-nations");
    expected.put("U.N.", "organization/united-nations");
    expected.put("the UN", "organization/united-nations");
    expected.put("Hezbollah", "organization/hezbollah");
    expected.put("Hizbollah", "organization/hezbollah");
    expected.put("Hashd al-Shaabi", "organization/popular-mobilization-forces");
    expected.put("PMF", "organization/popular-mobilization-forces");
    expected.put("Syrian National Army", "organization/syrian-national-army");
    expected.put("Free Syrian Army", "organization/free-syrian-army");
    expected.put("Al Qaeda", "organization/al-qaeda");
    expected.put("Al-Qaeda", "organization/al-qaeda");
    expected.put("al-Qaida", "organization/al-qaeda");
    expected.put("ISIS", "organization/islamic-state");
    expected.put("Daesh", "organization/islamic-state");
    expected.put("Houthis", "organization/houthis");
    expected.put("Ansar Allah", "organization/houthis");
    expected.put("SDF", "organization/syrian-democratic-forces");
    expected.put("Muslim Brotherhood", "organization/muslim-brotherhood");
    expected.put("Baath Party", "organization/baath-party");
    expected.put("Telegram", "organization/telegram");
    expected.put("The Guardian", "organization/the-guardian");
    expected.put("Guardian", "organization/the-guardian");
    expected.put("Reuters", "organization/reuters");
    expected.put("Syrian army", "organization/syrian-arab-army");
    expected.put("Syrian Arab Army", "organization/syrian-arab-army");
    expected.put("Syrian Defense Ministry", "organization/syrian-ministry-of-defense");
    expected.put("MI6", "organization/secret-intelligence-service");
    expected.put("Human Rights Watch", "organization/human-rights-watch");
    expected.put("ISW", "organization/institute-for-the-study-of-war");
    expected.put("The National", "organization/the-national");
    expected.put("SANA", "organization/syrian-arab-news-agency");
    expected.put("dpa", "organization/deutsche-presse-agentur");
    expected.put("Kyiv", "place/kyiv");
    expected.put("Kiev", "place/kyiv");
    expected.put("Gaza", "place/gaza-strip");
    expected.put("Khan Younis", "place/khan-yunis");
    expected.put("West Bank", "place/west-bank");
    expected.put("Levant", "place/levant");
    expected.put("Middle East", "place/middle-east");
    expected.put("Şanlıurfa", "place/sanliurfa");
    expected.put("Sanliurfa", "place/sanliurfa");
    expected.put("St. Petersburg", "place/saint-petersburg");
    expected.put("Washington", "place/washington-dc");
    expected.put("Washington, D.C.", "place/washington-dc");
    expected.put("Tripoli", "place/tripoli");
    expected.put("Tripoli, Lebanon", "place/tripoli-lebanon");
    expected.forEach((surface, id) -> assertThat(idOf(surface)).as(surface).isEqualTo(id));
  }

  @Test
  void acronymsMatchOnlyInCapitals() {
    assertThat(list.lookup("us")).isEmpty();
    assertThat(list.lookup("Us")).isEmpty();
    assertThat(list.lookup("Un")).isEmpty();
    assertThat(list.lookup("un")).isEmpty();
    assertThat(list.lookup("hts")).isEmpty();
    assertThat(list.lookup("Ap")).isEmpty();
    assertThat(list.lookup("who")).isEmpty();
    assertThat(idOf("WHO")).isEqualTo("organization/world-health-organization");
    assertThat(idOf("US")).isEqualTo("place/united-states");
    assertThat(idOf("the US")).isEqualTo("place/united-states");
    // A name that is not an acronym is found in capitals too, as in a headline.
    assertThat(idOf("HAMA")).isEqualTo("place/hama");
    assertThat(idOf("THE GUARDIAN")).isEqualTo("organization/the-guardian");
  }

  @Test
  void findsNothingForOrdinaryWordsAndPeople() {
    for (String s :
        List.of("Assad", "Bashar al-Assad", "Waters", "Gregory Waters", "Thursday", "The", "the",
            "", "  ", "Observatory", "the Observatory", "Syrian", "Alawite", "Sunni", "Kurdish")) {
      assertThat(list.lookup(s)).as(s).isEmpty();
    }
    assertThat(list.lookup(null)).isEmpty();
  }

  @Test
  void adjectivesLeadToTheirCountry() {
    assertThat(list.lookupAdjective("Syrian").map(EntityList.Entry::id)).contains("place/syria");
    assertThat(list.lookupAdjective("Iranian").map(EntityList.Entry::id)).contains("place/iran");
    assertThat(list.lookupAdjective("Russian").map(EntityList.Entry::id)).contains("place/russia");
    assertThat(list.lookupAdjective("Iraqi").map(EntityList.Entry::id)).contains("place/iraq");
    assertThat(list.lookupAdjective("Israeli").map(EntityList.Entry::id)).contains("place/israel");
    assertThat(list.lookupAdjective("Turkish").map(EntityList.Entry::id)).contains("place/turkey");
    assertThat(list.lookupAdjective("British").map(EntityList.Entry::id))
        .contains("place/united-kingdom");
    assertThat(list.lookupAdjective("American").map(EntityList.Entry::id))
        .contains("place/united-states");
    assertThat(list.lookupAdjective("Syria")).isEmpty();
    assertThat(list.lookupAdjective("Kurdish")).isEmpty();
    assertThat(list.lookupAdjective(null)).isEmpty();
  }

  /** Every place and organisation the five example articles name, as they spell it. */
  @Test
  void knowsEveryPlaceAndOrganisationInTheHamaExamples() {
    Map<String, String> named = new LinkedHashMap<>();
    named.put("Hama", "place/hama");
    named.put("Damascus", "place/damascus");
    named.put("Syria", "place/syria");
    named.put("Aleppo", "place/aleppo");
    named.put("Homs", "place/homs");
    named.put("Latakia", "place/latakia");
    named.put("Tartus", "place/tartus");
    named.put("Moscow", "place/moscow");
    named.put("Tehran", "place/tehran");
    named.put("Baghdad", "place/baghdad");
    named.put("Ankara", "place/ankara");
    named.put("Russia", "place/russia");
    named.put("Ukraine", "place/ukraine");
    named.put("Iran", "place/iran");
    named.put("Iraq", "place/iraq");
    named.put("Israel", "place/israel");
    named.put("Lebanon", "place/lebanon");
    named.put("Britain", "place/united-kingdom");
    named.put("UK", "place/united-kingdom");
    named.put("US", "place/united-states");
    named.put("Middle East", "place/middle-east");
    named.put("Levant", "place/levant");
    named.put("Hayat Tahrir al-Sham", "organization/hayat-tahrir-al-sham");
    named.put("HTS", "organization/hayat-tahrir-al-sham");
    named.put("Organisation for the Liberation of the Levant", "organization/hayat-tahrir-al-sham");
    named.put("Al Qaeda", "organization/al-qaeda");
    named.put("Al-Qaeda", "organization/al-qaeda");
    named.put("Syrian Defense Ministry", "organization/syrian-ministry-of-defense");
    named.put("Syrian army", "organization/syrian-arab-army");
    named.put("Kremlin", "organization/moscow-kremlin");
    named.put("Middle East Institute", "organization/middle-east-institute");
    named.put("UN", "organization/united-nations");
    named.put("United Nations", "organization/united-nations");
    named.put("World Food Program", "organization/world-food-programme");
    named.put("Reuters", "organization/reuters");
    named.put("Hashd al-Shaabi", "organization/popular-mobilization-forces");
    named.put("Syrian Observatory for Human Rights", "organization/syrian-observatory-for-human-rights");
    named.put("Agence France-Presse", "organization/agence-france-presse");
    named.put("Hezbollah", "organization/hezbollah");
    named.put("Syrian National Army", "organization/syrian-national-army");
    named.put("Free Syrian Army", "organization/free-syrian-army");
    named.put("Telegram", "organization/telegram");
    named.put("Muslim Brotherhood", "organization/muslim-brotherhood");
    named.put("AP", "organization/associated-press");
    named.put("Associated Press", "organization/associated-press");
    named.put("The Associated Press", "organization/associated-press");
    named.put("MI6", "organization/secret-intelligence-service");
    named.put("The Guardian", "organization/the-guardian");
    named.forEach((surface, id) -> assertThat(idOf(surface)).as(surface).isEqualTo(id));
    // Adjectives the articles use for countries.
    for (String adjective : List.of("Syrian", "Russian", "Iranian", "Israeli", "Iraqi", "Turkish")) {
      assertThat(list.lookupAdjective(adjective)).as(adjective).isPresent();
    }
  }

  // ---------------------------------------------------------------- folding

  @Test
  void keyFoldsCaseAccentsApostrophesDashesDotsAndTheArticle() {
    assertThat(EntityList.key("Hay’at Tahrir al-Sham")).isEqualTo("hayat tahrir al sham");
    assertThat(EntityList.key("Hayʼat  Tahrir al‑Sham")).isEqualTo("hayat tahrir al sham");
    assertThat(EntityList.key("The Associated Press")).isEqualTo("associated press");
    assertThat(EntityList.key("the  Kremlin ")).isEqualTo("kremlin");
    assertThat(EntityList.key("U.S.")).isEqualTo("us");
    assertThat(EntityList.key("U.S.A.")).isEqualTo("usa");
    assertThat(EntityList.key("St. Petersburg")).isEqualTo("st petersburg");
    assertThat(EntityList.key("Agence France–Presse")).isEqualTo("agence france presse");
    assertThat(EntityList.key("Şanlıurfa")).isEqualTo("sanliurfa");
    assertThat(EntityList.key("Łódź")).isEqualTo("lodz");
    assertThat(EntityList.key("Mail & Guardian")).isEqualTo("mail and guardian");
    assertThat(EntityList.key("Washington, D.C.")).isEqualTo("washington dc");
    assertThat(EntityList.key("The")).isEqualTo("the");
    assertThat(EntityList.key("Theodore")).isEqualTo("theodore");
  }

  @Test
  void acronymsAreTwoOrMoreCapitalLetters() {
    assertThat(EntityList.isAcronym("HTS")).isTrue();
    assertThat(EntityList.isAcronym("U.S.")).isTrue();
    assertThat(EntityList.isAcronym("MI6")).isTrue();
    assertThat(EntityList.isAcronym("RFE/RL")).isTrue();
    assertThat(EntityList.isAcronym("G7")).isFalse();
    assertThat(EntityList.isAcronym("Nato")).isFalse();
    assertThat(EntityList.isAcronym("dpa")).isFalse();
    assertThat(EntityList.isAcronym("AfD")).isFalse();
  }

  // ---------------------------------------------------------------- parse errors

  @Test
  void parsesAWellFormedList() {
    EntityList l =
        parse(
            "# comment\n\n"
                + HEADER
                + "place/syria\tplace\tcountry\tSyria\tSyrian Arab Republic\t"
                + "https://en.wikipedia.org/wiki/Syria\tSyrian\n"
                + row("organization/zeta", "ngo", "Zeta", "ZT|Zeta Group")
                + row("organization/alpha", "outlet", "Alpha Beta Gamma Delta", ""));
    assertThat(l.entries()).extracting(EntityList.Entry::id)
        .containsExactly("organization/alpha", "organization/zeta", "place/syria");
    assertThat(l.lookup("ZT").map(EntityList.Entry::id)).contains("organization/zeta");
    assertThat(l.lookup("zt")).isEmpty();
    assertThat(l.lookup("zeta group").map(EntityList.Entry::id)).contains("organization/zeta");
    assertThat(l.lookupAdjective("Syrian").map(EntityList.Entry::name)).contains("Syria");
    assertThat(l.maxTokens()).isEqualTo(4);
  }

  @Test
  void malformedRowsAreRejectedNamingTheLine() {
    assertThatThrownBy(() -> parse("# c\n" + HEADER + row("place/a", "city", "A", "") + "x\ty\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("test.tsv:4:");
    assertThatThrownBy(() -> parse(HEADER + row("place/A", "city", "A", "")))
        .hasMessageStartingWith("test.tsv:2:").hasMessageContaining("bad id");
    assertThatThrownBy(() -> parse(HEADER + row("person/a", "city", "A", "")))
        .hasMessageStartingWith("test.tsv:2:");
    assertThatThrownBy(() -> parse(HEADER + row("place/a", "outlet", "A", "")))
        .hasMessageStartingWith("test.tsv:2:").hasMessageContaining("subtype");
    assertThatThrownBy(() -> parse(HEADER + row("place/a", "city", "A", "B||C")))
        .hasMessageStartingWith("test.tsv:2:");
    assertThatThrownBy(
            () -> parse(HEADER + "place/a\tplace\tcity\tA\t\thttp://example.com/A\t\n"))
        .hasMessageStartingWith("test.tsv:2:").hasMessageContaining("source");
    assertThatThrownBy(
            () ->
                parse(
                    HEADER
                        + "place/a\tplace\tcity\tA\t\thttps://en.wikipedia.org/wiki/A\tAn\n"))
        .hasMessageStartingWith("test.tsv:2:").hasMessageContaining("countries");
    assertThatThrownBy(() -> parse("id\tname\n")).hasMessageStartingWith("test.tsv:1:");
    assertThatThrownBy(() -> parse("# only a comment\n")).hasMessageContaining("no header");
  }

  @Test
  void twoEntriesSharingAKeyAreRejectedNamingBoth() {
    assertThatThrownBy(
            () ->
                parse(
                    HEADER
                        + row("place/hama", "city", "Hama", "Hamah")
                        + row("place/other", "city", "Other", "the HAMAH")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("test.tsv:3:")
        .hasMessageContaining("place/hama")
        .hasMessageContaining("place/other");
    // An acronym and a folded name with the same key clash too.
    assertThatThrownBy(
            () ->
                parse(
                    HEADER
                        + row("place/united-states", "country", "United States", "US")
                        + row("organization/us", "outlet", "Us", "")))
        .hasMessageContaining("place/united-states")
        .hasMessageContaining("organization/us");
    assertThatThrownBy(
            () -> parse(HEADER + row("place/a", "city", "A", "") + row("place/a", "city", "B", "")))
        .hasMessageStartingWith("test.tsv:3:").hasMessageContaining("duplicate id place/a");
    assertThatThrownBy(
            () ->
                parse(
                    HEADER
                        + "place/a\tplace\tcountry\tA\t\thttps://en.wikipedia.org/wiki/A\tAn\n"
                        + "place/b\tplace\tcountry\tB\t\thttps://en.wikipedia.org/wiki/B\tAn\n"))
        .hasMessageContaining("place/a").hasMessageContaining("place/b");
    // One entry may spell the same key twice.
    assertThat(parse(HEADER + row("place/a", "city", "Al-Bab", "al Bab|AL-BAB")).entries())
        .hasSize(1);
  }
}
