package org.triangulate.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code analyze} and {@code add} share. */
final class RunOptions {

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "triangulate-out",
      description =
          "Where the corpus (corpus.db), report.json and report.html are"
              + " (default: ${DEFAULT-VALUE}).")
  Path out;

  @CommandLine.Mixin StoreOption store;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads to work with (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      defaultValue = "10000000",
      description =
          "Largest file (text, HTML) or record (JSONL line, WARC record) to read, in bytes"
              + " (default: ${DEFAULT-VALUE}).")
  long maxBytes;

  @Option(
      names = "--outlet",
      paramLabel = "PATTERN=NAME",
      description =
          "The outlet of articles that name none: PATTERN is a web domain (aljazeera.com, also"
              + " its subdomains) or a glob over file names and ids ('000_*'); the first rule that"
              + " matches wins. Repeatable.")
  java.util.List<String> outlets = new java.util.ArrayList<>();

  @Option(
      names = "--no-annotate",
      description =
          "Skip the annotate stage (entities, quotes and speakers, quantities, times), which runs"
              + " CoreNLP at about 3 to 4 articles of 700 tokens per second per core; stories are still"
              + " grouped.")
  boolean noAnnotate;

  @Option(
      names = "--progress",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description =
          "Progress display: auto (a bar on a terminal when inputs are many, log lines otherwise),"
              + " bar, log or none (default: ${DEFAULT-VALUE}).")
  ProgressDisplay.Mode progress;

  @Option(
      names = "--article-seconds",
      paramLabel = "S",
      defaultValue = "120",
      description =
          "Time the annotate stage may spend reading one article (default: ${DEFAULT-VALUE});"
              + " an article over it is kept unannotated, with a problem naming it.")
  double articleSeconds;

  @Option(
      names = "--story-seconds",
      paramLabel = "S",
      defaultValue = "600",
      description =
          "Time align, trace and reconcile may spend on one story (default: ${DEFAULT-VALUE});"
              + " a story over it is kept without links and claims, with a problem naming it.")
  double storySeconds;

  @Option(
      names = "--stats",
      paramLabel = "FILE",
      description =
          "Write what the run cost to FILE as JSON: per stage wall and CPU seconds and items;"
              + " sentences embedded and distinct; articles annotated and reused.")
  Path stats;

  /** The thread count, checked. */
  int threads() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1: " + n);
    }
    return n;
  }

  /** The pipeline's options, checked. */
  org.triangulate.pipeline.Pipeline.Options pipelineOptions() {
    return new org.triangulate.pipeline.Pipeline.Options(
        threads(), !noAnnotate, budget("--article-seconds", articleSeconds),
        budget("--story-seconds", storySeconds));
  }

  private java.time.Duration budget(String name, double seconds) {
    if (!(seconds > 0) || seconds > 1e7) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), name + " must be a number of seconds above 0: " + seconds);
    }
    return java.time.Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }

  /** The size limit, checked. */
  long maxBytes() {
    if (maxBytes < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-bytes must be >= 1: " + maxBytes);
    }
    return maxBytes;
  }

  /** The outlet rules, checked. */
  org.triangulate.ingest.Outlets outlets() {
    return outlets(spec, outlets);
  }

  /** {@code --outlet} rules, checked: a usage error names the option and the rule. */
  static org.triangulate.ingest.Outlets outlets(CommandLine.Model.CommandSpec spec, java.util.List<String> rules) {
    try {
      return org.triangulate.ingest.Outlets.parse(rules);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--outlet: " + e.getMessage());
    }
  }

  Path reportFile() {
    return out.resolve("report.json");
  }
}
