package org.triangulate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;

/** Whose label it is (attributed) and of when (historical), on sentences from news reports. */
class LabelVoiceTest {

  private static boolean attributed(String sentence, String label) {
    int b = sentence.indexOf(label);
    return LabelVoice.attributed(sentence, new Span(b, b + label.length()));
  }

  private static boolean historical(String text, String label, int year) {
    int b = text.indexOf(label);
    return LabelVoice.historical(
        text, LabelVoice.sentences(text), new Span(b, b + label.length()), OptionalInt.of(year));
  }

  @Test
  void aLabelAfterAVerbOfNamingIsSomeoneElses() {
    assertThat(attributed("It is considered a terrorist group by the United Nations.", "terrorist group")).isTrue();
    assertThat(attributed("The group, which Washington designates a terrorist organisation, said so.", "terrorist organisation")).isTrue();
    assertThat(attributed("They were labelled extremists by Ankara.", "extremists")).isTrue();
    assertThat(attributed("Moscow calls them terrorists.", "terrorists")).isTrue();
    assertThat(attributed("HTS, listed as a terrorist group by the US, took the city.", "terrorist group")).isTrue();
    assertThat(attributed("The regime brands the rebels as foreign mercenaries.", "foreign mercenaries")).isTrue();
  }

  @Test
  void theOutletsOwnWordsAreItsOwn() {
    assertThat(attributed("The terrorist group took the city.", "terrorist group")).isFalse();
    assertThat(attributed("The so-called rebels took the city.", "rebels")).isFalse();
    assertThat(attributed("Mercenaries backed by Turkey entered Hama.", "Mercenaries")).isFalse();
    assertThat(attributed("A group called the rebels a threat.", "threat")).isFalse();
  }

  @Test
  void aSentenceAboutAnEarlierYearIsAnotherTime() {
    String guardian =
        "Hama was the scene of massive uprisings against Assad in 2011 and later fierce fighting as"
            + " opposition forces tried and failed to take over.";
    assertThat(historical(guardian, "opposition forces", 2024)).isTrue();
    // A machine translation broke the sentence: the lower-case part is read with the one before.
    String translated =
        "Hama was the site of mass uprisings against Assad in 2011. and then fierce fighting as"
            + " opposition forces tried and failed to take control of the city.";
    assertThat(historical(translated, "opposition forces", 2024)).isTrue();
  }

  @Test
  void thisYearLastYearOrSinceAreNow() {
    assertThat(historical("In 2023 and 2024 the rebels regrouped in Idlib.", "rebels", 2024)).isFalse();
    assertThat(historical("Since 2011 the rebels have held Idlib.", "rebels", 2024)).isFalse();
    assertThat(historical("The rebels took Hama on Thursday.", "rebels", 2024)).isFalse();
    assertThat(historical("The war began in 2011. The rebels took Hama on Thursday.", "rebels", 2024)).isFalse();
    assertThat(
            LabelVoice.historical(
                "In 2011 the rebels rose.", LabelVoice.sentences("In 2011 the rebels rose."),
                new Span(12, 18), OptionalInt.empty()))
        .as("without the article's year, nothing is another time")
        .isFalse();
  }

  @Test
  void theArticlesYearIsItsPublicationYearElseItsLatestTime() {
    Article dated = article(Optional.of("2024-12-05T10:00:00Z"));
    Article undated = article(Optional.empty());
    List<TimeRef> times =
        List.of(
            new TimeRef(new Span(0, 4), "2011", "year", Optional.empty(), Optional.empty()),
            new TimeRef(new Span(5, 9), "2024-W49", "week", Optional.empty(), Optional.empty()));
    assertThat(LabelVoice.yearOf(dated, List.of())).hasValue(2024);
    assertThat(LabelVoice.yearOf(undated, times)).hasValue(2024);
    assertThat(LabelVoice.yearOf(undated, List.of())).isEmpty();
  }

  private static Article article(Optional<String> published) {
    return new Article(
        "a", "a.txt", Optional.empty(), "text",
        new ArticleMetadata(
            Optional.empty(), Optional.empty(), Optional.empty(), published, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty()),
        "text", List.of(), List.of());
  }
}
