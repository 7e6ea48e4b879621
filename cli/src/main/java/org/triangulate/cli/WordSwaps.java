package org.triangulate.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A crude paraphraser for benchmarks and tests: swaps common news words for synonyms ("said" →
 * "stated", "killed" → "slain") and, within a sentence, transposes neighbouring words at the given
 * rate. The meaning survives well enough for a sentence embedding; most five-word shingles do not,
 * which is what a translation or a rewrite looks like to MinHash. Seeded: the same text and seed
 * give the same paraphrase. Layout (lines, punctuation) is kept.
 */
final class WordSwaps {

  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("said", "stated"),
          Map.entry("says", "states"),
          Map.entry("told", "informed"),
          Map.entry("killed", "slain"),
          Map.entry("died", "perished"),
          Map.entry("injured", "wounded"),
          Map.entry("people", "persons"),
          Map.entry("police", "officers"),
          Map.entry("officials", "authorities"),
          Map.entry("government", "administration"),
          Map.entry("announced", "declared"),
          Map.entry("began", "started"),
          Map.entry("started", "began"),
          Map.entry("large", "big"),
          Map.entry("big", "large"),
          Map.entry("small", "little"),
          Map.entry("many", "numerous"),
          Map.entry("several", "various"),
          Map.entry("city", "town"),
          Map.entry("attack", "assault"),
          Map.entry("arrested", "detained"),
          Map.entry("found", "discovered"),
          Map.entry("help", "assist"),
          Map.entry("also", "additionally"),
          Map.entry("however", "nevertheless"),
          Map.entry("after", "following"),
          Map.entry("about", "around"),
          Map.entry("nearly", "almost"),
          Map.entry("earlier", "previously"),
          Map.entry("home", "house"),
          Map.entry("car", "vehicle"),
          Map.entry("fire", "blaze"),
          Map.entry("building", "structure"),
          Map.entry("children", "kids"),
          Map.entry("woman", "lady"),
          Map.entry("asked", "requested"),
          Map.entry("area", "region"),
          Map.entry("quickly", "rapidly"),
          Map.entry("very", "extremely"),
          Map.entry("major", "significant"),
          Map.entry("important", "crucial"),
          Map.entry("near", "close to"),
          Map.entry("called", "termed"),
          Map.entry("fighting", "combat"),
          Map.entry("forces", "troops"),
          Map.entry("control", "command"),
          Map.entry("entered", "went into"),
          Map.entry("country", "nation"),
          Map.entry("country's", "nation's"),
          Map.entry("week", "seven days"),
          Map.entry("year", "twelve months"),
          Map.entry("show", "indicate"),
          Map.entry("shows", "indicates"),
          Map.entry("reported", "stated"),
          Map.entry("statement", "declaration"),
          Map.entry("leader", "chief"),
          Map.entry("man", "individual"),
          Map.entry("old", "aged"),
          Map.entry("new", "fresh"),
          Map.entry("later", "afterwards"));

  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}']*");

  private final double swapRate;
  private final long seed;

  /** @param swapRate the chance that a word changes places with the next one in its sentence */
  WordSwaps(double swapRate, long seed) {
    if (!(swapRate >= 0 && swapRate <= 1)) {
      throw new IllegalArgumentException("swapRate must be in [0, 1]: " + swapRate);
    }
    this.swapRate = swapRate;
    this.seed = seed;
  }

  /** The paraphrase of {@code text}. */
  String paraphrase(String text) {
    Random random = new Random(seed ^ text.hashCode());
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int i = 0; i < lines.length; i++) {
      out.append(i == 0 ? "" : "\n").append(line(lines[i], random));
    }
    return out.toString();
  }

  private String line(String line, Random random) {
    // words as found, then synonyms, then transpositions of neighbours within a clause
    Matcher m = WORD.matcher(line);
    java.util.List<int[]> spans = new java.util.ArrayList<>();
    java.util.List<String> words = new java.util.ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
      words.add(synonym(m.group()));
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      String between = line.substring(spans.get(i)[1], spans.get(i + 1)[0]);
      if (between.isBlank() && random.nextDouble() < swapRate) {
        String w = words.get(i);
        words.set(i, words.get(i + 1));
        words.set(i + 1, w);
        i++;
      }
    }
    StringBuilder b = new StringBuilder(line.length() + 16);
    int at = 0;
    for (int i = 0; i < words.size(); i++) {
      b.append(line, at, spans.get(i)[0]).append(words.get(i));
      at = spans.get(i)[1];
    }
    return b.append(line.substring(at)).toString();
  }

  private static String synonym(String word) {
    String s = SYNONYMS.get(word.toLowerCase(Locale.ROOT));
    if (s == null) {
      return word;
    }
    return Character.isUpperCase(word.charAt(0))
        ? Character.toUpperCase(s.charAt(0)) + s.substring(1)
        : s;
  }
}
