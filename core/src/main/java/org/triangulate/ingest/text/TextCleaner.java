package org.triangulate.ingest.text;

import java.util.List;
import java.util.Objects;
import org.triangulate.ingest.SourceLine;
import org.triangulate.ingest.WordList;
import org.triangulate.model.ArticleMetadata;

/**
 * Turns the lines of a copy-pasted web page into clean article text and the metadata the text
 * itself carries, recording every removal and repair. See the package documentation for the rules
 * and their limits.
 *
 * <p>Thread-safe and stateless between calls: one instance serves all threads.
 */
public final class TextCleaner {

  private final GlueSplitter glue;

  /** {@code words} decides which glued words are split; {@link WordList#empty()} splits none. */
  public TextCleaner(WordList words) {
    this.glue = new GlueSplitter(Objects.requireNonNull(words, "words"));
  }

  /**
   * Cleans one input.
   *
   * @param lines the input's lines in order
   * @param known metadata the container already gives (JSONL fields, HTML meta); when {@code
   *     known.title()} is present the cleaner does not look for a headline, but still removes a
   *     first line equal to it (reason {@code title})
   */
  public CleanedText clean(List<SourceLine> lines, ArticleMetadata known) {
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(known, "known");
    Page page = new Page(lines);
    int lead = new Header(page, known).decide();
    new Body(page).decide(lead);
    return new Assembly(page, glue).result();
  }

  /**
   * Whitespace as the cleaner counts it: Java white space, NEL and the Unicode space separators
   * (for checks of what cleaning kept, such as the fuzz tests' accounting of every character).
   */
  public static boolean isSpace(char c) {
    return Line.isSpace(c);
  }
}
