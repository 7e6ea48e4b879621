/**
 * Copy candidates at scale: which articles may share copied text, without comparing every pair.
 *
 * <ol>
 *   <li>{@link org.triangulate.align.lsh.Shingles}: word 5-shingles of the text lower-cased,
 *       letters and digits only, hashed to 64 bits (FNV-1a per word, murmur3 {@code fmix64}); case,
 *       punctuation and layout do not matter.
 *   <li>{@link org.triangulate.align.lsh.MinHasher}: a 128-bin MinHash signature by one-permutation
 *       hashing with optimal densification: one pass, no per-permutation hashing, fixed seeds.
 *   <li>{@link org.triangulate.align.lsh.LshIndex}: whole-document LSH over the signature (16 bands
 *       of 2 rows: edited, reordered and truncated copies) and a passage index of content-sampled
 *       shingles (one in 10, two shared: two or three paragraphs copied into a longer article,
 *       whose whole-document Jaccard is too low for any band threshold). Compact: primitive pages
 *       and chained buckets, under 1 KiB per 5 KB article with the signatures kept.
 *   <li>{@link org.triangulate.align.lsh.CopyCandidates}: the entry point, batch ({@code find}) or
 *       incremental ({@code add}, {@code candidatesOf}); pairs sorted by id with estimated Jaccard
 *       and containment; the same output whatever the input order.
 * </ol>
 *
 * The benchmark ({@code bench}: {@code LshBenchmark}, {@code LshMemory}) measures throughput per
 * core against a port of datasketch's MinHash and the memory per article; the tests in this package
 * measure recall on near-duplicates planted in real articles.
 */
package org.triangulate.align.lsh;
