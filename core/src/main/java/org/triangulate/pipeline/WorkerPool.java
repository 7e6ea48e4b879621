package org.triangulate.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.triangulate.work.Workers;

/**
 * The pipeline's worker threads: the one thread pool of a run (sized by {@code --threads}), lent to
 * stages as {@link Workers}. The calling thread takes part in every loop, so the pool holds {@code
 * threads - 1} daemon threads; with one thread it holds none and everything runs on the caller.
 */
public final class WorkerPool implements Workers, AutoCloseable {

  private final int threads;
  private final ExecutorService pool;

  /**
   * @param threads how many threads a loop may use at once, the caller's included
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public WorkerPool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads - 1,
                r -> {
                  Thread t = new Thread(r, "triangulate-worker-" + n.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public <S> void forEach(int n, int chunk, Supplier<S> state, Body<S> body, Consumer<S> finish) {
    Workers.check(n, chunk);
    int chunks = (int) Math.min(Integer.MAX_VALUE, ((long) n + chunk - 1) / chunk);
    int helpers = pool == null ? 0 : Math.min(threads - 1, chunks - 1);
    if (helpers <= 0) {
      Workers.inline().forEach(n, chunk, state, body, finish);
      return;
    }
    Loop<S> loop = new Loop<>(n, chunk, state, body, finish);
    for (int h = 0; h < helpers; h++) {
      try {
        pool.execute(loop::help);
      } catch (RejectedExecutionException e) {
        break; // closed: the caller does the rest
      }
    }
    loop.work();
    loop.close();
    Throwable e = loop.failure.get();
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

  /** One loop's shared progress: the next chunk, the first failure, the helpers at work. */
  private static final class Loop<S> {
    final int n;
    final int chunk;
    final Supplier<S> state;
    final Body<S> body;
    final Consumer<S> finish;
    final AtomicInteger next = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int active;
    private boolean closed;

    Loop(int n, int chunk, Supplier<S> state, Body<S> body, Consumer<S> finish) {
      this.n = n;
      this.chunk = chunk;
      this.state = state;
      this.body = body;
      this.finish = finish;
    }

    /** A pool thread joins, unless the caller has already finished the loop. */
    void help() {
      synchronized (this) {
        if (closed) {
          return;
        }
        active++;
      }
      try {
        work();
      } finally {
        synchronized (this) {
          active--;
          notifyAll();
        }
      }
    }

    void work() {
      try {
        S s = state.get();
        int start;
        while (failure.get() == null && (start = next.getAndAdd(chunk)) < n && start >= 0) {
          int end = Math.min(n, start + chunk);
          for (int i = start; i < end; i++) {
            body.run(s, i);
          }
        }
        finish.accept(s);
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }

    /** Waits for the helpers that started; those that start later find the loop closed. */
    synchronized void close() {
      closed = true;
      boolean interrupted = false;
      while (active > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
