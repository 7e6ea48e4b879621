package org.triangulate.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-12-05|2024-12-05",
        "2024-12-5|2024-12-05",
        "2024-12-05T14:30:00Z|2024-12-05T14:30:00Z",
        "2024-12-05T16:30:00+02:00|2024-12-05T14:30:00Z",
        "2024-12-05T16:30:00+0200|2024-12-05T14:30:00Z",
        "2024-12-05T16:30:00.123+02:00|2024-12-05T14:30:00Z",
        "2024-12-05 16:30|2024-12-05",
        "2024-12-05T23:30:00-05:00|2024-12-06T04:30:00Z",
        "'Thu, 05 Dec 2024 10:20:00 GMT'|2024-12-05T10:20:00Z",
        "20241205|2024-12-05",
        "20241205T102000Z|2024-12-05T10:20:00Z",
        "'December 5, 2024'|2024-12-05",
        "'Dec. 5, 2024'|2024-12-05",
        "5 December 2024|2024-12-05",
        "'Thursday 5th December 2024'|2024-12-05",
        "'Published: 5 Dec 2024'|2024-12-05",
        "2024/12/05|2024-12-05",
        "25/12/2024|2024-12-25",
        "12/25/2024|2024-12-25",
        "05.12.2024.|''"
      })
  void readsTheCommonSpellingsOfADate(String in, String expected) {
    if (expected == null || expected.isEmpty()) {
      assertThat(Dates.normalize(in)).isEmpty();
    } else {
      assertThat(Dates.normalize(in)).contains(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "yesterday", "2024-13-45", "Thursday", "31 February 2024", "05/12/2024"})
  void refusesWhatIsNotAnUnambiguousDate(String in) {
    assertThat(Dates.normalize(in)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void findsADateInsideADateline() {
    assertThat(Dates.findTextualDate("BEIRUT, Dec 5, 2024 (Reuters) - Rebels entered")).contains("2024-12-05");
    assertThat(Dates.findTextualDate("no date here")).isEmpty();
    assertThat(Dates.normalize(null)).isEmpty();
  }
}
