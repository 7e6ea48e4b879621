/**
 * Reads JSONL article collections. Input: the decoded lines of one JSONL file. Output: one {@link
 * org.triangulate.ingest.RawDocument} per good record (format {@code jsonl}, location {@code "line
 * N"}, counted from 1 including blank lines) and one {@link org.triangulate.model.Problem} per bad
 * line. Entry point: {@link org.triangulate.ingest.jsonl.JsonlReader#read}.
 *
 * <p>Field names, the first present wins: text from {@code text}, {@code maintext}, {@code body},
 * {@code content}, {@code article} (a string, or an array of paragraphs), else HTML from {@code
 * html}, {@code raw_html}; id from {@code id}, {@code _id}, else the {@code url}; {@code title};
 * dates from {@code date}, {@code date_publish}, {@code published}, {@code publish_date}, {@code
 * datePublished}, {@code publishedAt} (strings in any form {@link org.triangulate.text.Dates}
 * reads, or seconds or milliseconds since 1970) and {@code date_modify}, {@code modified}; outlet
 * from {@code source}, {@code source_domain}, {@code outlet}, {@code domain}, {@code site} (a
 * string or an object with a {@code name}); language from {@code language}, {@code lang}; byline
 * from {@code author}, {@code authors}, {@code byline}. Names match in any case. {@code
 * description} is not text.
 *
 * <p>Invariants: streams, holding one line at a time and never more than the record limit of one;
 * every non-blank line gives exactly one document or one error; a bad line never stops the reading;
 * an unreadable date is a warning and the record is kept without it.
 *
 * <p>It does not read JSON arrays spread over several lines, nested article lists, or text fields
 * under other names; it does not strip HTML from a text field.
 */
package org.triangulate.ingest.jsonl;
