package org.triangulate.ingest.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the element that holds an article's body: the element marked {@code itemprop=articleBody},
 * else the {@code <article>}, else an element with a class news sites give their body, else the
 * container with the best readability-style score (text length, commas, paragraph count, link
 * density). A marked element is overruled when the score finds three times its text elsewhere.
 *
 * <p>One pass over the text nodes; no element's subtree is read more than a few times.
 */
final class BodyFinder {

  private static final String BODY_CLASSES =
      ".article-body, .article__body, .articleBody, .article-content, .article__content,"
          + " .article-text, .story-body, .story-content, .story-text, .storytext, .entry-content,"
          + " .post-content, .post-body, .body-content, .content-body, .news-body, .c-article-body,"
          + " .field-body, #article-body, #articleBody, #story-body, #storytext, #article-content,"
          + " [data-component=text-block]";

  static final Set<String> INLINE =
      Set.of(
          "a", "span", "em", "strong", "b", "i", "u", "s", "small", "big", "sup", "sub", "time",
          "abbr", "cite", "q", "mark", "font", "label", "code", "var", "kbd", "dfn", "bdi", "bdo",
          "ins", "del", "wbr", "tt", "strike", "data", "nobr");

  private static final Set<String> PARAGRAPHS =
      Set.of("p", "pre", "blockquote", "li", "dd", "dt", "h2", "h3", "h4", "h5", "h6", "address");

  /** How far up a paragraph's text is counted for its ancestors; real pages nest 20 to 50 deep. */
  private static final int MAX_LEVELS = 64;

  /** Shortest text a paragraph needs to count, as in readability. */
  private static final int MIN_PARAGRAPH = 25;

  private BodyFinder() {}

  /** The element holding the article body, or empty when the page holds none. */
  static Optional<Element> find(Document doc, Boilerplate boilerplate) {
    Element body = doc.body();
    if (body == null) {
      return Optional.empty();
    }
    Optional<Element> scored = scored(body, boilerplate);
    Optional<Element> marked = marked(doc, boilerplate);
    if (marked.isEmpty()) {
      return scored;
    }
    if (scored.isPresent() && !related(marked.get(), scored.get())) {
      if (contentLength(marked.get(), boilerplate) * 3 < contentLength(scored.get(), boilerplate)) {
        return scored;
      }
    }
    return marked;
  }

  private static boolean related(Element a, Element b) {
    return a == b || a.parents().contains(b) || b.parents().contains(a);
  }

  private static Optional<Element> marked(Document doc, Boilerplate boilerplate) {
    List<Element> bodies = new ArrayList<>();
    for (Element e : doc.select("[itemprop]")) {
      for (String token : e.attr("itemprop").split("\\s+")) {
        if (token.equalsIgnoreCase("articleBody") && !e.normalName().equals("meta")) {
          bodies.add(e);
        }
      }
    }
    Optional<Element> body =
        lowestCommonAncestor(bodies).filter(e -> contentLength(e, boilerplate) >= MIN_PARAGRAPH);
    if (body.isPresent()) {
      return body;
    }
    Optional<Element> article = largest(outermost(doc.select("article")), boilerplate);
    if (article.isPresent()) {
      return article;
    }
    return largest(outermost(doc.select(BODY_CLASSES)), boilerplate);
  }

  private static List<Element> outermost(List<Element> els) {
    Set<Element> all = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    all.addAll(els);
    List<Element> out = new ArrayList<>();
    for (Element e : els) {
      boolean nested = false;
      for (Element p = e.parent(); p != null && !nested; p = p.parent()) {
        nested = all.contains(p);
      }
      if (!nested) {
        out.add(e);
      }
    }
    return out;
  }

  private static Optional<Element> largest(List<Element> els, Boilerplate boilerplate) {
    Element best = null;
    int bestLength = 0;
    for (Element e : els) {
      int n = contentLength(e, boilerplate);
      if (n > bestLength) {
        best = e;
        bestLength = n;
      }
    }
    return bestLength >= MIN_PARAGRAPH * 2 ? Optional.of(best) : Optional.empty();
  }

  private static Optional<Element> lowestCommonAncestor(List<Element> els) {
    if (els.isEmpty()) {
      return Optional.empty();
    }
    Element lca = els.get(0);
    for (Element e : els.subList(1, els.size())) {
      Set<Element> line = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      for (Element a = e; a != null; a = a.parent()) {
        line.add(a);
      }
      while (lca != null && !line.contains(lca)) {
        lca = lca.parent();
      }
    }
    return Optional.ofNullable(lca);
  }

  /** Characters of text under {@code e} outside links and page chrome. */
  static int contentLength(Element e, Boilerplate boilerplate) {
    int[] n = new int[1];
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element el && node != e && skip(el, boilerplate)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof TextNode t && !insideLink(t, e)) {
              n[0] += t.text().strip().length();
            }
            return FilterResult.CONTINUE;
          }
        },
        e);
    return n[0];
  }

  /**
   * Readability's scoring, in one pass over the text nodes. Maps keep document order (jsoup nodes
   * hash by identity), so ties go to the earlier element and the result never depends on hashing.
   */
  private static Optional<Element> scored(Element body, Boilerplate boilerplate) {
    Map<Element, int[]> units = new LinkedHashMap<>(); // text, link text, commas
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element el && skip(el, boilerplate)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof TextNode t && !t.isBlank()) {
              boolean link = false;
              Element unit = t.parent();
              while (unit != null && INLINE.contains(unit.normalName()) && unit != body) {
                link |= unit.normalName().equals("a");
                unit = unit.parent();
              }
              if (unit != null) {
                String s = t.text().strip();
                int[] u = units.computeIfAbsent(unit, k -> new int[3]);
                u[0] += s.length();
                u[1] += link ? s.length() : 0;
                u[2] += commas(s);
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        body);
    Map<Element, Double> scores = new LinkedHashMap<>();
    Map<Element, Integer> paragraphText = new java.util.HashMap<>();
    for (Map.Entry<Element, int[]> e : units.entrySet()) {
      int[] u = e.getValue();
      Element unit = e.getKey();
      if (u[0] < MIN_PARAGRAPH || u[1] * 2 > u[0] || unit.normalName().matches("h[1-6]")) {
        continue;
      }
      int level = 0;
      for (Element a = unit;
          a != null && !(a instanceof Document) && level < MAX_LEVELS;
          a = a.parent(), level++) {
        paragraphText.merge(a, u[0] - u[1], Integer::sum);
      }
      double s = 1 + Math.min(u[2], 10) + Math.min(u[0] / 100, 3);
      Element first = PARAGRAPHS.contains(unit.normalName()) ? unit.parent() : unit;
      if (first == null || first instanceof Document) {
        continue;
      }
      scores.merge(first, s, Double::sum);
      Element second = first.parent();
      if (second != null && !(second instanceof Document)) {
        scores.merge(second, s / 2, Double::sum);
      }
    }
    if (scores.isEmpty()) {
      return Optional.empty();
    }
    List<Map.Entry<Element, Double>> ranked = new ArrayList<>(scores.entrySet());
    ranked.sort(
        (a, b) -> Double.compare(b.getValue(), a.getValue())); // stable: ties keep document order
    List<Map.Entry<Element, Double>> top = ranked.subList(0, Math.min(5, ranked.size()));
    Element best = null;
    double bestScore = -1;
    for (Map.Entry<Element, Double> e : top) {
      Element el = e.getKey();
      int total = el.text().length();
      double density = total == 0 ? 1 : (double) Boilerplate.linkTextLength(el) / total;
      double s = e.getValue() * (1 - Math.min(1, density));
      if (s > bestScore) {
        best = el;
        bestScore = s;
      }
    }
    return Optional.of(widen(best, paragraphText));
  }

  /**
   * Moves from the best container up to the ancestor that holds the whole body when the text is
   * spread over several containers (a body cut into columns, one paragraph per wrapper): to the
   * nearest ancestor, at most three levels up, holding half as much paragraph text again.
   */
  private static Element widen(Element best, Map<Element, Integer> paragraphText) {
    Element current = best;
    while (true) {
      int here = paragraphText.getOrDefault(current, 0);
      Element next = null;
      Element p = current.parent();
      for (int level = 0;
          level < 3 && p != null && !(p instanceof Document);
          level++, p = p.parent()) {
        if (paragraphText.getOrDefault(p, 0) * 2 >= here * 3) {
          next = p;
          break;
        }
      }
      if (next == null) {
        return current;
      }
      current = next;
    }
  }

  /** Subtrees that are never the article: markup, page chrome, comments, related links. */
  static boolean skip(Element el, Boilerplate boilerplate) {
    String tag = el.normalName();
    if (Boilerplate.MARKUP_TAGS.contains(tag) || tag.equals("figure") || tag.equals("figcaption")) {
      return true;
    }
    if ((Boilerplate.CHROME_TAGS.contains(tag) && !tag.equals("form"))
        || boilerplate.byName(el).isPresent()) {
      return el.selectFirst("article, main, h1, [itemprop~=(?i)articleBody]") == null;
    }
    return false;
  }

  private static boolean insideLink(TextNode t, Element stop) {
    for (Node p = t.parent(); p instanceof Element el && el != stop; p = p.parent()) {
      if (el.normalName().equals("a")) {
        return true;
      }
      if (!INLINE.contains(el.normalName())) {
        return false;
      }
    }
    return false;
  }

  private static int commas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '，' || c == '،') {
        n++;
      }
    }
    return n;
  }
}
