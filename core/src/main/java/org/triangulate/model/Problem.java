package org.triangulate.model;

import java.util.Objects;

/**
 * Bad input as data: something a stage could not use, or could use only after a repair. The run
 * goes on; the report lists every problem.
 *
 * @param source the file or URL as the user gave it
 * @param location where in the source: {@code "line 12"}, {@code "byte 4096"}, or {@code "file"}
 *     for the source as a whole
 * @param stage the pipeline stage that found it ({@code "ingest"}, ...)
 * @param severity {@link Severity#ERROR} when the input (or that part of it) was rejected, {@link
 *     Severity#WARNING} when it was used after a repair
 * @param message a sentence a user understands
 */
public record Problem(
    String source, String location, String stage, Severity severity, String message)
    implements Comparable<Problem> {

  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Problem error(String source, String location, String stage, String message) {
    return new Problem(source, location, stage, Severity.ERROR, message);
  }

  public static Problem warning(String source, String location, String stage, String message) {
    return new Problem(source, location, stage, Severity.WARNING, message);
  }

  public boolean rejected() {
    return severity == Severity.ERROR;
  }

  /** Order for reports: by source, then by numeric position, then the rest. */
  @Override
  public int compareTo(Problem o) {
    int c = source.compareTo(o.source);
    if (c != 0) {
      return c;
    }
    c = Long.compare(position(location), position(o.location));
    if (c != 0) {
      return c;
    }
    c = location.compareTo(o.location);
    if (c != 0) {
      return c;
    }
    c = stage.compareTo(o.stage);
    if (c != 0) {
      return c;
    }
    c = severity.compareTo(o.severity);
    return c != 0 ? c : message.compareTo(o.message);
  }

  private static long position(String location) {
    int i = location.lastIndexOf(' ');
    if (i < 0) {
      return -1;
    }
    try {
      return Long.parseLong(location.substring(i + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** How bad a problem is. */
  public enum Severity {
    ERROR,
    WARNING;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
