package org.triangulate.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The corpus in a PostgreSQL database, for a team: one database (its {@code public} schema, or the
 * one the URL's {@code currentSchema} names) per corpus, its encoding UTF-8.
 *
 * <p>The URL names the server, the database and the user ({@code
 * jdbc:postgresql://host:5432/triangulate?user=ann}), never the password: a command line is visible
 * to every user of the machine. The password comes from the environment variable {@code
 * PGPASSWORD} when it is set, else from the password file that the PostgreSQL driver reads itself
 * ({@code PGPASSFILE}, else {@code ~/.pgpass}, lines {@code host:port:database:user:password}, as
 * for psql). Without a {@code user} in the URL, {@code PGUSER} names it.
 */
public final class PostgresStore extends JdbcStore {

  private PostgresStore(Connection connection, String url, String version, Clock clock) {
    super(connection, url, version, clock);
  }

  /** Opens the corpus in the database at {@code url}, creating its tables when missing. */
  public static PostgresStore open(String url) {
    return open(url, Clock.systemUTC());
  }

  /**
   * Opens the corpus in the database at {@code url}, creating its tables when missing; {@code
   * clock} dates the changes it records.
   */
  public static PostgresStore open(String url, Clock clock) {
    return open(url, System.getenv(), Migrations.CURRENT, clock);
  }

  static PostgresStore open(String url, Map<String, String> env, Migrations migrations) {
    return open(url, env, migrations, Clock.systemUTC());
  }

  static PostgresStore open(String url, Map<String, String> env, Migrations migrations, Clock clock) {
    Properties parsed = Driver.parseURL(url, null);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database?user=name): " + url);
    }
    if (hasPassword(url)) {
      throw new IllegalArgumentException(
          "the database URL holds a password, which every user of this machine can read on a"
              + " command line: set PGPASSWORD, or put it in ~/.pgpass, and leave it out of the URL");
    }
    Properties credentials = new Properties();
    if (parsed.getProperty("user") == null && env.get("PGUSER") != null) {
      credentials.setProperty("user", env.get("PGUSER"));
    }
    if (env.get("PGPASSWORD") != null) {
      credentials.setProperty("password", env.get("PGPASSWORD"));
    }
    // Without a password here, the driver looks in PGPASSFILE or ~/.pgpass itself.
    Connections connections = new Connections(() -> new Driver().connect(url, credentials));
    Connection c;
    try {
      c = connections.getConnection();
    } catch (SQLException e) {
      throw new StoreException("cannot connect to " + url + ": " + e.getMessage(), e);
    }
    try {
      String encoding = setting(c, "SHOW server_encoding");
      if (!encoding.equalsIgnoreCase("UTF8")) {
        throw new StoreException(
            url + ": the database's encoding is " + encoding + "; a corpus needs UTF8"
                + " (CREATE DATABASE ... ENCODING 'UTF8')");
      }
      String version = migrations.migrate(connections, url, "postgresql");
      return new PostgresStore(c, url, version, clock);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException x) {
        e.addSuppressed(x);
      }
      if (e instanceof SQLException) {
        throw new StoreException(url + ": " + e.getMessage(), e);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * Whether the URL itself names a password ({@code password=} among its parameters). The driver's
   * own parse cannot tell: it adds the password it finds in the password file.
   */
  static boolean hasPassword(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return false;
    }
    for (String parameter : url.substring(q + 1).split("&")) {
      String name = parameter.split("=", 2)[0];
      if (java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8)
          .strip()
          .equalsIgnoreCase("password")) {
        return true;
      }
    }
    return false;
  }

  private static String setting(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** A read sees one snapshot: repeatable read, so no commit lands between its queries. */
  @Override
  void beginSnapshot() throws SQLException {
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
  }

  @Override
  void endSnapshot() throws SQLException {
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
  }

  @Override
  SearchIndex.Dialect searchDialect() {
    return SearchIndex.Dialect.POSTGRESQL;
  }

  /**
   * {@code ANALYZE search_entries}: until autovacuum gathers statistics of a newly filled index,
   * the planner takes the table for a small one and reads every row instead of the GIN index.
   */
  @Override
  void afterIndexing() {
    try (Statement s = connection.createStatement()) {
      s.execute("ANALYZE search_entries");
    } catch (SQLException e) {
      // Statistics only speed queries up; autovacuum gathers them in time.
    }
  }

  /** PostgreSQL checks its pages and write-ahead log itself; the rows are checked as for SQLite. */
  @Override
  List<String> engineCheck() {
    return List.of();
  }
}
