package org.triangulate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.triangulate.align.SentenceJudge;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Entity;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Quote;
import org.triangulate.model.QuoteGroup;
import org.triangulate.model.Span;
import org.triangulate.model.Story;

/** Quote groups of small stories made of real sentences from the Hama and ECB+ articles. */
class QuoteGroupsTest {

  private static final SentenceJudge JUDGE = SentenceJudge.lexical();

  private static final String JOLANI = "person/abu-mohammed-al-golani";
  private static final String WATERS = "person/gregory-waters";
  private static final String PESKOV = "person/dmitry-peskov";

  @Test
  void groupsTranslationsAndRetranslationsOfOneUtterance() {
    StoryEvidence ev =
        new Evidence()
            .article(
                "000",
                "“This victory will be vengeanceless and merciful,” HTS leader Abu Mohammed"
                    + " al-Jolani said in a message to the people of Hama. In his opinion, the"
                    + " Syrian army “was not prepared at all” for the insurgent offensive.")
            .quote("000", "This victory will be vengeanceless and merciful,", JOLANI)
            .quote("000", "was not prepared at all", WATERS)
            .article(
                "001",
                "“This victory will be without revenge and it will be merciful,” HTS leader Abu"
                    + " Mohammed al-Jolani said in a message to the people of Hama.")
            .quote("001", "This victory will be without revenge and it will be merciful,", JOLANI)
            .article(
                "002",
                "However, Abu Mohammed al-Golani, the de facto leader of the Syrian insurgency,"
                    + " described the advance on Hama as a \"conquering that is not vengeful, but"
                    + " one of mercy and compassion\".")
            .quote(
                "002", "conquering that is not vengeful, but one of mercy and compassion", JOLANI)
            .article(
                "003",
                "Abu Mohammed al-Golani, the de facto HTS leader announced in a video message the"
                    + " mercenaries had reached Hama in a “conquering that is not vengeful, but one"
                    + " of mercy and compassion.”")
            .quote(
                "003", "conquering that is not vengeful, but one of mercy and compassion.", JOLANI)
            .link("000", "“This victory", "001", "“This victory")
            .build();

    List<QuoteGroup> groups = QuoteGroups.group(ev, JUDGE);

    assertThat(groups)
        .extracting(QuoteGroup::quotes)
        .containsExactly(List.of("000#q1", "001#q1", "002#q1", "003#q1"), List.of("000#q2"));
    QuoteGroup jolani = groups.get(0);
    assertThat(jolani.id()).isEqualTo("s-test#qg1");
    assertThat(jolani.speaker()).contains(JOLANI);
    assertThat(jolani.variants()).isEqualTo(3); // 002 and 003 differ only by a full stop
    assertThat(jolani.flags()).extracting(QuoteGroup.Flag::kind).containsExactly("wording");
    assertThat(jolani.flags().get(0).detail())
        .startsWith("Against 002 (quote 1): ")
        .contains("000 (quote 1) has \"this victory will be vengeanceless\"")
        .doesNotContain("#q");
  }

  @Test
  void keepsOneSpeakersDifferentUtterancesApart() {
    StoryEvidence ev =
        new Evidence()
            .article(
                "000",
                "Kremlin spokesman Dmitry Peskov told reporters that Moscow is “closely monitoring”"
                    + " developments in Syria. “Based on the assessment of the situation, we will"
                    + " be able to discuss the degree of help that the Syrian authorities need to"
                    + " confront the militants and eliminate this threat,” he declared.")
            .quote("000", "closely monitoring", PESKOV)
            .quote(
                "000",
                "Based on the assessment of the situation, we will be able to discuss the degree of"
                    + " help that the Syrian authorities need to confront the militants and"
                    + " eliminate this threat,",
                PESKOV)
            .article(
                "001",
                "Kremlin spokesman Dmitry Peskov told reporters that Moscow was “closely following”"
                    + " developments in Syria. “Depending on the assessment of the situation, we"
                    + " will be able to talk about the degree of assistance that the Syrian"
                    + " authorities need to deal with the extremists and eliminate this threat,” he"
                    + " said.")
            .quote("001", "closely following", PESKOV)
            .quote(
                "001",
                "Depending on the assessment of the situation, we will be able to talk about the"
                    + " degree of assistance that the Syrian authorities need to deal with the"
                    + " extremists and eliminate this threat,",
                PESKOV)
            .link("000", "Kremlin spokesman", "001", "Kremlin spokesman")
            .link("000", "“Based on", "001", "“Depending on")
            .build();

    assertThat(QuoteGroups.group(ev, JUDGE))
        .extracting(QuoteGroup::quotes)
        .containsExactly(List.of("000#q1", "001#q1"), List.of("000#q2", "001#q2"));
  }

  @Test
  void joinsTheTwoQuotesOfOneArticleThatAnotherGivesAsOne() {
    StoryEvidence ev =
        new Evidence()
            .article(
                "000",
                "“I think it is difficult to see a scenario in which forces loyal to the Damascus"
                    + " regime can regain momentum,” he says. “Even if the Russians and Iranian or"
                    + " Iranian-backed forces become more involved, they are still limited by their"
                    + " own wars. “It seems unlikely that they will reach the level of support we"
                    + " have seen previously.”")
            .quote(
                "000",
                "I think it is difficult to see a scenario in which forces loyal to the Damascus"
                    + " regime can regain momentum,",
                WATERS)
            .quote(
                "000",
                "Even if the Russians and Iranian or Iranian-backed forces become more involved,"
                    + " they are still limited by their own wars.",
                WATERS)
            .quote(
                "000",
                "It seems unlikely that they will reach the level of support we have seen"
                    + " previously.",
                WATERS)
            .article(
                "003",
                "“Even if the Russians and Iranian or Iranian-backed forces get more involved,"
                    + " they’re still limited by their own wars. It feels unlikely to reach the"
                    + " level of support we’ve seen previously.”")
            .quote(
                "003",
                "Even if the Russians and Iranian or Iranian-backed forces get more involved,"
                    + " they’re still limited by their own wars. It feels unlikely to reach the"
                    + " level of support we’ve seen previously.",
                Optional.empty())
            .link("000", "“Even if", "003", "“Even if")
            .link("000", "“It seems", "003", "It feels")
            .build();

    List<QuoteGroup> groups = QuoteGroups.group(ev, JUDGE);

    assertThat(groups)
        .extracting(QuoteGroup::quotes)
        .containsExactly(List.of("000#q1"), List.of("000#q2", "000#q3", "003#q1"));
    QuoteGroup g = groups.get(1);
    assertThat(g.speaker()).contains(WATERS);
    assertThat(g.variants()).isEqualTo(3);
    assertThat(g.flags())
        .extracting(QuoteGroup.Flag::kind)
        .containsExactly("wording", "unattributed");
    assertThat(g.flags().get(1).quotes()).containsExactly("003#q1");
  }

  @Test
  void oneWordQuoteJoinsTheSameSpeakerOrAnUnattributedOneInALinkedSentence() {
    Evidence base =
        new Evidence()
            .article(
                "000",
                "The Syrian Defense Ministry initially denied that insurgents had entered Hama,"
                    + " calling its defensive lines “impregnable.”")
            .quote("000", "impregnable.", "organization/syrian-ministry-of-defense")
            .article(
                "001",
                "Syria’s defense ministry initially denied that rebels had entered Hama, calling"
                    + " its defense lines “impregnable”.");
    StoryEvidence same =
        base.copy().quote("001", "impregnable", "organization/syrian-ministry-of-defense").build();
    StoryEvidence nobody = base.copy().quote("001", "impregnable", Optional.empty()).build();
    StoryEvidence nobodyLinked =
        base.copy()
            .quote("001", "impregnable", Optional.empty())
            .link("000", "The Syrian", "001", "Syria’s")
            .build();
    StoryEvidence otherLinked =
        base.copy()
            .quote("001", "impregnable", "organization/syrian-arab-army")
            .link("000", "The Syrian", "001", "Syria’s")
            .build();

    List<QuoteGroup> a = QuoteGroups.group(same, JUDGE);
    assertThat(a).hasSize(1);
    assertThat(a.get(0).variants()).isEqualTo(1);
    assertThat(a.get(0).flags()).isEmpty();
    assertThat(QuoteGroups.group(nobody, JUDGE)).hasSize(2);
    List<QuoteGroup> b = QuoteGroups.group(nobodyLinked, JUDGE);
    assertThat(b).hasSize(1);
    assertThat(b.get(0).speaker()).contains("organization/syrian-ministry-of-defense");
    assertThat(b.get(0).flags()).extracting(QuoteGroup.Flag::kind).containsExactly("unattributed");
    assertThat(b.get(0).flags().get(0).quotes()).containsExactly("001#q1");
    assertThat(QuoteGroups.group(otherLinked, JUDGE)).hasSize(2);
  }

  @Test
  void differentSpeakersJoinOnlyOnEightWordsOrMore() {
    String sentence = "“This is a tragic loss for all of us.” the company said.";
    StoryEvidence long8 =
        new Evidence()
            .article("22_13ecbplus", sentence)
            .quote("22_13ecbplus", "This is a tragic loss for all of us.", "person/susan-davison")
            .article("22_8ecbplus", sentence)
            .quote("22_8ecbplus", "This is a tragic loss for all of us.", "organization/kraft")
            .build();
    StoryEvidence short6 =
        new Evidence()
            .article("9_4ecb", "“We will see them in court.” Brimmer said.")
            .quote("9_4ecb", "We will see them in court.", "person/janette-brimmer")
            .article(
                "9_6ecb",
                "“We will look at the final (rule) language when it is published tomorrow, but I"
                    + " think we will see them in court,” Wetzler said.")
            .quote(
                "9_6ecb",
                "We will look at the final (rule) language when it is published tomorrow, but I"
                    + " think we will see them in court,",
                "person/andrew-wetzler")
            .build();

    List<QuoteGroup> a = QuoteGroups.group(long8, JUDGE);
    assertThat(a).hasSize(1);
    assertThat(a.get(0).flags()).extracting(QuoteGroup.Flag::kind).containsExactly("speaker");
    assertThat(QuoteGroups.group(short6, JUDGE)).hasSize(2);
  }

  @Test
  void flagsARenderingGivenToAnotherSpeakerOrToNobody() {
    String words = "If Hama falls, it means that the beginning of the regime’s fall has started,";
    String sentence =
        "“"
            + words
            + "” the Observatory’s chief, Rami Abdurrahman said before the capture of Syria's"
            + " fourth largest city.";
    StoryEvidence ev =
        new Evidence()
            .article("002", sentence)
            .quote("002", words, "person/rami-abdurrahman")
            .article("003", sentence)
            .quote("003", words, "person/rami-abdurrahman")
            .article("005", sentence)
            .quote("005", words, "organization/syrian-observatory-for-human-rights")
            .article("006", sentence)
            .quote("006", words, Optional.empty())
            .build();

    List<QuoteGroup> groups = QuoteGroups.group(ev, JUDGE);

    assertThat(groups).hasSize(1);
    QuoteGroup g = groups.get(0);
    assertThat(g.speaker()).contains("person/rami-abdurrahman");
    assertThat(g.variants()).isEqualTo(1);
    assertThat(g.flags())
        .extracting(QuoteGroup.Flag::kind)
        .containsExactly("speaker", "unattributed");
    assertThat(g.flags().get(0).quotes()).containsExactly("005#q1");
    assertThat(g.flags().get(0).detail())
        .contains("Syrian Observatory")
        .contains("Rami Abdurrahman");
    assertThat(g.flags().get(1).quotes()).containsExactly("006#q1");
  }

  @Test
  void cutsAreNoMaterialDifferenceButOtherWordsAre() {
    Evidence two =
        new Evidence()
            .article("1", "“I was stopped by an officer,” Jackson said.")
            .quote("1", "I was stopped by an officer,", "person/vincent-jackson")
            .article("2", "“This morning I was stopped by an officer,” Jackson said.")
            .quote("2", "This morning I was stopped by an officer,", "person/vincent-jackson");
    StoryEvidence cuts = two.build();
    StoryEvidence words =
        two.copy()
            .article("3", "“Yesterday I was stopped by an officer.” Jackson said.")
            .quote("3", "Yesterday I was stopped by an officer.", "person/vincent-jackson")
            .build();

    List<QuoteGroup> a = QuoteGroups.group(cuts, JUDGE);
    assertThat(a).hasSize(1);
    assertThat(a.get(0).variants()).isEqualTo(2);
    assertThat(a.get(0).flags()).isEmpty();
    List<QuoteGroup> b = QuoteGroups.group(words, JUDGE);
    assertThat(b).hasSize(1);
    assertThat(b.get(0).flags()).extracting(QuoteGroup.Flag::kind).containsExactly("wording");
    assertThat(b.get(0).flags().get(0).quotes()).containsExactly("2#q1", "3#q1");
  }

  @Test
  void aCommonWordDoesNotTieAShortQuoteToALongOne() {
    StoryEvidence ev =
        new Evidence()
            .article("35_1ecb", "“Obviously we're disappointed.” Smith said.")
            .quote("35_1ecb", "Obviously we're disappointed.", "person/a-j-smith")
            .article(
                "35_1ecbplus",
                "“It's disappointing to hear about the issue involving Jamal Williams,” Smith"
                    + " said.")
            .quote(
                "35_1ecbplus",
                "It's disappointing to hear about the issue involving Jamal Williams,",
                "person/a-j-smith")
            .build();

    assertThat(QuoteGroups.group(ev, JUDGE)).hasSize(2);
  }

  @Test
  void linkedSentencesThatShareOnlyTheAttributionKeepTheirQuotesApart() {
    StoryEvidence ev =
        new Evidence()
            .article(
                "16_5ecbplus", "“This was an assassination of a deputy,” Sheriff Lee Baca said.")
            .quote("16_5ecbplus", "This was an assassination of a deputy,", "person/lee-baca")
            .article("16_7ecbplus", "He was found “cowering in a bathtub,” Sheriff Lee Baca said.")
            .quote("16_7ecbplus", "cowering in a bathtub,", "person/lee-baca")
            .link("16_5ecbplus", "“This", "16_7ecbplus", "He was")
            .build();

    assertThat(QuoteGroups.group(ev, JUDGE)).hasSize(2);
  }

  @Test
  void sameGroupsWhateverTheOrderOfTheArticles() {
    Evidence e =
        new Evidence()
            .article(
                "000",
                "Kremlin spokesman Dmitry Peskov told reporters that Moscow is “closely monitoring”"
                    + " developments in Syria. “This victory will be vengeanceless and merciful,”"
                    + " HTS leader Abu Mohammed al-Jolani said. The Syrian army “was not prepared"
                    + " at all” for the insurgent offensive.")
            .quote("000", "closely monitoring", PESKOV)
            .quote("000", "This victory will be vengeanceless and merciful,", JOLANI)
            .quote("000", "was not prepared at all", WATERS)
            .article(
                "001",
                "“This victory will be without revenge and it will be merciful,” HTS leader Abu"
                    + " Mohammed al-Jolani said. Kremlin spokesman Dmitry Peskov told reporters"
                    + " that Moscow was “closely following” developments in Syria. The Syrian army,"
                    + " he said, was “totally unprepared” for the rebel offensive.")
            .quote("001", "This victory will be without revenge and it will be merciful,", JOLANI)
            .quote("001", "closely following", PESKOV)
            .quote("001", "totally unprepared", WATERS)
            .article(
                "003",
                "The Syrian army, he said, was “completely unprepared”, for the HTS offensive. Abu"
                    + " Mohammed al-Golani announced a “conquering that is not vengeful, but one of"
                    + " mercy and compassion.”")
            .quote("003", "completely unprepared", WATERS)
            .quote(
                "003", "conquering that is not vengeful, but one of mercy and compassion.", JOLANI)
            .link("000", "Kremlin", "001", "Kremlin")
            .link("000", "“This", "001", "“This")
            .link("001", "The Syrian army", "003", "The Syrian army");
    List<QuoteGroup> expected = QuoteGroups.group(e.build(), JUDGE);
    assertThat(expected)
        .extracting(QuoteGroup::quotes)
        .containsExactly(
            List.of("000#q1", "001#q2"),
            List.of("000#q2", "001#q1", "003#q2"),
            List.of("000#q3", "001#q3", "003#q1"));

    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 10; round++) {
      assertThat(QuoteGroups.group(e.shuffled(random), JUDGE))
          .as("seed %d, round %d", seed, round)
          .isEqualTo(expected);
    }
  }

  @Test
  void everyQuoteIsInExactlyOneGroupNumberedInTextOrder() {
    StoryEvidence ev =
        new Evidence()
            .article("b", "“We're all mourning,” he said. “He didn't want to wait,” Waldie said.")
            .quote("b", "We're all mourning,", "person/colin-orpe")
            .quote("b", "He didn't want to wait,", "person/larry-waldie")
            .article(
                "a",
                "“He didn't want to wait,” Waldie said. “There might have been two people killed,”"
                    + " he said.")
            .quote("a", "He didn't want to wait,", "person/larry-waldie")
            .quote("a", "There might have been two people killed,", "person/larry-waldie")
            .build();

    List<QuoteGroup> groups = QuoteGroups.group(ev, JUDGE);

    assertThat(groups)
        .extracting(QuoteGroup::id)
        .containsExactly("s-test#qg1", "s-test#qg2", "s-test#qg3");
    assertThat(groups)
        .extracting(QuoteGroup::quotes)
        .containsExactly(List.of("a#q1", "b#q2"), List.of("a#q2"), List.of("b#q1"));
  }

  @Test
  void aStoryWithoutQuotesHasNoGroups() {
    StoryEvidence ev =
        new Evidence().article("a", "Hama is a major intersection point in Syria.").build();
    assertThat(QuoteGroups.group(ev, JUDGE)).isEmpty();
  }

  /** A small story: articles, quotes found by their words, speakers and sentence links. */
  private static final class Evidence {
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, List<Quote>> quotes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();

    Evidence article(String id, String text) {
      texts.put(id, text);
      quotes.put(id, new ArrayList<>());
      return this;
    }

    Evidence quote(String article, String words, String speaker) {
      return quote(article, words, Optional.of(speaker));
    }

    Evidence quote(String article, String words, Optional<String> speaker) {
      List<Quote> qs = quotes.get(article);
      int from = qs.isEmpty() ? 0 : qs.get(qs.size() - 1).span().end();
      int at = texts.get(article).indexOf(words, from);
      if (at < 0) {
        throw new IllegalArgumentException("not in " + article + ": " + words);
      }
      qs.add(
          new Quote(
              article + "#q" + (qs.size() + 1),
              new Span(at, at + words.length()),
              speaker,
              Optional.empty(),
              Optional.empty()));
      return this;
    }

    /** Links the sentences of two articles that start with the given words. */
    Evidence link(String a, String startA, String b, String startB) {
      links.add(new Link(passage(a, startA), passage(b, startB), "paraphrase", 0.9, List.of()));
      return this;
    }

    private Link.Passage passage(String article, String start) {
      String text = texts.get(article);
      int at = text.indexOf(start);
      int end = text.indexOf(". ", at);
      return new Link.Passage(article, new Span(at, end < 0 ? text.length() : end + 1));
    }

    Evidence copy() {
      Evidence e = new Evidence();
      e.texts.putAll(texts);
      quotes.forEach((k, v) -> e.quotes.put(k, new ArrayList<>(v)));
      e.links.addAll(links);
      return e;
    }

    StoryEvidence build() {
      return build(new ArrayList<>(texts.keySet()), links);
    }

    StoryEvidence shuffled(Random random) {
      List<String> ids = new ArrayList<>(texts.keySet());
      Collections.shuffle(ids, random);
      List<Link> ls = new ArrayList<>(links);
      Collections.shuffle(ls, random);
      return build(ids, ls);
    }

    private StoryEvidence build(List<String> order, List<Link> ls) {
      List<Article> articles = new ArrayList<>();
      Map<String, Annotations> annotations = new TreeMap<>();
      Map<String, Entity> entities = new TreeMap<>();
      for (String id : order) {
        articles.add(
            new Article(
                id,
                id + ".txt",
                Optional.empty(),
                "text",
                ArticleMetadata.EMPTY,
                texts.get(id),
                List.of(),
                List.of()));
        annotations.put(id, new Annotations(id, List.of(), quotes.get(id), List.of(), List.of()));
        for (Quote q : quotes.get(id)) {
          q.speaker().ifPresent(s -> entities.put(s, entity(s)));
        }
      }
      Story story =
          new Story(
              "s-test",
              "test",
              texts.keySet().stream().sorted().toList(),
              Optional.empty(),
              Optional.empty(),
              List.of());
      return new StoryEvidence(
          story,
          articles,
          annotations,
          entities,
          new Provenance("s-test", ls, List.of(), List.of(), List.of()));
    }

    private static Entity entity(String id) {
      StringBuilder name = new StringBuilder();
      for (String part : id.substring(id.indexOf('/') + 1).split("-")) {
        name.append(name.length() == 0 ? "" : " ")
            .append(Character.toUpperCase(part.charAt(0)))
            .append(part.substring(1));
      }
      return new Entity(
          id,
          name.toString(),
          id.substring(0, id.indexOf('/')),
          Optional.empty(),
          List.of(),
          List.of(),
          1);
    }
  }
}
