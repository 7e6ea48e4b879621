package org.triangulate.ingest.text;

import java.util.List;
import java.util.Objects;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;

/**
 * What {@link TextCleaner} makes of the lines of one input.
 *
 * @param text the article text: paragraphs separated by exactly {@code "\n\n"}, each on one line,
 *     stripped, single spaces inside; empty when nothing of the input is article text
 * @param removed everything cleaning took out, in the order of the input, each with its reason
 * @param repairs every place where cleaning changed characters (lines joined, glued words split),
 *     with offsets into the original input and spans into {@code text}
 * @param found the metadata read from the text itself: title, byline, outlet, published, modified,
 *     dateline
 */
public record CleanedText(
    String text, List<Removal> removed, List<Repair> repairs, ArticleMetadata found) {

  public CleanedText {
    Objects.requireNonNull(text, "text");
    removed = List.copyOf(removed);
    repairs = List.copyOf(repairs);
    Objects.requireNonNull(found, "found");
  }
}
