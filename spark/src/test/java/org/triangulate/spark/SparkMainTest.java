package org.triangulate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;
import org.triangulate.store.CorpusStore;
import org.triangulate.store.PostgresStore;
import picocli.CommandLine;

/**
 * {@code triangulate spark} as a user runs it: its tables, its reports, its exit codes, and the
 * corpus it writes into PostgreSQL (a real server, zonky's embedded binaries), which loads back as
 * the report it wrote.
 */
class SparkMainTest {

  private static final Path HAMA = Path.of("../examples/hama");

  private static int run(PrintStream out, String... args) {
    PrintStream was = System.out;
    System.setOut(out);
    try {
      return new CommandLine(new SparkMain()).execute(args);
    } finally {
      System.setOut(was);
    }
  }

  @Test
  void writesTablesReportsAndThePostgresCorpus(@TempDir Path tmp) throws Exception {
    EmbeddedPostgres pg;
    try {
      pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    } catch (IOException | RuntimeException e) {
      Assumptions.abort("the embedded PostgreSQL binaries cannot run on this machine: " + e);
      return;
    }
    try (pg) {
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE corpus ENCODING 'UTF8' TEMPLATE template0");
      }
      String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/corpus?user=postgres";
      Path out = tmp.resolve("out");
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int code =
          run(
              new PrintStream(printed, true, StandardCharsets.UTF_8),
              HAMA.toString(), tmp.resolve("missing.txt").toString(),
              "--out", out.toString(), "--master", "local[2]", "--db", url);
      String text = printed.toString(StandardCharsets.UTF_8);
      // The missing input is a problem, and the exit code says an input was rejected.
      assertThat(code).isEqualTo(3);
      assertThat(text)
          .contains("5 articles in 1 stories, 1 problems")
          .contains("rows: articles 5 stories 1 ")
          .contains("problems 1")
          .containsPattern("step annotate +[0-9.]+ s wall");
      byte[] json = Files.readAllBytes(out.resolve("report.json"));
      assertThat(out.resolve("report.html")).isNotEmptyFile();
      try (CorpusStore store = PostgresStore.open(url)) {
        Report loaded = store.load();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new JsonReportWriter().write(loaded, again);
        assertThat(again.toString(StandardCharsets.UTF_8))
            .isEqualTo(new String(json, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void aBadOptionIsAUsageError() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    assertThat(run(new PrintStream(printed, true, StandardCharsets.UTF_8), HAMA.toString())).isEqualTo(2);
    assertThat(run(new PrintStream(printed, true, StandardCharsets.UTF_8), "--out", "x")).isEqualTo(2);
  }
}
