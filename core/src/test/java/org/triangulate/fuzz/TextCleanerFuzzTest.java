package org.triangulate.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.triangulate.ingest.SourceLine;
import org.triangulate.ingest.text.CleanedText;
import org.triangulate.ingest.text.TextCleaner;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Repair;

/**
 * Fuzzes the text cleaner alone ({@link TextCleaner#clean}) on the lines of any text (the fuzzer's
 * bytes read as UTF-8), once without metadata and once with the first line as the known title.
 *
 * <p>Invariants, from the package documentation: the accounting (each removal quotes the original
 * at its offset, no character is removed twice, every other non-space character of the original is
 * in the text once the repairs are undone), each repair's span inside the text holding its
 * replacement, each joined line's original the line break at its offset, the form
 * of the text (paragraphs separated by exactly one blank line, stripped, single spaces), removals in
 * input order, and the same result twice for the same input.
 */
class TextCleanerFuzzTest {

  private static final TextCleaner CLEANER = new TextCleaner(Fuzzing.WORDS);

  @BoundedFuzzTest
  void clean(byte[] bytes) {
    String original = new String(bytes, StandardCharsets.UTF_8);
    List<SourceLine> lines = SourceLine.split(original);
    check(original, lines, ArticleMetadata.EMPTY);
    if (!lines.isEmpty() && !lines.get(0).text().isBlank()) {
      check(original, lines, ArticleMetadata.EMPTY.orElse(title(lines.get(0).text())));
    }
  }

  private static void check(String original, List<SourceLine> lines, ArticleMetadata known) {
    CleanedText cleaned = CLEANER.clean(lines, known);
    String text = cleaned.text();
    Invariants.check(text.isEmpty() || !text.isBlank(), "the text is blank but not empty");
    Invariants.check(text.indexOf('\0') < 0, "the text holds a NUL");
    Invariants.checkFormat("cleaned", text);
    for (Repair r : cleaned.repairs()) {
      Invariants.check(r.span().end() <= text.length(), "repair %s runs past a text of length %s", r, text.length());
      if (!r.span().of(text).equals(r.replacement())) {
        Invariants.fail("repair %s: its span holds %s", r, Invariants.quote(r.span(), text));
      }
      if (r.reason().equals(Repair.Reasons.JOINED_LINE)) {
        Invariants.check(Invariants.isLineBreak(r.original()),
            "joined line %s: its original is not a line break", r);
      }
    }
    int last = -1;
    for (var r : cleaned.removed()) {
      Invariants.check(!r.text().isEmpty(), "removal %s is empty", r);
      Invariants.check(r.offset() >= last, "removal %s is out of input order", r);
      last = r.offset();
    }
    Invariants.accounting("cleaned", original, text, cleaned.removed(), cleaned.repairs());
    Invariants.check(CLEANER.clean(lines, known).equals(cleaned), "cleaning the same lines twice differs");
  }

  private static ArticleMetadata title(String t) {
    return new ArticleMetadata(
        Optional.of(t), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }
}
