package org.triangulate.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about an article besides its text. Every field may be missing.
 *
 * @param title the headline
 * @param byline the author or authors, as printed
 * @param outlet the publishing outlet or site name
 * @param published publication date: ISO-8601 {@code yyyy-MM-dd}, or a date-time with offset
 *     {@code yyyy-MM-ddTHH:mm:ssZ} when the time is known
 * @param modified last modification date, in the same form
 * @param language ISO 639-1 code (639-3 where there is no 639-1 code) of the article's language
 * @param url the canonical URL when the page names one, else the URL it was fetched from
 * @param dateline the place of a dateline ("WASHINGTON —"), as printed
 */
public record ArticleMetadata(
    Optional<String> title,
    Optional<String> byline,
    Optional<String> outlet,
    Optional<String> published,
    Optional<String> modified,
    Optional<String> language,
    Optional<String> url,
    Optional<String> dateline) {

  public static final ArticleMetadata EMPTY =
      new ArticleMetadata(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public ArticleMetadata {
    title = blankToEmpty(title, "title");
    byline = blankToEmpty(byline, "byline");
    outlet = blankToEmpty(outlet, "outlet");
    published = blankToEmpty(published, "published");
    modified = blankToEmpty(modified, "modified");
    language = blankToEmpty(language, "language");
    url = blankToEmpty(url, "url");
    dateline = blankToEmpty(dateline, "dateline");
  }

  private static Optional<String> blankToEmpty(Optional<String> value, String name) {
    Objects.requireNonNull(value, name);
    return value.map(String::strip).filter(s -> !s.isEmpty());
  }

  /** The calendar day of {@link #published()}, in the time zone it was given in. */
  public Optional<LocalDate> publishedDay() {
    return published.map(p -> LocalDate.parse(p.substring(0, 10)));
  }

  public ArticleMetadata withTitle(Optional<String> v) {
    return new ArticleMetadata(v, byline, outlet, published, modified, language, url, dateline);
  }

  public ArticleMetadata withByline(Optional<String> v) {
    return new ArticleMetadata(title, v, outlet, published, modified, language, url, dateline);
  }

  public ArticleMetadata withOutlet(Optional<String> v) {
    return new ArticleMetadata(title, byline, v, published, modified, language, url, dateline);
  }

  public ArticleMetadata withPublished(Optional<String> v) {
    return new ArticleMetadata(title, byline, outlet, v, modified, language, url, dateline);
  }

  public ArticleMetadata withModified(Optional<String> v) {
    return new ArticleMetadata(title, byline, outlet, published, v, language, url, dateline);
  }

  public ArticleMetadata withLanguage(Optional<String> v) {
    return new ArticleMetadata(title, byline, outlet, published, modified, v, url, dateline);
  }

  public ArticleMetadata withUrl(Optional<String> v) {
    return new ArticleMetadata(title, byline, outlet, published, modified, language, v, dateline);
  }

  public ArticleMetadata withDateline(Optional<String> v) {
    return new ArticleMetadata(title, byline, outlet, published, modified, language, url, v);
  }

  /** Fills each missing field of this from {@code other}; fields present here win. */
  public ArticleMetadata orElse(ArticleMetadata other) {
    return new ArticleMetadata(
        title.or(other::title),
        byline.or(other::byline),
        outlet.or(other::outlet),
        published.or(other::published),
        modified.or(other::modified),
        language.or(other::language),
        url.or(other::url),
        dateline.or(other::dateline));
  }
}
