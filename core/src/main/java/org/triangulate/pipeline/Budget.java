package org.triangulate.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one item's work (an article's reading, a story's stages) with a time limit. The work runs
 * on a thread of its own while the worker waits; past the limit the worker stops waiting,
 * interrupts the work (the NLP pipeline checks for that between its steps) and goes on with the
 * next item, so one pathological input cannot hold up a run. Work that ignores the interrupt may
 * go on in the background until it ends by itself; its result is dropped.
 */
final class Budget implements AutoCloseable {

  private final ExecutorService threads;

  Budget() {
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "triangulate-budget-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * The result of {@code work}, or empty when it did not finish within {@code limit}. An exception
   * of the work is thrown again (as a runtime exception when it was checked).
   */
  <T> Optional<T> within(Duration limit, Callable<T> work) {
    Future<T> f = threads.submit(work);
    try {
      return Optional.ofNullable(f.get(limit.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      f.cancel(true);
      return Optional.empty();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a budgeted task", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
