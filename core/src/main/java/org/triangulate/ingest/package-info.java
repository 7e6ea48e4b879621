/**
 * The ingest stage. Input: files, folders and globs of plain text, HTML, JSONL and WARC (also
 * gzip-compressed). Output: {@link org.triangulate.model.Article}s with clean text, metadata and a
 * record of every removal and repair, and {@link org.triangulate.model.Problem}s for every input or
 * part of one that could not be used.
 *
 * <p>Entry points: {@link org.triangulate.ingest.Inputs#expand} finds the files, {@link
 * org.triangulate.ingest.Ingester#ingest} reads one, {@link org.triangulate.ingest.Corpus#ingest}
 * reads many on several threads and makes ids unique.
 *
 * <p>Invariants: ingest never throws on bad input; every rejected input or record is a problem
 * naming the source and a position (line or byte); the result does not depend on input order or
 * thread count. Limits: a text or HTML file, a JSONL line or a WARC record over {@link
 * org.triangulate.ingest.IngestOptions#maxBytes()} is rejected; one input lists at most 1,000
 * problems, then one that counts the rest.
 */
package org.triangulate.ingest;
