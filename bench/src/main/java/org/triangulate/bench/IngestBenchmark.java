package org.triangulate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Ingester;
import org.triangulate.nlp.EnglishWordList;
import org.triangulate.nlp.OpenNlpLanguageDetector;

/**
 * Ingest throughput on one core: plain-text articles of about 5 KB, read from disk, decoded,
 * cleaned, their language identified. One operation is one article; the score is articles per
 * second. The target is 5,000 or more.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests -pl bench -am package
 * java -jar bench/target/benchmarks.jar IngestBenchmark
 * </pre>
 *
 * Run it from the project root: it makes its articles from {@code examples/hama}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class IngestBenchmark {

  @Param({"5000"})
  public int bytes;

  @Param({"2000"})
  public int articles;

  private Path dir;
  private List<Path> files;
  private byte[][] contents;
  private Ingester full;
  private Ingester bare;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("triangulate-bench");
    files = SyntheticArticles.from(Path.of("examples/hama"), 42).write(dir, articles, bytes);
    contents = new byte[files.size()][];
    for (int i = 0; i < files.size(); i++) {
      contents[i] = Files.readString(files.get(i)).getBytes(StandardCharsets.UTF_8);
    }
    full =
        new Ingester(
            new IngestOptions(
                IngestOptions.DEFAULT_MAX_BYTES,
                OpenNlpLanguageDetector.get(),
                EnglishWordList.get()));
    bare = new Ingester(IngestOptions.basic());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The whole ingest of one file, as {@code triangulate analyze} does it. */
  @Benchmark
  public IngestResult ingestFile() {
    int i = next++ % files.size();
    return check(full.ingest(files.get(i), files.get(i).toString()));
  }

  /** The same from memory: decoding, cleaning and language identification, without disk reads. */
  @Benchmark
  public IngestResult ingestBytes() {
    int i = next++ % contents.length;
    return check(full.ingest("bench", "article.txt", contents[i]));
  }

  /** Decoding and cleaning alone: no language identification, no word list. */
  @Benchmark
  public IngestResult ingestBytesWithoutLanguage() {
    int i = next++ % contents.length;
    return check(bare.ingest("bench", "article.txt", contents[i]));
  }

  private static IngestResult check(IngestResult r) {
    if (r.articles().size() != 1) {
      throw new IllegalStateException("expected one article, got " + r);
    }
    return r;
  }
}
