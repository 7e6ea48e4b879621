package org.triangulate.model;

import java.util.List;
import java.util.Objects;

/**
 * Who copied whom in one story: the passages its articles share, how each pair derives, the
 * agencies and outlets they credit, and the independent sources that remain.
 *
 * @param story the story's id
 * @param links shared sentences and passages, by article pair then position
 * @param derivations one per pair of articles that share anything, by pair
 * @param credits every credit of every article, by article then position
 * @param independentSources the story's articles grouped so that each group counts as one source
 *     (a chain of copies is one group), groups sorted by their first id
 */
public record Provenance(
    String story,
    List<Link> links,
    List<Derivation> derivations,
    List<Credit> credits,
    List<List<String>> independentSources) {

  public Provenance {
    Objects.requireNonNull(story, "story");
    links = List.copyOf(links);
    derivations = List.copyOf(derivations);
    credits = List.copyOf(credits);
    independentSources = independentSources.stream().map(List::copyOf).toList();
  }
}
