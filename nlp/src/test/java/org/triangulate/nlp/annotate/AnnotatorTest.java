package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.annotate.Annotated;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Entity;
import org.triangulate.model.Mention;
import org.triangulate.model.Quote;

/**
 * The annotate stage on short real-shaped texts: the NER mistakes the issue names, entity
 * linking within and across articles, and each attribution form of news. (The Hama corpus itself
 * is pinned by the CLI's HamaGoldenTest.)
 */
class AnnotatorTest {

  private static Article article(String id, String text) {
    return new Article(id, id + ".txt", Optional.empty(), "text", ArticleMetadata.EMPTY, text, List.of(), List.of());
  }

  private static Annotated run(String... idAndText) {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < idAndText.length; i += 2) {
      articles.add(article(idAndText[i], idAndText[i + 1]));
    }
    return CoreNlpAnnotator.get().annotate(articles, Map.of());
  }

  private static Entity entity(Annotated a, String name) {
    return a.entities().stream()
        .filter(e -> e.name().equals(name) || e.aliases().contains(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name + " in " + a.entities()));
  }

  private static String speakerOf(Annotated a, String article, String quoteStart) {
    Annotations an = a.byArticle().get(article);
    for (Quote q : an.quotes()) {
      return q.speaker()
          .map(id -> a.entities().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().name())
          .orElse("none");
    }
    throw new AssertionError("no quote in " + article + " starting " + quoteStart);
  }

  @Test
  void placesNerTakesForPeopleArePlaces() {
    Annotated a =
        run(
            "a",
            "Gunmen entered the neighborhoods of Sawaaeq and Zahiriyeh to the northwest, and the edge of"
                + " the northwestern neighborhood of Kazo. Homs lies south of Hama.");
    for (String place : List.of("Sawaaeq", "Zahiriyeh", "Kazo", "Homs", "Hama")) {
      assertThat(entity(a, place).type()).as(place).isEqualTo("place");
    }
    assertThat(entity(a, "Kazo").subtype()).contains("neighbourhood");
  }

  @Test
  void armedGroupsAcronymsAndInstitutesGetTheirTypes() {
    Annotated a =
        run(
            "a",
            "Hayat Tahrir al-Sham fighters advanced. The HTS-led offensive went on, said Gregory Waters of"
                + " the Middle East Institute.");
    Entity hts = entity(a, "HTS");
    assertThat(hts.type()).isEqualTo("organization");
    assertThat(hts.aliases()).contains("Hayat Tahrir al-Sham");
    assertThat(entity(a, "Middle East Institute").type()).isEqualTo("organization");
    assertThat(a.byArticle().get("a").mentions().stream().filter(m -> m.entity().equals(hts.id())))
        .hasSize(2);
  }

  @Test
  void aHeadlineAndABylineDoNotRunTogether() {
    String text = "Hama city falls to HTS as Syrian army flees\nAlameen Templeton\nRebels entered Hama on Thursday.";
    Annotated a = run("a", text);
    for (Mention m : a.byArticle().get("a").mentions()) {
      assertThat(m.span().of(text)).doesNotContain("\n");
    }
    assertThat(entity(a, "Alameen Templeton").type()).isEqualTo("person");
  }

  @Test
  void oneEntityPerPersonAcrossSpellingsTitlesAndArticles() {
    Annotated a =
        run(
            "a", "President Bashar al-Assad spoke. His father Hafez al-Assad ruled before him. Assad left.",
            "b", "Bashar Al Assad lost Aleppo. HTS leader Abu Mohammed al-Jolani entered the city.",
            "c", "Abu Mohammed al-Golani toured Aleppo. Julani spoke later.");
    Entity bashar = entity(a, "Bashar al-Assad");
    Entity hafez = entity(a, "Hafez al-Assad");
    assertThat(bashar.id()).isNotEqualTo(hafez.id());
    assertThat(bashar.aliases()).contains("Bashar Al Assad", "Assad");
    Entity jolani = entity(a, "Abu Mohammed al-Jolani");
    assertThat(jolani.aliases()).contains("Julani");
    assertThat(List.of(jolani.name())).containsAnyOf("Abu Mohammed al-Jolani", "Abu Mohammed al-Golani");
    assertThat(entity(a, "Abu Mohammed al-Golani").id()).isEqualTo(jolani.id());
  }

  @Test
  void acronymsJoinTheirExpansionsAndAppositivesTheirEntity() {
    Annotated a =
        run(
            "a", "The Islamic Resistance Front (IRF) claimed the attack. IRF fighters then withdrew.",
            "b", "The Syrian Observatory for Human Rights, a Britain-based war monitor, counted the dead.",
            "c", "SOHR said the toll rose. The World Food Programme (WFP) sent aid.",
            "d", "The World Food Program warned of hunger.");
    Entity irf = entity(a, "Islamic Resistance Front");
    assertThat(irf.aliases()).contains("IRF");
    Entity sohr = entity(a, "SOHR");
    assertThat(sohr.name()).isEqualTo("Syrian Observatory for Human Rights");
    assertThat(sohr.descriptions()).contains("a Britain-based war monitor");
    assertThat(entity(a, "World Food Program").id()).isEqualTo(entity(a, "WFP").id());
  }

  @Test
  void eachAttributionFormOfNewsFindsItsSpeaker() {
    Annotated a =
        run(
            "said-x", "“We will win,” Dmitry Peskov said.",
            "x-said", "“We will win,” said Dmitry Peskov.",
            "told", "Dmitry Peskov told Reuters that “the talks failed.”",
            "according", "According to Dmitry Peskov, “the talks failed.”",
            "who", "Khaled Omar, who lives in Hama, told the agency that “the road was full.”",
            "colon", "Dmitry Peskov was blunt: “The talks failed.”",
            "he", "Dmitry Peskov spoke to reporters in Moscow.\n“The talks failed,” he said.",
            "analyst", "Gregory Waters, an analyst at the Middle East Institute, studies the army.\n“It collapsed,” the analyst said.",
            "group", "Hayat Tahrir al-Sham issued a statement.\n“We control the city,” the group said.",
            "org", "“The lines are impregnable,” the Syrian army said.",
            "nobody", "Residents described “a night of terror” in the city.");
    assertThat(speakerOf(a, "said-x", "We")).isEqualTo("Dmitry Peskov");
    assertThat(speakerOf(a, "x-said", "We")).isEqualTo("Dmitry Peskov");
    assertThat(speakerOf(a, "told", "the")).isEqualTo("Dmitry Peskov");
    assertThat(speakerOf(a, "according", "the")).isEqualTo("Dmitry Peskov");
    assertThat(speakerOf(a, "who", "the")).isEqualTo("Khaled Omar");
    assertThat(speakerOf(a, "colon", "The")).isEqualTo("Dmitry Peskov");
    assertThat(speakerOf(a, "he", "The")).isEqualTo("Dmitry Peskov");
    assertThat(speakerOf(a, "analyst", "It")).isEqualTo("Gregory Waters");
    assertThat(speakerOf(a, "group", "We")).isEqualTo(entity(a, "Hayat Tahrir al-Sham").name());
    assertThat(speakerOf(a, "org", "The")).isEqualTo(entity(a, "Syrian army").name());
    assertThat(speakerOf(a, "nobody", "a")).isEqualTo("none");
  }

  @Test
  void relativeTimesOfAnUndatedArticleResolveAgainstTheReferenceItIsGiven() {
    Article art = article("a", "Rebels entered Hama on Thursday. Officials will meet on Friday.");
    Annotated a =
        CoreNlpAnnotator.get()
            .annotate(List.of(art), Map.of("a", new ReferenceDates.Reference(LocalDate.of(2024, 12, 5), "story")));
    assertThat(a.byArticle().get("a").times())
        .extracting(t -> t.span().of(art.text()) + "=" + t.value() + "@" + t.referenceSource().orElse("-"))
        .containsExactly("Thursday=2024-12-05@story", "Friday=2024-12-06@story");
  }
}
