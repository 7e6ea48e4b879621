package org.triangulate.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;

/**
 * The outlets a user gives for articles that name none ({@code --outlet PATTERN=NAME}): a rule
 * matches an article when its URL's host is the pattern or a subdomain of it ({@code
 * aljazeera.com} matches {@code www.aljazeera.com}), or when the pattern, a glob ({@code *} any
 * characters, {@code ?} one), matches its file name or its id ({@code 000_*}). The first rule that
 * matches gives the outlet; an article that names its outlet keeps it.
 */
public final class Outlets {

  /** No rules: every article keeps what it names. */
  public static final Outlets NONE = new Outlets(List.of());

  /** One rule: a domain or a glob, and the outlet's name. */
  public record Rule(String pattern, String name) {
    public Rule {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(name, "name");
      if (pattern.isBlank() || name.isBlank()) {
        throw new IllegalArgumentException(
            "an outlet rule is PATTERN=NAME, with both parts: '" + pattern + "=" + name + "'");
      }
    }
  }

  private final List<Rule> rules;
  private final List<Pattern> globs = new ArrayList<>();

  public Outlets(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    for (Rule r : this.rules) {
      globs.add(glob(r.pattern()));
    }
  }

  /**
   * Rules written {@code PATTERN=NAME}, in order.
   *
   * @throws IllegalArgumentException naming a rule without {@code =}, a pattern or a name
   */
  public static Outlets parse(List<String> specs) {
    List<Rule> rules = new ArrayList<>();
    for (String s : specs) {
      int eq = s.indexOf('=');
      if (eq <= 0 || eq == s.length() - 1) {
        throw new IllegalArgumentException(
            "an outlet rule is PATTERN=NAME (a file-name glob or a web domain, then the outlet): '" + s + "'");
      }
      rules.add(new Rule(s.substring(0, eq).strip(), s.substring(eq + 1).strip()));
    }
    return new Outlets(rules);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The article with the outlet the first matching rule gives, when it names none. */
  public Article apply(Article a) {
    if (rules.isEmpty() || a.metadata().outlet().isPresent()) {
      return a;
    }
    Optional<String> host = a.metadata().url().flatMap(Article::host);
    String file = fileName(a.source());
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      String domain = r.pattern().toLowerCase(Locale.ROOT);
      boolean byHost = host.isPresent() && (host.get().equals(domain) || host.get().endsWith("." + domain));
      Pattern g = globs.get(i);
      if (byHost || g.matcher(file).matches() || g.matcher(a.id()).matches()) {
        ArticleMetadata m = a.metadata();
        return a.withMetadata(
            new ArticleMetadata(
                m.title(), m.byline(), Optional.of(r.name()), m.published(), m.modified(), m.language(),
                m.url(), m.dateline()));
      }
    }
    return a;
  }

  private static String fileName(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return source.substring(slash + 1);
  }


  private static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
