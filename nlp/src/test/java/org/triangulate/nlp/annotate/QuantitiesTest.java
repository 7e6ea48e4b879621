package org.triangulate.nlp.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Quantity;

/**
 * Quantities read from CoreNLP's parse of the five Hama articles in {@code examples/hama} and of
 * targeted sentences. Each quantity is pinned as {@code span | value | unit | approx | low | high
 * | about}.
 */
class QuantitiesTest {

  /** Loaded once for the class: CoreNLP takes about ten seconds to start. */
  private static final CoreNlp NLP = CoreNlp.get();

  private static final Path HAMA = Path.of("../examples/hama");

  // ---------------------------------------------------------------------------------------------
  // The Hama articles

  @Test
  void hama000() throws IOException {
    assertThat(hama("000_5f845e8b32303230.txt"))
        .containsExactly(
            "five days of fighting | 5 | day | exact | 5 | 5 | fighting",
            "50% | 50 | percent | exact | 50 | 50 | salaries");
  }

  @Test
  void hama001() throws IOException {
    assertThat(hama("001_558042633266138b.txt"))
        .containsExactly(
            "five days of fighting | 5 | day | exact | 5 | 5 | fighting",
            "more than 280,000 people | 280000 | count | more-than | 280000 |  | people",
            "Tens of thousands of members | 10000 | count | vague | 10000 | 99999 | members",
            "40 km | 40 | km | exact | 40 | 40 | ",
            "25 mi | 25 | mi | exact | 25 | 25 | ",
            "tens of thousands | 10000 | count | vague | 10000 | 99999 | ",
            "hundreds of cars | 100 | count | vague | 100 | 999 | cars",
            "50 percent | 50 | percent | exact | 50 | 50 | salaries");
  }

  @Test
  void hama002() throws IOException {
    assertThat(hama("002_cd28b6654e9fce99.txt"))
        .containsExactly(
            "a week-long offensive | 1 | week | exact | 1 | 1 | offensive",
            "three days of clashes | 3 | day | exact | 3 | 3 | clashes",
            "hundreds of detainees | 100 | count | vague | 100 | 999 | detainees",
            "about 25 miles | 25 | mi | about |  |  | ",
            "tens of thousands of Kurds | 10000 | count | vague | 10000 | 99999 | Kurds",
            "thousands | 1000 | count | vague | 1000 | 9999 | ");
  }

  @Test
  void hama003() throws IOException {
    assertThat(hama("003_fa5c466642b5d1e0.txt"))
        .containsExactly(
            "week-long offensive | 1 | week | exact | 1 | 1 | offensive",
            "about 40 kilometers | 40 | km | about |  |  | ",
            "25 miles | 25 | mi | about |  |  | ",
            "hundreds of detainees | 100 | count | vague | 100 | 999 | detainees",
            "50% | 50 | percent | exact | 50 | 50 | salaries");
  }

  @Test
  void hama004() throws IOException {
    assertThat(hama("004_caf67864382cb7e1.txt"))
        .containsExactly(
            "three days of intense clashes | 3 | day | exact | 3 | 3 | clashes",
            "tens of thousands of people | 10000 | count | vague | 10000 | 99999 | people",
            "about 200 kilometers | 200 | km | about |  |  | ",
            "thousands of casualties | 1000 | count | vague | 1000 | 9999 | casualties");
  }

  @Test
  void hamaSpansIndexTheTextInOrderAndRepeat() throws IOException {
    for (String name :
        List.of(
            "000_5f845e8b32303230.txt",
            "001_558042633266138b.txt",
            "002_cd28b6654e9fce99.txt",
            "003_fa5c466642b5d1e0.txt",
            "004_caf67864382cb7e1.txt")) {
      Doc doc = NLP.parse(Files.readString(HAMA.resolve(name)));
      List<Quantity> qs = Quantities.find(doc);
      assertThat(qs).isNotEmpty();
      for (int i = 1; i < qs.size(); i++) {
        assertThat(qs.get(i).span().begin()).isGreaterThanOrEqualTo(qs.get(i - 1).span().end());
      }
      for (Quantity q : qs) {
        String s = q.span().of(doc.text());
        assertThat(s).isEqualTo(s.strip()).isNotEmpty();
      }
      assertThat(Quantities.find(doc)).isEqualTo(qs);
    }
  }

  @Test
  void hamaBaseUnitsMakeKilometresAndMilesComparable() throws IOException {
    Doc doc = NLP.parse(Files.readString(HAMA.resolve("001_558042633266138b.txt")));
    List<Quantity> lengths =
        Quantities.find(doc).stream().filter(q -> q.baseUnit().equals("m")).toList();
    assertThat(lengths).hasSize(2);
    assertThat(lengths.get(0).base()).isEqualTo(40_000.0);
    assertThat(lengths.get(1).base()).isCloseTo(40_233.6, within(1e-6));
  }

  // ---------------------------------------------------------------------------------------------
  // Counts

  @Test
  void countsWithTheNounTheyCount() {
    assertThat(read("The escalation had displaced more than 280,000 people, the UN said."))
        .containsExactly(
            "more than 280,000 people | 280000 | count | more-than | 280000 |  | people");
    assertThat(read("Hundreds of detainees were freed and hundreds of cars left."))
        .containsExactly(
            "Hundreds of detainees | 100 | count | vague | 100 | 999 | detainees",
            "hundreds of cars | 100 | count | vague | 100 | 999 | cars");
    assertThat(read("The attack caused thousands of casualties."))
        .containsExactly(
            "thousands of casualties | 1000 | count | vague | 1000 | 9999 | casualties");
    assertThat(
            read(
                "Tens of thousands of members of Assad's minority Alawite community fled"
                    + " and hundreds of thousands of refugees waited."))
        .containsExactly(
            "Tens of thousands of members | 10000 | count | vague | 10000 | 99999 | members",
            "hundreds of thousands of refugees | 100000 | count | vague | 100000 | 999999 |"
                + " refugees");
    assertThat(read("Several hundred people and dozens of soldiers arrived."))
        .containsExactly(
            "Several hundred people | 200 | count | vague | 200 | 999 | people",
            "dozens of soldiers | 24 | count | vague | 24 | 99 | soldiers");
  }

  @Test
  void aNumberOfTroopsIsNoQuantity() {
    assertThat(read("The army said a number of troops were killed.")).isEmpty();
    assertThat(read("An undisclosed number of troops were killed.")).isEmpty();
  }

  @Test
  void numberWordsAndScales() {
    assertThat(
            read(
                "Some 1.5 million people fled, 2bn was lost, a dozen soldiers, twenty-five"
                    + " tanks and two hundred and fifty trucks."))
        .containsExactly(
            "Some 1.5 million people | 1500000 | count | about |  |  | people",
            "2bn | 2000000000 | count | exact | 2000000000 | 2000000000 | ",
            "a dozen soldiers | 12 | count | exact | 12 | 12 | soldiers",
            "twenty-five tanks | 25 | count | exact | 25 | 25 | tanks",
            "two hundred and fifty trucks | 250 | count | exact | 250 | 250 | trucks");
    assertThat(read("The war has killed more than half a million people."))
        .containsExactly(
            "more than half a million people | 500000 | count | more-than | 500000 |  | people");
    assertThat(read("A 5,000-strong force arrived."))
        .containsExactly("5,000-strong force | 5000 | count | exact | 5000 | 5000 | force");
  }

  @Test
  void approximators() {
    assertThat(
            read(
                "Up to 300 people, at least 12 soldiers, nearly 40 civilians, almost 50 homes,"
                    + " around 60 troops, over 70 tanks, fewer than 100 people, no more than 20"
                    + " people, more than a dozen people, an estimated 280,000 people."))
        .containsExactly(
            "Up to 300 people | 300 | count | at-most |  | 300 | people",
            "at least 12 soldiers | 12 | count | at-least | 12 |  | soldiers",
            "nearly 40 civilians | 40 | count | about |  | 40 | civilians",
            "almost 50 homes | 50 | count | about |  | 50 | homes",
            "around 60 troops | 60 | count | about |  |  | troops",
            "over 70 tanks | 70 | count | more-than | 70 |  | tanks",
            "fewer than 100 people | 100 | count | less-than |  | 100 | people",
            "no more than 20 people | 20 | count | at-most |  | 20 | people",
            "more than a dozen people | 12 | count | more-than | 12 |  | people",
            "an estimated 280,000 people | 280000 | count | about |  |  | people");
    assertThat(read("Some Iraqi fighters entered Syria.")).isEmpty();
    assertThat(read("The 300-plus people and 40 or so cars."))
        .containsExactly(
            "300-plus people | 300 | count | more-than | 300 |  | people",
            "40 or so cars | 40 | count | about |  |  | cars");
  }

  @Test
  void ranges() {
    assertThat(
            read(
                "Between 10 and 20 people died; 10-20 people were hurt; Iran sent 2,000 to 3,000"
                    + " troops for two or three days; 1-2 million people fled."))
        .containsExactly(
            "Between 10 and 20 people | 10 | count | range | 10 | 20 | people",
            "10-20 people | 10 | count | range | 10 | 20 | people",
            "2,000 to 3,000 troops | 2000 | count | range | 2000 | 3000 | troops",
            "two or three days | 2 | day | range | 2 | 3 | ",
            "1-2 million people | 1000000 | count | range | 1000000 | 2000000 | people");
    assertThat(read("It cost between $1 billion and $2 billion."))
        .containsExactly(
            "between $1 billion and $2 billion | 1000000000 | USD | range | 1000000000 |"
                + " 2000000000 | ");
  }

  // ---------------------------------------------------------------------------------------------
  // Percentages

  @Test
  void percentagesAndWhatTheyChange() {
    assertThat(
            read(
                "Assad issued a decree increasing the salaries of military personnel by 50%."))
        .containsExactly("50% | 50 | percent | exact | 50 | 50 | salaries");
    assertThat(read("Assad raised the salaries of military personnel by 50 percent earlier."))
        .containsExactly("50 percent | 50 | percent | exact | 50 | 50 | salaries");
    assertThat(read("Food prices rose by 20% and 50% of the population fled."))
        .containsExactly(
            "20% | 20 | percent | exact | 20 | 20 | Food prices",
            "50% of the population | 50 | percent | exact | 50 | 50 | population");
    assertThat(read("Turnout was less than 5% and rose by 2.5 percentage points."))
        .containsExactly(
            "less than 5% | 5 | percent | less-than |  | 5 | ",
            "2.5 percentage points | 2.5 | pp | exact | 2.5 | 2.5 | ");
  }

  // ---------------------------------------------------------------------------------------------
  // Lengths, areas, masses

  @Test
  void lengthsAndTheirConversions() {
    Read r = find("Homs is located just 40 km (25 mi) south of Hama.");
    List<Quantity> qs = r.qs();
    assertThat(r.lines())
        .containsExactly(
            "40 km | 40 | km | exact | 40 | 40 | ", "25 mi | 25 | mi | exact | 25 | 25 | ");
    assertThat(qs.get(0).base()).isEqualTo(40_000.0);
    assertThat(qs.get(1).base()).isCloseTo(40_233.6, within(1e-6));
    assertThat(qs).allSatisfy(q -> assertThat(q.baseUnit()).isEqualTo("m"));

    assertThat(read("Homs, which is about 40 kilometers (25 miles) south of Hama, is next."))
        .containsExactly(
            "about 40 kilometers | 40 | km | about |  |  | ",
            "25 miles | 25 | mi | about |  |  | ");
    assertThat(read("It lies about 25 miles south of Hama, about 200 kilometers north of it."))
        .containsExactly(
            "about 25 miles | 25 | mi | about |  |  | ",
            "about 200 kilometers | 200 | km | about |  |  | ");
    assertThat(read("The 40km convoy.")).containsExactly("40km | 40 | km | exact | 40 | 40 | ");
  }

  @Test
  void areasMassesAndBaseUnits() {
    Read r =
        find("They sent 3,000 tonnes of flour to 10 square kilometres and 20 hectares.");
    List<Quantity> qs = r.qs();
    assertThat(r.lines())
        .containsExactly(
            "3,000 tonnes of flour | 3000 | t | exact | 3000 | 3000 | flour",
            "10 square kilometres | 10 | km2 | exact | 10 | 10 | ",
            "20 hectares | 20 | ha | exact | 20 | 20 | ");
    assertThat(qs.get(0).base()).isEqualTo(3_000_000.0);
    assertThat(qs.get(0).baseUnit()).isEqualTo("kg");
    assertThat(qs.get(1).base()).isEqualTo(10_000_000.0);
    assertThat(qs.get(1).baseUnit()).isEqualTo("m2");
    assertThat(qs.get(2).base()).isEqualTo(200_000.0);
  }

  // ---------------------------------------------------------------------------------------------
  // Durations

  @Test
  void durationsWithWhatTheyLast() {
    Read r =
        find(
            "After five days of fighting and three days of clashes, a week-long offensive"
                + " began; the 10-year war went on.");
    List<Quantity> qs = r.qs();
    assertThat(r.lines())
        .containsExactly(
            "five days of fighting | 5 | day | exact | 5 | 5 | fighting",
            "three days of clashes | 3 | day | exact | 3 | 3 | clashes",
            "a week-long offensive | 1 | week | exact | 1 | 1 | offensive",
            "10-year war | 10 | year | exact | 10 | 10 | war");
    assertThat(qs).extracting(Quantity::baseUnit).containsOnly("d");
    assertThat(qs).extracting(Quantity::base).containsExactly(5.0, 3.0, 7.0, 3652.5);
  }

  @Test
  void bareTimeWordsAreNoQuantities() {
    assertThat(read("They had controlled the areas for years.")).isEmpty();
    assertThat(read("The move comes days after urgent negotiations.")).isEmpty();
    assertThat(read("It happened two days ago.")).isEmpty();
    assertThat(read("Fighting over two days killed 300 people."))
        .containsExactly(
            "two days | 2 | day | exact | 2 | 2 | ",
            "300 people | 300 | count | exact | 300 | 300 | people");
  }

  // ---------------------------------------------------------------------------------------------
  // Money

  @Test
  void money() {
    Read r =
        find(
            "The deal is worth $3 billion and £1.2m, or 3 million dollars and 7,000 Syrian"
                + " pounds.");
    List<Quantity> qs = r.qs();
    assertThat(r.lines())
        .containsExactly(
            "$3 billion | 3000000000 | USD | exact | 3000000000 | 3000000000 | ",
            "£1.2m | 1200000 | GBP | exact | 1200000 | 1200000 | ",
            "3 million dollars | 3000000 | USD | exact | 3000000 | 3000000 | ",
            "7,000 Syrian pounds | 7000 | SYP | exact | 7000 | 7000 | ");
    assertThat(qs).allSatisfy(q -> assertThat(q.baseUnit()).isEqualTo(q.unit()));
    assertThat(read("They pledged $5 million in aid and €500 million."))
        .containsExactly(
            "$5 million in aid | 5000000 | USD | exact | 5000000 | 5000000 | aid",
            "€500 million | 500000000 | EUR | exact | 500000000 | 500000000 | ");
    assertThat(read("A 500-pound bomb fell."))
        .containsExactly("500-pound bomb | 500 | lb | exact | 500 | 500 | bomb");
  }

  // ---------------------------------------------------------------------------------------------
  // What is no quantity

  @Test
  void yearsAndDatesAreNoQuantities() {
    assertThat(read("Hama was the scene of uprisings in 2011 and a massacre in 1982.")).isEmpty();
    assertThat(read("The conflict broke out in March 2011; fighting began on November 27."))
        .isEmpty();
    assertThat(read("The city is known for the 1982 massacre of Hama.")).isEmpty();
    assertThat(read("On 5 December 2024 and December 5, 2024 nothing happened.")).isEmpty();
  }

  @Test
  void ordinalsRanksAndTimesAreNoQuantities() {
    assertThat(
            read(
                "Aleppo is Syria's second-largest city, Homs its third, Hama the fourth largest"
                    + " city."))
        .isEmpty();
    assertThat(read("They met at 3 p.m. and again at 10:30 and at 0600 GMT.")).isEmpty();
  }

  @Test
  void theWordOneIsNoQuantityWithoutAUnit() {
    assertThat(read("Hama is one of the few cities that remained under government control."))
        .isEmpty();
    assertThat(read("The massacre was one of the most notorious in the modern Middle East."))
        .isEmpty();
    assertThat(read("One said so, and only one man survived.")).isEmpty();
    assertThat(read("The truce lasted one week."))
        .containsExactly("one week | 1 | week | exact | 1 | 1 | ");
  }

  @Test
  void identifiersUrlsScoresAndPageFurnitureAreNoQuantities() {
    assertThat(
            read(
                "Visit https://example.com/2024/12/05/article-123 or call 555-1234 about the"
                    + " F-16, the AK-47, Resolution 2254, COVID-19 and No. 10."))
        .isEmpty();
    assertThat(read("The team won 3-1 in the final.")).isEmpty();
    assertThat(read("About one in five people fled.")).isEmpty();
    assertThat(read("What do you think?\n\n500 Points\nUpvote Downvote\n\n0\n")).isEmpty();
  }

  @Test
  void emptyTextHasNoQuantities() {
    assertThat(Quantities.find(NLP.parse(""))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static List<String> hama(String name) throws IOException {
    return read(Files.readString(HAMA.resolve(name)));
  }

  private static Read find(String text) {
    Doc doc = NLP.parse(text);
    return new Read(doc, Quantities.find(doc));
  }

  /** A text's quantities, with the text to quote them from. */
  private record Read(Doc doc, List<Quantity> qs) {
    List<String> lines() {
      return qs.stream().map(q -> line(doc.text(), q)).toList();
    }
  }

  private static List<String> read(String text) {
    Doc doc = NLP.parse(text);
    List<Quantity> qs = Quantities.find(doc);
    return qs.stream().map(q -> line(doc.text(), q)).toList();
  }

  private static String line(String text, Quantity q) {
    return String.join(
        " | ",
        q.span().of(text),
        num(q.value()),
        q.unit(),
        q.approx(),
        q.low().map(QuantitiesTest::num).orElse(""),
        q.high().map(QuantitiesTest::num).orElse(""),
        q.about().orElse(""));
  }

  private static String num(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
