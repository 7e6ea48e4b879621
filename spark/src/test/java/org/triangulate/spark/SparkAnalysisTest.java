package org.triangulate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.eval.ClusterScores;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.ingest.Corpus;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/**
 * The Spark job on {@code local[2]} against {@code analyze} (the pipeline library, as the command
 * line runs it) on the same inputs: report.json byte for byte, and Parquet tables that hold every
 * article. Inputs: the Hama reports as files, as JSONL and as a gzipped WARC of HTML pages, with
 * hostile company (repeated ids, a broken gzip file, an empty file, binary junk); and, where the
 * development data is beside the project, 60 ECB+ articles as JSONL and as WARC.
 */
class SparkAnalysisTest {

  private static final Path HAMA = Path.of("../examples/hama");
  private static final Path ECB = Path.of("../../shared/eval/ecbplus-dev/articles.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SparkSession spark;
  private static Pipeline pipeline;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("triangulate-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    pipeline =
        new Pipeline(
            new Pipeline.Components(
                () -> ExecutorResources.ingester(64L << 20),
                ExecutorResources::annotator,
                ExecutorResources::embedder),
            new Pipeline.Options(2, true));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  /** What analyze gives for {@code paths}, as the command line runs it. */
  private static Report analyze(List<String> paths) {
    Inputs.Expansion e = Inputs.expand(paths, Path.of(""));
    IngestResult r = pipeline.ingest(e.inputs(), Corpus.Progress.none());
    List<Problem> problems = new ArrayList<>(e.problems());
    problems.addAll(r.problems());
    return pipeline.analyze(e.inputs().size(), r.articles(), problems);
  }

  private static Report spark(List<String> paths, Path out) {
    return spark(SparkAnalysis.Options.of(paths, 2), out);
  }

  private static Report spark(SparkAnalysis.Options options, Path out) {
    Report r = SparkAnalysis.run(spark, options);
    ParquetTables.write(spark, r, out.toString(), 2);
    return r;
  }

  private static String json(Report r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReportWriter().write(r, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The job's report is analyze's, byte for byte, and its tables hold every article and story. */
  private static void assertSame(List<String> paths, Path out) throws IOException {
    assertSame(SparkAnalysis.Options.of(paths, 2), out);
  }

  private static void assertSame(SparkAnalysis.Options options, Path out) throws IOException {
    Report expected = analyze(options.paths());
    Report actual = spark(options, out);
    assertThat(json(actual)).isEqualTo(json(expected));
    assertThat(ClusterScores.of(labels(actual), labels(expected)).ari()).isEqualTo(1.0);

    List<Row> articles = spark.read().parquet(out.resolve("articles").toString()).collectAsList();
    assertThat(articles.stream().map(r -> r.getString(r.fieldIndex("id"))).sorted().toList())
        .isEqualTo(expected.articles().stream().map(a -> a.id()).toList());
    for (Row r : articles) {
      String id = r.getString(r.fieldIndex("id"));
      assertThat(r.getString(r.fieldIndex("text")))
          .isEqualTo(expected.articles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().text());
      assertThat(r.getString(r.fieldIndex("story"))).isNotNull();
    }
    assertThat(spark.read().parquet(out.resolve("stories").toString()).count())
        .isEqualTo(expected.stories().size());
    long links = expected.provenance().values().stream().mapToLong(p -> p.links().size()).sum();
    assertThat(spark.read().parquet(out.resolve("links").toString()).count()).isEqualTo(links);
    long claims = expected.reconciliation().values().stream().mapToLong(c -> c.claims().size()).sum();
    assertThat(spark.read().parquet(out.resolve("claims").toString()).count()).isEqualTo(claims);
    assertThat(spark.read().parquet(out.resolve("entities").toString()).count())
        .isEqualTo(expected.entities().size());
    assertThat(spark.read().parquet(out.resolve("problems").toString()).count())
        .isEqualTo(expected.problems().size());
  }

  private static Map<String, String> labels(Report r) {
    Map<String, String> out = new HashMap<>();
    for (Story s : r.stories()) {
      s.articles().forEach(a -> out.put(a, s.id()));
    }
    return out;
  }

  @Test
  void hamaFilesGiveWhatAnalyzeGives(@TempDir Path tmp) throws IOException {
    assertSame(List.of(HAMA.toString()), tmp.resolve("out"));
  }

  @Test
  void aStoryAlignedInRunsOfThreePairsGivesWhatAnalyzeGives(@TempDir Path tmp) throws IOException {
    // The Hama story (5 articles, 10 pairs) as a "large" story: planned, aligned in 4 runs, finished.
    assertSame(SparkAnalysis.Options.of(List.of(HAMA.toString()), 2).withSplit(2, 3), tmp.resolve("out"));
  }

  @Test
  void hamaAsJsonlAndWarcWithHostileCompanyGiveWhatAnalyzeGives(@TempDir Path tmp) throws IOException {
    List<Map<String, String>> rows = hamaRows();
    Path in = Files.createDirectories(tmp.resolve("in"));
    writeJsonl(rows, in.resolve("hama.jsonl"));
    // The same ids again, and an id that renaming would give: ids must come out as analyze gives them.
    writeJsonl(rows.subList(0, 2), in.resolve("again.jsonl"));
    Map<String, String> taken = new HashMap<>(rows.get(0));
    taken.put("id", rows.get(0).get("id") + "~2");
    writeJsonl(List.of(taken), in.resolve("taken.jsonl"));
    writeWarc(rows, in.resolve("hama.warc.gz"));
    Files.write(in.resolve("broken.jsonl.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Files.write(in.resolve("junk.jsonl"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
    assertSame(List.of(in.toString(), tmp.resolve("missing").toString()), tmp.resolve("out"));
  }

  @Test
  void parquetRowsAreReadAsJsonlRecords(@TempDir Path tmp) throws IOException {
    List<Map<String, String>> rows = hamaRows();
    Path jsonl = tmp.resolve("hama.jsonl");
    writeJsonl(rows, jsonl);
    Path table = tmp.resolve("table");
    spark.read().json(jsonl.toString()).repartition(2).write().parquet(table.toString());
    Report expected = analyze(List.of(jsonl.toString()));
    Report actual = SparkAnalysis.run(spark, SparkAnalysis.Options.of(List.of(table + "/*.parquet"), 2));
    // The same articles, texts and stories; only where each came from differs.
    assertThat(actual.articles().stream().map(a -> a.id() + "\n" + a.text()).toList())
        .isEqualTo(expected.articles().stream().map(a -> a.id() + "\n" + a.text()).toList());
    assertThat(actual.stories()).isEqualTo(expected.stories());
    assertThat(actual.articles()).allSatisfy(a -> assertThat(a.source()).contains("table/part-"));
    assertThat(actual.reconciliation().values().stream().mapToInt(c -> c.claims().size()).sum())
        .isEqualTo(expected.reconciliation().values().stream().mapToInt(c -> c.claims().size()).sum());
    assertThat(actual.problems()).isEqualTo(expected.problems());
  }

  @Test
  void developmentArticlesAsJsonlAndAsWarcGiveWhatAnalyzeGives(@TempDir Path tmp) throws IOException {
    Assumptions.assumeTrue(Files.exists(ECB), "needs ../shared/eval beside the project");
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(ECB, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null && rows.size() < 60) {
        if (n++ % 13 == 0) {
          JsonNode a = JSON.readTree(line);
          rows.add(
              Map.of(
                  "id", a.path("id").asText(),
                  "url", "https://ecbplus.example/" + a.path("id").asText(),
                  "text", a.path("text").asText()));
        }
      }
    }
    Path jsonl = tmp.resolve("dev.jsonl");
    writeJsonl(rows, jsonl);
    assertSame(List.of(jsonl.toString()), tmp.resolve("out-jsonl"));
    Path warc = tmp.resolve("dev.warc.gz");
    writeWarc(rows, warc);
    assertSame(List.of(warc.toString()), tmp.resolve("out-warc"));
    // Every story of more than 3 articles aligned in runs of 3 pairs.
    assertSame(SparkAnalysis.Options.of(List.of(jsonl.toString()), 2).withSplit(3, 3), tmp.resolve("out-split"));
  }

  /** The Hama reports as JSONL records: id (the file's stem), url and text. */
  private static List<Map<String, String>> hamaRows() throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(HAMA)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        rows.add(
            Map.of(
                "id", name.substring(0, name.indexOf('.')),
                "url", "https://example.org/hama/" + name,
                "text", Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    return rows;
  }

  private static void writeJsonl(List<Map<String, String>> rows, Path file) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Map<String, String> r : rows) {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", r.get("id"));
      n.put("url", r.get("url"));
      n.put("text", r.get("text"));
      b.append(JSON.writeValueAsString(n)).append('\n');
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  /** Each row as an HTML page in a gzipped WARC response record (one gzip member per record). */
  static void writeWarc(List<Map<String, String>> rows, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      int n = 0;
      for (Map<String, String> r : rows) {
        String[] lines = r.get("text").split("\n");
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>");
        html.append(escape(lines[0])).append("</title></head><body><article><h1>")
            .append(escape(lines[0])).append("</h1>");
        for (int i = 1; i < lines.length; i++) {
          if (!lines[i].isBlank()) {
            html.append("<p>").append(escape(lines[i])).append("</p>");
          }
        }
        html.append("</article></body></html>");
        byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
        byte[] http =
            ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                    + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        String header =
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
                + String.format("%012d", n++) + ">\r\nWARC-Date: 2024-12-05T20:00:00Z\r\n"
                + "WARC-Target-URI: " + r.get("url") + "\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: "
                + (http.length + body.length) + "\r\n\r\n";
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(header.getBytes(StandardCharsets.US_ASCII));
        record.write(http);
        record.write(body);
        record.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        GZIPOutputStream gz = new GZIPOutputStream(out);
        gz.write(record.toByteArray());
        gz.finish();
      }
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
