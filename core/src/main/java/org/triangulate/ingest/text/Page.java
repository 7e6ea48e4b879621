package org.triangulate.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.triangulate.ingest.SourceLine;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Removal;

/**
 * The lines of one input while they are being cleaned: what each line is by itself ({@link Kind},
 * with the reason, date or byline that goes with it), what has been decided about it ({@link
 * #reason}, {@link #marker}), and the metadata found so far. One per call; never shared.
 */
final class Page {

  final int n;
  final Line[] line;
  final Kind[] kind;

  /** The removal reason a CHROME or CAPTION line carries by itself. */
  final String[] ownReason;

  /** Whether a CHROME line opens the comment block. */
  final boolean[] strong;

  final DateLines.Found[] date;
  final Bylines.Byline[] byline;

  /** The decided removal reason of each line; null keeps it. */
  final String[] reason;

  /** The glued date marker removed from the start of a line, as [begin, end) of its text. */
  final int[][] marker;

  Optional<String> title = Optional.empty();
  Optional<String> dateline = Optional.empty();
  /** The date printed in the dateline, with its year. */
  Optional<String> datelineDate = Optional.empty();
  private Optional<String> author = Optional.empty();
  private Optional<String> outlet = Optional.empty();
  final List<DateLines.Found> dates = new ArrayList<>(2);

  Page(List<SourceLine> lines) {
    this.n = lines.size();
    this.line = new Line[n];
    this.kind = new Kind[n];
    this.ownReason = new String[n];
    this.strong = new boolean[n];
    this.date = new DateLines.Found[n];
    this.byline = new Bylines.Byline[n];
    this.reason = new String[n];
    this.marker = new int[n][];
    for (int i = 0; i < n; i++) {
      line[i] = new Line(Objects.requireNonNull(lines.get(i), "line"));
      kind[i] = classify(i);
    }
  }

  /** What a line is by itself. */
  private Kind classify(int i) {
    Line l = line[i];
    if (l.blank()) {
      return Kind.BLANK;
    }
    ChromeLexicon.Verdict v = ChromeLexicon.match(l);
    if (v == ChromeLexicon.NUMBER) {
      return Kind.NUMBER;
    }
    if (v != null) {
      ownReason[i] = v.reason();
      strong[i] = v.strong();
      return Kind.CHROME;
    }
    String caption = Captions.classify(l);
    if (caption != null) {
      ownReason[i] = caption;
      return Kind.CAPTION;
    }
    Optional<DateLines.Found> d = DateLines.wholeLine(l);
    if (d.isPresent()) {
      date[i] = d.get();
      return Kind.DATE;
    }
    Optional<Bylines.Byline> b = Bylines.byPrefix(l).or(() -> Bylines.piped(l));
    if (b.isPresent()) {
      if (b.get().cmsAccount() && b.get().date().isPresent()) {
        date[i] = b.get().date().get(); // "Posted by admin on December 5, 2024"
        return Kind.DATE;
      }
      if (b.get().cmsAccount()) {
        ownReason[i] = Removal.Reasons.COMMENT_WIDGET;
        return Kind.CHROME;
      }
      byline[i] = b.get();
      return Kind.BYLINE;
    }
    return Kind.TEXT;
  }

  /** Removes a glued date marker ("date 2024-12-05 ...") from the start of a text line. */
  void stripMarker(int i) {
    if (marker[i] != null) {
      return;
    }
    Optional<DateLines.Found> d = DateLines.gluedMarker(line[i]);
    if (d.isPresent()) {
      Line l = line[i];
      int end = d.get().end();
      marker[i] = new int[] {l.textIndex(0), l.textEnd(end)};
      dates.add(d.get());
      line[i] = l.tail(end + 1);
    }
  }

  /** The first byline wins. */
  void setAuthor(String name, Optional<String> from) {
    if (author.isEmpty()) {
      author = Optional.of(name);
      outlet = from;
    }
  }

  /**
   * The metadata found: the earliest publication date (else the dateline's date), the latest
   * update.
   */
  ArticleMetadata found() {
    Optional<String> published = Optional.empty();
    Optional<String> modified = Optional.empty();
    for (DateLines.Found d : dates) {
      String iso = d.iso().orElse(null);
      if (iso != null
          && !d.updated()
          && (published.isEmpty() || iso.compareTo(published.get()) < 0)) {
        published = Optional.of(iso);
      }
      if (iso != null && d.updated() && (modified.isEmpty() || iso.compareTo(modified.get()) > 0)) {
        modified = Optional.of(iso);
      }
    }
    if (published.isEmpty()) {
      published = datelineDate;
    }
    if (published.isEmpty()) {
      published = modified; // only an update date is printed: the best there is
    }
    return new ArticleMetadata(
        title, author, outlet, published, modified, Optional.empty(), Optional.empty(), dateline);
  }

  int nextText(int i) {
    for (int j = i + 1; j < n; j++) {
      if (kind[j] == Kind.TEXT) {
        return j;
      }
    }
    return -1;
  }

  int nextNonBlank(int i) {
    for (int j = i + 1; j < n; j++) {
      if (kind[j] != Kind.BLANK) {
        return j;
      }
    }
    return -1;
  }

  int previousNonBlank(int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (kind[j] != Kind.BLANK) {
        return j;
      }
    }
    return -1;
  }
}
