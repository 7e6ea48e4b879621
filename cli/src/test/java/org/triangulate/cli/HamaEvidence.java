package org.triangulate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.triangulate.annotate.Annotated;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.group.GroupOptions;
import org.triangulate.group.StoryGrouper;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Provenance;
import org.triangulate.model.Story;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.Report;
import org.triangulate.reconcile.StoryEvidence;

/**
 * The Hama corpus read, grouped, annotated and traced once per test JVM: the input of the reconcile
 * stage for its one story.
 */
final class HamaEvidence {

  private static StoryEvidence evidence;

  private HamaEvidence() {}

  /** The Hama story's evidence, computed on first use. */
  static synchronized StoryEvidence get() {
    if (evidence == null) {
      evidence = compute(Fixtures.HAMA);
    }
    return evidence;
  }

  /** The evidence of the one story a folder's articles form (the largest story when several). */
  static StoryEvidence compute(Path folder) {
    return all(folder).stream()
        .max(java.util.Comparator.comparingInt(e -> e.story().articles().size()))
        .orElseThrow();
  }

  /** The evidence of every story the articles under a path form, through the real pipeline. */
  static List<StoryEvidence> all(Path input) {
    Inputs.Expansion ex = Inputs.expand(List.of(input.toString()), Path.of(""));
    Report report;
    try (Pipeline pipeline = Components.pipeline(2, true, IngestOptions.DEFAULT_MAX_BYTES)) {
      IngestResult r = pipeline.ingest(ex.inputs(), Corpus.Progress.none());
      report = pipeline.analyze(ex.inputs().size(), r.articles(), r.problems());
    }
    List<Story> stories = report.stories();
    Map<String, Provenance> provenance = report.provenance();
    Map<String, Article> byId =
        report.articles().stream().collect(Collectors.toMap(Article::id, Function.identity()));
    Map<String, Entity> entities =
        report.entities().stream().collect(Collectors.toMap(Entity::id, Function.identity()));
    Map<String, org.triangulate.model.Annotations> annotations = report.annotations();
    return stories.stream()
        .map(
            s ->
                new StoryEvidence(
                    s,
                    s.articles().stream().map(byId::get).toList(),
                    annotations,
                    entities,
                    provenance.getOrDefault(
                        s.id(),
                        new Provenance(s.id(), List.of(), List.of(), List.of(), List.of()))))
        .toList();
  }
}
