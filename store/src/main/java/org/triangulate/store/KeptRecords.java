package org.triangulate.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.pipeline.Records;
import org.triangulate.report.JsonReadingCodec;

/**
 * The readings and sentence vectors a corpus keeps (tables {@code readings} and {@code vectors}),
 * as the pipeline's {@link Records}. Reads go to the database; what the pipeline keeps is held in
 * memory until {@link #flush()} writes it in one transaction (one commit per run, not one per
 * batch of sentences). Rows are keyed by content and never change, so a write of a key already
 * there is skipped, and two processes writing the same record agree.
 *
 * <p>Safe for the pipeline's concurrent workers: every use of the store's one connection holds the
 * store's lock. A row that does not read back (a damaged row) counts as missing: the record is
 * computed again.
 */
public final class KeptRecords implements Records {

  /** Keys per query. */
  private static final int CHUNK = 500;

  private final JdbcStore store;
  private final Map<String, ArticleReading> newReadings = new TreeMap<>();
  private final Map<String, float[]> newVectors = new TreeMap<>();

  KeptRecords(JdbcStore store) {
    this.store = store;
  }

  @Override
  public Map<String, ArticleReading> readings(Collection<String> keys) {
    Map<String, ArticleReading> out = new HashMap<>();
    List<String> ask = new ArrayList<>();
    synchronized (store) {
      for (String k : keys) {
        ArticleReading r = newReadings.get(k);
        if (r != null) {
          out.put(k, r);
        } else {
          ask.add(k);
        }
      }
      select(
          "SELECT key, reading FROM readings WHERE key IN ",
          ask,
          (key, rs) -> {
            try {
              out.put(key, JsonReadingCodec.read(rs));
            } catch (IOException e) {
              // A damaged row: read the article again.
            }
          });
    }
    return out;
  }

  @Override
  public Map<String, float[]> vectors(Collection<String> keys) {
    Map<String, float[]> out = new HashMap<>();
    List<String> ask = new ArrayList<>();
    synchronized (store) {
      for (String k : keys) {
        float[] v = newVectors.get(k);
        if (v != null) {
          out.put(k, v);
        } else {
          ask.add(k);
        }
      }
      select(
          "SELECT key, vector FROM vectors WHERE key IN ",
          ask,
          (key, text) -> {
            float[] v = decode(text);
            if (v != null) {
              out.put(key, v);
            }
          });
    }
    return out;
  }

  @Override
  public void keepReadings(Map<String, ArticleReading> readings) {
    synchronized (store) {
      newReadings.putAll(readings);
    }
  }

  @Override
  public void keepVectors(Map<String, float[]> vectors) {
    synchronized (store) {
      newVectors.putAll(vectors);
    }
  }

  /** How many records wait for {@link #flush()}. */
  public int pending() {
    synchronized (store) {
      return newReadings.size() + newVectors.size();
    }
  }

  /**
   * Writes the records kept since the last flush, in one transaction; returns how many rows were
   * new to the corpus.
   */
  public int flush() {
    synchronized (store) {
      if (newReadings.isEmpty() && newVectors.isEmpty()) {
        return 0;
      }
      Map<String, String[]> readings = new LinkedHashMap<>();
      newReadings.forEach(
          (k, r) -> readings.put(k, new String[] {r.article(), JsonReadingCodec.write(r)}));
      Map<String, String[]> vectors = new LinkedHashMap<>();
      newVectors.forEach(
          (k, v) -> vectors.put(k, new String[] {Integer.toString(v.length), encode(v)}));
      int written =
          store.transaction(
              false,
              () ->
                  insert("INSERT INTO readings (key, article_id, reading) VALUES (?, ?, ?)", readings, false)
                      + insert("INSERT INTO vectors (key, dimensions, vector) VALUES (?, ?, ?)", vectors, true));
      newReadings.clear();
      newVectors.clear();
      return written;
    }
  }

  private int insert(String sql, Map<String, String[]> rows, boolean secondIsNumber)
      throws SQLException {
    int written = 0;
    try (PreparedStatement ps = store.connection.prepareStatement(sql + " ON CONFLICT (key) DO NOTHING")) {
      int n = 0;
      for (Map.Entry<String, String[]> e : rows.entrySet()) {
        ps.setString(1, e.getKey());
        if (secondIsNumber) {
          ps.setInt(2, Integer.parseInt(e.getValue()[0]));
        } else {
          ps.setString(2, Digests.key(e.getValue()[0]));
        }
        ps.setString(3, e.getValue()[1]);
        ps.addBatch();
        if (++n % CHUNK == 0) {
          written += sum(ps.executeBatch());
        }
      }
      written += sum(ps.executeBatch());
    }
    return written;
  }

  private static int sum(int[] counts) {
    int s = 0;
    for (int c : counts) {
      s += Math.max(c, 0);
    }
    return s;
  }

  private void select(String sql, List<String> keys, BiConsumer<String, String> row) {
    if (keys.isEmpty()) {
      return;
    }
    store.transaction(
        true,
        () -> {
          for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            String marks = "(" + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")";
            try (PreparedStatement ps = store.connection.prepareStatement(sql + marks)) {
              for (int i = 0; i < part.size(); i++) {
                ps.setString(i + 1, part.get(i));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  row.accept(rs.getString(1), rs.getString(2));
                }
              }
            }
          }
          return null;
        });
  }

  /** Base64 of the floats, each 4 bytes little-endian. */
  static String encode(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return Base64.getEncoder().encodeToString(b.array());
  }

  /** The floats of {@link #encode}'s text; null when it is not such a text. */
  static float[] decode(String text) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length == 0 || bytes.length % 4 != 0) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }
}
