package org.triangulate.ingest.text;

import java.util.Set;
import org.triangulate.ingest.WordList;

/**
 * Finds words that copy-paste glued together ("massacrewhen") and where to split them.
 *
 * <p>A token is split only when all of these hold: it is letters only, all lower case (names and
 * words with digits are never split), 7 to 40 characters long, and unknown to the word list; and it
 * splits into two words the word list knows, each at least 2 characters, a 2-letter half being a
 * function word ("of", "to", ...). Of several such splits the one with the longest first half wins.
 * Splits that would cut off a prefix ("counter" + "offensive") or a suffix ("vengeance" + "less")
 * are not made: an unknown derived word is likelier than a glue there. With {@link
 * WordList#empty()} nothing is ever split.
 */
final class GlueSplitter {

  static final int MIN_LENGTH = 7;

  /** Longer tokens are never split: no two words make them, and trying would cost O(n²). */
  static final int MAX_LENGTH = 40;

  /** The two-letter words that may stand as a half: "massacreof" -> "massacre of". */
  private static final Set<String> SHORT_WORDS =
      Set.of(
          "of", "to", "in", "on", "at", "is", "it", "as", "by", "he", "we", "an", "or", "be", "do",
          "no", "so", "up", "us", "if", "my", "me");

  /** First halves that are prefixes rather than words glued on: "over", "counter", "non", ... */
  private static final Set<String> PREFIXES =
      Set.of(
          "in", "un", "re", "co", "de", "dis", "mis", "non", "pre", "pro", "anti", "over", "under",
          "out", "up", "down", "back", "counter", "cross", "self", "post", "semi", "multi", "mid",
          "inter", "super", "sub", "trans", "ultra", "extra", "micro", "macro", "mega", "neo",
          "pan", "fore", "after", "with", "some", "every", "any", "where", "there", "here", "what",
          "how");

  /** Second halves that are suffixes rather than words glued on: "less", "ness", "ship", ... */
  private static final Set<String> SUFFIXES =
      Set.of(
          "less", "ness", "ship", "ships", "hood", "like", "wise", "ward", "wards", "able", "ably",
          "ible", "ment", "ments", "ful", "fold", "some", "ling", "lings", "let", "lets", "ism",
          "isms", "ist", "ists", "ize", "ized", "ise", "ised", "ity", "ities", "ion", "ions", "ing",
          "ings", "ers", "est", "ally", "man", "men", "woman", "women", "land", "lands", "side",
          "sides", "time", "times", "way", "ways", "work", "works", "line", "lines", "where",
          "ever", "self", "selves", "one", "body", "thing", "out", "over", "off", "down", "up",
          "age", "ages", "dom", "doms", "ous");

  private final WordList words;

  GlueSplitter(WordList words) {
    this.words = words;
  }

  /**
   * Where to split {@code token}: the length of the first half, or -1 when it is not a glued pair.
   */
  int split(String token) {
    return split(token, 0, token.length());
  }

  /** Where to split {@code s[begin, end)}, counted from {@code begin}; -1 when not a glued pair. */
  int split(String s, int begin, int end) {
    int n = end - begin;
    if (n < MIN_LENGTH || n > MAX_LENGTH || !lowerLetters(s, begin, end)) {
      return -1;
    }
    String token = s.substring(begin, end);
    if (words.contains(token)) {
      return -1;
    }
    for (int i = n - 2; i >= 2; i--) {
      String left = token.substring(0, i);
      if (PREFIXES.contains(left)
          || (i == 2 && !SHORT_WORDS.contains(left))
          || !words.contains(left)) {
        continue;
      }
      String right = token.substring(i);
      if (!SUFFIXES.contains(right)
          && (n - i > 2 || SHORT_WORDS.contains(right))
          && words.contains(right)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code s[begin, end)} is letters only, all lower case. */
  static boolean lowerLetters(String s, int begin, int end) {
    for (int i = begin; i < end; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        continue;
      }
      if (c < 128 || !Character.isLetter(c) || !Character.isLowerCase(c)) {
        return false;
      }
    }
    return true;
  }
}
