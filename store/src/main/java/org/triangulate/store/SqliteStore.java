package org.triangulate.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The corpus in one SQLite file ({@code DIR/corpus.db} by default), for one machine.
 *
 * <p>The file is in write-ahead-log mode: a transaction appends to {@code corpus.db-wal} and
 * commits with one record there, so a process killed at any moment leaves the file as of its last
 * commit (the next open rolls the log forward to it and ignores what follows), and readers in
 * other processes see the last commit while a write goes on. {@code synchronous=FULL}: each commit
 * waits until the log is on the disk. {@code NORMAL} would also survive a killed process (what was
 * written is in the operating system's cache), but after a power loss or a crash of the operating
 * system it may lose the last commits, and a caller told that a batch was committed must find it
 * there. The cost is one {@code fsync} per batch, nothing beside the pipeline's work. Foreign keys
 * are enforced, and checked at commit. Not on a network file system (SQLite's locks need a local
 * one).
 */
public final class SqliteStore extends JdbcStore {

  private final Path file;

  private SqliteStore(Connection connection, Path file, String version, Clock clock) {
    super(connection, file.toString(), version, clock);
    this.file = file;
  }

  /** Opens the corpus in {@code file}, creating it (and its folder) when missing. */
  public static SqliteStore open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /**
   * Opens the corpus in {@code file}, creating it (and its folder) when missing; {@code clock}
   * dates the changes it records.
   */
  public static SqliteStore open(Path file, Clock clock) {
    return open(file, Migrations.CURRENT, clock);
  }

  static SqliteStore open(Path file, Migrations migrations) {
    return open(file, migrations, Clock.systemUTC());
  }

  static SqliteStore open(Path file, Migrations migrations, Clock clock) {
    Path f = file.toAbsolutePath();
    try {
      if (f.getParent() != null) {
        Files.createDirectories(f.getParent());
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the folder of " + f + ": " + e.getMessage(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(60_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
    String url = "jdbc:sqlite:" + f;
    Connection c;
    try {
      c = config.createConnection(url);
    } catch (SQLException e) {
      throw new StoreException("cannot open " + f + ": " + e.getMessage(), e);
    }
    try {
      String version =
          migrations.migrate(new Connections(() -> config.createConnection(url)), f.toString(), "sqlite");
      return new SqliteStore(c, f, version, clock);
    } catch (RuntimeException e) {
      try {
        c.close();
      } catch (SQLException x) {
        e.addSuppressed(x);
      }
      throw e;
    }
  }

  /** The file the corpus is in. */
  public Path file() {
    return file;
  }

  @Override
  void beginSnapshot() {
    // A transaction reads one snapshot of the file in WAL mode.
  }

  @Override
  void endSnapshot() {}

  @Override
  SearchIndex.Dialect searchDialect() {
    return SearchIndex.Dialect.SQLITE;
  }

  /**
   * {@code PRAGMA integrity_check}: the file's pages, indexes and records; and FTS5's own check
   * that its index holds exactly the terms of {@code search_entries}.
   */
  @Override
  List<String> engineCheck() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      while (rs.next()) {
        String line = rs.getString(1);
        if (!line.equals("ok")) {
          out.add("SQLite integrity check: " + line);
        }
      }
    }
    if (searchable()) {
      try (Statement s = connection.createStatement()) {
        s.executeUpdate("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)");
      } catch (SQLException e) {
        out.add("the full-text index (search_fts) does not match search_entries: " + e.getMessage()
            + " (rebuildSearchIndex() rebuilds it)");
      }
    }
    return out;
  }
}
