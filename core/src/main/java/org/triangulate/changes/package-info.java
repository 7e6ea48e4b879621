/**
 * What one {@link org.triangulate.pipeline.Pipeline#add add} changed, for people who watch a
 * growing corpus. Input: the state before, the state after and the pipeline's {@link
 * org.triangulate.pipeline.Pipeline.Changes Changes}. Output: a {@link
 * org.triangulate.changes.CorpusChange}: new stories, articles joining stories, claims that became
 * contested and claims that gained an independent source, each with a one-line summary, and its
 * JSON form ({@code triangulate.change/1}, documented in {@code docs/report.md}).
 *
 * <p><b>Claims are matched by content, not by id.</b> A claim's id is its story's id and its rank
 * among the story's claims, so a new claim earlier in the story renumbers every later one, and a
 * merged story's claims may carry another story's id. A claim after the add is compared with the
 * claim before it that shares most of its assertions, an assertion being an article and a span of
 * that article's text, which never changes; {@code ClaimMatcher} states the rule.
 *
 * <p><b>What it does not report.</b> A claim that was contested before and is still contested, even
 * when a new article gives it another competing value; a claim that lost an independent source or
 * stopped being contested (an add only adds articles, but a story analysed again can group its
 * sentences otherwise); a claim with no counterpart before that is contested without any new
 * article's words in it. Stories whose articles did not change are not looked at: their results are
 * kept as they were.
 */
package org.triangulate.changes;
