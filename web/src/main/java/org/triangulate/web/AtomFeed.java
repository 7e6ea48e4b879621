package org.triangulate.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.triangulate.changes.CorpusChange;

/**
 * Writes what each generation of a corpus changed as an Atom 1.0 feed (RFC 4287), for people who
 * watch the corpus grow in a feed reader.
 *
 * <p>One entry per generation, newest first. Its title names the generation and its most notable
 * item (a claim that became contested, else a new story, else a claim that gained an independent
 * source, else a story that grew), with how many more there are; its summary is every item's line
 * of text ({@link CorpusChange#summary()}), one per line; its content is the same lines as an XHTML
 * list, each followed by links to its story and its new articles in the report page. The entry's
 * {@code alternate} link is the story of the most notable item; every other story it touches is a
 * {@code related} link. A generation whose change holds no item still has its entry ("nothing of
 * note changed"), so that entries follow the generations one for one.
 *
 * <p>Links address the report page as the page itself does: {@code PAGE#story=ID} and {@code
 * PAGE#article=ID}, the id percent-encoded. Ids are {@code urn:uuid:} name-based UUIDs (version 5,
 * SHA-1, in RFC 4122's URL namespace): the feed's of the page URL, an entry's of the page URL
 * followed by {@code #generation=N}. So an entry keeps its id however often the feed is written,
 * and a corpus served at another address is another feed.
 *
 * <p>Article text is hostile input: every character XML 1.0 cannot hold (controls other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE and U+FFFF) is written as U+FFFD, and
 * {@code &}, {@code <}, {@code >} and {@code "} are escaped everywhere. The output is a function of
 * the arguments alone: same input, same bytes. The feed's {@code updated} is the latest
 * generation's commit time; a feed without generations gives the epoch (1970-01-01T00:00:00Z).
 */
public final class AtomFeed {

  /** The media type of the output. */
  public static final String MEDIA_TYPE = "application/atom+xml";

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  /** RFC 4122's namespace for UUIDs named by a URL. */
  private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

  /**
   * One committed generation of the corpus.
   *
   * @param number the generation number (saves and applies committed so far), at least 1
   * @param committed when it was committed
   * @param change what its add changed
   */
  public record Generation(long number, Instant committed, CorpusChange change) {
    public Generation {
      if (number < 1) {
        throw new IllegalArgumentException("generation number must be >= 1: " + number);
      }
      Objects.requireNonNull(committed, "committed");
      Objects.requireNonNull(change, "change");
    }
  }

  private final String page;
  private final String self;
  private final String title;

  /**
   * @param page the absolute URL of the report page (the web app's {@code /}); a URL with no path
   *     gets {@code /}
   * @param self the absolute URL the feed is served at
   * @param title the feed's title, such as the corpus's name
   * @throws IllegalArgumentException when a URL is not absolute http(s) or carries a fragment
   */
  public AtomFeed(URI page, URI self, String title) {
    this.page = absolute("page", page, true);
    this.self = absolute("self", self, false);
    this.title = Objects.requireNonNull(title, "title");
  }

  /**
   * Writes the feed of {@code generations} to {@code out} as UTF-8; flushes but does not close it.
   */
  public void write(List<Generation> generations, OutputStream out) throws IOException {
    List<Generation> order = new ArrayList<>(generations);
    order.sort(Comparator.comparingLong(Generation::number).reversed());
    Set<Long> seen = new HashSet<>();
    for (Generation g : order) {
      if (!seen.add(g.number())) {
        throw new IllegalArgumentException("generation " + g.number() + " is given twice");
      }
    }
    Instant updated =
        order.stream()
            .map(Generation::committed)
            .max(Comparator.naturalOrder())
            .orElse(Instant.EPOCH);
    StringBuilder x = new StringBuilder(4096);
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.append("<feed xmlns=\"").append(ATOM).append("\">\n");
    element(x, 1, "id", id(page));
    x.append("  <title type=\"text\">").append(escape(title)).append("</title>\n");
    element(x, 1, "updated", time(updated));
    x.append("  <author>\n");
    element(x, 2, "name", "Triangulate");
    x.append("  </author>\n");
    link(x, 1, "self", MEDIA_TYPE, self);
    link(x, 1, "alternate", "text/html", page);
    element(x, 1, "generator", "Triangulate");
    for (Generation g : order) {
      entry(x, g);
    }
    x.append("</feed>\n");
    out.write(x.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** One line of the entry: its text, and the stories and articles it links to. */
  private record Item(String line, String story, List<String> articles) {}

  private void entry(StringBuilder x, Generation g) {
    CorpusChange c = g.change();
    Map<String, String> titles = new HashMap<>();
    c.newStories().forEach(s -> titles.put(s.id(), s.title()));
    c.grownStories().forEach(s -> titles.put(s.id(), s.title()));
    List<Item> items = items(c);
    x.append("  <entry>\n");
    element(x, 2, "id", id(page + "#generation=" + g.number()));
    String head = "Generation " + g.number() + ": ";
    String headline;
    if (items.isEmpty()) {
      headline = head + "nothing of note changed";
    } else {
      headline = head + items.get(0).line();
      if (items.size() > 1) {
        headline += " (and " + (items.size() - 1) + " more)";
      }
    }
    x.append("    <title type=\"text\">").append(escape(headline)).append("</title>\n");
    element(x, 2, "updated", time(g.committed()));
    Set<String> stories = new LinkedHashSet<>();
    items.forEach(i -> stories.add(i.story()));
    boolean first = true;
    for (String s : stories) {
      link(x, 2, first ? "alternate" : "related", "text/html", storyUrl(s));
      first = false;
    }
    if (stories.isEmpty()) {
      link(x, 2, "alternate", "text/html", page);
    }
    List<String> lines = items.stream().map(Item::line).toList();
    String summary = lines.isEmpty() ? "Nothing of note changed." : String.join("\n", lines);
    x.append("    <summary type=\"text\">").append(escape(summary)).append("</summary>\n");
    x.append("    <content type=\"xhtml\">\n");
    x.append("      <div xmlns=\"").append(XHTML).append("\">\n");
    x.append("        <p>")
        .append(escape("Generation " + g.number() + ", committed " + time(g.committed()) + ": "))
        .append(escape(plural(c.articles().size(), "new article")))
        .append(".</p>\n");
    if (!items.isEmpty()) {
      x.append("        <ul>\n");
      for (Item i : items) {
        x.append("          <li>")
            .append(escape(i.line()))
            .append(" — <a href=\"")
            .append(escape(storyUrl(i.story())))
            .append("\">")
            .append(escape("story " + titles.getOrDefault(i.story(), i.story())))
            .append("</a>");
        for (String a : i.articles()) {
          x.append(", <a href=\"")
              .append(escape(articleUrl(a)))
              .append("\">")
              .append(escape("article " + a))
              .append("</a>");
        }
        x.append("</li>\n");
      }
      x.append("        </ul>\n");
    }
    x.append("      </div>\n");
    x.append("    </content>\n");
    x.append("  </entry>\n");
  }

  /** The change's items, most notable kind first: contested, new stories, gained, grown. */
  private static List<Item> items(CorpusChange c) {
    List<Item> out = new ArrayList<>();
    c.contested().forEach(i -> out.add(new Item(i.summary(), i.story(), i.articles())));
    c.newStories().forEach(i -> out.add(new Item(i.summary(), i.id(), i.articles())));
    c.gainedSources().forEach(i -> out.add(new Item(i.summary(), i.story(), i.articles())));
    c.grownStories().forEach(i -> out.add(new Item(i.summary(), i.id(), i.added())));
    return out;
  }

  private String storyUrl(String story) {
    return page + "#story=" + component(story);
  }

  private String articleUrl(String article) {
    return page + "#article=" + component(article);
  }

  /** Percent-encoded for the page's fragment, which it reads with {@code URLSearchParams}. */
  private static String component(String s) {
    return URLEncoder.encode(sanitised(s), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void element(StringBuilder x, int depth, String name, String text) {
    x.append("  ".repeat(depth))
        .append('<')
        .append(name)
        .append('>')
        .append(escape(text))
        .append("</")
        .append(name)
        .append(">\n");
  }

  private static void link(StringBuilder x, int depth, String rel, String type, String href) {
    x.append("  ".repeat(depth))
        .append("<link rel=\"")
        .append(rel)
        .append("\" type=\"")
        .append(type)
        .append("\" href=\"")
        .append(escape(href))
        .append("\"/>\n");
  }

  private static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Text fit for XML 1.0 content and attribute values (see the class documentation). */
  static String escape(String text) {
    String s = sanitised(text);
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\r' -> out.append("&#13;"); // a raw one would be read as a line feed
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** {@code text} with every character XML 1.0 cannot hold replaced by U+FFFD. */
  static String sanitised(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean ok;
      int width = 1;
      if (Character.isHighSurrogate(ch)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        width = ok ? 2 : 1;
      } else if (Character.isLowSurrogate(ch)) {
        ok = false;
      } else {
        ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
      }
      if (!ok && out == null) {
        out = new StringBuilder(text.length());
        out.append(text, 0, i);
      }
      if (out != null) {
        if (ok) {
          out.append(text, i, i + width);
        } else {
          out.append('\uFFFD');
        }
      }
      i += width - 1;
    }
    return out == null ? text : out.toString();
  }

  /** {@code urn:uuid:} of the version 5 UUID of {@code name} in the URL namespace. */
  static String id(String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(bytes(URL_NAMESPACE));
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
      h[8] = (byte) ((h[8] & 0x3f) | 0x80); // the RFC 4122 variant
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 8; i++) {
        hi = (hi << 8) | (h[i] & 0xff);
        lo = (lo << 8) | (h[i + 8] & 0xff);
      }
      return "urn:uuid:" + new UUID(hi, lo);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
    }
  }

  private static byte[] bytes(UUID u) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
      b[i + 8] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
    }
    return b;
  }

  private static String absolute(String name, URI u, boolean page) {
    Objects.requireNonNull(u, name);
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!u.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || u.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute http or https URL: " + u);
    }
    if (u.getRawFragment() != null) {
      throw new IllegalArgumentException(name + " must not have a fragment: " + u);
    }
    String s = u.toASCIIString();
    if (page && (u.getRawPath() == null || u.getRawPath().isEmpty())) {
      int q = s.indexOf('?');
      s = q < 0 ? s + "/" : s.substring(0, q) + "/" + s.substring(q);
    }
    return s;
  }
}
