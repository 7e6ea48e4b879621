package org.triangulate.ingest.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.triangulate.ingest.SourceLine;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;
import org.triangulate.model.Span;

/**
 * Makes the result of a decided page: the text of the kept lines (joined where a sentence runs on,
 * glued words split) with its repairs, and the removals, each quoting the original characters.
 */
final class Assembly {

  private final Page page;
  private final GlueSplitter glue;
  private final int n;
  private final Line[] line;
  private final Kind[] kind;
  private final String[] reason;
  private final int[][] marker;

  Assembly(Page page, GlueSplitter glue) {
    this.page = page;
    this.glue = glue;
    this.n = page.n;
    this.line = page.line;
    this.kind = page.kind;
    this.reason = page.reason;
    this.marker = page.marker;
  }

  CleanedText result() {
    List<Repair> repairs = new ArrayList<>();
    String text = emit(repairs);
    return new CleanedText(text, removals(), repairs, page.found());
  }

  /** Builds the text: kept lines, one paragraph each unless a sentence runs on to the next. */
  private String emit(List<Repair> repairs) {
    StringBuilder out = new StringBuilder(64 + n * 80);
    int previous = -1;
    for (int i = 0; i < n; i++) {
      if (reason[i] != null || kind[i] == Kind.BLANK) {
        continue;
      }
      Line l = line[i];
      if (previous >= 0) {
        Line p = line[previous];
        if (!p.endsSentence() && l.startsLower()) {
          out.append(' ');
          repairs.add(joined(previous, out.length() - 1));
        } else {
          out.append("\n\n");
        }
      }
      emitLine(l, out, repairs);
      previous = i;
    }
    return out.toString();
  }

  private Repair joined(int previous, int at) {
    SourceLine p = line[previous].source;
    String lineBreak = p.end().isEmpty() ? "\n" : p.end();
    int offset = p.exact() ? p.offset() + p.text().length() : p.offset();
    return new Repair(Repair.Reasons.JOINED_LINE, lineBreak, " ", offset, new Span(at, at + 1));
  }

  /** Appends a line's normalised text, splitting glued words. */
  private void emitLine(Line l, StringBuilder out, List<Repair> repairs) {
    String s = l.norm;
    int len = s.length();
    int done = 0; // s[0, done) is in out
    int i = 0;
    while (i < len) {
      int j = s.indexOf(' ', i);
      if (j < 0) {
        j = len;
      }
      if (j - i >= GlueSplitter.MIN_LENGTH) {
        int a = i;
        while (a < j && !Character.isLetter(s.charAt(a))) {
          a++;
        }
        int b = j;
        while (b > a && !Character.isLetter(s.charAt(b - 1))) {
          b--;
        }
        int cut = b - a >= GlueSplitter.MIN_LENGTH ? glue.split(s, a, b) : -1;
        if (cut > 0 && l.contiguous(a, b)) {
          out.append(s, done, a);
          int at = out.length();
          out.append(s, a, a + cut).append(' ').append(s, a + cut, b);
          repairs.add(
              new Repair(
                  Repair.Reasons.SPLIT_WORDS,
                  s.substring(a, b),
                  out.substring(at),
                  l.offset(a),
                  new Span(at, out.length())));
          done = b;
        }
      }
      i = j + 1;
    }
    if (done == 0) {
      out.append(s);
    } else {
      out.append(s, done, len);
    }
  }

  /** Every removal, in the order of the input. */
  private List<Removal> removals() {
    List<Removal> removed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Line l = line[i];
      if (l.blank() && !l.hasStripped) {
        continue;
      }
      String text = l.source.text();
      int[] lineRange = null;
      if (marker[i] != null) {
        removed.add(removal(Removal.Reasons.METADATA, l.source, marker[i][0], marker[i][1]));
      }
      if (reason[i] != null) {
        lineRange = new int[] {l.textIndex(0), l.textEnd(l.norm.length())};
        removed.add(removal(reason[i], l.source, lineRange[0], lineRange[1]));
      }
      if (l.hasStripped) {
        int k = 0;
        while (k < text.length()) {
          if (!Line.isStripped(text.charAt(k)) || within(k, marker[i]) || within(k, lineRange)) {
            k++;
            continue;
          }
          int e = k + 1;
          while (e < text.length()
              && Line.isStripped(text.charAt(e))
              && !within(e, marker[i])
              && !within(e, lineRange)) {
            e++;
          }
          removed.add(removal(Removal.Reasons.CONTROL, l.source, k, e));
          k = e;
        }
      }
    }
    removed.sort(Comparator.comparingInt(Removal::offset));
    return removed;
  }

  private static boolean within(int k, int[] range) {
    return range != null && k >= range[0] && k < range[1];
  }

  private static Removal removal(String why, SourceLine source, int begin, int end) {
    int offset = source.exact() ? source.offset() + begin : source.offset();
    return new Removal(why, source.text().substring(begin, end), offset);
  }
}
