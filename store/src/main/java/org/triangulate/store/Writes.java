package org.triangulate.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows one transaction wrote, table by table, as the database counted them: what a {@link
 * CorpusStore#save} or {@link CorpusStore#apply} cost.
 *
 * @param tables by table name, in the order they were written; a table left alone is absent
 */
public record Writes(Map<String, Writes.Table> tables) {

  public Writes {
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }

  /** The rows of one table that were inserted, updated and deleted. */
  public record Table(int inserted, int updated, int deleted) {
    public static final Table NONE = new Table(0, 0, 0);

    public int total() {
      return inserted + updated + deleted;
    }
  }

  /** The counts for {@code table} (zeros when it was not written). */
  public Table table(String table) {
    return tables.getOrDefault(table, Table.NONE);
  }

  /** Every row written. */
  public int total() {
    return tables.values().stream().mapToInt(Table::total).sum();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    tables.forEach(
        (name, t) -> {
          if (t.total() > 0) {
            s.append(s.length() == 0 ? "" : ", ").append(name).append(' ');
            s.append('+').append(t.inserted).append(" ~").append(t.updated).append(" -").append(t.deleted);
          }
        });
    return s.length() == 0 ? "nothing" : s.toString();
  }

  /** Counts rows as statements report them. */
  static final class Counter {
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    void inserted(String table, int n) {
      add(table, 0, n);
    }

    void updated(String table, int n) {
      add(table, 1, n);
    }

    void deleted(String table, int n) {
      add(table, 2, n);
    }

    private void add(String table, int kind, int n) {
      counts.computeIfAbsent(table, k -> new int[3])[kind] += n;
    }

    Writes writes() {
      Map<String, Table> out = new LinkedHashMap<>();
      counts.forEach((k, v) -> out.put(k, new Table(v[0], v[1], v[2])));
      return new Writes(out);
    }
  }
}
