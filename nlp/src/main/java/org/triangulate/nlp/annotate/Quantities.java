package org.triangulate.nlp.annotate;

import java.util.ArrayList;
import java.util.List;
import org.triangulate.model.Quantity;

/**
 * Reads the quantities an article states: counts with what they count ("more than 280,000
 * people", "hundreds of detainees"), percentages, lengths, areas, masses, volumes, durations ("five
 * days of fighting", "a week-long offensive") and sums of money ("$3 billion", "£1.2m").
 *
 * <p>It reads the words itself (CoreNLP's normalised values are too often wrong: "£1.2m" comes out
 * as £1.2) and uses CoreNLP's tags only to leave out what is not a quantity: dates and years ("in
 * 2011", "March 2011", "November 27", "the 1982 massacre"), times of day, ordinals and ranks
 * ("third", "second-largest"), the pronoun and determiner "one" ("one of the few cities"; "one"
 * counts only with a unit, a scale word, a range or an approximator: "one week", "about one"),
 * numbers glued into identifiers ("F-16", "Resolution 2254", "No. 10", URLs, phone numbers), sports
 * scores ("3-1"), multipliers ("three times"), relative dates ("two days ago") and lone numbers of
 * page furniture (a line of at most three capitalised words without a verb, like "500 Points"). A
 * noun or unit word without a number ("for years", "days after", "a number of troops") is not a
 * quantity; the one exception is a hyphenated "week-long", "year-long" ..., read as one of that
 * unit. Proportions ("one in five", "6 out of 10") are left out too.
 *
 * <h2>Unit codes</h2>
 *
 * <table>
 *   <caption>unit codes and their base units</caption>
 *   <tr><th>dimension</th><th>unit codes</th><th>base unit</th></tr>
 *   <tr><td>count</td><td>{@code count}</td><td>{@code count}</td></tr>
 *   <tr><td>percent</td><td>{@code percent}; {@code pp} for percentage points</td>
 *       <td>the same</td></tr>
 *   <tr><td>length</td><td>{@code mm cm m km mi nmi ft yd in ly}</td><td>{@code m}</td></tr>
 *   <tr><td>area</td><td>{@code m2 km2 mi2 ha acre} (and "square"/"sq" + any length: {@code
 *       ft2} ...)</td><td>{@code m2}</td></tr>
 *   <tr><td>mass</td><td>{@code g kg t lb oz} ("tons" are read as metric tonnes, {@code
 *       t})</td><td>{@code kg}</td></tr>
 *   <tr><td>volume</td><td>{@code ml l gal bbl} and "cubic" + length ({@code m3})</td>
 *       <td>{@code l}</td></tr>
 *   <tr><td>duration</td><td>{@code second minute hour day week month year decade century}
 *       (a year is 365.25 days, a month a twelfth of that)</td><td>{@code d} (days)</td></tr>
 *   <tr><td>money</td><td>ISO 4217 code: {@code USD} for "$", "dollars"; {@code GBP} for "£",
 *       "pounds" (but "7,000 Syrian pounds" is {@code SYP}, and "pounds" is {@code lb} when it is
 *       neither tagged money nor scaled by "million" ...); {@code EUR}, {@code TRY}, ...</td>
 *       <td>the currency itself (no exchange rates)</td></tr>
 * </table>
 *
 * <h2>Values, bounds and approximation</h2>
 *
 * <ul>
 *   <li>{@code value} is the number as stated and scaled ("1.5 million" is 1500000, "$3 billion"
 *       3e9). For a range or a vague amount it is the lower bound.
 *   <li>{@code exact}: low = high = value. {@code about} ("about", "around", "some",
 *       "approximately", "roughly", "an estimated", "close to"): no bounds; but "nearly" and
 *       "almost" are {@code about} with high = value. {@code more-than} ("more than", "over",
 *       "above", "upwards of", "-plus") and {@code at-least} ("at least", "no fewer than", "or
 *       more"): low = value. {@code less-than} ("less than", "fewer than", "under", "below") and
 *       {@code at-most} ("up to", "at most", "no more than", "as many as"): high = value. "Over"
 *       before a duration means "during" and is ignored.
 *   <li>{@code range}: "between 10 and 20", "10-20", "10 to 20", "two or three"; low and high are
 *       its ends ("1-2 million": 1000000 to 2000000).
 *   <li>{@code vague}: plural magnitudes. "tens of X" 10-99, "dozens" 24-99, "hundreds" 100-999,
 *       "thousands" 1000-9999, "tens of thousands" 10000-99999, "hundreds of thousands"
 *       100000-999999, "millions" ...; "several hundred", "a few thousand": 2x to 10x-1 of the
 *       magnitude. With "more than", "up to" ... a vague amount takes that approximation and keeps
 *       only the bound it names.
 *   <li>A quantity in brackets right after one of the same dimension is its conversion ("about 40
 *       kilometers (25 miles)") and takes its approximation.
 * </ul>
 *
 * <h2>What it counts</h2>
 *
 * <p>{@code about} is the noun the number counts, without its adjectives: the nouns right after a
 * count ("280,000 people", "300 aid workers") or after "of" ("hundreds of detainees", "tens of
 * thousands of members", "12 of the soldiers"); the noun after a hyphenated measure ("a week-long
 * offensive", "a 10-year war") or after "of" ("five days of fighting", "3,000 tonnes of flour");
 * after money, "in" or "of" ("$3 billion in aid"); for a percentage, "of" ("50% of the
 * population"), else the thing a change verb before it changes ("increasing the salaries of
 * military personnel by 50%": salaries; "food prices rose 20%": prices). The span runs from the
 * approximator through the number and unit to that noun, except the percentage's change-verb
 * object, which is only named.
 */
public final class Quantities {

  private Quantities() {}

  /** Every quantity the document states, in text order. Pure function of the Doc; thread-safe. */
  public static List<Quantity> find(Doc doc) {
    List<Quantity> out = new ArrayList<>();
    for (Sentence s : doc.sentences()) {
      out.addAll(new QuantityScan(doc, s).run());
    }
    out.sort((a, b) -> a.span().compareTo(b.span()));
    return List.copyOf(out);
  }
}
