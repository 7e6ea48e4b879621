package org.triangulate.ingest.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.triangulate.ingest.SourceLine;

/**
 * Cuts the article element into blocks: one per paragraph, heading, list item, blockquote or table
 * row; text standing loose in a container becomes one block per run between block elements and line
 * breaks. A block that holds other blocks (a blockquote of paragraphs) gives its parts.
 */
final class Blocks {

  static final Set<String> LEAF =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "blockquote",
          "pre",
          "dt",
          "dd",
          "tr",
          "caption",
          "address",
          "summary",
          "figcaption",
          "legend");
  static final Set<String> CONTAINER =
      Set.of(
          "div",
          "section",
          "article",
          "main",
          "table",
          "tbody",
          "thead",
          "tfoot",
          "ul",
          "ol",
          "dl",
          "details",
          "center",
          "header",
          "footer",
          "form",
          "fieldset",
          "body",
          "hgroup",
          "aside",
          "nav",
          "figure",
          "menu",
          "dir");

  private final Set<Element> holdsBlocks = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<SourceLine> out = new ArrayList<>();

  private Blocks(Element root) {
    for (Element e : root.getAllElements()) {
      if (e != root && isBlock(e)) {
        for (Element p = e.parent(); p != null && holdsBlocks.add(p) && p != root; p = p.parent()) {
          // mark every ancestor up to the root once
        }
      }
    }
  }

  /** The blocks of {@code root}, in document order. */
  static List<SourceLine> of(Element root) {
    Blocks b = new Blocks(root);
    if (LEAF.contains(root.normalName()) && !b.holdsBlocks.contains(root)) {
      b.add(root.text(), HtmlExtractor.position(root));
    } else {
      b.emit(root);
    }
    return b.out;
  }

  /** The block structure of {@code root}, for asking {@link #holdsBlocks}. */
  static Blocks shape(Element root) {
    return new Blocks(root);
  }

  /** Whether {@code e} contains a block element. Valid for the tree as it was when built. */
  boolean holdsBlocks(Element e) {
    return holdsBlocks.contains(e);
  }

  static boolean isBlock(Element e) {
    String t = e.normalName();
    return LEAF.contains(t) || CONTAINER.contains(t);
  }

  /** Walks {@code el} with an explicit stack, as pages can nest deeper than the call stack goes. */
  private void emit(Element el) {
    Deque<Iterator<Node>> stack = new ArrayDeque<>();
    stack.push(el.childNodes().iterator());
    StringBuilder run = new StringBuilder();
    int runStart = -1;
    while (!stack.isEmpty()) {
      Iterator<Node> it = stack.peek();
      if (!it.hasNext()) {
        runStart = flush(run, runStart);
        stack.pop();
        continue;
      }
      Node child = it.next();
      if (child instanceof TextNode t) {
        if (runStart < 0 && !t.isBlank()) {
          runStart = HtmlExtractor.position(t);
        }
        run.append(t.getWholeText());
      } else if (child instanceof Element c) {
        if (c.normalName().equals("br")) {
          runStart = flush(run, runStart);
        } else if (holdsBlocks.contains(c) || CONTAINER.contains(c.normalName())) {
          runStart = flush(run, runStart);
          stack.push(c.childNodes().iterator());
        } else if (LEAF.contains(c.normalName())) {
          runStart = flush(run, runStart);
          add(c.text(), HtmlExtractor.position(c));
        } else {
          if (runStart < 0 && !c.text().isBlank()) {
            runStart = HtmlExtractor.position(c);
          }
          run.append(c.wholeText());
        }
      }
    }
  }

  private int flush(StringBuilder run, int start) {
    if (run.length() > 0) {
      add(run.toString(), Math.max(start, 0));
      run.setLength(0);
    }
    return -1;
  }

  private void add(String text, int offset) {
    String t = PageMetadata.squash(text);
    if (!t.isEmpty()) {
      out.add(new SourceLine(t, offset, false));
    }
  }
}
