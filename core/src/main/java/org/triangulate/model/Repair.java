package org.triangulate.model;

import java.util.Objects;

/**
 * A place where cleaning changed characters rather than removing them: a sentence split across two
 * lines joined again, two glued words split apart. Together with {@link Removal}s this accounts for
 * every difference between the original input and the cleaned text, except whitespace.
 *
 * @param reason why, one of {@link Reasons}
 * @param original the characters of the original input that were replaced
 * @param replacement what stands for them in the cleaned text
 * @param offset index of {@code original} in the original input
 * @param span where {@code replacement} stands in the cleaned text
 */
public record Repair(String reason, String original, String replacement, int offset, Span span) {

  public Repair {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(span, "span");
    if (offset < 0) {
      throw new IllegalArgumentException("repair offset must be >= 0: " + offset);
    }
  }

  /** The reasons cleaning gives. Documented in docs/report.md. */
  public static final class Reasons {
    /** A sentence broken over two lines, joined with a space. */
    public static final String JOINED_LINE = "joined-line";
    /** Two words glued together by copy-paste, split where the word list knows both halves. */
    public static final String SPLIT_WORDS = "split-words";

    private Reasons() {}
  }
}
