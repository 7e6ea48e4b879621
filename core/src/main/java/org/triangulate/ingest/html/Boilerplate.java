package org.triangulate.ingest.html;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.triangulate.model.Removal;

/**
 * Tells page chrome from article text by an element's tag, its class and id, and its shape (a list
 * of links). Each verdict is a {@link Removal.Reasons removal reason}. One instance serves one
 * page: it remembers its verdicts on class and id names, which pages repeat thousands of times.
 */
final class Boilerplate {

  private final Map<String, Optional<String>> names = new HashMap<>();

  /** Elements that never hold article text, whatever they contain. */
  static final Set<String> MARKUP_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "link",
          "meta",
          "iframe",
          "frame",
          "frameset",
          "svg",
          "math",
          "canvas",
          "object",
          "embed",
          "video",
          "audio",
          "source",
          "track",
          "map",
          "button",
          "input",
          "select",
          "option",
          "textarea",
          "dialog",
          "img",
          "picture");

  /**
   * Elements that hold page chrome, unless they wrap the article (some sites wrap all in a form).
   */
  static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "header", "form", "menu");

  private static final Pattern COMMENTS =
      any(
          "comments?",
          "comment-?(?:section|list|area|thread|form|s?-?wrap(?:per)?)",
          "disqus.*",
          "respond",
          "discussion",
          "replies");
  private static final Pattern RELATED =
      any(
          "related.*",
          "read-?more",
          "more-?(?:stories|news|articles|on.*|from.*)",
          "recommend.*",
          "also-?read",
          "further-?reading",
          "outbrain.*",
          "taboola.*",
          "trending.*",
          "most-?(?:read|popular|viewed)",
          "popular.*",
          "you-?may-?(?:also-?)?like",
          "next-?(?:up|article|story)");
  private static final Pattern SHARE =
      any(
          "share",
          "sharing",
          "share-?(?:bar|tools|buttons|links|icons)",
          "social.*",
          "addthis.*",
          "sharethis.*",
          "sharebar",
          "print",
          "toolbar",
          "tools");
  private static final Pattern PROMO =
      any(
          "newsletter.*",
          "subscribe.*",
          "subscription",
          "signup",
          "sign-?up",
          "paywall",
          "promo",
          "promotion",
          "cta",
          "donate",
          "membership",
          "ad",
          "ads",
          "adsbygoogle",
          "advert.*",
          "ad-?(?:slot|unit|container|wrapper|box|banner)",
          "dfp",
          "gpt",
          "sponsor(?:ed)?",
          "banner",
          "breadcrumbs?",
          "tags",
          "topics",
          "keywords",
          "sr-only",
          "screen-?reader.*",
          "visually-?hidden",
          "skip-?link",
          "hidden",
          "author-?(?:bio|box|info|card)",
          "bio",
          "copyright");
  private static final Pattern CAPTION =
      Pattern.compile("(?:wp-)?caption.*|.*-caption(?:-text)?|image-?desc.*|photo-?desc.*");
  private static final Pattern CREDIT =
      Pattern.compile("credit|credits|photo-?credit|image-?credit|.*-credit");
  private static final Pattern RELATED_LEAD =
      Pattern.compile(
          "(?i)^(?:read more|related(?: stories| articles| coverage| content| news)?|see also|more"
              + " on this(?: story)?|also read|read also|recommended(?: stories)?|you may also"
              + " like|more from .{1,40}|most read|most popular|watch)\\b\\s*[:.\\-|—–]?.*");
  private static final Pattern AD_TEXT =
      Pattern.compile(
          "(?i)^(?:advertisement|advert|ad|sponsored(?: content)?|story continues below(?:"
              + " advertisement)?|scroll to continue(?: with content)?|continue reading below)$");

  Boilerplate() {}

  private static Pattern any(String... alternatives) {
    return Pattern.compile(String.join("|", alternatives));
  }

  /** The reason to drop {@code el} by its tag, or empty. Never a reason for the body itself. */
  static Optional<String> byTag(Element el) {
    String tag = el.normalName();
    if (MARKUP_TAGS.contains(tag) || CHROME_TAGS.contains(tag)) {
      return Optional.of(Removal.Reasons.MARKUP);
    }
    if (el.hasAttr("hidden") || "true".equalsIgnoreCase(el.attr("aria-hidden"))) {
      return Optional.of(Removal.Reasons.MARKUP);
    }
    String style = el.attr("style");
    if (!style.isEmpty()) {
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (s.contains("display:none") || s.contains("visibility:hidden")) {
        return Optional.of(Removal.Reasons.MARKUP);
      }
    }
    if (tag.equals("figure") || tag.equals("figcaption")) {
      return Optional.of(Removal.Reasons.CAPTION);
    }
    return Optional.empty();
  }

  /** The reason to drop {@code el} by its class and id, or empty. */
  Optional<String> byName(Element el) {
    String cls = el.className();
    String id = el.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return Optional.empty();
    }
    return names.computeIfAbsent(cls + "#" + id, k -> judgeNames(cls, id));
  }

  private static Optional<String> judgeNames(String cls, String id) {
    String reason = null;
    int rank = Integer.MAX_VALUE;
    for (String token : (cls + " " + id).toLowerCase(Locale.ROOT).replace('_', '-').split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      // A token is read whole and by its dash-separated parts: "c-article-comments", "share-bar".
      String[] parts = token.split("-");
      for (int i = -1; i < parts.length; i++) {
        String p =
            i < 0 ? token : String.join("-", java.util.Arrays.copyOfRange(parts, i, parts.length));
        int r = rank(p);
        if (r < rank) {
          rank = r;
          reason = reasonOfRank(r);
        }
      }
    }
    return Optional.ofNullable(reason);
  }

  private static int rank(String p) {
    if (COMMENTS.matcher(p).matches()) {
      return 0;
    }
    if (RELATED.matcher(p).matches()) {
      return 1;
    }
    if (CAPTION.matcher(p).matches()) {
      return 2;
    }
    if (CREDIT.matcher(p).matches()) {
      return 3;
    }
    if (SHARE.matcher(p).matches() || PROMO.matcher(p).matches()) {
      return 4;
    }
    return Integer.MAX_VALUE;
  }

  private static String reasonOfRank(int r) {
    return switch (r) {
      case 0 -> Removal.Reasons.COMMENT_WIDGET;
      case 1 -> Removal.Reasons.RELATED_LINK;
      case 2 -> Removal.Reasons.CAPTION;
      case 3 -> Removal.Reasons.CREDIT;
      default -> Removal.Reasons.BOILERPLATE;
    };
  }

  /**
   * The reason to drop {@code el} by its shape: a list that is mostly links, a "Read more:" lead,
   * an "Advertisement" label. {@code text} is the element's text.
   */
  static Optional<String> byShape(Element el, String text) {
    String tag = el.normalName();
    if ((tag.equals("ul") || tag.equals("ol")) && el.childrenSize() >= 2) {
      int links = linkTextLength(el);
      if (text.length() > 0 && links * 10 >= text.length() * 8) {
        return Optional.of(Removal.Reasons.RELATED_LINK);
      }
    }
    if (text.length() <= 40 && AD_TEXT.matcher(text).matches()) {
      return Optional.of(Removal.Reasons.BOILERPLATE);
    }
    if (text.length() <= 300 && RELATED_LEAD.matcher(text).matches()) {
      boolean heading =
          tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
      if ((heading && text.length() <= 60) || el.selectFirst("a[href]") != null) {
        return Optional.of(Removal.Reasons.RELATED_LINK);
      }
    }
    return Optional.empty();
  }

  /** Characters of text inside links, under {@code el}. */
  static int linkTextLength(Element el) {
    int n = 0;
    for (Element a : el.select("a")) {
      n += a.text().length();
    }
    return n;
  }

  /** Whether a node is white space only. */
  static boolean blank(Node n) {
    return n instanceof TextNode t && t.isBlank();
  }
}
