package org.triangulate.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The store contract on a real PostgreSQL (embedded, started by the test; skipped with the reason
 * where its binaries cannot run).
 */
class PostgresStoreTest extends StoreContract {

  private String url;

  @Override
  CorpusStore create(Migrations migrations, Clock clock) {
    url = TestPostgres.newDatabase();
    return PostgresStore.open(url, Map.of(), migrations, clock);
  }

  @Override
  CorpusStore reopen(Migrations migrations, Clock clock) {
    return PostgresStore.open(url, Map.of(), migrations, clock);
  }

  /** The superuser, with foreign-key triggers off for the session (to break rows on purpose). */
  @Override
  Connection unguarded() throws SQLException {
    Connection c = DriverManager.getConnection(url, new Properties());
    try (Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
    }
    return c;
  }

  /** Rows whose version ({@code xmin}, the transaction that wrote them) changed, came or went. */
  @Override
  long rowsTouched(CorpusStore store, Runnable write) throws SQLException {
    Map<String, String> before = versions();
    write.run();
    Map<String, String> after = versions();
    long touched = before.keySet().stream().filter(k -> !after.containsKey(k)).count();
    for (Map.Entry<String, String> e : after.entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        touched++;
      }
    }
    return touched;
  }

  private Map<String, String> versions() throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (Connection c = unguarded()) {
      for (String[] t : new String[][] {
          {"corpus", "id"}, {"inputs", "source"}, {"articles", "id"}, {"annotations", "article_id"},
          {"entities", "id"}, {"stories", "id"}, {"story_articles", "story_id || '/' || article_id"},
          {"story_aliases", "story_id || '/' || alias"}, {"provenance", "story_id"},
          {"reconciliation", "story_id"}, {"problems", "id"},
          {"search_entries", "kind || '/' || item"}, {"search_state", "id"},
          {"changes", "generation"}}) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT " + t[1] + ", xmin::text FROM " + t[0])) {
          while (rs.next()) {
            out.put(t[0] + "/" + rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    return out;
  }
}
