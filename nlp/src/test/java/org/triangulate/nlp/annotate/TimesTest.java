package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.annotate.ReferenceDates.Reference;
import org.triangulate.model.TimeRef;

/**
 * Times against real reports (the capture of Hama on Thursday 5 December 2024) and against one
 * sentence per rule. Every row reads {@code words = value granularity @reference/source}.
 */
class TimesTest {

  private static final Path HAMA = Path.of("../examples/hama");

  private static final Optional<Reference> THURSDAY = ref("2024-12-05", "story");
  private static final Optional<Reference> FRIDAY = ref("2024-12-06", "story");

  private static Optional<Reference> ref(String date, String source) {
    return Optional.of(new Reference(LocalDate.parse(date), source));
  }

  /** CoreNLP is loaded once per JVM by {@link CoreNlp#get()}; every test shares it. */
  private static List<String> rows(String text, Optional<Reference> ref) {
    Doc doc = CoreNlp.get().parse(text);
    List<TimeRef> found = Times.find(doc, ref);
    for (int i = 1; i < found.size(); i++) {
      assertThat(found.get(i).span()).isGreaterThan(found.get(i - 1).span());
    }
    return found.stream()
        .map(t -> t.span().of(text) + " = " + t.value() + " " + t.granularity() + " @"
            + t.reference().orElse("-") + "/" + t.referenceSource().orElse("-"))
        .toList();
  }

  private static List<String> hama(String file, Optional<Reference> ref) throws IOException {
    return rows(Files.readString(HAMA.resolve(file)), ref);
  }


  @Test
  void hama000() throws IOException {
    assertThat(hama("000_5f845e8b32303230.txt", THURSDAY)).containsExactly(
        "this Thursday = 2024-12-05 day @2024-12-05/story",
        "2011 = 2011 year @-/-",
        "1982 = 1982 year @-/-",
        "the last year = 2023-12-05/2024-12-05 interval @2024-12-05/story",
        "earlier this week = 2024-W49 week @2024-12-05/story");
  }

  @Test
  void hama001() throws IOException {
    assertThat(hama("001_558042633266138b.txt", THURSDAY)).containsExactly(
        "Thursday = 2024-12-05 day @2024-12-05/story",
        "2011 = 2011 year @-/-",
        "1982 = 1982 year @-/-",
        "Friday = 2024-12-06 day @2024-12-05/story",
        "early this week = 2024-W49 week @2024-12-05/story",
        "Thursday = 2024-12-05 day @2024-12-05/story",
        "the past year = 2023-12-05/2024-12-05 interval @2024-12-05/story",
        "earlier this week = 2024-W49 week @2024-12-05/story");
  }

  @Test
  void hama002() throws IOException {
    // Its own date line; "now", "the regime's fall", "previously" and the durations are not times.
    assertThat(hama("002_cd28b6654e9fce99.txt", ref("2024-12-05", "article"))).containsExactly(
        "2024-12-05 = 2024-12-05 day @-/-",
        "Thursday morning = 2024-12-05 day @2024-12-05/article",
        "March 2011 = 2011-03 month @-/-",
        "2016 = 2016 year @-/-",
        "Wednesday = 2024-12-04 day @2024-12-05/article",
        "Thursday = 2024-12-05 day @2024-12-05/article",
        "2016 = 2016 year @-/-",
        "November 27 = 2024-11-27 day @2024-12-05/article",
        "Thursday = 2024-12-05 day @2024-12-05/article",
        "1982 = 1982 year @-/-");
  }

  @Test
  void hama003() throws IOException {
    assertThat(hama("003_fa5c466642b5d1e0.txt", THURSDAY)).containsExactly(
        "Thursday = 2024-12-05 day @2024-12-05/story",
        "last week = 2024-W48 week @2024-12-05/story");
  }

  @Test
  void hama004() throws IOException {
    assertThat(hama("004_caf67864382cb7e1.txt", THURSDAY)).containsExactly(
        "2016 = 2016 year @-/-",
        "1982 = 1982 year @-/-");
  }

  @Test
  void pastWeekdaysStayPutWhenTheReferenceIsTwoDaysLater() throws IOException {
    Optional<Reference> saturday = ref("2024-12-07", "story");
    assertThat(hama("002_cd28b6654e9fce99.txt", saturday)).contains(
        "Thursday morning = 2024-12-05 day @2024-12-07/story",
        "Wednesday = 2024-12-04 day @2024-12-07/story",
        "November 27 = 2024-11-27 day @2024-12-07/story");
    // "On Friday, ... will meet": the next Friday on or after Saturday.
    assertThat(hama("001_558042633266138b.txt", saturday))
        .contains("Friday = 2024-12-13 day @2024-12-07/story");
  }

  @Test
  void withoutAReferenceRelativeTimesKeepTheirPattern() throws IOException {
    assertThat(hama("001_558042633266138b.txt", Optional.empty())).containsExactly(
        "Thursday = XXXX-WXX-4 day @-/-",
        "2011 = 2011 year @-/-",
        "1982 = 1982 year @-/-",
        "Friday = XXXX-WXX-5 day @-/-",
        "early this week = XXXX-WXX week @-/-",
        "Thursday = XXXX-WXX-4 day @-/-",
        "the past year = P1Y/XXXX-XX-XX interval @-/-",
        "earlier this week = XXXX-WXX week @-/-");
  }


  @Test
  void pastTenseIsTheLatestOnOrBeforeTheReference() {
    String s = "The rebels entered Hama on Thursday.";
    assertThat(rows(s, THURSDAY)).containsExactly("Thursday = 2024-12-05 day @2024-12-05/story");
    assertThat(rows(s, FRIDAY)).containsExactly("Thursday = 2024-12-05 day @2024-12-06/story");
    assertThat(rows("The envoy arrived in Damascus on Monday.", FRIDAY))
        .containsExactly("Monday = 2024-12-02 day @2024-12-06/story");
    assertThat(rows("Rebels have entered the city Tuesday after days of fighting.", THURSDAY))
        .containsExactly("Tuesday = 2024-12-03 day @2024-12-05/story");
    assertThat(rows("Thursday's attack was the deadliest.", FRIDAY))
        .containsExactly("Thursday = 2024-12-05 day @2024-12-06/story");
  }

  @Test
  void futureTenseIsTheNextOnOrAfterTheReference() {
    String s = "On Friday, Iraqi Foreign Minister Fuad Hussein will meet his Syrian counterpart.";
    assertThat(rows(s, THURSDAY)).containsExactly("Friday = 2024-12-06 day @2024-12-05/story");
    assertThat(rows(s, FRIDAY)).containsExactly("Friday = 2024-12-06 day @2024-12-06/story");
    assertThat(rows("The envoy shall report to the council on Thursday.", FRIDAY))
        .containsExactly("Thursday = 2024-12-12 day @2024-12-06/story");
    assertThat(rows("\"We'll meet them on Wednesday,\" he said.", THURSDAY))
        .containsExactly("Wednesday = 2024-12-11 day @2024-12-05/story");
  }

  @Test
  void scheduledFormsAreFuture() {
    assertThat(rows("The summit is set to open on Monday.", THURSDAY))
        .containsExactly("Monday = 2024-12-09 day @2024-12-05/story");
    assertThat(rows("The council is due to vote on Tuesday.", THURSDAY))
        .containsExactly("Tuesday = 2024-12-10 day @2024-12-05/story");
    assertThat(rows("The talks are scheduled to resume on Wednesday.", THURSDAY))
        .containsExactly("Wednesday = 2024-12-11 day @2024-12-05/story");
    assertThat(rows("The president is to visit Homs on Wednesday.", THURSDAY))
        .containsExactly("Wednesday = 2024-12-11 day @2024-12-05/story");
  }

  @Test
  void theTenseIsTheClausesNotTheSentences() {
    String s =
        "Rebels took the airport on Tuesday, the monitor said, and will push to Homs on Saturday.";
    assertThat(rows(s, THURSDAY)).containsExactly(
        "Tuesday = 2024-12-03 day @2024-12-05/story",
        "Saturday = 2024-12-07 day @2024-12-05/story");
    // "would" is no future: the clause's verb is "fled".
    assertThat(rows("Thousands fled Homs on Monday, fearing rebels would advance.", THURSDAY))
        .containsExactly("Monday = 2024-12-02 day @2024-12-05/story");
  }

  @Test
  void noClearTenseIsTheNearest() {
    String s = "Hama falls Thursday";
    assertThat(rows(s, ref("2024-12-02", "article")))
        .containsExactly("Thursday = 2024-12-05 day @2024-12-02/article");
    assertThat(rows(s, ref("2024-12-08", "article")))
        .containsExactly("Thursday = 2024-12-05 day @2024-12-08/article");
  }

  @Test
  void thisThursdayIsThursdayAndThursdayMorningIsTheDay() {
    assertThat(rows("The rebels entered the city this Thursday.", FRIDAY))
        .containsExactly("this Thursday = 2024-12-05 day @2024-12-06/story");
    assertThat(rows("Insurgents broke through its defences on Thursday morning.", FRIDAY))
        .containsExactly("Thursday morning = 2024-12-05 day @2024-12-06/story");
    assertThat(rows("The rebels attacked at 10 a.m. on Thursday.", FRIDAY))
        .containsExactly("10 a.m. on Thursday = 2024-12-05 day @2024-12-06/story");
  }

  @Test
  void lastAndNextAreTheWeeksBeforeAndAfter() {
    assertThat(rows("Last Friday the council met.", THURSDAY))
        .containsExactly("Last Friday = 2024-11-29 day @2024-12-05/story");
    assertThat(rows("Next Friday the council meets.", THURSDAY))
        .containsExactly("Next Friday = 2024-12-13 day @2024-12-05/story");
  }

  @Test
  void sundayHasNoSuTimeValueButIsAWeekday() {
    assertThat(rows("The president visited Homs on Sunday.", THURSDAY))
        .containsExactly("Sunday = 2024-12-01 day @2024-12-05/story");
  }


  @Test
  void relativeWeeks() {
    assertThat(rows("Assad issued a decree earlier this week.", THURSDAY))
        .containsExactly("earlier this week = 2024-W49 week @2024-12-05/story");
    assertThat(rows("Assad issued a decree this week.", FRIDAY))
        .containsExactly("this week = 2024-W49 week @2024-12-06/story");
    assertThat(rows("Al-Assad announced a pay rise last week.", THURSDAY))
        .containsExactly("last week = 2024-W48 week @2024-12-05/story");
    assertThat(rows("The envoy will travel next week.", THURSDAY))
        .containsExactly("next week = 2024-W50 week @2024-12-05/story");
    assertThat(rows("The offensive began two weeks ago.", THURSDAY))
        .containsExactly("two weeks ago = 2024-W47 week @2024-12-05/story");
    assertThat(rows("Rebels regrouped over the weekend.", THURSDAY))
        .containsExactly("the weekend = 2024-W48-WE week @2024-12-05/story");
  }

  @Test
  void relativeMonthsAndYears() {
    assertThat(rows("Prices rose last month.", THURSDAY))
        .containsExactly("last month = 2024-11 month @2024-12-05/story");
    assertThat(rows("Airstrikes increased last year.", THURSDAY))
        .containsExactly("last year = 2023 year @2024-12-05/story");
    assertThat(rows("This year has been the hardest.", THURSDAY))
        .containsExactly("This year = 2024 year @2024-12-05/story");
    assertThat(rows("Airstrikes have increased over the past year.", THURSDAY))
        .containsExactly("the past year = 2023-12-05/2024-12-05 interval @2024-12-05/story");
  }

  @Test
  void relativeDays() {
    assertThat(rows("The minister said yesterday that talks would resume tomorrow.", THURSDAY))
        .containsExactly(
            "yesterday = 2024-12-04 day @2024-12-05/story",
            "tomorrow = 2024-12-06 day @2024-12-05/story");
    assertThat(rows("Today the army retreated.", FRIDAY))
        .containsExactly("Today = 2024-12-06 day @2024-12-06/story");
    assertThat(rows("Three days ago the rebels took Aleppo.", THURSDAY))
        .containsExactly("Three days ago = 2024-12-02 day @2024-12-05/story");
    assertThat(rows("The attack came last night.", THURSDAY))
        .containsExactly("last night = 2024-12-04 day @2024-12-05/story");
  }

  @Test
  void monthDaysArePastUnlessTheSentenceIsFuture() {
    String s = "Renewed fighting began on November 27.";
    assertThat(rows(s, THURSDAY))
        .containsExactly("November 27 = 2024-11-27 day @2024-12-05/story");
    assertThat(rows(s, ref("2025-01-03", "article")))
        .containsExactly("November 27 = 2024-11-27 day @2025-01-03/article");
    assertThat(rows("Talks will resume on November 27.", THURSDAY))
        .containsExactly("November 27 = 2025-11-27 day @2024-12-05/story");
    // A few days past the reference still count as this year's.
    assertThat(rows("The rebels reached Homs on December 8.", THURSDAY))
        .containsExactly("December 8 = 2024-12-08 day @2024-12-05/story");
    assertThat(rows("The rebels reached Homs on December 20.", THURSDAY))
        .containsExactly("December 20 = 2023-12-20 day @2024-12-05/story");
    assertThat(rows("The rebels will reach Homs by December 20.", THURSDAY))
        .containsExactly("December 20 = 2024-12-20 day @2024-12-05/story");
  }

  @Test
  void monthsAndSeasonsWithoutAYear() {
    assertThat(rows("In May the regime lost ground.", THURSDAY))
        .containsExactly("May = 2024-05 month @2024-12-05/story");
    assertThat(rows("Protesters will march in March.", THURSDAY))
        .containsExactly("March = 2025-03 month @2024-12-05/story");
    assertThat(rows("In the spring the army attacked.", THURSDAY))
        .containsExactly("spring = 2024-SP season @2024-12-05/story");
    assertThat(rows("This fall the rebels regrouped.", THURSDAY))
        .containsExactly("This fall = 2024-FA season @2024-12-05/story");
  }


  @Test
  void yearsMonthsDecadesAndDatesNeedNoReference() {
    assertThat(rows("The uprising broke out in March 2011.", THURSDAY))
        .containsExactly("March 2011 = 2011-03 month @-/-");
    assertThat(rows("The massacre happened in 1982.", THURSDAY))
        .containsExactly("1982 = 1982 year @-/-");
    assertThat(rows("The group renounced it in 2016.", THURSDAY))
        .containsExactly("2016 = 2016 year @-/-");
    assertThat(rows("In the 1980s the regime crushed dissent.", THURSDAY))
        .containsExactly("the 1980s = 198X decade @-/-");
    assertThat(rows("In the 20th century Syria changed.", THURSDAY))
        .containsExactly("the 20th century = 19XX century @-/-");
    assertThat(rows("The talks collapsed in the fall of 2023.", THURSDAY))
        .containsExactly("the fall of 2023 = 2023-FA season @-/-");
    assertThat(rows("The city fell on 5 December 2024.", FRIDAY))
        .containsExactly("5 December 2024 = 2024-12-05 day @-/-");
  }

  @Test
  void datelinesAreDays() {
    assertThat(rows(" date 2024-12-05 Syrian insurgents have entered Hama.", THURSDAY))
        .containsExactly("2024-12-05 = 2024-12-05 day @-/-");
    assertThat(rows("Published 2024-12-05T10:30:00Z\nRebels entered Hama.", FRIDAY))
        .containsExactly("2024-12-05T10:30:00Z = 2024-12-05 day @-/-");
  }


  @Test
  void isoDatesSuTimeMissedAreDaysToo() {
    String text = "date:2024-12-05 | updated 2024-12-06T08:00";
    Doc bare = new Doc(text, List.of(), List.of(), List.of());
    assertThat(Times.find(bare, THURSDAY))
        .extracting(t -> t.span().of(text), TimeRef::value, TimeRef::granularity,
            TimeRef::reference)
        .containsExactly(
            tuple("2024-12-05", "2024-12-05", "day", Optional.empty()),
            tuple("2024-12-06", "2024-12-06", "day", Optional.empty()));
  }

  @Test
  void vagueReferencesAndBareTimesOfDay() {
    assertThat(rows("Opposition gunmen now control the headquarters.", THURSDAY)).isEmpty();
    assertThat(rows("It is the level of support we have seen previously.", THURSDAY)).isEmpty();
    assertThat(rows("He recently returned to Damascus.", THURSDAY)).isEmpty();
    assertThat(rows("As night fell, extremists said they had taken the city.", THURSDAY))
        .isEmpty();
    assertThat(rows("Fighting continued through the night.", THURSDAY)).isEmpty();
  }

  @Test
  void durationsAndAnaphoricTimes() {
    assertThat(rows("They surrounded it for five days of fighting.", THURSDAY)).isEmpty();
    assertThat(rows("The day before, the army retreated.", THURSDAY)).isEmpty();
    assertThat(rows("The previous week was calm.", THURSDAY)).isEmpty();
    assertThat(rows("They left on the same day.", THURSDAY)).isEmpty();
    assertThat(rows("In the coming days talks will resume.", THURSDAY)).isEmpty();
  }

  @Test
  void wordsThatAreNotTimes() {
    assertThat(rows("It means that the beginning of the regime's fall has started.", THURSDAY))
        .isEmpty();
    assertThat(rows("The fall of Aleppo shocked the regime.", THURSDAY)).isEmpty();
    assertThat(rows("Its fall came fast.", THURSDAY)).isEmpty();
    assertThat(rows("The Arab Spring changed Syria.", THURSDAY)).isEmpty();
    assertThat(rows("Prices may fall.", THURSDAY)).isEmpty();
    assertThat(rows("Protesters march on the capital.", THURSDAY)).isEmpty();
  }


  @Test
  void relativeTimesKeepTheirPatternAndAbsoluteOnesTheirValue() {
    assertThat(rows("The rebels entered Hama on Thursday.", Optional.empty()))
        .containsExactly("Thursday = XXXX-WXX-4 day @-/-");
    assertThat(rows("Al-Assad announced a pay rise last week.", Optional.empty()))
        .containsExactly("last week = XXXX-WXX week @-/-");
    assertThat(rows("Renewed fighting began on November 27.", Optional.empty()))
        .containsExactly("November 27 = XXXX-11-27 day @-/-");
    assertThat(rows("The massacre happened in 1982.", Optional.empty()))
        .containsExactly("1982 = 1982 year @-/-");
  }

  // The calendar arithmetic alone, without CoreNLP.

  private String value(String expr, String ref, TimeTense tense) {
    return TimeValues.resolve(expr, Optional.of(LocalDate.parse(ref)), tense)
        .map(v -> v.value() + " " + v.granularity())
        .orElse("none");
  }

  @Test
  void valuesIsoWeeksCrossTheYear() {
    assertThat(value("THIS P1W", "2024-12-30", TimeTense.NONE)).isEqualTo("2025-W01 week");
    assertThat(value("THIS P1W OFFSET P-1W", "2025-01-02", TimeTense.NONE))
        .isEqualTo("2024-W52 week");
  }

  @Test
  void valuesLeapDaysAndSeasons() {
    assertThat(value("XXXX-02-29", "2025-03-01", TimeTense.PAST)).isEqualTo("2024-02-29 day");
    assertThat(value("THIS WI", "2025-01-10", TimeTense.NONE)).isEqualTo("2024-WI season");
    assertThat(value("XXXX-FA OFFSET P-1Y", "2024-12-05", TimeTense.NONE))
        .isEqualTo("2024-FA season");
    assertThat(value("XXXX-SP OFFSET P1Y", "2024-12-05", TimeTense.NONE))
        .isEqualTo("2025-SP season");
  }

  @Test
  void valuesWeekdaysByTense() {
    assertThat(value("XXXX-WXX-4", "2024-12-06", TimeTense.PAST)).isEqualTo("2024-12-05 day");
    assertThat(value("XXXX-WXX-4", "2024-12-06", TimeTense.FUTURE)).isEqualTo("2024-12-12 day");
    assertThat(value("XXXX-WXX-4", "2024-12-06", TimeTense.NONE)).isEqualTo("2024-12-05 day");
    assertThat(value("XXXX-WXX-1", "2024-12-06", TimeTense.NONE)).isEqualTo("2024-12-09 day");
    assertThat(value("XXXX-WXX-4TMO", "2024-12-05", TimeTense.PAST)).isEqualTo("2024-12-05 day");
  }

  @Test
  void valuesPartialDecadesAndQuarters() {
    assertThat(value("XX8X", "2024-12-05", TimeTense.NONE)).isEqualTo("198X decade");
    assertThat(value("XX2X", "2024-12-05", TimeTense.NONE)).isEqualTo("202X decade");
    assertThat(value("2024-Q3", "2024-12-05", TimeTense.NONE))
        .isEqualTo("2024-07-01/2024-09-30 interval");
  }

  @Test
  void valuesThatAreNotTimes() {
    assertThat(value("PAST_REF", "2024-12-05", TimeTense.NONE)).isEqualTo("none");
    assertThat(value("TNI", "2024-12-05", TimeTense.NONE)).isEqualTo("none");
    assertThat(value("T10:00", "2024-12-05", TimeTense.NONE)).isEqualTo("none");
    assertThat(value("P5D", "2024-12-05", TimeTense.NONE)).isEqualTo("none");
  }
}
