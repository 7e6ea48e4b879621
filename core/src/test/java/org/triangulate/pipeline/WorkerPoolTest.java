package org.triangulate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

  @Test
  void mapKeepsTheOrderOfItsItemsAndUsesSeveralThreads() {
    List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (WorkerPool pool = new WorkerPool(3)) {
      List<Integer> out =
          pool.map(
              items,
              i -> {
                threads.add(Thread.currentThread().getName());
                busy(20_000);
                return i * 2;
              });
      assertThat(out).isEqualTo(items.stream().map(i -> i * 2).toList());
    }
    assertThat(threads).hasSizeGreaterThan(1);
  }

  @Test
  void everyIndexRunsOnceAndEveryThreadFinishes() {
    int n = 10_000;
    AtomicInteger[] seen = new AtomicInteger[n];
    for (int i = 0; i < n; i++) {
      seen[i] = new AtomicInteger();
    }
    AtomicInteger made = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    try (WorkerPool pool = new WorkerPool(4)) {
      pool.forEach(
          n, 7, () -> { made.incrementAndGet(); return new int[1]; },
          (s, i) -> seen[i].incrementAndGet(), s -> finished.incrementAndGet());
    }
    for (AtomicInteger s : seen) {
      assertThat(s.get()).isEqualTo(1);
    }
    assertThat(finished.get()).isEqualTo(made.get());
  }

  /** A loop inside a loop's body finishes even when every worker is busy with the outer loop. */
  @Test
  void nestedLoopsDoNotWaitForBusyWorkers() {
    try (WorkerPool pool = new WorkerPool(2)) {
      List<Integer> out =
          pool.map(
              List.of(1, 2, 3, 4),
              x -> pool.map(IntStream.range(0, 100).boxed().toList(), y -> x * y).stream()
                  .mapToInt(Integer::intValue).sum());
      assertThat(out).containsExactly(4950, 9900, 14850, 19800);
    }
  }

  @Test
  void theFirstFailureIsThrownToTheCaller() {
    try (WorkerPool pool = new WorkerPool(2)) {
      assertThatThrownBy(
              () ->
                  pool.map(
                      IntStream.range(0, 50).boxed().toList(),
                      i -> {
                        if (i == 17) {
                          throw new IllegalStateException("item 17 is bad");
                        }
                        return i;
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("item 17 is bad");
      // The pool is still usable afterwards.
      assertThat(pool.map(List.of(1, 2), i -> i + 1)).containsExactly(2, 3);
    }
  }

  @Test
  void oneThreadRunsOnTheCaller() {
    try (WorkerPool pool = new WorkerPool(1)) {
      String caller = Thread.currentThread().getName();
      assertThat(pool.map(List.of(1, 2, 3), i -> Thread.currentThread().getName()))
          .containsOnly(caller);
    }
    assertThatThrownBy(() -> new WorkerPool(0)).hasMessage("threads must be >= 1: 0");
  }

  private static long busy(int n) {
    long x = 0;
    for (int i = 0; i < n; i++) {
      x += i * 31L ^ x;
    }
    return x;
  }
}
