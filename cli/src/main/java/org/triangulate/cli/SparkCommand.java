package org.triangulate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code triangulate spark}: listed here so that {@code triangulate --help} names it. The job lives
 * in the spark module ({@code org.triangulate.spark.SparkMain}), which needs Spark on the class
 * path: the {@code triangulate} script runs it so, and a cluster runs it with {@code spark-submit}.
 * This jar leaves Spark out (it would triple its size), so here the command says where to run it.
 */
@Command(
    name = "spark",
    description = {
      "Runs the pipeline as an Apache Spark job: Parquet tables out (./triangulate spark --help).",
      "Run it through the triangulate script (./triangulate spark PATH... --out DIR), which puts",
      "Spark on the class path, or on a cluster with spark-submit (see the README)."
    })
final class SparkCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  /** Whatever was given: the job's own arguments, repeated in the message. */
  @CommandLine.Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "triangulate spark: this jar does not hold Spark. Run it as ./triangulate spark "
                + String.join(" ", args)
                + " (from the project folder), or with spark-submit on a cluster (README, \"Spark\").");
    return 2;
  }
}
