package org.triangulate.ingest.text;

import java.util.Optional;
import java.util.regex.Pattern;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Removal;

/**
 * Decides the header of a page: the lines before the lead, the first full paragraph. There it finds
 * the headline, bylines and dates, and takes short lines above the headline (or runs of them when
 * there is no headline) for navigation.
 */
final class Header {

  /**
   * Above the headline, short unpunctuated lines are navigation ("World | Middle East"); longer
   * ones are kept, as they are more often a kicker or a summary bullet than a menu.
   */
  private static final int MAX_NAVIGATION_WORDS = 10;

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Page page;
  private final ArticleMetadata known;
  private final int n;
  private final Line[] line;
  private final Kind[] kind;
  private final String[] reason;

  Header(Page page, ArticleMetadata known) {
    this.page = page;
    this.known = known;
    this.n = page.n;
    this.line = page.line;
    this.kind = page.kind;
    this.reason = page.reason;
  }

  /**
   * Decides the lines before the lead. Returns the index of the lead ({@code n} when there is
   * none).
   */
  int decide() {
    int lead = lead();
    int headline = -1;
    for (int i = 0; i < lead && headline < 0; i++) {
      if (kind[i] != Kind.TEXT) {
        continue;
      }
      page.stripMarker(i);
      Line c = line[i];
      if (known.title().isPresent()) {
        if (sameTitle(c.norm, known.title().get())) {
          headline = i;
        }
      } else if (c.headlineShaped() && followedByHeaderOrLead(i)) {
        headline = i;
        page.title = Optional.of(c.norm);
      }
    }
    if (headline >= 0) {
      reason[headline] = Removal.Reasons.TITLE;
    }
    for (int i = 0; i < lead; i++) {
      if (i == headline) {
        continue;
      }
      switch (kind[i]) {
        case TEXT:
          page.stripMarker(i);
          if (i < headline && !endsSentence(line[i]) && line[i].words <= MAX_NAVIGATION_WORDS) {
            reason[i] = Removal.Reasons.SITE_CHROME; // navigation above the headline
          } else if (headline >= 0 && isHeaderByline(i, headline)) {
            reason[i] = Removal.Reasons.BYLINE;
            page.setAuthor(line[i].norm, Optional.empty());
          }
          break;
        case BYLINE:
          reason[i] = Removal.Reasons.BYLINE;
          page.setAuthor(page.byline[i].name(), page.byline[i].outlet());
          page.byline[i].date().ifPresent(page.dates::add);
          break;
        case DATE:
          reason[i] = Removal.Reasons.METADATA;
          page.dates.add(page.date[i]);
          break;
        case CHROME:
        case CAPTION:
          reason[i] = page.ownReason[i];
          break;
        default:
          break; // BLANK; NUMBER: decided by numbers()
      }
    }
    if (headline < 0 && lead < n) {
      navigationRuns(lead);
    }
    if (lead < n) {
      page.stripMarker(lead);
    }
    return lead;
  }

  /**
   * The first text line that is a full paragraph and no headline, or the first half of a sentence
   * broken over two lines; {@code n} when there is none.
   */
  private int lead() {
    for (int i = 0; i < n; i++) {
      if (kind[i] != Kind.TEXT) {
        continue;
      }
      Line l = line[i];
      if (l.isParagraph() && !l.headlineShaped()) {
        return i;
      }
      int j = page.nextText(i);
      if (j >= 0 && !l.endsSentence() && line[j].startsLower()) {
        return i;
      }
    }
    return n;
  }

  /**
   * A byline in the header without "By": a lone name directly under the headline, or names with
   * connectors ("William Christou in Beirut") next to a date or byline line.
   */
  private boolean isHeaderByline(int i, int headline) {
    Line l = line[i];
    if (page.previousNonBlank(i) == headline && Bylines.isName(l)) {
      return true;
    }
    if (!Bylines.isNameList(l)) {
      return false;
    }
    int p = page.previousNonBlank(i);
    int q = page.nextNonBlank(i);
    return (p >= 0 && (kind[p] == Kind.DATE || kind[p] == Kind.BYLINE))
        || (q >= 0 && (kind[q] == Kind.DATE || kind[q] == Kind.BYLINE));
  }

  /**
   * Without a headline, runs of three or more short lines (at most three words, no final
   * punctuation; chrome lines count) before the lead are navigation menus.
   */
  private void navigationRuns(int lead) {
    int i = 0;
    while (i < lead) {
      int runStart = i;
      int count = 0;
      int j = i;
      while (j < lead && (kind[j] == Kind.BLANK || isMenuItem(j))) {
        if (kind[j] != Kind.BLANK) {
          count++;
        }
        j++;
      }
      if (count >= 3) {
        for (int k = runStart; k < j; k++) {
          if (kind[k] == Kind.TEXT && reason[k] == null) {
            reason[k] = Removal.Reasons.SITE_CHROME;
          }
        }
      }
      i = Math.max(j, i + 1);
    }
  }

  private static boolean endsSentence(Line l) {
    char c = l.lastSignificant();
    return c == '.' || c == '!' || c == '?' || c == '…';
  }

  private boolean isMenuItem(int i) {
    return kind[i] == Kind.CHROME
        || (kind[i] == Kind.TEXT && line[i].words <= 3 && line[i].endsBare());
  }

  /**
   * After a headline: a blank line, header lines (byline, date, chrome), a standfirst, a lead or a
   * lone name; not a short line such as a menu item, and the next text line does not start in lower
   * case.
   */
  private boolean followedByHeaderOrLead(int i) {
    int j = page.nextNonBlank(i);
    if (j < 0) {
      return false;
    }
    int text = j;
    while (text >= 0 && kind[text] != Kind.TEXT) {
      text = page.nextNonBlank(text);
    }
    if (text >= 0 && line[text].startsLower()) {
      return false; // the first half of a sentence broken over lines
    }
    if (j > i + 1 || kind[j] != Kind.TEXT) {
      return true;
    }
    Line next = line[j];
    return next.words >= 3 || Bylines.isName(next); // a standfirst, a lead or a byline
  }

  /** Equal ignoring case and spacing, or the known title is the line plus a site suffix. */
  private static boolean sameTitle(String norm, String knownTitle) {
    String t = SPACES.matcher(knownTitle.strip()).replaceAll(" ");
    if (t.equalsIgnoreCase(norm)) {
      return true;
    }
    if (t.length() > norm.length() + 3 && t.regionMatches(true, 0, norm, 0, norm.length())) {
      String rest = t.substring(norm.length());
      return rest.startsWith(" | ")
          || rest.startsWith(" - ")
          || rest.startsWith(" – ")
          || rest.startsWith(" — ")
          || rest.startsWith(" :: ")
          || rest.startsWith(" · ");
    }
    return false;
  }
}
