package org.triangulate.ingest.html;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The schema.org article a page describes in its JSON-LD scripts: arrays, {@code @graph},
 * references by {@code @id}, {@code @type} as a string or an array. A script that is not valid JSON
 * (even read leniently: comments, trailing commas, raw control characters) is ignored.
 */
final class JsonLd {

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "askpublicnewsarticle",
          "satiricalarticle",
          "blogposting",
          "liveblogposting",
          "socialmediaposting",
          "report",
          "techarticle",
          "scholarlyarticle");

  private static final int MAX_DEPTH = 8;

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .build();

  /** The fields of the article node; every one may be missing. */
  record Article(
      Optional<String> headline,
      Optional<String> byline,
      Optional<String> publisher,
      Optional<String> published,
      Optional<String> modified,
      Optional<String> body,
      Optional<String> language,
      int offset) {

    static final Article NONE =
        new Article(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0);
  }

  private JsonLd() {}

  /** The first article node of the page's JSON-LD, else {@link Article#NONE}. */
  static Article read(Document doc) {
    List<JsonNode> nodes = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    Map<String, JsonNode> byId = new HashMap<>();
    for (Element script : doc.select("script[type]")) {
      String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
      if (!type.startsWith("application/ld+json")) {
        continue;
      }
      JsonNode root;
      try {
        root = MAPPER.readTree(unwrap(script.data()));
      } catch (JacksonException | RuntimeException e) {
        continue; // malformed JSON-LD is the page's problem, not the article's
      }
      if (root == null) {
        continue;
      }
      int before = nodes.size();
      collect(root, 0, nodes, byId);
      for (int i = before; i < nodes.size(); i++) {
        offsets.add(HtmlExtractor.position(script));
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode n = nodes.get(i);
      if (isArticle(n)) {
        return article(n, byId, offsets.get(i));
      }
    }
    return Article.NONE;
  }

  private static String unwrap(String data) {
    String s = data.strip();
    if (s.startsWith("<!--")) {
      s = s.substring(4);
      if (s.endsWith("-->")) {
        s = s.substring(0, s.length() - 3);
      }
    }
    s = s.strip();
    if (s.startsWith("//<![CDATA[")) {
      s = s.substring(11);
    } else if (s.startsWith("<![CDATA[")) {
      s = s.substring(9);
    }
    int end = s.lastIndexOf("]]>");
    if (end >= 0) {
      s = s.substring(0, end);
      if (s.endsWith("//")) {
        s = s.substring(0, s.length() - 2);
      }
    }
    return s;
  }

  /** Every object in the tree, in document order, with the {@code @id}s they declare. */
  private static void collect(
      JsonNode n, int depth, List<JsonNode> out, Map<String, JsonNode> byId) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (n.isArray()) {
      for (JsonNode child : n) {
        collect(child, depth + 1, out, byId);
      }
    } else if (n.isObject()) {
      out.add(n);
      JsonNode id = n.get("@id");
      if (id != null && id.isTextual() && n.size() > 1) {
        byId.putIfAbsent(id.asText(), n);
      }
      for (JsonNode child : n) {
        if (child.isContainerNode()) {
          collect(child, depth + 1, out, byId);
        }
      }
    }
  }

  private static boolean isArticle(JsonNode n) {
    for (String t : types(n)) {
      if (ARTICLE_TYPES.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> types(JsonNode n) {
    JsonNode t = n.get("@type");
    List<String> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    for (JsonNode v : t.isArray() ? t : List.of(t)) {
      if (v.isTextual()) {
        String s = v.asText().strip();
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
        out.add(s.substring(cut + 1).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static Article article(JsonNode n, Map<String, JsonNode> byId, int offset) {
    Optional<String> headline = text(n.get("headline")).or(() -> text(n.get("name")));
    return new Article(
        headline,
        names(n.get("author"), byId),
        names(n.get("publisher"), byId).or(() -> names(n.get("sourceOrganization"), byId)),
        text(n.get("datePublished")).or(() -> text(n.get("dateCreated"))),
        text(n.get("dateModified")),
        text(n.get("articleBody")),
        text(n.get("inLanguage")),
        offset);
  }

  /** Names of persons or organisations: a string, an object with a name, a reference, an array. */
  private static Optional<String> names(JsonNode v, Map<String, JsonNode> byId) {
    if (v == null) {
      return Optional.empty();
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode item : v.isArray() ? v : List.of(v)) {
      JsonNode node = item;
      if (node.isObject() && !node.has("name") && node.has("@id")) {
        node = byId.getOrDefault(node.get("@id").asText(), node);
      }
      Optional<String> name = node.isObject() ? text(node.get("name")) : text(node);
      name.filter(s -> !looksLikeUrl(s)).ifPresent(names::add);
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
  }

  private static Optional<String> text(JsonNode v) {
    if (v == null) {
      return Optional.empty();
    }
    if (v.isArray() && v.size() > 0) {
      return text(v.get(0));
    }
    if (!v.isTextual() && !v.isNumber()) {
      return Optional.empty();
    }
    String s = Parser.unescapeEntities(v.asText(), false).strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  static boolean looksLikeUrl(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://") || l.startsWith("//");
  }
}
