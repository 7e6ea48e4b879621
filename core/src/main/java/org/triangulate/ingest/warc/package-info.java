/**
 * Reads web archives. Input: a WARC or WARC.gz stream (jwarc tells them apart). Output: one {@link
 * org.triangulate.ingest.RawDocument} per HTML page (format {@code warc}, location {@code "byte N"}
 * at the record's offset in the file, compressed offset for WARC.gz; id the WARC-Record-ID; url the
 * WARC-Target-URI; content the decoded page) and {@link org.triangulate.model.Problem}s. Entry
 * point: {@link org.triangulate.ingest.warc.WarcArticleReader#read}.
 *
 * <p>Taken: {@code response} records with an HTTP payload of type {@code text/html} or {@code
 * application/xhtml+xml} (or no type, or octet-stream, when the WARC-Identified-Payload-Type or the
 * first bytes say HTML), and {@code resource} records of those types. Transfer and content
 * encodings (chunked, gzip, deflate) are undone by jwarc; Brotli and Zstandard need decoders that
 * are not on the class path, so such pages are errors. The charset of the HTTP header, else of the
 * page's meta tag, else detection decodes the bytes.
 *
 * <p>Skipped silently, as they are not articles: warcinfo, request, metadata, revisit and
 * conversion records, and responses that are not HTML (whatever their size). Skipped with a
 * warning: HTML responses with a status other than 2xx, redirects included. Skipped with an error:
 * HTML records over the size limit (their block, or their decoded page), records whose HTTP message
 * or encoding cannot be read, pages that decode to nothing or to binary.
 *
 * <p>Invariants: never throws on bad input; streams one record at a time; a truncated file, a
 * truncated gzip member or bytes that are not WARC end the reading with one error naming the byte
 * offset of the record where it happened, after every record before it was delivered; a record that
 * ends early is never delivered.
 *
 * <p>It does not resynchronise after garbage (the rest of the file is skipped and the problem says
 * so), follow revisit records to the capture they repeat, join continuation records, or read ARC
 * files. The WARC-Date is the crawl date, not a publication date, and is not used.
 */
package org.triangulate.ingest.warc;
