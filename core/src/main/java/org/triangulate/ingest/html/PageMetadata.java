package org.triangulate.ingest.html;

import org.triangulate.text.LanguageTag;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.text.Dates;

/**
 * What a page says about its article, from JSON-LD, OpenGraph and other meta tags, and the markup,
 * in that order of trust.
 */
final class PageMetadata {

  private static final List<String> PUBLISHED_META =
      List.of(
          "article:published_time",
          "og:article:published_time",
          "datepublished",
          "date",
          "pubdate",
          "publishdate",
          "publish-date",
          "publish_date",
          "dc.date",
          "dc.date.issued",
          "dcterms.date",
          "dcterms.created",
          "sailthru.date",
          "parsely-pub-date",
          "og:published_time",
          "article.published",
          "citation_publication_date");
  private static final List<String> MODIFIED_META =
      List.of(
          "article:modified_time",
          "og:article:modified_time",
          "datemodified",
          "og:updated_time",
          "dcterms.modified",
          "last-modified",
          "article.updated");
  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:\\||-|–|—|::|·|•|»)\\s+");
  private static final Pattern BY = Pattern.compile("(?i)^\\s*(?:by|von|par|por)\\s*[:\\s]\\s*");

  private final Map<String, String> meta = new HashMap<>();
  private final Document doc;

  PageMetadata(Document doc) {
    this.doc = doc;
    for (Element m : doc.select("meta[content]")) {
      String content = m.attr("content").strip();
      if (content.isEmpty()) {
        continue;
      }
      for (String key : List.of("property", "name", "itemprop", "http-equiv")) {
        String k = m.attr(key).strip().toLowerCase(Locale.ROOT);
        if (!k.isEmpty()) {
          meta.putIfAbsent(k, content);
        }
      }
    }
  }

  /** The title candidates before the markup's headline: JSON-LD, then OpenGraph. */
  Optional<String> declaredTitle(JsonLd.Article ld) {
    return ld.headline().or(() -> meta("og:title").map(t -> stripSite(t, outlet(ld), false)));
  }

  /** The title as the page declares it, else as its {@code <title>} gives it. */
  Optional<String> knownTitle(JsonLd.Article ld) {
    return declaredTitle(ld).or(() -> documentTitle(ld));
  }

  private Optional<String> documentTitle(JsonLd.Article ld) {
    return Optional.ofNullable(doc.selectFirst("title"))
        .map(t -> stripSite(t.text(), outlet(ld), true))
        .filter(t -> !t.isBlank());
  }

  Optional<String> outlet(JsonLd.Article ld) {
    return ld.publisher().or(() -> meta("og:site_name")).or(() -> meta("application-name"));
  }

  ArticleMetadata read(
      JsonLd.Article ld,
      Optional<Element> article,
      Optional<Element> headline,
      Optional<Element> byline,
      Optional<String> url) {
    Optional<String> outlet = outlet(ld);
    Optional<String> title =
        declaredTitle(ld)
            .or(() -> headline.map(Element::text).filter(h -> !h.isBlank()))
            .or(() -> documentTitle(ld));
    Optional<String> author =
        ld.byline()
            .or(() -> meta("author").filter(a -> !JsonLd.looksLikeUrl(a)))
            .or(() -> meta("article:author").filter(a -> !JsonLd.looksLikeUrl(a)))
            .or(() -> first("[rel=author]"))
            .or(() -> byline.map(Element::text))
            .or(() -> first(".byline"))
            .map(PageMetadata::cleanByline);
    Optional<String> published =
        date(ld.published())
            .or(() -> firstDate(PUBLISHED_META))
            .or(() -> timeIn(article.or(() -> headline.map(Element::parent))));
    Optional<String> modified = date(ld.modified()).or(() -> firstDate(MODIFIED_META));
    Optional<String> language =
        Optional.ofNullable(doc.selectFirst("html"))
            .flatMap(h -> LanguageTag.primary(h.attr("lang")))
            .or(() -> meta("og:locale").flatMap(LanguageTag::primary))
            .or(() -> meta("content-language").flatMap(LanguageTag::primary))
            .or(() -> ld.language().flatMap(LanguageTag::primary))
            .or(() -> meta("language").flatMap(LanguageTag::primary));
    Optional<String> canonical =
        absolute("link[rel~=(?i)^canonical$]", "href")
            .or(() -> meta("og:url").flatMap(this::resolve))
            .or(() -> url);
    return new ArticleMetadata(
        title.map(PageMetadata::squash),
        author,
        outlet.map(PageMetadata::squash),
        published,
        modified,
        language,
        canonical,
        Optional.empty());
  }

  private Optional<String> meta(String key) {
    return Optional.ofNullable(meta.get(key));
  }

  private Optional<String> first(String css) {
    Element e = doc.selectFirst(css);
    return e == null
        ? Optional.empty()
        : Optional.of(e.text()).filter(t -> !t.isBlank() && t.length() <= 200);
  }

  private Optional<String> firstDate(List<String> keys) {
    for (String k : keys) {
      Optional<String> d = meta(k).flatMap(Dates::normalize);
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> date(Optional<String> value) {
    return value.flatMap(Dates::normalize);
  }

  private static Optional<String> timeIn(Optional<Element> scope) {
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    Element root = scope.get();
    Element article = root.closest("article");
    for (Element t : (article != null ? article : root).select("time[datetime]")) {
      Optional<String> d = Dates.normalize(t.attr("datetime"));
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private Optional<String> absolute(String css, String attr) {
    Element e = doc.selectFirst(css);
    return e == null ? Optional.empty() : resolve(e.attr(attr));
  }

  private Optional<String> resolve(String href) {
    String h = href.strip();
    if (h.isEmpty()) {
      return Optional.empty();
    }
    try {
      java.net.URI uri = new java.net.URI(h);
      if (uri.isAbsolute()) {
        return Optional.of(h);
      }
      String base = doc.location();
      if (base.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new java.net.URI(base).resolve(uri).toString());
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Strips the site name from a title: "Rebels enter Hama | Reuters" gives "Rebels enter Hama". The
   * part after the last separator goes when it names the outlet; for a {@code <title>} also when it
   * is short (four words at most) beside a longer headline.
   */
  static String stripSite(String title, Optional<String> outlet, boolean loose) {
    String t = squash(title);
    var m = SEPARATOR.matcher(t);
    int start = -1;
    int end = -1;
    while (m.find()) {
      start = m.start();
      end = m.end();
    }
    if (start < 0) {
      return t;
    }
    String head = t.substring(0, start);
    String tail = t.substring(end);
    String o = outlet.map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
    String tl = tail.toLowerCase(Locale.ROOT);
    if (!o.isEmpty() && (tl.equals(o) || tl.contains(o) || o.contains(tl))) {
      return head;
    }
    if (!o.isEmpty()) {
      var first = SEPARATOR.matcher(t);
      if (first.find() && t.substring(0, first.start()).equalsIgnoreCase(o)) {
        return t.substring(first.end());
      }
    }
    if (loose && words(tail) <= 4 && words(head) >= 3) {
      return head;
    }
    return t;
  }

  static String cleanByline(String byline) {
    return squash(BY.matcher(squash(byline)).replaceFirst(""));
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.strip().split("\\s+").length;
  }

  /** Collapses each run of white space (and no-break spaces) to one space, and strips the ends. */
  static String squash(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }
}
