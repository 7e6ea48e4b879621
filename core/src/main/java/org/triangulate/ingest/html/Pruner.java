package org.triangulate.ingest.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.triangulate.model.Removal;

/**
 * Removes from the page everything that is not article text, recording one {@link Removal} per
 * dropped element that had text: outside the article element, each largest element (classified as
 * markup, comments, related links or boilerplate); inside it, page chrome by tag, class, id and
 * shape; anywhere, the headline (reason {@code title}) and the visible byline ({@code byline}).
 */
final class Pruner {

  private final Element article;
  private final Element headline;
  private final Element byline;
  private final Set<Node> onPath;
  private final List<Removal> removed;
  private final int articleChars;
  private final Boilerplate boilerplate;
  private Blocks shape;

  Pruner(
      Optional<Element> article,
      Optional<Element> headline,
      Optional<Element> byline,
      Boilerplate boilerplate,
      List<Removal> removed) {
    this.boilerplate = boilerplate;
    this.article = article.orElse(null);
    this.headline = headline.orElse(null);
    this.byline = byline.orElse(null);
    List<Element> specials = new ArrayList<>();
    article.ifPresent(specials::add);
    headline.ifPresent(specials::add);
    byline.ifPresent(specials::add);
    this.onPath = HtmlExtractor.ancestorsOf(specials);
    this.removed = removed;
    this.articleChars = article.map(a -> a.text().length()).orElse(0);
  }

  /** One element still to walk: inside the article ({@code keep}) or outside, with a reason. */
  private record Frame(Element element, boolean keep, String reason) {}

  /**
   * Prunes {@code body}: all of it but the article. Walks with an explicit stack, as pages can nest
   * elements deeper than the call stack goes.
   */
  void prune(Element body) {
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(body, body == article, null));
    while (!stack.isEmpty()) {
      Frame f = stack.pop();
      if (f.keep()) {
        keep(f.element(), stack);
      } else {
        drop(f.element(), f.reason(), stack);
      }
    }
  }

  /** Walks a part of the page that is not the article, dropping all but the special elements. */
  private void drop(Element el, String reason, Deque<Frame> stack) {
    for (Node child : new ArrayList<>(el.childNodes())) {
      if (child instanceof TextNode t) {
        if (!t.isBlank()) {
          record(reason == null ? Removal.Reasons.BOILERPLATE : reason, t.text(), t);
        }
        t.remove();
      } else if (child instanceof Element c) {
        if (special(c)) {
          continue;
        }
        if (c == article) {
          stack.push(new Frame(c, true, null));
        } else if (onPath.contains(c)) {
          stack.push(new Frame(c, false, reason));
        } else {
          record(reason == null ? outsideReason(c) : reason, c.text(), c);
          c.remove();
        }
      } else {
        child.remove();
      }
    }
  }

  /** Walks the article element, dropping page chrome inside it. */
  private void keep(Element el, Deque<Frame> stack) {
    if (shape == null) {
      shape = Blocks.shape(el);
    }
    for (Node child : new ArrayList<>(el.childNodes())) {
      if (!(child instanceof Element c) || special(c)) {
        continue;
      }
      Optional<String> reason = insideReason(c);
      if (reason.isEmpty()) {
        stack.push(new Frame(c, true, null));
      } else if (onPath.contains(c)) {
        stack.push(new Frame(c, false, reason.get()));
      } else {
        record(reason.get(), c.text(), c);
        c.remove();
      }
    }
  }

  /** Removes the headline or the byline, if {@code c} is one; returns whether it was. */
  private boolean special(Element c) {
    if (c == headline) {
      record(Removal.Reasons.TITLE, c.text(), c);
      c.remove();
      return true;
    }
    if (c == byline) {
      record(Removal.Reasons.BYLINE, c.text(), c);
      c.remove();
      return true;
    }
    return false;
  }

  private Optional<String> insideReason(Element c) {
    String tag = c.normalName();
    if (Boilerplate.MARKUP_TAGS.contains(tag)) {
      return Optional.of(Removal.Reasons.MARKUP);
    }
    Optional<String> reason = boilerplate.byName(c).or(() -> Boilerplate.byTag(c));
    if (reason.isEmpty()
        && Blocks.isBlock(c)
        && (tag.equals("ul") || tag.equals("ol") || !shape.holdsBlocks(c))) {
      String text = c.text();
      if (text.length() <= 300 || tag.equals("ul") || tag.equals("ol")) {
        reason = Boilerplate.byShape(c, text);
      }
    }
    if (reason.isPresent() && c.text().length() * 2 > articleChars && articleChars > 0) {
      return Optional.empty(); // it holds most of the article: a wrapper with an unlucky name
    }
    return reason;
  }

  private String outsideReason(Element c) {
    Optional<String> byName = boilerplate.byName(c);
    if (byName.isPresent()) {
      return byName.get();
    }
    String tag = c.normalName();
    if (Boilerplate.MARKUP_TAGS.contains(tag) || Boilerplate.CHROME_TAGS.contains(tag)) {
      return Removal.Reasons.MARKUP;
    }
    return Boilerplate.byTag(c).orElse(Removal.Reasons.BOILERPLATE);
  }

  private void record(String reason, String text, Node node) {
    String t = PageMetadata.squash(text);
    if (!t.isEmpty()) {
      removed.add(new Removal(reason, t, HtmlExtractor.position(node)));
    }
  }
}
