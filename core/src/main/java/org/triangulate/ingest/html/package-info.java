/**
 * Finds the article in a web page. Input: the decoded markup of one page and the URL it was fetched
 * from, if known. Output: an {@link org.triangulate.ingest.html.HtmlPage}: the body as blocks of
 * text, the {@link org.triangulate.model.Removal}s of everything dropped that had text, and the
 * {@link org.triangulate.model.ArticleMetadata}. Entry point: {@link
 * org.triangulate.ingest.html.HtmlExtractor#extract}.
 *
 * <p>The body is the element marked {@code itemprop=articleBody}, else the {@code <article>}, else
 * an element with a class news sites give their body, else the best container by a
 * readability-style score; a body spread over several containers is gathered from their common
 * ancestor. Inside it, page chrome is dropped by tag (scripts, navigation, asides, forms, figures),
 * by class and id (share bars, comments, related links, newsletter boxes, ads) and by shape (lists
 * of links, "Read more:" leads). The headline and the visible byline are moved out of the body into
 * the metadata. A JSON-LD {@code articleBody} is used only when the markup yields almost nothing.
 *
 * <p>Metadata, most trusted first: JSON-LD (arrays, {@code @graph}, {@code @id} references; a
 * malformed script is ignored), OpenGraph and other meta tags, then the markup. Dates are
 * normalised with {@link org.triangulate.text.Dates}, languages to their primary subtag.
 *
 * <p>Invariants: never throws on any markup; block and removal offsets are indices into the given
 * markup, at the start tag of the element they came from (a JSON-LD body's blocks at its script);
 * blocks are in document order and never blank; one removal per dropped element with text; the
 * result depends only on the input.
 *
 * <p>It does not run scripts, fetch anything, follow pagination ("page 2 of 3"), read the text of
 * images or iframes, or tell a listing page from an article beyond finding no body text in it (then
 * it returns no blocks). Block text is read from markup, so it is not character-exact.
 */
package org.triangulate.ingest.html;
