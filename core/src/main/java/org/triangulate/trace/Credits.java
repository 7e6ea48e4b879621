package org.triangulate.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.model.Article;
import org.triangulate.model.Credit;
import org.triangulate.model.Removal;
import org.triangulate.model.Span;

/**
 * The agencies and outlets an article credits: "Associated Press reports", "AP reports", "told The
 * Guardian", "Reuters reported", "according to AFP", a dateline "BEIRUT (Reuters) -", and photo
 * credits ("Credit: AP") in the lines cleaning removed.
 *
 * <p>Names come from a short list of the agencies and outlets news credits most, and from the
 * run's entities of subtype {@code news-agency} or {@code outlet} when the annotate stage ran
 * ({@link #names(Map)}).
 */
public final class Credits {

  /** Built-in names: how an agency or outlet is written → its canonical name. */
  static final Map<String, String> BUILT_IN = new LinkedHashMap<>();

  static {
    String[][] rows = {
      {"Associated Press", "The Associated Press", "AP"},
      {"Reuters"},
      {"Agence France-Presse", "Agence France Presse", "AFP"},
      {"The Guardian", "Guardian"},
      {"BBC", "BBC News"},
      {"CNN"},
      {"Al Jazeera"},
      {"Al Arabiya"},
      {"Bloomberg"},
      {"Xinhua"},
      {"TASS"},
      {"RIA Novosti"},
      {"Anadolu Agency", "Anadolu"},
      {"Syrian Arab News Agency", "SANA"},
      {"IRNA"},
      {"Deutsche Presse-Agentur", "dpa"},
      {"The New York Times", "New York Times"},
      {"The Washington Post", "Washington Post"},
      {"The Wall Street Journal", "Wall Street Journal"},
      {"Financial Times"},
      {"The Times"},
      {"The Telegraph"},
      {"Sky News"},
      {"NPR"},
      {"Fox News"},
      {"NBC News"},
      {"CBS News"},
      {"ABC News"},
      {"Politico"},
      {"Axios"},
      {"The National"},
      {"Middle East Eye"},
    };
    for (String[] r : rows) {
      for (String n : r) {
        BUILT_IN.put(n, r[0]);
      }
    }
  }

  private static final String VERB = "(?:reports?|reported|said|says|wrote|writes|contributed|quoted)";

  private Credits() {}

  /**
   * The credits of {@code article}.
   *
   * @param names how each agency or outlet may be written → the id to credit it with (see {@link
   *     #names(Map)})
   */
  public static List<Credit> of(Article article, Map<String, String> names) {
    String text = article.text();
    String alternatives =
        names.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(Pattern::quote)
            .reduce((x, y) -> x + "|" + y)
            .orElse("(?!)");
    Pattern[] patterns = {
      Pattern.compile("(?<name>" + alternatives + ")\\s+(?:news agency\\s+)?" + VERB + "\\b"),
      Pattern.compile("\\b(?:told|according to|reported by|cited by|quoted by|speaking to|in an interview with)\\s+(?:the\\s+)?(?<name>" + alternatives + ")\\b"),
      Pattern.compile("\\((?<name>" + alternatives + ")\\)\\s*[-–—]"),
    };
    List<Credit> out = new ArrayList<>();
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String name = m.group("name");
        if (!boundary(text, m.start("name"), m.end("name"))) {
          continue;
        }
        out.add(
            new Credit(
                article.id(), names.get(name), name,
                Optional.of(new Span(m.start("name"), m.end("name"))), Optional.empty()));
      }
    }
    Pattern photo = Pattern.compile("(?:Credit|Photo|Picture|Image)s?:\\s*(?<name>" + alternatives + ")\\b|\\((?<name2>" + alternatives + ")\\s+Photo");
    for (Removal r : article.removed()) {
      if (!r.reason().equals(Removal.Reasons.CAPTION) && !r.reason().equals(Removal.Reasons.CREDIT)) {
        continue;
      }
      Matcher m = photo.matcher(r.text());
      while (m.find()) {
        String name = m.group("name") != null ? m.group("name") : m.group("name2");
        int at = m.group("name") != null ? m.start("name") : m.start("name2");
        out.add(new Credit(article.id(), names.get(name), name, Optional.empty(), Optional.of(r.offset() + at)));
      }
    }
    out.sort(
        Comparator.comparingInt((Credit c) -> c.span().map(Span::begin).orElse(Integer.MAX_VALUE))
            .thenComparingInt(c -> c.offset().orElse(0))
            .thenComparing(Credit::credited));
    List<Credit> unique = new ArrayList<>();
    for (Credit c : out) {
      if (unique.stream().noneMatch(u -> u.span().isPresent() && u.span().equals(c.span()))) {
        unique.add(c);
      }
    }
    return unique;
  }

  private static boolean boundary(String text, int b, int e) {
    return (b == 0 || !Character.isLetterOrDigit(text.charAt(b - 1)))
        && (e >= text.length() || !Character.isLetterOrDigit(text.charAt(e)));
  }

  /**
   * The names to look for: the built-in list (credited by canonical name), overridden and extended
   * by {@code entityNames} (a name or alias of a news-agency or outlet entity → its id).
   */
  public static Map<String, String> names(Map<String, String> entityNames) {
    Map<String, String> out = new LinkedHashMap<>(BUILT_IN);
    for (Map.Entry<String, String> e : entityNames.entrySet()) {
      if (e.getKey().length() >= 2 && !e.getKey().toLowerCase(Locale.ROOT).equals(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    // The canonical name of a built-in that an entity also names is credited with the entity's id.
    for (Map.Entry<String, String> e : BUILT_IN.entrySet()) {
      String canonical = e.getValue();
      if (entityNames.containsKey(canonical)) {
        out.put(e.getKey(), entityNames.get(canonical));
      }
    }
    return out;
  }
}
