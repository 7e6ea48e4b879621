package org.triangulate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL corpus takes its password from {@code PGPASSWORD} or from the password file the
 * driver reads ({@code ~/.pgpass}, or the file {@code PGPASSFILE} or {@code
 * org.postgresql.pgpassfile} names), never from the URL; against a server that asks for it (SCRAM).
 */
class PostgresCredentialsTest {

  private static final String PASSFILE = "org.postgresql.pgpassfile";
  private static final String PASSWORD = "c0rrect:horse\\battery";

  @TempDir Path dir;
  private String database;

  @BeforeEach
  void role() {
    TestPostgres.server();
    database = "team_" + System.nanoTime();
    TestPostgres.admin("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ann') THEN"
        + " CREATE ROLE ann LOGIN PASSWORD 'c0rrect:horse\\battery'; END IF; END $$");
    TestPostgres.admin("CREATE DATABASE " + database + " OWNER ann ENCODING 'UTF8' TEMPLATE template0");
    // No password file unless a test writes one.
    System.setProperty(PASSFILE, dir.resolve("none").toString());
  }

  @AfterEach
  void forget() {
    System.clearProperty(PASSFILE);
  }

  @Test
  void withoutAPasswordTheServerRefuses() {
    assertThatThrownBy(() -> PostgresStore.open(TestPostgres.url(database, "ann"), Map.of(), Migrations.CURRENT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect to")
        .hasMessageContaining("password");
  }

  @Test
  void thePasswordComesFromPgpassword() {
    String url = TestPostgres.url(database, "ann");
    try (PostgresStore store = PostgresStore.open(url, Map.of("PGPASSWORD", PASSWORD), Migrations.CURRENT)) {
      store.save(Hama.growing().get(0));
      assertThat(store.location()).isEqualTo(url).doesNotContain(PASSWORD);
    }
    assertThatThrownBy(() -> PostgresStore.open(url, Map.of("PGPASSWORD", "wrong"), Migrations.CURRENT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void thePasswordComesFromThePasswordFileTheDriverReads() throws Exception {
    Path pgpass = dir.resolve("pgpass");
    int port = TestPostgres.server().getPort();
    Files.writeString(pgpass, "localhost:" + port + ":" + database + ":ann:"
        + PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n");
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    System.setProperty(PASSFILE, pgpass.toString());
    try (PostgresStore store =
        PostgresStore.open(TestPostgres.url(database, "ann"), Map.of(), Migrations.CURRENT)) {
      assertThat(store.schemaVersion()).isEqualTo(StoreContract.latestSchema());
    }
    // The user can come from PGUSER too, as for psql.
    String noUser = "jdbc:postgresql://localhost:" + port + "/" + database;
    try (PostgresStore store = PostgresStore.open(noUser, Map.of("PGUSER", "ann"), Migrations.CURRENT)) {
      assertThat(store.load().articles()).isEmpty();
    }
  }

  @Test
  void aPasswordInTheUrlIsRefusedBeforeAnythingConnects() {
    String url = TestPostgres.url(database, "ann") + "&password=" + "secret";
    assertThatThrownBy(() -> PostgresStore.open(url, Map.of(), Migrations.CURRENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PGPASSWORD")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> PostgresStore.open("jdbc:mysql://localhost/x", Map.of(), Migrations.CURRENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PostgreSQL JDBC URL");
  }
}
