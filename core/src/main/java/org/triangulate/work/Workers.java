package org.triangulate.work;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Threads a stage may borrow to run a loop. The calling thread always takes part, so a loop
 * started from inside another loop's body (a story's work inside the loop over stories) finishes
 * even when every other worker is busy: it never waits for a worker that has not started.
 *
 * <p>Contract of {@link #forEach}: each index in {@code [0, n)} is given to {@code body} exactly
 * once; each participating thread makes its own state with {@code state}, runs the bodies of the
 * chunks it takes, then hands that state to {@code finish} (from its own thread; {@code finish}
 * must therefore be thread-safe). The call returns when every participating thread is done; the
 * first exception thrown by any of them is thrown again (later chunks are then skipped).
 */
public interface Workers {

  /** The body of a loop: one index, with the state of the thread that runs it. */
  @FunctionalInterface
  interface Body<S> {
    void run(S state, int index);
  }

  /** How many threads may run at once in one loop, the caller's included; at least 1. */
  int parallelism();

  /**
   * Runs {@code body} over {@code [0, n)} in chunks of {@code chunk} consecutive indices.
   *
   * @throws IllegalArgumentException if {@code n < 0} or {@code chunk < 1}
   */
  <S> void forEach(int n, int chunk, Supplier<S> state, Body<S> body, Consumer<S> finish);

  /** As {@link #forEach(int, int, Supplier, Body, Consumer)}, without a finishing step. */
  default <S> void forEach(int n, int chunk, Supplier<S> state, Body<S> body) {
    forEach(n, chunk, state, body, s -> {});
  }

  /**
   * Applies {@code fn} to every item, one item at a time per thread; the results are in the order
   * of {@code items}, whatever the scheduling. {@code fn} may return null (the list then holds it).
   */
  @SuppressWarnings("unchecked")
  default <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> fn) {
    Object[] out = new Object[items.size()];
    forEach(items.size(), 1, () -> null, (s, i) -> out[i] = fn.apply(items.get(i)));
    return (List<R>) Collections.unmodifiableList(Arrays.asList(out));
  }

  /** Runs everything on the calling thread. */
  static Workers inline() {
    return Inline.INSTANCE;
  }

  /** The calling thread alone. */
  final class Inline implements Workers {
    static final Inline INSTANCE = new Inline();

    private Inline() {}

    @Override
    public int parallelism() {
      return 1;
    }

    @Override
    public <S> void forEach(int n, int chunk, Supplier<S> state, Body<S> body, Consumer<S> finish) {
      check(n, chunk);
      S s = state.get();
      for (int i = 0; i < n; i++) {
        body.run(s, i);
      }
      finish.accept(s);
    }
  }

  /** Checks the arguments of {@link #forEach}. */
  static void check(int n, int chunk) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be >= 1: " + chunk);
    }
  }
}
