package org.triangulate.nlp.annotate;

import java.util.Locale;
import java.util.Set;

/**
 * The tense of the clause a time expression belongs to, read from part-of-speech tags alone (the
 * pipeline has no parser).
 *
 * <p>The clause's tense is the first tense marker found walking left from the expression, within
 * its sentence and stopping at a clause boundary ({@code ;}, {@code :}, a complementizer "that",
 * a wh-word, or a conjunction that only subordinates: because, while, although, if...); failing that, the first marker to its right ("On
 * Friday, X will meet Y"). Markers:
 *
 * <ul>
 *   <li>future: the modals will, 'll, wo(n't), shall; a present "be" followed by "to" + verb or by
 *       set/due/scheduled/expected/slated/poised/going + "to" ("is set to", "is due to", "is to");
 *   <li>past: a past-tense verb (VBD); a present "have" followed by a past participle (present
 *       perfect: "have entered");
 *   <li>none: any other finite verb or modal (present tense, would, could, may...).
 * </ul>
 */
enum TimeTense {
  PAST,
  FUTURE,
  NONE;

  private static final Set<String> FUTURE_MODALS = Set.of("will", "'ll", "ll", "wo", "shall", "’ll");

  private static final Set<String> FUTURE_BE = Set.of(
      "set", "due", "scheduled", "expected", "slated", "poised", "going", "about");

  private static final Set<String> SUBORDINATORS = Set.of(
      "that", "because", "while", "although", "though", "if", "unless", "whereas");

  /** The tense of the clause holding tokens {@code [from, to)}. */
  static TimeTense of(Doc doc, int from, int to) {
    Sentence s = doc.sentenceOf(doc.tokens().get(from));
    for (int i = from - 1; i >= s.firstToken(); i--) {
      Tok t = doc.tokens().get(i);
      TimeTense m = marker(doc, i, s.endToken());
      if (m != null) {
        return m;
      }
      if (boundary(t)) {
        break;
      }
    }
    for (int i = to; i < s.endToken(); i++) {
      Tok t = doc.tokens().get(i);
      if (t.word().equals(";")) {
        break;
      }
      TimeTense m = marker(doc, i, s.endToken());
      if (m != null) {
        return m;
      }
    }
    return NONE;
  }

  /** The tense token {@code i} marks, or null when it marks none. */
  private static TimeTense marker(Doc doc, int i, int sentenceEnd) {
    Tok t = doc.tokens().get(i);
    String w = t.word().toLowerCase(Locale.ROOT);
    String pos = t.pos();
    if (pos.equals("MD")) {
      return FUTURE_MODALS.contains(w) ? FUTURE : NONE;
    }
    if (pos.equals("VBD")) {
      return PAST;
    }
    if (pos.equals("VBZ") || pos.equals("VBP")) {
      String lemma = t.lemma().toLowerCase(Locale.ROOT);
      int j = skipAdverbs(doc, i + 1, sentenceEnd);
      if (lemma.equals("have") && j < sentenceEnd && doc.tokens().get(j).pos().equals("VBN")) {
        return PAST;
      }
      if (lemma.equals("be") && j < sentenceEnd) {
        Tok n = doc.tokens().get(j);
        String nw = n.word().toLowerCase(Locale.ROOT);
        if (nw.equals("to") && verbAt(doc, j + 1, sentenceEnd)) {
          return FUTURE;
        }
        if (FUTURE_BE.contains(nw) && j + 1 < sentenceEnd
            && doc.tokens().get(j + 1).word().equalsIgnoreCase("to")
            && verbAt(doc, j + 2, sentenceEnd)) {
          return FUTURE;
        }
      }
      return NONE;
    }
    return null;
  }

  private static boolean verbAt(Doc doc, int i, int end) {
    return i < end && doc.tokens().get(i).pos().equals("VB");
  }

  private static int skipAdverbs(Doc doc, int i, int end) {
    while (i < end && doc.tokens().get(i).pos().startsWith("RB")) {
      i++;
    }
    return i;
  }

  private static boolean boundary(Tok t) {
    String w = t.word().toLowerCase(Locale.ROOT);
    if (w.equals(";") || w.equals(":") || w.equals("--") || w.equals("—")) {
      return true;
    }
    String pos = t.pos();
    if (pos.equals("WDT") || pos.equals("WP") || pos.equals("WP$") || pos.equals("WRB")) {
      return true;
    }
    return pos.equals("IN") && SUBORDINATORS.contains(w);
  }
}
