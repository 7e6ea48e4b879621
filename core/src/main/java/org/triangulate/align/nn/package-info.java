/**
 * Paraphrase candidates at scale: which articles may be translations or close rewrites of each
 * other, through their sentences' nearest neighbours in embedding space, without comparing every
 * pair.
 *
 * <ul>
 *   <li>Input: article ids and texts, and an {@link org.triangulate.align.Embedder} (or the
 *       sentences' vectors directly).
 *   <li>Output: {@link org.triangulate.align.nn.ParaphraseCandidates.Pair}s, {@code a < b}, sorted,
 *       each with its evidence: how many sentences match on each side and the best cosine.
 *   <li>Steps: sentences of six words or more, each distinct text embedded once; {@link
 *       org.triangulate.align.nn.SimHasher} random-hyperplane signatures (seeded, 240 bits);
 *       banded LSH ({@code SentenceIndex}: 20 bands of 12 bits, a sort per band, no hash maps);
 *       the exact cosine of each colliding pair of sentences of different articles, once; pairs of
 *       articles with two matched sentences (one for short articles).
 *   <li>Invariants: the same candidates whatever the input order; a candidate's every matched
 *       sentence pair really is at the threshold (exact cosine, not the estimate); the vectors are
 *       held only during the search, the signatures take 32 bytes a sentence.
 * </ul>
 *
 * It complements {@link org.triangulate.align.lsh}, whose MinHash over word shingles finds copies;
 * the two together are the align stage's candidates for stories too large for every pair. It does
 * not look at whole-article vectors (a mean-vector prefilter would miss partial rewrites) and it
 * does not judge: the align stage does.
 */
package org.triangulate.align.nn;
