package org.triangulate.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.triangulate.align.Embedder;

/**
 * Embeds each distinct sentence once per run, whichever stage asks first (paraphrase candidates,
 * align, reconcile) and on whichever thread: the first thread to ask for a sentence embeds it, the
 * others wait for its vector. Vectors are shared, not copied: callers must not change them.
 *
 * <p>A cache lives as long as one run ({@link Pipeline} makes one per call), so its memory (about
 * 1.5 KB a sentence) is bounded by the sentences of the stories that run touches. Behind it are the
 * {@link Records} kept between runs: a sentence they hold is not given to the model, and every
 * vector the model makes is kept there.
 */
public final class EmbeddingCache implements Embedder {

  private final Embedder embedder;
  private final Records records;
  private final String version;
  private final ConcurrentHashMap<String, CompletableFuture<float[]>> vectors =
      new ConcurrentHashMap<>();
  private final AtomicLong requested = new AtomicLong();
  private final AtomicLong embedded = new AtomicLong();
  private final AtomicLong kept = new AtomicLong();

  /**
   * A cache over {@code embedder} alone, with no records behind it: for one batch of stories (a
   * Spark task's), so that align and reconcile embed each sentence once.
   */
  public static EmbeddingCache over(Embedder embedder) {
    return new EmbeddingCache(embedder, Records.NONE);
  }

  EmbeddingCache(Embedder embedder, Records records) {
    this.embedder = embedder;
    this.records = records;
    this.version = embedder.version();
  }

  @Override
  public List<float[]> embed(List<String> sentences) {
    requested.addAndGet(sentences.size());
    List<CompletableFuture<float[]>> futures = new ArrayList<>(sentences.size());
    List<String> mine = new ArrayList<>();
    List<CompletableFuture<float[]>> mineFutures = new ArrayList<>();
    for (String s : sentences) {
      CompletableFuture<float[]> f = vectors.get(s);
      if (f == null) {
        CompletableFuture<float[]> fresh = new CompletableFuture<>();
        f = vectors.putIfAbsent(s, fresh);
        if (f == null) {
          f = fresh;
          mine.add(s);
          mineFutures.add(fresh);
        }
      }
      futures.add(f);
    }
    if (!mine.isEmpty()) {
      try {
        fill(mine, mineFutures);
      } catch (RuntimeException | Error e) {
        for (int i = 0; i < mine.size(); i++) {
          vectors.remove(mine.get(i), mineFutures.get(i));
          mineFutures.get(i).completeExceptionally(e);
        }
        throw e;
      }
    }
    List<float[]> result = new ArrayList<>(sentences.size());
    for (CompletableFuture<float[]> f : futures) {
      result.add(f.join());
    }
    return result;
  }

  /** Completes {@code futures} for {@code sentences}: from the records where kept, else the model. */
  private void fill(List<String> sentences, List<CompletableFuture<float[]>> futures) {
    List<String> keys = new ArrayList<>(sentences.size());
    sentences.forEach(s -> keys.add(Records.vectorKey(version, s)));
    Map<String, float[]> found = records.vectors(keys);
    List<String> missing = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      float[] v = found.get(keys.get(i));
      if (v == null) {
        missing.add(sentences.get(i));
        where.add(i);
      }
    }
    kept.addAndGet(sentences.size() - missing.size());
    Map<String, float[]> made = new HashMap<>();
    if (!missing.isEmpty()) {
      List<float[]> out = embedder.embed(missing);
      embedded.addAndGet(missing.size());
      for (int j = 0; j < missing.size(); j++) {
        made.put(keys.get(where.get(j)), out.get(j));
      }
      records.keepVectors(made);
    }
    for (int i = 0; i < sentences.size(); i++) {
      float[] v = found.get(keys.get(i));
      futures.get(i).complete(v != null ? v : made.get(keys.get(i)));
    }
  }

  @Override
  public int dimensions() {
    return embedder.dimensions();
  }

  /** Sentences asked for, counting repeats. */
  long requested() {
    return requested.get();
  }

  /** Sentences whose vectors came from the records. */
  long kept() {
    return kept.get();
  }

  /** Sentences given to the model. */
  long embedded() {
    return embedded.get();
  }

  /** Distinct sentences held. */
  long distinct() {
    return vectors.size();
  }
}
