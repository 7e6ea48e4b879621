package org.triangulate.reconcile;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.model.Span;

/**
 * The shipped lexicon of actor labels ({@code actor-labels.tsv} next to this class): the common
 * nouns news uses for the sides of a conflict ("rebel", "insurgent", "regime", "war monitor") and
 * the side each names.
 *
 * <p><b>Matching.</b> Case-insensitive, whole words: a term is not matched inside a longer word nor
 * after or before a hyphen ("anti-government forces" is not "government forces"; the lexicon lists
 * it on its own). The last word of a term is also matched in the plural ("gunmen", "militias",
 * "mercenaries"), the others with an optional "s" ("rebels groups"). Where terms overlap the longest
 * wins ("opposition gunmen" over "gunmen").
 *
 * <p>Immutable and thread-safe.
 */
final class LabelLexicon {

  /** What a term labels. */
  enum Side {
    /** An armed group fighting a government. */
    ARMED_OPPOSITION("armed-opposition"),
    /** A government, its forces and loyalists. */
    GOVERNMENT("government"),
    /** A group that monitors and reports on a conflict. */
    MONITOR("monitor"),
    /** No side: counted only when the text ties the use to a named entity. */
    ANY("any"),
    /** Labels nothing without its owner's name ("Assad's forces"), which stays in the term. */
    NAMED("named");

    final String key;

    Side(String key) {
      this.key = key;
    }

    static Side of(String key) {
      for (Side s : values()) {
        if (s.key.equals(key)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown side: " + key);
    }

    /** Whether a use of this side's terms goes to the side's actor when nothing names one. */
    boolean hasActor() {
      return this == ARMED_OPPOSITION || this == GOVERNMENT || this == MONITOR;
    }
  }

  /**
   * One term.
   *
   * @param term lower case and singular ("opposition gunman")
   * @param side what it labels
   */
  record Entry(String term, Side side) {}

  /**
   * One match in a text.
   *
   * @param span the matched words
   * @param entry the term they are a form of
   */
  record Hit(Span span, Entry entry) {}

  static final String RESOURCE = "actor-labels.tsv";

  private final Map<String, Entry> byForm;
  private final Pattern pattern;

  private LabelLexicon(List<Entry> entries) {
    Map<String, Entry> forms = new TreeMap<>();
    for (Entry e : entries) {
      for (String f : forms(e.term())) {
        Entry old = forms.putIfAbsent(f, e);
        if (old != null && !old.equals(e)) {
          throw new IllegalArgumentException(
              "two terms share the form \"" + f + "\": " + old.term() + ", " + e.term());
        }
      }
    }
    this.byForm = Map.copyOf(forms);
    List<String> alternatives = new ArrayList<>(forms.keySet());
    alternatives.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}-])(?:");
    for (int i = 0; i < alternatives.size(); i++) {
      if (i > 0) {
        re.append('|');
      }
      String[] words = alternatives.get(i).split(" ");
      for (int w = 0; w < words.length; w++) {
        if (w > 0) {
          re.append("\\s+");
        }
        re.append(Pattern.quote(words[w]));
      }
    }
    re.append(")(?![\\p{L}\\p{N}]|-\\p{L})");
    this.pattern =
        Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The lexicon shipped with the project, read once per JVM. */
  static LabelLexicon shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final LabelLexicon INSTANCE = load();
  }

  private static LabelLexicon load() {
    return LabelTsv.load(LabelLexicon.class, RESOURCE, LabelLexicon::parse);
  }

  /** Reads the lexicon's TSV form: term, side, and an optional note. */
  static LabelLexicon parse(BufferedReader in) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (LabelTsv.Row row : LabelTsv.rows(in)) {
      int n = row.number();
      String line = row.line();
      String[] f = row.fields();
      if (f.length < 2 || f[0].isBlank()) {
        throw new IllegalArgumentException(
            "an actor label needs a term and a side (line " + n + " of " + RESOURCE + "): " + line);
      }
      String term = f[0].strip();
      if (!term.equals(term.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "an actor label is lower case (line " + n + " of " + RESOURCE + "): " + term);
      }
      entries.add(new Entry(term.replaceAll("\\s+", " "), Side.of(f[1].strip())));
    }
    return new LabelLexicon(entries);
  }

  /** Every match in {@code text}, in text order, none overlapping. */
  List<Hit> find(CharSequence text) {
    List<Hit> hits = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      Entry e = byForm.get(key(m.group()));
      if (e != null) {
        hits.add(new Hit(new Span(m.start(), m.end()), e));
      }
    }
    return hits;
  }

  /** The entry a matched form belongs to. */
  Optional<Entry> entry(String form) {
    return Optional.ofNullable(byForm.get(key(form)));
  }

  static String key(String form) {
    return form.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
  }

  /** The forms a term is matched in: as written, the last word plural, other words with "s". */
  static List<String> forms(String term) {
    String[] words = term.split(" ");
    List<String> out = new ArrayList<>();
    int variants = 1 << (words.length - 1);
    for (int v = 0; v < variants; v++) {
      StringBuilder head = new StringBuilder();
      for (int w = 0; w < words.length - 1; w++) {
        head.append(words[w]).append((v >> w & 1) == 1 ? "s " : " ");
      }
      String last = words[words.length - 1];
      out.add(head + last);
      out.add(head + plural(last));
    }
    return out;
  }

  /** The English plural of a lexicon noun. */
  static String plural(String w) {
    if (w.endsWith("man")) {
      return w.substring(0, w.length() - 3) + "men";
    }
    if (w.endsWith("een") || w.endsWith("s")) {
      return w;
    }
    if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
      return w.substring(0, w.length() - 1) + "ies";
    }
    if (w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh")) {
      return w + "es";
    }
    return w + "s";
  }
}
