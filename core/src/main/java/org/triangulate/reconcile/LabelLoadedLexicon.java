package org.triangulate.reconcile;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shipped lexicon of loaded terms ({@code loaded-terms.tsv} next to this class): labels that
 * carry a judgement beyond describing an actor, each with its category, the reason and the public
 * guidance it rests on.
 *
 * <p>A label is loaded when it contains an entry as whole words, case-insensitive, a word also
 * matching its plural ("criminal regime" contains "regime"; "war monitor run by MI6" contains "run
 * by MI6"). When several entries are contained, the longest decides.
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelLoadedLexicon {

  /** The categories an entry may have. */
  static final Set<String> CATEGORIES =
      Set.of("pejorative", "glorifying", "delegitimising", "euphemism");

  /**
   * One loaded term.
   *
   * @param term lower case and singular, acronyms in capitals ("mercenary", "run by MI6")
   * @param category {@code pejorative}, {@code glorifying}, {@code delegitimising} or {@code
   *     euphemism}
   * @param reason why the term is loaded, in one line
   * @param source the public guidance it rests on, by name and section; {@code -} when none names
   *     the term
   */
  public record Entry(String term, String category, String reason, String source) {
    public Entry {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(source, "source");
      if (!CATEGORIES.contains(category)) {
        throw new IllegalArgumentException("unknown loaded-term category: " + category);
      }
    }
  }

  static final String RESOURCE = "loaded-terms.tsv";

  private final List<Entry> entries;

  private LabelLoadedLexicon(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The lexicon shipped with the project, read once per JVM. */
  public static LabelLoadedLexicon shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final LabelLoadedLexicon INSTANCE = load();
  }

  private static LabelLoadedLexicon load() {
    return LabelTsv.load(LabelLoadedLexicon.class, RESOURCE, LabelLoadedLexicon::parse);
  }

  /** Reads the lexicon's TSV form: term, category, reason, source. */
  static LabelLoadedLexicon parse(BufferedReader in) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (LabelTsv.Row row : LabelTsv.rows(in)) {
      int n = row.number();
      String line = row.line();
      String[] f = row.fields();
      if (f.length != 4 || f[0].isBlank() || f[2].isBlank() || f[3].isBlank()) {
        throw new IllegalArgumentException(
            "a loaded term needs term, category, reason and source (line "
                + n
                + " of "
                + RESOURCE
                + "): "
                + line);
      }
      String term = f[0].strip().replaceAll("\\s+", " ");
      if (!seen.add(term.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "loaded term listed twice (line " + n + " of " + RESOURCE + "): " + term);
      }
      entries.add(new Entry(term, f[1].strip(), f[2].strip(), f[3].strip()));
    }
    return new LabelLoadedLexicon(entries);
  }

  /** Every entry, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The longest entry {@code label} contains as whole words; empty when the label is not loaded. */
  public Optional<Entry> find(String label) {
    List<String> words = LabelText.words(label);
    Entry best = null;
    for (Entry e : entries) {
      if (LabelText.containsWords(words, LabelText.words(e.term()))
          && (best == null || e.term().length() > best.term().length())) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }
}
