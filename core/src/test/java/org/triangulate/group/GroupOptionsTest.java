package org.triangulate.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupOptionsTest {

  @Test
  void rejectsBadValuesNamingThem() {
    GroupOptions d = GroupOptions.defaults();
    assertThatThrownBy(() -> d.withThreads(0)).hasMessage("threads must be >= 1: 0");
    assertThatThrownBy(() -> d.withNeighbours(-2)).hasMessage("neighbours must be >= 1: -2");
    assertThatThrownBy(() -> d.withMergeThreshold(1.5))
        .hasMessage("mergeThreshold must be in [0, 1]: 1.5");
    assertThatThrownBy(() -> d.withWeights(-1, 0, 0)).hasMessage("entityWeight must be >= 0: -1.0");
    assertThatThrownBy(() -> d.withDays(1, 0)).hasMessage("dayScale must be > 0: 0.0");
  }

  @Test
  void withersChangeOneValueAndKeepTheRest() {
    GroupOptions d = GroupOptions.defaults();
    GroupOptions o = d.withThreads(3);
    assertThat(o.threads()).isEqualTo(3);
    assertThat(o.withThreads(d.threads())).isEqualTo(d);
  }

  @Test
  void noLinkSurvivesBeyondTheMaximumGap() {
    GroupOptions d = GroupOptions.defaults();
    Vectors v = new Vectors(d);
    assertThat(v.decay(0, d.maxGapDays() + 1)).isLessThan(d.minSimilarity());
    assertThat(v.decay(0, d.graceDays())).isEqualTo(1.0);
    assertThat(v.decay(Vectors.NO_DAY, 5)).isEqualTo(1.0);
  }
}
