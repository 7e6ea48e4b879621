package org.triangulate.pipeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pipeline run cost, stage by stage: wall and CPU seconds (the whole process's CPU while the
 * stage ran) and items; for embedding, sentences asked for, embedded and distinct; for annotate,
 * articles read by the NLP models and articles whose reading was reused. Timings live here only,
 * never in the report, so the report stays the same bytes from run to run. Thread-safe.
 */
public final class Stats {

  /** One stage's totals. */
  public record Stage(String name, double wallSeconds, double cpuSeconds, long items) {}

  private final Map<String, double[]> stages = new LinkedHashMap<>();
  private final Map<String, Long> counters = new LinkedHashMap<>();

  /** A running stage; {@link #close()} adds its time. */
  public final class Timer implements AutoCloseable {
    private final String name;
    private final long wall0 = System.nanoTime();
    private final long cpu0 = processCpuNanos();
    private long items;

    private Timer(String name, long items) {
      this.name = name;
      this.items = items;
    }

    /** Sets the number of items the stage handled. */
    public Timer items(long n) {
      this.items = n;
      return this;
    }

    @Override
    public void close() {
      add(name, (System.nanoTime() - wall0) / 1e9, (processCpuNanos() - cpu0) / 1e9, items);
    }
  }

  /** Starts timing a stage over {@code items} items. */
  public Timer time(String stage, long items) {
    return new Timer(stage, items);
  }

  /** Adds to a stage's totals (a stage run twice adds up). */
  public synchronized void add(String stage, double wall, double cpu, long items) {
    double[] t = stages.computeIfAbsent(stage, k -> new double[3]);
    t[0] += wall;
    t[1] += Math.max(0, cpu);
    t[2] += items;
  }

  /** Adds to a counter ({@code embed.embedded}, {@code annotate.read}, ...). */
  public synchronized void count(String counter, long n) {
    counters.merge(counter, n, Long::sum);
  }

  /** A counter's value, 0 when never counted. */
  public synchronized long counter(String counter) {
    return counters.getOrDefault(counter, 0L);
  }

  /** The stages in the order they first ran. */
  public synchronized List<Stage> stages() {
    List<Stage> out = new ArrayList<>();
    stages.forEach((k, v) -> out.add(new Stage(k, v[0], v[1], (long) v[2])));
    return out;
  }

  /** Writes the stats as JSON: {@code {"stages": [...], "counters": {...}}}. */
  public void write(OutputStream out) throws IOException {
    List<Stage> list = stages();
    Map<String, Long> copy;
    synchronized (this) {
      copy = new LinkedHashMap<>(counters);
    }
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("stages");
      for (Stage s : list) {
        g.writeStartObject();
        g.writeStringField("stage", s.name());
        g.writeNumberField("wallSeconds", Math.round(s.wallSeconds() * 1000) / 1000.0);
        g.writeNumberField("cpuSeconds", Math.round(s.cpuSeconds() * 1000) / 1000.0);
        g.writeNumberField("items", s.items());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("counters");
      for (Map.Entry<String, Long> e : copy.entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
