package org.triangulate.model;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of a story's brief: a short consolidated account in which every sentence is backed
 * by claims, and so by spans in the sources.
 *
 * @param text the sentence
 * @param status the weakest status among its claims: {@code contested} before {@code
 *     single-source} before {@code corroborated}
 * @param claims the ids of the claims behind it
 */
public record BriefSentence(String text, String status, List<String> claims) {
  public BriefSentence {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(status, "status");
    claims = List.copyOf(claims);
  }
}
