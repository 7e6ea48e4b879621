package org.triangulate.group;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a loop over {@code [0, n)} on a number of threads. Each index is processed exactly once by
 * one worker, which owns a state object made for it; results go to per-index slots, so the outcome
 * does not depend on scheduling. Threads are started per call and end with it: nothing is shared
 * between calls.
 */
final class Parallel {

  private static final int CHUNK = 64;

  private Parallel() {}

  interface Body<S> {
    void run(S state, int index);
  }

  static <S> void forEach(int threads, int n, Supplier<S> state, Body<S> body) {
    forEach(threads, n, state, body, s -> {});
  }

  /** As above, and calls {@code finish} with each worker's state when the worker is done. */
  static <S> void forEach(int threads, int n, Supplier<S> state, Body<S> body, Consumer<S> finish) {
    if (threads <= 1 || n <= CHUNK) {
      S s = state.get();
      for (int i = 0; i < n; i++) {
        body.run(s, i);
      }
      finish.accept(s);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  S s = state.get();
                  int start;
                  while (failure.get() == null && (start = next.getAndAdd(CHUNK)) < n) {
                    int end = Math.min(n, start + CHUNK);
                    for (int i = start; i < end; i++) {
                      body.run(s, i);
                    }
                  }
                  finish.accept(s);
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "triangulate-group-" + t);
      w.setDaemon(true);
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while grouping", e);
      }
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    if (e != null) {
      throw new IllegalStateException(e);
    }
  }
}
