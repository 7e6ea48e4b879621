package org.triangulate.ingest;

import java.util.Objects;
import java.util.Optional;
import org.triangulate.model.ArticleMetadata;

/**
 * One document found in an input, decoded but not yet cleaned: a whole text or HTML file, one JSONL
 * record, or one WARC response record.
 *
 * @param source the input as the user gave it
 * @param location where in the source the document stands ({@code "line 12"}, {@code "byte
 *     4096"}); empty for a file that is one document
 * @param idHint the id the input gives the document (a record's id, else its URL); empty for a file,
 *     whose id is its name's stem
 * @param format {@code text}, {@code html}, {@code jsonl} or {@code warc}
 * @param content the decoded text to clean: plain text, or HTML markup when {@code html} is true
 * @param html whether {@code content} is HTML markup
 * @param metadata what the container already says (JSONL fields, the WARC target URI and date)
 */
public record RawDocument(
    String source,
    Optional<String> location,
    Optional<String> idHint,
    String format,
    String content,
    boolean html,
    ArticleMetadata metadata) {

  public RawDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(idHint, "idHint");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(metadata, "metadata");
  }
}
