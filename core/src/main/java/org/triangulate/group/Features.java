package org.triangulate.group;

import java.util.Locale;
import java.util.Set;
import org.triangulate.model.Article;

/**
 * Extracts the features that tell stories apart from an article's headline and text, without NLP:
 *
 * <ul>
 *   <li>{@link #TERM}: lower-cased words, stop words and bare numbers left out, plural "s" removed;
 *   <li>{@link #ENTITY}: capitalised phrases ("Hayat Tahrir al-Sham", "Betty Ford Center") and
 *       acronyms ("HTS"), plus the last word of each phrase of several words ("Reid" for "Tara
 *       Reid"), so a surname matches the full name;
 *   <li>{@link #PLACE}: capitalised phrases after a locative preposition ("in Hama", "near
 *       Damascus") and the dateline;
 *   <li>{@link #YEAR}: four-digit years from 1950 to 2049.
 * </ul>
 *
 * <p>A feature is a 64-bit hash of its normalised text whose two low bits hold its kind, so no
 * string is made per token. The headline counts once. A sentence-initial capitalised word is an
 * entity only if the article also capitalises it mid-sentence ("Perennial party girl Tara Reid"
 * does not make "Perennial" a name). Not thread-safe: one instance per thread.
 */
final class Features {

  static final int TERM = 0;
  static final int ENTITY = 1;
  static final int PLACE = 2;
  static final int YEAR = 3;
  static final int KINDS = 4;

  /**
   * The headline counts this many times: once, like the text. Twice cost 0.013 ARI end to end on
   * ECB+ dev, whose recovered headlines are often generic ("It's about time, right?").
   */
  static final int TITLE_WEIGHT = 1;

  /** Receives each feature occurrence with the characters it was read from. */
  interface Sink {
    void accept(long feature, CharSequence source, int begin, int end, int weight);
  }

  static int kind(long feature) {
    return (int) (feature & 3);
  }

  private static final int GAP_BREAK = 0;
  private static final int GAP_SPACE = 1;
  private static final int GAP_HYPHEN = 2;

  private static final long SEED_WORD = 0x51ed2701a3c4e5fbL;
  private static final long SEED_TERM = 0x2545f4914f6cdd1dL;
  private static final long SEED_ENTITY = 0x9e3779b97f4a7c15L;
  private static final long SEED_PLACE = 0xbf58476d1ce4e5b9L;
  private static final long SEED_YEAR = 0x94d049bb133111ebL;

  private static final LongSet STOP = LongSet.ofWords(Lexicon.STOP_WORDS);
  private static final LongSet CONNECTORS = LongSet.ofWords(Lexicon.CONNECTORS);
  private static final LongSet LOCATIVES = LongSet.ofWords(Lexicon.LOCATIVES);
  private static final LongSet CALENDAR = LongSet.ofWords(Lexicon.CALENDAR);

  // Tokens of the current source: [begin, end) after possessive stripping, the gap before each,
  // flags, and the hash of the lower-cased word.
  private int[] begin = new int[512];
  private int[] end = new int[512];
  private int[] gap = new int[512];
  private boolean[] sentenceStart = new boolean[512];
  private boolean[] capital = new boolean[512];
  private boolean[] allUpper = new boolean[512];
  private long[] word = new long[512];
  private int count;
  private final LongIntMap midCapitals = new LongIntMap(256);

  /** Calls {@code sink} for every feature of the article's headline and text. */
  void extract(Article article, Sink sink) {
    article.metadata().title().ifPresent(t -> extract(t, TITLE_WEIGHT, sink));
    article.metadata().dateline().ifPresent(d -> extractPlaces(d, sink));
    extract(article.text(), 1, sink);
  }

  private void extract(String s, int weight, Sink sink) {
    tokenize(s);
    midCapitals.clear();
    for (int t = 0; t < count; t++) {
      if (capital[t] && !sentenceStart[t]) {
        midCapitals.put(word[t], 1);
      }
    }
    for (int t = 0; t < count; t++) {
      emitTerm(s, t, weight, sink);
    }
    int t = 0;
    while (t < count) {
      if (!isNameToken(t)) {
        t++;
        continue;
      }
      int last = t;
      int u = t + 1;
      while (u < count && gap[u] != GAP_BREAK) {
        if (isNameToken(u)) {
          last = u;
          u++;
        } else if (u + 1 < count
            && CONNECTORS.contains(word[u])
            && !capital[u]
            && gap[u + 1] != GAP_BREAK
            && isNameToken(u + 1)) {
          u++;
        } else {
          break;
        }
      }
      emitPhrase(s, t, last, weight, sink);
      t = last + 1;
    }
  }

  private void extractPlaces(String s, Sink sink) {
    tokenize(s);
    for (int t = 0; t < count; t++) {
      if (capital[t] && !CALENDAR.contains(word[t])) {
        int last = t;
        while (last + 1 < count && gap[last + 1] != GAP_BREAK && capital[last + 1]) {
          last++;
        }
        sink.accept(phrase(SEED_PLACE, t, last, PLACE), s, begin[t], end[last], 1);
        t = last;
      }
    }
  }

  private boolean isNameToken(int t) {
    return capital[t] && (!STOP.contains(word[t]) || isAcronym(t));
  }

  private boolean isAcronym(int t) {
    return end[t] - begin[t] >= 2 && allUpper[t];
  }

  private void emitPhrase(String s, int first, int last, int weight, Sink sink) {
    if (first == last
        && sentenceStart[first]
        && !isAcronym(first)
        && midCapitals.get(word[first], 0) == 0) {
      return;
    }
    sink.accept(phrase(SEED_ENTITY, first, last, ENTITY), s, begin[first], end[last], weight);
    if (last > first) {
      sink.accept(phrase(SEED_ENTITY, last, last, ENTITY), s, begin[last], end[last], weight);
    }
    if (first > 0
        && gap[first] == GAP_SPACE
        && LOCATIVES.contains(word[first - 1])
        && !CALENDAR.contains(word[first])) {
      sink.accept(phrase(SEED_PLACE, first, last, PLACE), s, begin[first], end[last], weight);
    }
  }

  private long phrase(long seed, int first, int last, int kind) {
    long h = seed;
    for (int t = first; t <= last; t++) {
      if (isNameToken(t) || t == first || t == last) {
        h = mix(h * 31 + word[t]);
      }
    }
    return feature(h, kind);
  }

  private void emitTerm(String s, int t, int weight, Sink sink) {
    int b = begin[t];
    int e = end[t];
    int length = e - b;
    if (length < 2 || STOP.contains(word[t]) || CONNECTORS.contains(word[t])) {
      return;
    }
    boolean digits = true;
    for (int i = b; i < e && digits; i++) {
      digits = Character.isDigit(s.charAt(i));
    }
    if (digits) {
      if (length == 4) {
        int year = Integer.parseInt(s, b, e, 10);
        if (year >= 1950 && year <= 2049) {
          sink.accept(feature(hash(SEED_YEAR, s, b, e, (char) 0), YEAR), s, b, e, weight);
        }
      }
      return;
    }
    // Light stemming: "cities" -> "city", "rebels" -> "rebel"; not "press", "virus", "crisis".
    char extra = 0;
    int stemEnd = e;
    char z = Character.toLowerCase(s.charAt(e - 1));
    if (length > 4 && z == 's' && lower(s, e - 2) == 'e' && lower(s, e - 3) == 'i') {
      stemEnd = e - 3;
      extra = 'y';
    } else if (length > 3 && z == 's') {
      char y = lower(s, e - 2);
      if (y != 's' && y != 'u' && y != 'i') {
        stemEnd = e - 1;
      }
    }
    sink.accept(feature(hash(SEED_TERM, s, b, stemEnd, extra), TERM), s, b, e, weight);
  }

  private static char lower(String s, int i) {
    return Character.toLowerCase(s.charAt(i));
  }

  private void tokenize(String s) {
    count = 0;
    int n = s.length();
    int i = 0;
    int pendingGap = GAP_BREAK;
    boolean pendingStart = true;
    while (i < n) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int b = i;
      i++;
      while (i < n) {
        char d = s.charAt(i);
        if (Character.isLetterOrDigit(d)) {
          i++;
        } else if ((d == '\'' || d == '\u2019')
            && i + 1 < n
            && Character.isLetter(s.charAt(i + 1))) {
          i += 2;
        } else {
          break;
        }
      }
      int e = i;
      // Possessive: "Reid's" -> "Reid".
      if (e - b > 2
          && (s.charAt(e - 1) == 's' || s.charAt(e - 1) == 'S')
          && (s.charAt(e - 2) == '\'' || s.charAt(e - 2) == '\u2019')) {
        e -= 2;
      }
      add(s, b, e, pendingGap, pendingStart);
      // Classify what separates this token from the next.
      int j = i;
      while (j < n && !Character.isLetterOrDigit(s.charAt(j))) {
        j++;
      }
      int g = GAP_SPACE;
      boolean start = false;
      int from = i;
      if (e - b == 1 && Character.isUpperCase(s.charAt(b)) && from < j && s.charAt(from) == '.') {
        from++; // "W. Mark Felt", "U.S. Army": an initial's period does not end the phrase.
      }
      if (j - from == 1 && isHyphen(s.charAt(from))) {
        g = GAP_HYPHEN;
      } else {
        for (int k = from; k < j; k++) {
          char d = s.charAt(k);
          if (!isSpace(d)) {
            g = GAP_BREAK;
            if (".!?:;\n\r\"`\u201c\u2018(".indexOf(d) >= 0) {
              start = true;
            }
          }
        }
      }
      pendingGap = g;
      pendingStart = start;
      i = j;
    }
  }

  private static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00a0';
  }

  private void add(String s, int b, int e, int g, boolean start) {
    if (count == begin.length) {
      int m = count * 2;
      begin = java.util.Arrays.copyOf(begin, m);
      end = java.util.Arrays.copyOf(end, m);
      gap = java.util.Arrays.copyOf(gap, m);
      sentenceStart = java.util.Arrays.copyOf(sentenceStart, m);
      capital = java.util.Arrays.copyOf(capital, m);
      allUpper = java.util.Arrays.copyOf(allUpper, m);
      word = java.util.Arrays.copyOf(word, m);
    }
    char c = s.charAt(b);
    boolean upper = true;
    for (int i = b; i < e && upper; i++) {
      char d = s.charAt(i);
      upper = !Character.isLowerCase(d);
    }
    begin[count] = b;
    end[count] = e;
    gap[count] = g;
    sentenceStart[count] = start;
    capital[count] = Character.isUpperCase(c) || Character.isTitleCase(c);
    allUpper[count] = upper && capital[count];
    word[count] = hash(SEED_WORD, s, b, e, (char) 0);
    count++;
  }

  /** The hash of the lower-cased characters {@code [b, e)} of {@code s}, then {@code extra}. */
  static long hash(long seed, CharSequence s, int b, int e, char extra) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (int i = b; i < e; i++) {
      char c = s.charAt(i);
      if (c == '\u2019') {
        c = '\'';
      }
      h ^= Character.toLowerCase(c);
      h *= 0x100000001b3L;
    }
    if (extra != 0) {
      h ^= extra;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private static long feature(long h, int kind) {
    long f = (h & ~3L) | kind;
    return (f & ~3L) == 0 ? 4 | kind : f;
  }

  /** The hash that {@link #extract} gives a lower-case word, for lexicon look-ups. */
  static long wordHash(String w) {
    return hash(SEED_WORD, w.toLowerCase(Locale.ROOT), 0, w.length(), (char) 0);
  }

  /** A small immutable set of word hashes. */
  static final class LongSet {
    private final long[] sorted;

    private LongSet(long[] sorted) {
      this.sorted = sorted;
    }

    static LongSet ofWords(Set<String> words) {
      return new LongSet(words.stream().mapToLong(Features::wordHash).sorted().toArray());
    }

    boolean contains(long h) {
      return java.util.Arrays.binarySearch(sorted, h) >= 0;
    }
  }
}
