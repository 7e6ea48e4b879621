package org.triangulate.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.model.Article;
import org.triangulate.report.JsonReportWriter;

/**
 * Per-article and per-sentence records kept between runs, by content: an article's reading by the
 * NLP models (under a key over the article, its reference date and the annotator's version) and a
 * sentence's vector (under a key over the sentence and the embedder's version). A record depends on
 * what its key covers alone, so a run that finds one reuses it instead of running the model again,
 * and a changed article, reference date or model misses it.
 *
 * <p>The pipeline asks for the records of a batch at once and keeps what it computed; a corpus
 * store backs this with its tables, {@link #memory()} with a map. Implementations are safe for
 * concurrent use (the pipeline's workers ask and keep at the same time).
 */
public interface Records {

  /** Records that keep nothing: every run computes everything. */
  Records NONE =
      new Records() {
        @Override
        public Map<String, ArticleReading> readings(Collection<String> keys) {
          return Map.of();
        }

        @Override
        public Map<String, float[]> vectors(Collection<String> keys) {
          return Map.of();
        }

        @Override
        public void keepReadings(Map<String, ArticleReading> readings) {}

        @Override
        public void keepVectors(Map<String, float[]> vectors) {}
      };

  /**
   * The readings kept under any of {@code keys}, by key. A reading's {@link ArticleReading#article()}
   * is the id of the article it was read for, which the key covers.
   */
  Map<String, ArticleReading> readings(Collection<String> keys);

  /** The vectors kept under any of {@code keys}, by key; callers must not change them. */
  Map<String, float[]> vectors(Collection<String> keys);

  /** Keeps readings by key. Readings of articles the models could not read are not given. */
  void keepReadings(Map<String, ArticleReading> readings);

  /** Keeps vectors by key. */
  void keepVectors(Map<String, float[]> vectors);

  /** Records in this process's memory, for as long as the object lives. */
  static Records memory() {
    return new Records() {
      private final Map<String, ArticleReading> readings = new ConcurrentHashMap<>();
      private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

      @Override
      public Map<String, ArticleReading> readings(Collection<String> keys) {
        return pick(readings, keys);
      }

      @Override
      public Map<String, float[]> vectors(Collection<String> keys) {
        return pick(vectors, keys);
      }

      @Override
      public void keepReadings(Map<String, ArticleReading> r) {
        readings.putAll(r);
      }

      @Override
      public void keepVectors(Map<String, float[]> v) {
        vectors.putAll(v);
      }

      private <V> Map<String, V> pick(Map<String, V> from, Collection<String> keys) {
        Map<String, V> out = new HashMap<>();
        for (String k : keys) {
          V v = from.get(k);
          if (v != null) {
            out.put(k, v);
          }
        }
        return out;
      }
    };
  }

  /**
   * The key of an article's reading: 64 hex digits of the SHA-256 over the annotator's version,
   * the article as report.json writes it (id, source, metadata, text, removals, repairs) and its
   * reference date with the reference's source.
   */
  static String readingKey(
      String annotatorVersion, Article article, Optional<ReferenceDates.Reference> reference) {
    ByteArrayOutputStream json = new ByteArrayOutputStream(article.text().length() + 512);
    try (var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(json)) {
      JsonReportWriter.article(g, article, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MessageDigest sha = sha256();
    update(sha, "reading\n" + annotatorVersion + "\n");
    sha.update(json.toByteArray());
    update(
        sha,
        reference.map(r -> "\n" + r.date() + "\n" + r.source()).orElse("\nno reference"));
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The key of a sentence's vector: 64 hex digits of the SHA-256 over the embedder's version and
   * the sentence as it was given to the model.
   */
  static String vectorKey(String embedderVersion, String sentence) {
    MessageDigest sha = sha256();
    update(sha, "vector\n" + embedderVersion + "\n");
    update(sha, sentence);
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Every UTF-16 unit of {@code s} (so that no unpaired surrogate is replaced before hashing). */
  private static void update(MessageDigest sha, String s) {
    byte[] b = new byte[s.length() * 2];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b[2 * i] = (byte) (c >>> 8);
      b[2 * i + 1] = (byte) c;
    }
    sha.update(b);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
