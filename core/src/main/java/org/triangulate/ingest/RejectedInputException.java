package org.triangulate.ingest;

import java.util.Objects;
import org.triangulate.model.Problem;

/** Thrown inside ingest when an input, or a part of it, cannot be used; carries the problem. */
public final class RejectedInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public RejectedInputException(Problem problem) {
    super(problem.source() + " (" + problem.location() + "): " + problem.message());
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Problem problem() {
    return problem;
  }
}
