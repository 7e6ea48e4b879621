package org.triangulate.ingest.text;

import java.util.ArrayList;
import java.util.List;
import org.triangulate.model.Removal;

/**
 * Decides the body of a page, from the lead on: chrome, captions and labelled dates go; the
 * trailing comment block; lone numbers next to chrome; related links between paragraphs; menus and
 * topic lists after the last paragraph.
 */
final class Body {

  private static final int MAX_RELATED_RUN = 3;

  /** The credits that end wire copy: article text, though they look like chrome. */
  private static final Prefixes CREDITS =
      new Prefixes(
          "reporting by",
          "additional reporting",
          "writing by",
          "editing by",
          "compiled by",
          "(reporting by",
          "(additional reporting",
          "(writing by",
          "(editing by",
          "contributing:");

  private final Page page;
  private final int n;
  private final Line[] line;
  private final Kind[] kind;
  private final String[] ownReason;
  private final DateLines.Found[] date;
  private final String[] reason;

  Body(Page page) {
    this.page = page;
    this.n = page.n;
    this.line = page.line;
    this.kind = page.kind;
    this.ownReason = page.ownReason;
    this.date = page.date;
    this.reason = page.reason;
  }

  /** Decides every line from {@code lead} on (lone numbers anywhere). */
  void decide(int lead) {
    lines(lead);
    numbers();
    relatedLinks(lead);
    trailingChrome(lead);
  }

  /**
   * Decides the lines of the body: chrome, captions and labelled dates go; a strong comment widget
   * after some body text opens the comment block (see {@link #inCommentBlock}).
   */
  private void lines(int body) {
    if (body < n) {
      page.dateline = DateLines.dateline(line[body].norm);
      page.datelineDate = DateLines.datelineDate(line[body].norm);
    }
    boolean block = false;
    boolean seenText = false;
    for (int i = body; i < n; i++) {
      if (kind[i] == Kind.BLANK) {
        continue;
      }
      if (block) {
        String r = inCommentBlock(i);
        if (r != null) {
          reason[i] = r;
          continue;
        }
        block = false;
      }
      switch (kind[i]) {
        case CHROME:
          reason[i] = ownReason[i];
          block = page.strong[i] && seenText;
          break;
        case CAPTION:
          reason[i] = ownReason[i];
          break;
        case DATE:
          if (date[i].labelled()) {
            reason[i] = Removal.Reasons.METADATA;
            page.dates.add(date[i]);
          } else {
            kind[i] = Kind.TEXT; // a bare date in the body is text
            seenText = true;
          }
          break;
        case BYLINE:
          if (page.byline[i].prefixed()) { // "By Jane Doe" at the end, as AP pages have it
            reason[i] = Removal.Reasons.BYLINE;
            page.setAuthor(page.byline[i].name(), page.byline[i].outlet());
            page.byline[i].date().ifPresent(page.dates::add);
          } else {
            kind[i] = Kind.TEXT;
            seenText = true;
          }
          break;
        case TEXT:
          seenText = true;
          break;
        default:
          break; // NUMBER: decided by numbers()
      }
    }
  }

  /**
   * The reason a line of the trailing comment block goes, or null when it is article text that ends
   * the block: a full paragraph not followed by a comment widget. In the block, headline-shaped
   * lines are related links and everything else is comment widget.
   */
  private String inCommentBlock(int i) {
    switch (kind[i]) {
      case CHROME:
      case CAPTION:
        return ownReason[i];
      case NUMBER:
        return Removal.Reasons.COMMENT_WIDGET;
      case DATE:
        if (date[i].labelled()) {
          page.dates.add(date[i]);
          return Removal.Reasons.METADATA;
        }
        return Removal.Reasons.COMMENT_WIDGET;
      default:
        Line l = line[i];
        if (l.isParagraph() && !nextIsCommentWidget(i)) {
          return null;
        }
        return l.relatedLinkShaped()
            ? Removal.Reasons.RELATED_LINK
            : Removal.Reasons.COMMENT_WIDGET;
    }
  }

  private boolean nextIsCommentWidget(int i) {
    int j = page.nextNonBlank(i);
    return j >= 0
        && (kind[j] == Kind.NUMBER
            || (kind[j] == Kind.CHROME && Removal.Reasons.COMMENT_WIDGET.equals(ownReason[j])));
  }

  /** Lone numbers go when they stand next to chrome (counters); elsewhere they are text. */
  private void numbers() {
    for (int i = 0; i < n; i++) {
      if (kind[i] == Kind.NUMBER && reason[i] == null) {
        int p = page.previousNonBlank(i);
        int q = page.nextNonBlank(i);
        if ((p >= 0 && kind[p] == Kind.CHROME) || (q >= 0 && kind[q] == Kind.CHROME)) {
          reason[i] = Removal.Reasons.COMMENT_WIDGET;
        }
      }
    }
  }

  /**
   * Removes runs of at most three headline-shaped lines that stand between two full paragraphs of
   * the body, the next of which does not continue a sentence: links to other articles.
   */
  private void relatedLinks(int body) {
    List<Integer> kept = new ArrayList<>();
    for (int i = body; i < n; i++) {
      if (reason[i] == null && kind[i] != Kind.BLANK) {
        kept.add(i);
      }
    }
    int a = 1;
    while (a < kept.size() - 1) {
      if (date[kept.get(a)] != null || !line[kept.get(a)].relatedLinkShaped()) {
        a++;
        continue;
      }
      int b = a;
      while (b + 1 < kept.size()
          && date[kept.get(b + 1)] == null
          && line[kept.get(b + 1)].relatedLinkShaped()) {
        b++;
      }
      if (b + 1 < kept.size() && b - a < MAX_RELATED_RUN) {
        Line before = line[kept.get(a - 1)];
        Line after = line[kept.get(b + 1)];
        if (before.isParagraph() && after.isParagraph() && !after.startsLower()) {
          for (int k = a; k <= b; k++) {
            reason[kept.get(k)] = Removal.Reasons.RELATED_LINK;
          }
        }
      }
      a = b + 1;
    }
  }

  /**
   * After the last full paragraph, when chrome stands there too: short lines without final
   * punctuation are menus and topic lists (site chrome), or links to other articles when
   * headline-shaped. Credits of the reporting ("Reporting by ...; Editing by ...") stay.
   */
  private void trailingChrome(int body) {
    int last = -1;
    for (int i = n - 1; i >= body && last < 0; i--) {
      if (reason[i] == null && kind[i] == Kind.TEXT && line[i].isParagraph()) {
        last = i;
      }
    }
    if (last < 0) {
      return;
    }
    boolean chrome = false;
    for (int i = last + 1; i < n && !chrome; i++) {
      chrome = kind[i] == Kind.CHROME;
    }
    if (!chrome) {
      return;
    }
    for (int i = last + 1; i < n; i++) {
      Line l = line[i];
      if (reason[i] == null
          && kind[i] == Kind.TEXT
          && date[i] == null
          && l.words <= 15
          && l.endsBare()
          && !CREDITS.matches(l.norm)) {
        reason[i] =
            l.relatedLinkShaped() ? Removal.Reasons.RELATED_LINK : Removal.Reasons.SITE_CHROME;
      }
    }
  }
}
