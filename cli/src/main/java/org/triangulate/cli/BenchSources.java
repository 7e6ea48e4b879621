package org.triangulate.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --source} option of the benchmarks that run on real inputs. */
final class BenchSources {

  @Option(
      names = "--source",
      paramLabel = "PATH",
      arity = "1..*",
      defaultValue = "examples/hama",
      split = ",",
      description =
          "Inputs, as analyze reads them: files, folders, globs; text, HTML, JSONL, WARC (default: ${DEFAULT-VALUE}).")
  List<String> paths;
}
