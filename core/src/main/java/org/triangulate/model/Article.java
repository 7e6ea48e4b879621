package org.triangulate.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One news article after ingest.
 *
 * @param id stable, readable and unique within a run: the file name's stem for a file, the record's
 *     id (else its URL) for JSONL and WARC
 * @param source the path or URL of the input as the user gave it
 * @param location where in the source the article stood, for inputs that hold many ({@code "line
 *     12"} in JSONL, {@code "byte 4096"} in WARC); empty for a file that is one article
 * @param format the input format: {@code text}, {@code html}, {@code jsonl} or {@code warc}
 * @param metadata title, byline, outlet, dates, language
 * @param text the cleaned text; every span in the report indexes into it
 * @param removed what cleaning took out, with offsets into the original input
 * @param repairs what cleaning changed, with offsets into the original input and spans into {@code
 *     text}
 */
public record Article(
    String id,
    String source,
    Optional<String> location,
    String format,
    ArticleMetadata metadata,
    String text,
    List<Removal> removed,
    List<Repair> repairs) {

  public Article {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id must not be blank (source " + source + ")");
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(text, "text");
    removed = List.copyOf(removed);
    repairs = List.copyOf(repairs);
  }

  public Article withId(String newId) {
    return new Article(newId, source, location, format, metadata, text, removed, repairs);
  }

  public Article withMetadata(ArticleMetadata newMetadata) {
    return new Article(id, source, location, format, newMetadata, text, removed, repairs);
  }

  /** An id that ends in a hash ("000_5f845e8b32303230", "report-0a1b2c3d~2"): the readable part. */
  private static final Pattern HASHED = Pattern.compile("(.+?)[_-][0-9a-fA-F]{8,}(~\\d+)?");

  /**
   * A short name for readers: the outlet, else the web domain of the URL ("aljazeera.com"), else
   * the id without a trailing hash ("000" for "000_5f845e8b32303230", "000~2" for a renamed one),
   * else the id. It depends on the article alone; two articles may share one.
   */
  public String label() {
    if (metadata.outlet().isPresent()) {
      return metadata.outlet().get();
    }
    Optional<String> host = metadata.url().flatMap(Article::host);
    if (host.isPresent()) {
      String h = host.get();
      return h.startsWith("www.") && h.length() > 4 ? h.substring(4) : h;
    }
    Matcher m = HASHED.matcher(id);
    if (m.matches()) {
      return m.group(1) + (m.group(2) == null ? "" : m.group(2));
    }
    return id;
  }

  /**
   * The {@link #label}s of a story's articles, by id: a label two or more of them share is followed
   * by the id ("Reuters (r-17)"), so each names one article.
   */
  public static Map<String, String> labels(List<Article> articles) {
    Map<String, Integer> uses = new HashMap<>();
    for (Article a : articles) {
      uses.merge(a.label(), 1, Integer::sum);
    }
    Map<String, String> out = new TreeMap<>();
    for (Article a : articles) {
      String l = a.label();
      out.put(a.id(), uses.get(l) > 1 && !l.equals(a.id()) ? l + " (" + a.id() + ")" : l);
    }
    return out;
  }

  /** The lower-case host of a URL, if it is a URL with one. */
  public static Optional<String> host(String url) {
    try {
      String h = new URI(url.strip()).getHost();
      return h == null || h.isBlank() ? Optional.empty() : Optional.of(h.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

}
