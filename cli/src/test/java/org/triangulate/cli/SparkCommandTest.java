package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code triangulate spark} in the command-line jar, which does not hold Spark. */
class SparkCommandTest {

  @Test
  void helpNamesTheSparkJob() {
    Cli r = Cli.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("spark").contains("Apache Spark job");
  }

  @Test
  void runningItHereSaysWhereToRunIt() {
    Cli r = Cli.run("spark", "news.warc.gz", "--out", "tables");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("./triangulate spark news.warc.gz --out tables")
        .contains("spark-submit");
  }
}
