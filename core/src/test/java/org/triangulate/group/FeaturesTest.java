package org.triangulate.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;

class FeaturesTest {

  /** The surface of every feature occurrence, by kind. */
  private static Map<Integer, List<String>> surfaces(Article article) {
    Map<Integer, List<String>> out = new HashMap<>();
    for (int k = 0; k < Features.KINDS; k++) {
      out.put(k, new ArrayList<>());
    }
    new Features()
        .extract(
            article,
            (f, s, b, e, w) -> out.get(Features.kind(f)).add(s.subSequence(b, e).toString()));
    return out;
  }

  private static Map<Integer, List<String>> surfaces(String text) {
    return surfaces(article(text, Optional.empty()));
  }

  private static Article article(String text, Optional<String> title) {
    return new Article(
        "a",
        "test",
        Optional.empty(),
        "text",
        ArticleMetadata.EMPTY.withTitle(title),
        text,
        List.of(),
        List.of());
  }

  private static List<Long> hashes(String text, int kind) {
    List<Long> out = new ArrayList<>();
    new Features()
        .extract(
            article(text, Optional.empty()),
            (f, s, b, e, w) -> {
              if (Features.kind(f) == kind) {
                out.add(f);
              }
            });
    return out;
  }

  @Test
  void readsCapitalisedPhrasesAsNamesWithTheirLastWord() {
    Map<Integer, List<String>> f =
        surfaces("The rebels led by Hayat Tahrir al-Sham entered the city of Hama.");
    assertThat(f.get(Features.ENTITY)).containsExactly("Hayat Tahrir al-Sham", "Sham", "Hama");
  }

  @Test
  void ignoresASentenceInitialWordUnlessTheTextCapitalisesItMidSentence() {
    Map<Integer, List<String>> f =
        surfaces("Perennial party girl Tara Reid checked in.\nReid is fine, her rep said.");
    assertThat(f.get(Features.ENTITY)).containsExactly("Tara Reid", "Reid", "Reid");
  }

  @Test
  void endsANameAtACapitalisedFunctionWord() {
    Map<Integer, List<String>> f = surfaces("Lindsay Lohan Checks Into Betty Ford Center");
    assertThat(f.get(Features.ENTITY))
        .containsExactly("Lindsay Lohan Checks", "Checks", "Betty Ford Center", "Center");
  }

  @Test
  void keepsAcronymsThatSpellAStopWord() {
    assertThat(surfaces("Officials in the US and HTS fighters met.").get(Features.ENTITY))
        .contains("US", "HTS");
  }

  @Test
  void takesNamesAfterLocativePrepositionsAsPlacesButNotMonths() {
    Map<Integer, List<String>> f =
        surfaces("Fighting went on in Hama and near Damascus in December, officials said.");
    assertThat(f.get(Features.PLACE)).containsExactly("Hama", "Damascus");
  }

  @Test
  void stemsPluralsSoThatSingularAndPluralMatch() {
    assertThat(hashes("rebels", Features.TERM)).isEqualTo(hashes("rebel", Features.TERM));
    assertThat(hashes("cities", Features.TERM)).isEqualTo(hashes("city", Features.TERM));
    assertThat(hashes("press", Features.TERM)).isNotEqualTo(hashes("pres", Features.TERM));
  }

  @Test
  void dropsStopWordsAndBareNumbersFromTerms() {
    assertThat(surfaces("The 5000 rebels said they would go.").get(Features.TERM))
        .containsExactly("rebels");
  }

  @Test
  void readsPlausibleYearsOnly() {
    assertThat(surfaces("In 1982 and in 2011, 1234 people and 5000 more.").get(Features.YEAR))
        .containsExactly("1982", "2011");
  }

  @Test
  void countsTheHeadlineOnceLikeTheText() {
    List<Integer> weights = new ArrayList<>();
    new Features()
        .extract(
            article("Body text.", Optional.of("Hama falls")),
            (f, s, b, e, w) -> {
              if (s.subSequence(b, e).toString().equals("falls")) {
                weights.add(w);
              }
            });
    assertThat(weights).containsExactly(Features.TITLE_WEIGHT);
    assertThat(Features.TITLE_WEIGHT).isEqualTo(1);
  }

  @Test
  void treatsPossessivesAsTheName() {
    assertThat(hashes("Tara Reid's rep", Features.ENTITY))
        .hasSize(2)
        .isEqualTo(hashes("Tara Reid rep", Features.ENTITY));
  }
}
