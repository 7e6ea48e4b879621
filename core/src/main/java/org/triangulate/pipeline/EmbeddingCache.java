package org.triangulate.pipeline;

import java.util.ArrayList;
import java.util.List;
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
 * 1.5 KB a sentence) is bounded by the sentences of the stories that run touches.
 */
final class EmbeddingCache implements Embedder {

  private final Embedder embedder;
  private final ConcurrentHashMap<String, CompletableFuture<float[]>> vectors =
      new ConcurrentHashMap<>();
  private final AtomicLong requested = new AtomicLong();
  private final AtomicLong embedded = new AtomicLong();

  EmbeddingCache(Embedder embedder) {
    this.embedder = embedder;
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
        List<float[]> out = embedder.embed(mine);
        embedded.addAndGet(mine.size());
        for (int i = 0; i < mine.size(); i++) {
          mineFutures.get(i).complete(out.get(i));
        }
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

  @Override
  public int dimensions() {
    return embedder.dimensions();
  }

  /** Sentences asked for, counting repeats. */
  long requested() {
    return requested.get();
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
