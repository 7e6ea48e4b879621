package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code triangulate bench neighbours} on the Hama reports alone; its figures are not checked. */
class NeighboursBenchTest {

  @Test
  void findsTheHamaTranslationAndThePlantedRewrites() {
    Cli r = Cli.run("bench", "neighbours", "--source", "../examples/hama", "--planted", "2", "--rounds", "1", "--exact");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("articles: 5 real from [../examples/hama], 2 planted rewrites")
        .containsPattern("known pair 000_5f845e8b32303230 / 001_558042633266138b: paraphrase candidate yes")
        .contains("planted rewrites: recall 1.000 by paraphrase candidates")
        .containsPattern("index alone .* sentences per CPU second")
        .containsPattern("exact: .* sentence pairs at cosine >= 0.85");
  }

  @Test
  void saysWhichBenchmarksThereAre() {
    Cli r = Cli.run("bench");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("neighbours");
  }
}
