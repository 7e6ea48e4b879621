package org.triangulate.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far a long step has come: a progress bar on a terminal when there is much to do, plain
 * log lines otherwise (at most one every ten seconds, and one at the end).
 */
final class ProgressDisplay implements AutoCloseable {

  /** When to show what. */
  enum Mode {
    auto,
    bar,
    log,
    none
  }

  /** Below this many inputs, {@code auto} shows no bar: the run is over before one helps. */
  static final int MANY = 50;

  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final ProgressBar bar;
  private final PrintWriter log;
  private final String task;
  private final int total;
  private long lastLog = System.nanoTime();
  private int last;

  private ProgressDisplay(ProgressBar bar, PrintWriter log, String task, int total) {
    this.bar = bar;
    this.log = log;
    this.task = task;
    this.total = total;
  }

  static ProgressDisplay open(Mode mode, String task, int total, PrintWriter err) {
    boolean terminal = System.console() != null;
    Mode m = mode;
    if (m == Mode.auto) {
      m = terminal && total >= MANY ? Mode.bar : Mode.log;
    }
    return switch (m) {
      case bar ->
          new ProgressDisplay(
              new ProgressBarBuilder()
                  .setTaskName(task)
                  .setInitialMax(total)
                  .setStyle(ProgressBarStyle.ASCII)
                  .setUnit(" inputs", 1)
                  .build(),
              null,
              task,
              total);
      case log -> new ProgressDisplay(null, err, task, total);
      default -> new ProgressDisplay(null, null, task, total);
    };
  }

  /** Called from worker threads as each input is done. */
  synchronized void update(String source, int done, int ofTotal) {
    last = Math.max(last, done);
    if (bar != null) {
      bar.stepTo(last);
    } else if (log != null) {
      long now = System.nanoTime();
      if (now - lastLog >= LOG_EVERY_NANOS) {
        lastLog = now;
        log.printf(Locale.ROOT, "%s: %d of %d inputs%n", task, last, ofTotal);
        log.flush();
      }
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    } else if (log != null && total > 0) {
      log.printf(Locale.ROOT, "%s: %d of %d inputs, done%n", task, last, total);
      log.flush();
    }
  }
}
