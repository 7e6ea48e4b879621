package org.triangulate.ingest.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.triangulate.ingest.SourceLine;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Removal;

/**
 * Finds the article in a web page: its body as blocks of text, what was dropped around it and why,
 * and its metadata. See the package documentation for the rules. Thread-safe and stateless.
 */
public final class HtmlExtractor {

  /** Below this many characters of body text, a JSON-LD {@code articleBody} is used instead. */
  private static final int ALMOST_NOTHING = 200;

  private static final String BYLINE =
      ".byline, [class*=byline], [rel=author], [itemprop~=(?i)^author$], .author, .article-author,"
          + " .story-author, .author-name, address";

  private static final List<String> HEADLINES =
      List.of(
          "h1",
          "[itemprop~=(?i)^headline$], h2",
          "[class*=headline], [class*=title]");

  public HtmlExtractor() {}

  /**
   * Extracts the article from {@code html}.
   *
   * @param html the decoded markup; block and removal offsets index into it
   * @param url where the page was fetched from, to resolve a relative canonical URL and to stand in
   *     for the URL when the page names none
   */
  public HtmlPage extract(String html, Optional<String> url) {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(url, "url");
    Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(html, url.orElse(""));
    JsonLd.Article ld = JsonLd.read(doc);
    PageMetadata pageMetadata = new PageMetadata(doc);
    Boilerplate boilerplate = new Boilerplate();
    Optional<Element> article = BodyFinder.find(doc, boilerplate);
    Optional<Element> headline = headline(doc, article, pageMetadata.knownTitle(ld));
    Optional<Element> byline = byline(article, headline);
    ArticleMetadata metadata = pageMetadata.read(ld, article, headline, byline, url);

    List<Removal> removed = new ArrayList<>();
    if (doc.body() != null) {
      new Pruner(article, headline, byline, boilerplate, removed).prune(doc.body());
    }
    List<SourceLine> blocks = article.map(Blocks::of).orElse(List.of());
    int chars = blocks.stream().mapToInt(b -> b.text().length()).sum();
    if (chars < ALMOST_NOTHING && ld.body().isPresent()) {
      List<SourceLine> fromLd = jsonLdBlocks(ld);
      int ldChars = fromLd.stream().mapToInt(b -> b.text().length()).sum();
      if (ldChars > Math.max(ALMOST_NOTHING, chars * 2)) {
        blocks = fromLd;
      }
    }
    removed.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    return new HtmlPage(blocks, removed, metadata);
  }

  /**
   * The headline element: the article's {@code <h1>}, else an element elsewhere (an {@code <h1>}, a
   * heading or an element named as a headline or title) whose text matches the title the page
   * declares, else the page's only {@code <h1>}.
   */
  private static Optional<Element> headline(
      Document doc, Optional<Element> article, Optional<String> title) {
    if (article.isPresent()) {
      for (Element h1 : article.get().select("h1")) {
        if (fits(h1, article, 400)) {
          return Optional.of(h1);
        }
      }
    }
    // Selected under <body>, not with "body h1": a descendant selector walks every element's
    // ancestors, which takes time growing with the square of the nesting depth.
    Element body = doc.body() != null ? doc.body() : doc;
    List<Element> h1s = body.select("h1");
    if (title.isPresent()) {
      for (String css : HEADLINES) {
        for (Element e : body.select(css)) {
          if (similar(e.text(), title.get()) && fits(e, article, 400)) {
            return Optional.of(e);
          }
        }
      }
    } else if (h1s.size() == 1 && fits(h1s.get(0), article, 400)) {
      return Optional.of(h1s.get(0));
    }
    return Optional.empty();
  }

  /** The visible byline: in the article, else beside the headline (up to its grandparent). */
  private static Optional<Element> byline(Optional<Element> article, Optional<Element> headline) {
    List<Element> scopes = new ArrayList<>();
    article.ifPresent(scopes::add);
    Element near = headline.map(Element::parent).orElse(null);
    for (int i = 0;
        i < 2 && near != null && !(near instanceof Document) && near != near.ownerDocument().body();
        i++, near = near.parent()) {
      scopes.add(near);
    }
    for (Element scope : scopes) {
      for (Element e : scope.select(BYLINE)) {
        Element b = e;
        while (BodyFinder.INLINE.contains(b.normalName())
            && b.parent() != null
            && b.parent() != scope
            && b.parent().text().length() <= 200) {
          b = b.parent();
        }
        if (fits(b, article, 200) && !overlaps(b, headline)) {
          return Optional.of(b);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean overlaps(Element e, Optional<Element> other) {
    if (other.isEmpty()) {
      return false;
    }
    Element o = other.get();
    return e == o || e.parents().contains(o) || o.parents().contains(e);
  }

  /** Whether {@code e} is short, holds no paragraphs, and does not hold the article. */
  private static boolean fits(Element e, Optional<Element> article, int maxChars) {
    String t = e.text();
    if (t.isBlank() || t.length() > maxChars) {
      return false;
    }
    for (Element d : e.select("p, div, li, blockquote, table")) {
      if (d != e) {
        return false;
      }
    }
    return article.map(a -> a != e && !a.parents().contains(e)).orElse(true);
  }

  private static boolean similar(String a, String b) {
    String x = PageMetadata.squash(a).toLowerCase(Locale.ROOT);
    String y = PageMetadata.squash(b).toLowerCase(Locale.ROOT);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    if (x.equals(y)) {
      return true;
    }
    int shorter = Math.min(x.length(), y.length());
    int longer = Math.max(x.length(), y.length());
    return (x.contains(y) || y.contains(x)) && shorter * 2 >= longer;
  }

  private static List<SourceLine> jsonLdBlocks(JsonLd.Article ld) {
    String body = ld.body().orElse("");
    List<SourceLine> out = new ArrayList<>();
    if (body.contains("</p>") || body.contains("<br")) {
      Document fragment = Parser.parseBodyFragment(body, "");
      for (SourceLine b : Blocks.of(fragment.body())) {
        out.add(new SourceLine(b.text(), ld.offset(), false));
      }
      return out;
    }
    for (String line : body.split("\\R")) {
      String t = PageMetadata.squash(line);
      if (!t.isEmpty()) {
        out.add(new SourceLine(t, ld.offset(), false));
      }
    }
    return out;
  }

  /** Where {@code node} starts in the markup: its own tracked position, else a neighbour's. */
  static int position(Node node) {
    for (Node n = node; n != null; n = n.parent()) {
      int p = start(n);
      if (p >= 0) {
        return p;
      }
      if (n instanceof Element e) {
        for (Element d : e.getAllElements()) {
          int q = start(d);
          if (q >= 0) {
            return q;
          }
        }
      }
    }
    return 0;
  }

  private static int start(Node n) {
    Range r = n.sourceRange();
    return r.isTracked() ? r.startPos() : -1;
  }

  /** Marks the nodes that must be visited rather than dropped whole. */
  static Set<Node> ancestorsOf(List<? extends Node> nodes) {
    Set<Node> set = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node n : nodes) {
      for (Node p = n.parent(); p != null && set.add(p); p = p.parent()) {
        // each ancestor once
      }
    }
    return set;
  }

  static boolean isBlank(Node n) {
    return n instanceof TextNode t && t.isBlank();
  }
}
