package org.triangulate.nlp.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The curated list of places and organisations shipped with the project ({@code entities.tsv} next
 * to this class): canonical names, aliases, acronyms and, for countries, demonym adjectives, each
 * row citing its English Wikipedia article. The annotator uses it to fix NER types, to merge
 * spellings and acronyms into one entity and to name entities canonically.
 *
 * <p><b>Matching.</b> A name or alias whose letters are all capitals and number two or more ({@code
 * HTS}, {@code UN}, {@code U.S.}, {@code MI6}) is an acronym and matches case-sensitively only
 * (dots and apostrophes ignored), so the pronoun "us" or "Un" never match. Everything else matches
 * by {@link #key(String)}, which folds case, accents, apostrophes, hyphens, dots and a leading
 * "the". An all-capitals surface that is not a known acronym ("HAMA" in a headline) falls back to
 * the folded match. No two entries share a key: the loader rejects such data, naming both ids.
 *
 * <p>Immutable and thread-safe.
 */
public final class EntityList {

  /**
   * One row of the list.
   *
   * @param id {@code <type>/<slug>}, stable
   * @param type {@code place} or {@code organization}
   * @param subtype {@code country}, {@code city}, {@code region}, {@code neighbourhood}; {@code
   *     news-agency}, {@code outlet}, {@code armed-group}, {@code political-party}, {@code
   *     government}, {@code international}, {@code ngo}, {@code think-tank}, {@code company}
   * @param name the canonical English name
   * @param aliases other names, spellings and acronyms, in file order
   * @param adjectives demonym adjectives (countries only), in file order
   * @param source the English Wikipedia article the row is taken from
   */
  public record Entry(
      String id,
      String type,
      String subtype,
      String name,
      List<String> aliases,
      List<String> adjectives,
      String source) {

    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(subtype, "subtype");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
      aliases = List.copyOf(aliases);
      adjectives = List.copyOf(adjectives);
    }

    /** The name followed by the aliases. */
    public List<String> names() {
      List<String> all = new ArrayList<>(aliases.size() + 1);
      all.add(name);
      all.addAll(aliases);
      return all;
    }
  }

  static final String RESOURCE = "entities.tsv";

  static final String HEADER = "id\ttype\tsubtype\tname\taliases\tsource\tadjectives";

  static final String SOURCE_PREFIX = "https://en.wikipedia.org/wiki/";

  private static final Map<String, Set<String>> SUBTYPES =
      Map.of(
          "place", Set.of("country", "city", "region", "neighbourhood"),
          "organization",
          Set.of(
              "news-agency",
              "outlet",
              "armed-group",
              "political-party",
              "government",
              "international",
              "ngo",
              "think-tank",
              "company"));

  private static final Pattern ID = Pattern.compile("(place|organization)/[a-z0-9]+(-[a-z0-9]+)*");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Apostrophes and ayn/hamza letters, dropped by {@link #key}: Hay’at = Hay'at = Hayat. */
  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʿʾʼ′]");

  /** Hyphens and dashes, read as spaces by {@link #key}. */
  private static final Pattern DASHES = Pattern.compile("[\\-‐‑‒–—―−]");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final List<Entry> entries;
  private final Map<String, Entry> byKey;
  private final Map<String, Entry> byAcronym;
  private final Map<String, Entry> byAdjective;
  private final int maxTokens;

  private EntityList(
      List<Entry> entries,
      Map<String, Entry> byKey,
      Map<String, Entry> byAcronym,
      Map<String, Entry> byAdjective,
      int maxTokens) {
    this.entries = List.copyOf(entries);
    this.byKey = Map.copyOf(byKey);
    this.byAcronym = Map.copyOf(byAcronym);
    this.byAdjective = Map.copyOf(byAdjective);
    this.maxTokens = maxTokens;
  }

  private static final class Holder {
    static final EntityList INSTANCE = load();
  }

  /** The shipped list, loaded on first use. */
  public static EntityList get() {
    return Holder.INSTANCE;
  }

  private static EntityList load() {
    try (InputStream in = EntityList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a list in the {@code entities.tsv} format: optional {@code #} comment and blank lines, the
   * header line, then one entry per line.
   *
   * @throws IllegalArgumentException naming {@code resourceName} and the line of the first malformed
   *     row, or both ids when two entries share an id, a key or an adjective
   */
  static EntityList parse(Reader tsv, String resourceName) {
    List<Entry> entries = new ArrayList<>();
    Map<String, Entry> byId = new HashMap<>();
    Map<String, Entry> byKey = new HashMap<>();
    Map<String, Entry> byAcronym = new HashMap<>();
    Map<String, Entry> byAdjective = new HashMap<>();
    Map<String, Entry> keyOwner = new HashMap<>();
    Map<String, String> keySurface = new HashMap<>();
    int maxTokens = 0;
    boolean header = false;
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(tsv)) {
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        String where = resourceName + ":" + lineNo + ": ";
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (!header) {
          if (!line.equals(HEADER) && !line.equals(HEADER.substring(0, HEADER.lastIndexOf('\t')))) {
            throw new IllegalArgumentException(
                where + "expected the header \"" + HEADER.replace("\t", "\\t") + "\"");
          }
          header = true;
          continue;
        }
        Entry e = row(line, where);
        Entry clash = byId.putIfAbsent(e.id(), e);
        if (clash != null) {
          throw new IllegalArgumentException(where + "duplicate id " + e.id());
        }
        for (String surface : new LinkedHashSet<>(e.names())) {
          String k = key(surface);
          if (k.isEmpty()) {
            throw new IllegalArgumentException(
                where + e.id() + ": name or alias \"" + surface + "\" folds to nothing");
          }
          // Every name and alias, acronym or not, owns its folded key: no two entries share one.
          Entry prior = keyOwner.putIfAbsent(k, e);
          if (prior != null && prior != e) {
            throw new IllegalArgumentException(
                where
                    + "\""
                    + surface
                    + "\" of "
                    + e.id()
                    + " has the same key \""
                    + k
                    + "\" as \""
                    + keySurface.get(k)
                    + "\" of "
                    + prior.id());
          }
          keySurface.putIfAbsent(k, surface);
          if (isAcronym(surface)) {
            byAcronym.put(acronymKey(surface), e);
          } else {
            byKey.put(k, e);
          }
          maxTokens = Math.max(maxTokens, tokens(surface));
        }
        for (String adjective : e.adjectives()) {
          String k = key(adjective);
          Entry prior = byAdjective.putIfAbsent(k, e);
          if (prior != null && prior != e) {
            throw new IllegalArgumentException(
                where
                    + "adjective \""
                    + adjective
                    + "\" of "
                    + e.id()
                    + " is already an adjective of "
                    + prior.id());
          }
        }
        entries.add(e);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    if (!header) {
      throw new IllegalArgumentException(resourceName + ": no header line");
    }
    entries.sort(Comparator.comparing(Entry::id));
    return new EntityList(entries, byKey, byAcronym, byAdjective, maxTokens);
  }

  private static Entry row(String line, String where) {
    String[] f = line.split("\t", -1);
    if (f.length != 6 && f.length != 7) {
      throw new IllegalArgumentException(
          where + "expected 7 tab-separated fields, found " + f.length);
    }
    for (int i = 0; i < f.length; i++) {
      if (!f[i].equals(f[i].strip())) {
        throw new IllegalArgumentException(where + "field " + (i + 1) + " has outer whitespace");
      }
    }
    String id = f[0];
    String type = f[1];
    String subtype = f[2];
    String name = f[3];
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(where + "bad id \"" + id + "\"");
    }
    if (!SUBTYPES.containsKey(type) || !id.startsWith(type + "/")) {
      throw new IllegalArgumentException(where + "type \"" + type + "\" does not match id " + id);
    }
    if (!SUBTYPES.get(type).contains(subtype)) {
      throw new IllegalArgumentException(
          where + "subtype \"" + subtype + "\" is not one of " + type + "'s subtypes");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException(where + "empty name");
    }
    List<String> aliases = list(f[4], where, "alias");
    String source = f[5];
    if (!source.startsWith(SOURCE_PREFIX)
        || source.length() == SOURCE_PREFIX.length()
        || source.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          where + "source must be an " + SOURCE_PREFIX + " URL: \"" + source + "\"");
    }
    List<String> adjectives = f.length == 7 ? list(f[6], where, "adjective") : List.of();
    if (!adjectives.isEmpty() && !subtype.equals("country")) {
      throw new IllegalArgumentException(where + "adjectives are for countries only");
    }
    return new Entry(id, type, subtype, name, aliases, adjectives, source);
  }

  private static List<String> list(String field, String where, String what) {
    if (field.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : field.split("\\|", -1)) {
      if (s.isEmpty() || !s.equals(s.strip())) {
        throw new IllegalArgumentException(where + "empty or padded " + what + " in \"" + field + "\"");
      }
      out.add(s);
    }
    return out;
  }

  /** By name or alias; acronyms case-sensitively, everything else by {@link #key}. */
  public Optional<Entry> lookup(String surface) {
    if (surface == null) {
      return Optional.empty();
    }
    String s = surface.strip();
    String core = stripThe(s);
    if (isAcronym(core)) {
      Entry e = byAcronym.get(acronymKey(core));
      if (e != null) {
        return Optional.of(e);
      }
    }
    String k = key(s);
    return k.isEmpty() ? Optional.empty() : Optional.ofNullable(byKey.get(k));
  }

  /** The country a demonym adjective belongs to: "Syrian" gives Syria. Folded by {@link #key}. */
  public Optional<Entry> lookupAdjective(String word) {
    if (word == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byAdjective.get(key(word)));
  }

  /**
   * The most tokens any name or alias has, counting hyphen-joined parts and punctuation marks
   * separately: the widest n-gram window worth looking up.
   */
  public int maxTokens() {
    return maxTokens;
  }

  /** All entries, sorted by id. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The folding used by {@link #lookup}: compatibility decomposition, combining marks and
   * apostrophes dropped, a few letters without decompositions spelled out (ı ł ø æ œ ß đ ð þ),
   * lower case, {@code &} read as "and", hyphens, dashes, commas and dots read as spaces except that dots
   * inside an abbreviation vanish (U.S. = US), spaces collapsed, a leading "the" dropped.
   */
  public static String key(String surface) {
    String s = Normalizer.normalize(surface, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("");
    s = APOSTROPHES.matcher(s).replaceAll("");
    s = s.toLowerCase(java.util.Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 'ı' -> b.append('i');
        case 'ł' -> b.append('l');
        case 'ø' -> b.append('o');
        case 'æ' -> b.append("ae");
        case 'œ' -> b.append("oe");
        case 'ß' -> b.append("ss");
        case 'đ', 'ð' -> b.append('d');
        case 'þ' -> b.append("th");
        case '&' -> b.append(" and ");
        case ',' -> b.append(' ');
        case '.' -> {
          // A dot between two letters ("U.S", "e.g") joins them; otherwise it separates words.
          boolean inside =
              i > 0
                  && i + 1 < s.length()
                  && Character.isLetter(s.charAt(i - 1))
                  && Character.isLetter(s.charAt(i + 1))
                  && (i < 2 || !Character.isLetter(s.charAt(i - 2)));
          if (!inside) {
            b.append(' ');
          }
        }
        default -> b.append(c);
      }
    }
    s = DASHES.matcher(b).replaceAll(" ");
    s = SPACES.matcher(s).replaceAll(" ").strip();
    if (s.startsWith("the ")) {
      s = s.substring(4);
    }
    return s;
  }

  /** At least two letters, all of them capitals: HTS, U.S., MI6. */
  static boolean isAcronym(String surface) {
    int letters = 0;
    for (int i = 0; i < surface.length(); ) {
      int cp = surface.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        if (!Character.isUpperCase(cp)) {
          return false;
        }
        letters++;
      } else if (!(Character.isDigit(cp)
          || cp == '.'
          || cp == ' '
          || cp == '&'
          || cp == '-'
          || cp == '/'
          || cp == '+')) {
        return false;
      }
    }
    return letters >= 2;
  }

  /** Case kept; dots dropped; spaces collapsed. */
  static String acronymKey(String surface) {
    return SPACES.matcher(surface.replace(".", "")).replaceAll(" ").strip();
  }

  private static String stripThe(String s) {
    return s.regionMatches(true, 0, "the ", 0, 4) ? s.substring(4).strip() : s;
  }

  private static int tokens(String surface) {
    String s = DASHES.matcher(surface).replaceAll(" ");
    s = s.replaceAll("([,;:()/&+])", " $1 ");
    s = s.strip();
    return s.isEmpty() ? 0 : SPACES.split(s).length;
  }
}
