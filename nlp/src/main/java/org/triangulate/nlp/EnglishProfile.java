package org.triangulate.nlp;

import java.util.Set;

/**
 * A fast first look for English, the language of most of the news Triangulate reads: a text is
 * clearly English when at least a quarter of its first words are English function words ("the",
 * "of", "and", "said", ...) and its letters are Latin. In English news that share is 35 to 50%; in
 * other languages written in Latin script it stays under 10%, since these words are English only.
 *
 * <p>It answers only "clearly English" or "cannot say"; the statistical model decides the rest. It
 * exists for speed: the model costs about 400 µs an article, this about 5 µs.
 */
final class EnglishProfile {

  static final int SAMPLE = 1_500;
  static final int MIN_WORDS = 30;
  static final double MIN_SHARE = 0.25;

  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "as", "at",
          "by", "from", "he", "she", "it", "its", "his", "her", "they", "their", "them", "we",
          "our", "you", "this", "these", "those", "which", "who", "whom", "whose", "what", "when",
          "where", "would", "will", "could", "should", "have", "has", "had", "been", "were", "are",
          "be", "being", "said", "says", "not", "but", "or", "an", "there", "than", "into", "after",
          "before", "over", "about", "also", "more", "most", "other", "some", "such", "only",
          "out", "up", "if", "so", "no", "can", "did", "do", "does", "while", "because", "between",
          "during", "against", "under", "through", "last", "told", "according", "since");

  private EnglishProfile() {}

  /** Whether {@code text} is clearly English. */
  static boolean isClearlyEnglish(String text) {
    int n = Math.min(text.length(), SAMPLE);
    int words = 0;
    int function = 0;
    int latin = 0;
    int otherLetters = 0;
    char[] word = new char[16];
    int len = 0;
    boolean overlong = false;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (c < 128 && Character.isLetter(c)) {
        latin++;
        if (len < word.length) {
          word[len++] = Character.toLowerCase(c);
        } else {
          overlong = true;
        }
      } else if (c == '\'' || c == '\u2019') {
        // within a word ("it's"): keep the word open but do not add to it
        if (len > 0 && len < word.length) {
          overlong = true;
        }
      } else {
        if (Character.isLetter(c)) {
          otherLetters++;
        }
        if (len > 0) {
          words++;
          if (!overlong && FUNCTION_WORDS.contains(new String(word, 0, len))) {
            function++;
          }
        }
        len = 0;
        overlong = false;
      }
    }
    return words >= MIN_WORDS
        && otherLetters * 20 < latin
        && function >= MIN_SHARE * words;
  }
}
