package org.triangulate.group;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.triangulate.work.Workers;

/**
 * Runs a loop over {@code [0, n)} on the {@link Workers} the stage was given, in chunks of 64
 * indices, or on the calling thread alone when the options allow one thread. Each index is
 * processed exactly once by one thread, which owns a state object made for it; results go to
 * per-index slots, so the outcome does not depend on scheduling. No thread is started here.
 */
final class Parallel {

  private static final int CHUNK = 64;

  private Parallel() {}

  static <S> void forEach(
      Workers workers, int threads, int n, Supplier<S> state, Workers.Body<S> body) {
    forEach(workers, threads, n, state, body, s -> {});
  }

  /** As above, and calls {@code finish} with each thread's state when the thread is done. */
  static <S> void forEach(
      Workers workers,
      int threads,
      int n,
      Supplier<S> state,
      Workers.Body<S> body,
      Consumer<S> finish) {
    (threads <= 1 ? Workers.inline() : workers).forEach(n, CHUNK, state, body, finish);
  }
}
