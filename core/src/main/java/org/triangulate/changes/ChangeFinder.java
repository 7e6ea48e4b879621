package org.triangulate.changes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.triangulate.model.Claim;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.Report;

/**
 * Computes a {@link CorpusChange} from the states before and after an add and the pipeline's {@link
 * Pipeline.Changes}. The stories come from {@code changes}; the claims of every new or grown story
 * are matched to the claims before by {@link ClaimMatcher}, among the claims of the stories before
 * that share an article with it.
 */
final class ChangeFinder {

  private static final String CONTESTED = "contested";

  private ChangeFinder() {}

  static CorpusChange find(Report before, Report after, Pipeline.Changes changes) {
    Set<String> known = new HashSet<>();
    after.articles().forEach(a -> known.add(a.id()));
    Set<String> fresh = new TreeSet<>(changes.articles());
    for (String id : fresh) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException(
            "the changes name a new article that the state after does not hold: " + id);
      }
    }
    Map<String, Story> storyAfter = new HashMap<>();
    after.stories().forEach(s -> storyAfter.put(s.id(), s));

    List<CorpusChange.NewStory> created = new ArrayList<>();
    for (String id : new TreeSet<>(changes.newStories())) {
      Story s = story(storyAfter, id);
      created.add(new CorpusChange.NewStory(s.id(), s.title(), s.articles()));
    }
    List<CorpusChange.GrownStory> grown = new ArrayList<>();
    for (String id : new TreeSet<>(changes.grownStories())) {
      Story s = story(storyAfter, id);
      List<String> added = s.articles().stream().filter(fresh::contains).toList();
      grown.add(
          new CorpusChange.GrownStory(
              s.id(), s.title(), changes.merged().getOrDefault(id, List.of()), added));
    }

    Map<String, String> storyBefore = new HashMap<>();
    before.stories().forEach(s -> s.articles().forEach(a -> storyBefore.put(a, s.id())));
    List<CorpusChange.ContestedClaim> contested = new ArrayList<>();
    List<CorpusChange.GainedSource> gained = new ArrayList<>();
    TreeSet<String> changed = new TreeSet<>(changes.newStories());
    changed.addAll(changes.grownStories());
    for (String id : changed) {
      Reconciliation r = after.reconciliation().get(id);
      if (r == null) {
        continue; // no claims: the annotate stage did not run, or the story went over its budget
      }
      ClaimMatcher matcher = new ClaimMatcher(candidates(before, storyAfter.get(id), storyBefore));
      for (Claim c : r.claims()) {
        Optional<ClaimMatcher.Match> match = matcher.match(c);
        Optional<CorpusChange.Previous> previous = match.map(ChangeFinder::previous);
        if (c.status().equals(CONTESTED)) {
          List<String> responsible = contestedBy(c, fresh);
          boolean wasNot = previous.isPresent() && !previous.get().status().equals(CONTESTED);
          if (wasNot || (previous.isEmpty() && !responsible.isEmpty())) {
            Claim.Contradiction x =
                c.contradiction()
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "claim " + c.id() + " is contested but has no contradiction"));
            List<CorpusChange.Value> values =
                x.values().stream()
                    .map(v -> new CorpusChange.Value(v.value(), v.articles()))
                    .toList();
            contested.add(
                new CorpusChange.ContestedClaim(
                    id,
                    c.id(),
                    c.text(),
                    x.slot(),
                    values,
                    x.explanation(),
                    responsible,
                    previous));
          }
        }
        if (previous.isPresent() && c.independentSources() > previous.get().independentSources()) {
          List<String> asserting =
              c.assertions().stream()
                  .map(Claim.Assertion::article)
                  .filter(fresh::contains)
                  .sorted()
                  .distinct()
                  .toList();
          gained.add(
              new CorpusChange.GainedSource(
                  id,
                  c.id(),
                  c.text(),
                  c.status(),
                  previous.get().independentSources(),
                  c.independentSources(),
                  asserting,
                  previous.get()));
        }
      }
    }
    return new CorpusChange(new ArrayList<>(fresh), created, grown, contested, gained);
  }

  private static Story story(Map<String, Story> stories, String id) {
    Story s = stories.get(id);
    if (s == null) {
      throw new IllegalArgumentException(
          "the changes name a story that the state after does not hold: " + id);
    }
    return s;
  }

  /**
   * The claims of every story before that shares an article with {@code story}: story by story in
   * the order of the report before, each story's claims in their order.
   */
  private static List<ClaimMatcher.Candidate> candidates(
      Report before, Story story, Map<String, String> storyBefore) {
    Set<String> related = new LinkedHashSet<>();
    story
        .articles()
        .forEach(
            a -> {
              String s = storyBefore.get(a);
              if (s != null) {
                related.add(s);
              }
            });
    List<ClaimMatcher.Candidate> out = new ArrayList<>();
    for (Story s : before.stories()) {
      Reconciliation r = related.contains(s.id()) ? before.reconciliation().get(s.id()) : null;
      if (r != null) {
        r.claims().forEach(c -> out.add(new ClaimMatcher.Candidate(s.id(), c)));
      }
    }
    return out;
  }

  private static CorpusChange.Previous previous(ClaimMatcher.Match m) {
    Claim c = m.candidate().claim();
    return new CorpusChange.Previous(
        m.candidate().story(), c.id(), c.status(), c.independentSources(), m.by());
  }

  /** The new articles among those that assert {@code c} or give one of its competing values. */
  private static List<String> contestedBy(Claim c, Set<String> fresh) {
    TreeSet<String> out = new TreeSet<>();
    c.assertions().forEach(a -> out.add(a.article()));
    c.contradiction().ifPresent(x -> x.values().forEach(v -> out.addAll(v.articles())));
    out.retainAll(fresh);
    return new ArrayList<>(out);
  }
}
