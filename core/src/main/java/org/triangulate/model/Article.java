package org.triangulate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
}
