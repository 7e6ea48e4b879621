package org.triangulate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, and what only the SQLite store promises. */
class SqliteStoreTest extends StoreContract {

  @TempDir Path dir;
  private Path file;
  private int created;

  @Override
  CorpusStore create(Migrations migrations) {
    file = dir.resolve("corpus-" + ++created).resolve(CorpusStore.FILE_NAME);
    return SqliteStore.open(file, migrations);
  }

  @Override
  CorpusStore reopen(Migrations migrations) {
    return SqliteStore.open(file, migrations);
  }

  @Override
  Connection unguarded() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @Override
  long rowsTouched(CorpusStore store, Runnable write) throws SQLException {
    long before = totalChanges(store);
    write.run();
    return totalChanges(store) - before;
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
