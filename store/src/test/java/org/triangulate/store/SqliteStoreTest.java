package org.triangulate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteUpdateListener;

/** The store contract on SQLite, and what only the SQLite store promises. */
class SqliteStoreTest extends StoreContract {

  @TempDir Path dir;
  private Path file;
  private int created;

  @Override
  CorpusStore create(Migrations migrations, Clock clock) {
    file = dir.resolve("corpus-" + ++created).resolve(CorpusStore.FILE_NAME);
    return SqliteStore.open(file, migrations, clock);
  }

  @Override
  CorpusStore reopen(Migrations migrations, Clock clock) {
    return SqliteStore.open(file, migrations, clock);
  }

  @Override
  Connection unguarded() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  /**
   * The rows SQLite reports changed, one by one (its update hook), but for the pages FTS5 keeps
   * its own index in ({@code search_fts_*}: segments it writes and merges as it sees fit, which
   * are not rows of the corpus). {@code total_changes()} would count those too.
   */
  @Override
  long rowsTouched(CorpusStore store, Runnable write) throws SQLException {
    SQLiteConnection c = ((JdbcStore) store).connection.unwrap(SQLiteConnection.class);
    AtomicLong rows = new AtomicLong();
    SQLiteUpdateListener counter = (type, database, table, rowId) -> {
      if (!table.startsWith("search_fts_")) {
        rows.incrementAndGet();
      }
    };
    c.addUpdateListener(counter);
    try {
      write.run();
    } finally {
      c.removeUpdateListener(counter);
    }
    return rows.get();
  }

  @Test
  void theUpdateHookCountsWhatTotalChangesCountsWithoutTheIndex() throws SQLException {
    // The measure above agrees with SQLite's own total where no full-text row is written.
    CorpusStore store = create();
    store.save(Hama.growing().get(0));
    long before = totalChanges(store);
    long hooked = rowsTouched(store, () -> store.apply(Hama.growing().get(0), Hama.growing().get(0)));
    assertThat(hooked).isEqualTo(totalChanges(store) - before).isEqualTo(1);
  }

  private static long totalChanges(CorpusStore store) throws SQLException {
    try (Statement s = ((JdbcStore) store).connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT total_changes()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aFolderGetsCorpusDbInWriteAheadLogModeWithFullSync() throws SQLException {
    Path folder = dir.resolve("new").resolve("folder");
    try (SqliteStore store = CorpusStore.openFolder(folder)) {
      assertThat(store.file()).isEqualTo(folder.resolve("corpus.db").toAbsolutePath());
      assertThat(Files.isRegularFile(store.file())).isTrue();
      assertThat(pragma(store, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(store, "synchronous")).isEqualTo("2"); // FULL
      assertThat(pragma(store, "foreign_keys")).isEqualTo("1");
      store.save(Hama.growing().get(0));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("corpus.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).as("the mode is kept in the file").isEqualTo("wal");
    }
  }

  private static String pragma(SqliteStore store, String name) throws SQLException {
    try (Statement s = store.connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
