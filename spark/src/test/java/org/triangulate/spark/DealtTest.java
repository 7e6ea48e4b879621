package org.triangulate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Stories (largest first) are dealt to tasks like cards, so no task gets all the large ones. */
class DealtTest {

  @Test
  void contiguousSlicesGetEveryNthItem() {
    List<Integer> items = IntStream.range(0, 10).boxed().toList();
    assertThat(SparkAnalysis.dealt(items, 3)).containsExactly(0, 3, 6, 9, 1, 4, 7, 2, 5, 8);
    assertThat(SparkAnalysis.dealt(items, 1)).isEqualTo(items);
    assertThat(SparkAnalysis.dealt(items, 10)).isEqualTo(items);
    assertThat(SparkAnalysis.dealt(List.of(), 4)).isEmpty();
  }

  @Test
  void theLargestStoriesEndUpInDifferentSlices() {
    // Sizes largest first, as the job orders its stories; Spark slices a list of n items into
    // `tasks` contiguous runs of n/tasks items (the sizes here divide evenly).
    List<Integer> sizes = List.of(900, 800, 700, 600, 50, 40, 30, 20, 5, 4, 3, 2);
    int tasks = 4;
    List<Integer> dealt = SparkAnalysis.dealt(sizes, tasks);
    int per = sizes.size() / tasks;
    for (int t = 0; t < tasks; t++) {
      List<Integer> slice = dealt.subList(t * per, (t + 1) * per);
      assertThat(slice.stream().filter(s -> s >= 600).count()).as("slice " + t).isEqualTo(1);
    }
  }
}
