package org.triangulate.reconcile;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.model.Article;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;
import org.triangulate.text.TextUnits;

/**
 * Whose label it is, and of when: two questions {@link Framings} asks of each use of a label before
 * counting it as the outlet's word for today's actor.
 *
 * <ul>
 *   <li><b>Attributed</b>: the sentence gives the label as someone else's: "It is considered a
 *       terrorist group by the United Nations", "which Washington designates a terrorist
 *       organisation", "labelled extremists by Ankara", "brands the rebels as foreign mercenaries". A verb of naming or classing stands right
 *       before the label (articles and "as" aside): considered, designated, labelled, branded,
 *       listed, classified, regarded, described, deemed, proscribed, termed, dubbed, called (not
 *       "so-called", which is the outlet's own sneer), and their present forms.
 *   <li><b>Historical</b>: the sentence speaks of another time, naming a year at least two years
 *       before the article's own ("Hama was the scene of uprisings in 2011 and later fierce
 *       fighting as opposition forces tried and failed to take over"), not as a start ("since
 *       2011"). A sentence that starts in lower case continues the one before it (a machine
 *       translation's "in 2011. and then fierce fighting as opposition forces ..."), which is read
 *       with it. The article's year is its publication year, else the latest year its times name.
 *       Only labels that reach their actor through a side ("the rebels", "opposition forces": who
 *       held that side then may not hold it now) are dropped for this; a label tied to a name
 *       stays.
 * </ul>
 */
final class LabelVoice {

  private static final Pattern NAMING_VERB_BEFORE =
      Pattern.compile(
          "(?i)(?<![\\p{L}-])(considered|designated|labell?ed|branded|listed|classified|regarded|described"
              + "|deemed|proscribed|termed|dubbed|called|considers|designates|labels|brands|lists"
              + "|classifies|regards|describes|deems|proscribes|terms|dubs|calls)"
              + "\\s+(?:(?:(?:it|them|him|her|the\\s+group|the\\s+movement|the\\s+organi[sz]ation)\\s+)?"
              + "(?:as\\s+)?|(?:[\\p{L}'’-]+\\s+){1,4}as\\s+)(?:(?:a|an|the)\\s+)?$");

  private static final Pattern YEAR = Pattern.compile("(?<![\\d-])(1[89]\\d\\d|20\\d\\d)(?![\\d-])");
  private static final Pattern SINCE_BEFORE = Pattern.compile("(?i)\\bsince\\s+(?:early\\s+|late\\s+|mid-?)?$");

  private LabelVoice() {}

  /** Whether the text around {@code span} gives the label as another party's. */
  static boolean attributed(String text, Span span) {
    int from = Math.max(0, span.begin() - 80);
    return NAMING_VERB_BEFORE.matcher(text.substring(from, span.begin())).find();
  }

  /**
   * Whether the sentence of {@code span} speaks of a year at least two before {@code year} (see
   * the class comment); false without a year.
   */
  static boolean historical(String text, List<Span> sentences, Span span, OptionalInt year) {
    if (year.isEmpty()) {
      return false;
    }
    int i = 0;
    while (i < sentences.size() && sentences.get(i).end() <= span.begin()) {
      i++;
    }
    if (i == sentences.size()) {
      return false;
    }
    int begin = sentences.get(i).begin();
    int end = sentences.get(i).end();
    // A sentence that starts in lower case goes on from the one before.
    int k = i;
    while (k > 0 && Character.isLowerCase(firstLetter(text, sentences.get(k).begin(), sentences.get(k).end()))) {
      k--;
      begin = sentences.get(k).begin();
    }
    Matcher m = YEAR.matcher(text.substring(begin, end));
    while (m.find()) {
      int y = Integer.parseInt(m.group(1));
      if (y <= year.getAsInt() - 2
          && !SINCE_BEFORE.matcher(text.substring(begin, begin + m.start())).find()) {
        return true;
      }
    }
    return false;
  }

  private static char firstLetter(String text, int from, int to) {
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (Character.isLetter(c)) {
        return c;
      }
    }
    return 'A';
  }

  /** The article's year: its publication year, else the latest year its times name. */
  static OptionalInt yearOf(Article a, List<TimeRef> times) {
    Optional<String> published = a.metadata().published();
    if (published.isPresent() && published.get().length() >= 4 && isYear(published.get().substring(0, 4))) {
      return OptionalInt.of(Integer.parseInt(published.get().substring(0, 4)));
    }
    return times.stream()
        .map(TimeRef::value)
        .filter(v -> v.length() >= 4 && isYear(v.substring(0, 4)))
        .mapToInt(v -> Integer.parseInt(v.substring(0, 4)))
        .max();
  }

  private static boolean isYear(String s) {
    return s.chars().allMatch(Character::isDigit);
  }

  static List<Span> sentences(String text) {
    return TextUnits.sentences(text);
  }
}
