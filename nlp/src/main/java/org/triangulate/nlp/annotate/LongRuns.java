package org.triangulate.nlp.annotate;

/**
 * Breaks runs of text that no sentence end interrupts before the NLP models see them. A pasted
 * table or list of figures ("line 12 ok" three thousand times, joined by the cleaner into one
 * paragraph) would otherwise be one "sentence" of tens of thousands of characters, and the time
 * tagger slows down steeply with sentence length (minutes for a few dozen kilobytes). A space
 * after {@link #MAX_RUN} characters without a sentence end becomes a newline, which always ends a
 * sentence for the models. The text keeps its length, so every span still indexes the article's
 * own text; real sentences, far shorter, are not touched.
 */
final class LongRuns {

  /** The longest run of characters without a sentence end that the models see. */
  static final int MAX_RUN = 1_000;

  private LongRuns() {}

  /** {@code text} with a newline for a space wherever a run grows past {@code max} characters. */
  static String breakRuns(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1: " + max);
    }
    char[] out = null;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '.' || c == '!' || c == '?') {
        run = 0;
        continue;
      }
      run++;
      if (run > max && (c == ' ' || c == '\t' || c == '\u00a0')) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = '\n';
        run = 0;
      }
    }
    return out == null ? text : new String(out);
  }
}
