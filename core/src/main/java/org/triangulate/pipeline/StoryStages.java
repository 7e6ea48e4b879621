package org.triangulate.pipeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.triangulate.align.Embedder;
import org.triangulate.align.SentenceJudge;
import org.triangulate.align.StoryAligner;
import org.triangulate.align.lsh.CopyCandidates;
import org.triangulate.align.nn.ParaphraseCandidates;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;
import org.triangulate.reconcile.Reconciler;
import org.triangulate.reconcile.StoryEvidence;
import org.triangulate.trace.Credits;
import org.triangulate.trace.Tracer;

/**
 * The per-story stages, align → trace → reconcile, as one function of a story's articles and
 * their per-article records: what one story gives does not depend on any other story, so stories
 * can run on any thread (or executor) in any order. Starts no threads and keeps no state between
 * calls beyond the models it is given.
 */
public final class StoryStages {

  /**
   * What the per-story stages give for one story.
   *
   * @param provenance links, derivations, credits, independent sources; empty for a story of one
   * @param reconciliation claims, quote groups, framing, timeline, brief; empty without
   *     annotations
   */
  public record Result(Optional<Provenance> provenance, Optional<Reconciliation> reconciliation) {}

  private final StoryAligner aligner;
  private final Reconciler reconciler;
  private final Embedder embedder;

  /**
   * @param embedder sentence embeddings (the run's cache, so each sentence is embedded once)
   */
  public StoryStages(Embedder embedder) {
    SentenceJudge judge = new SentenceJudge(embedder);
    this.embedder = embedder;
    this.aligner = new StoryAligner(judge, embedder);
    this.reconciler = new Reconciler(judge, embedder);
  }

  /**
   * Runs the stages on one story.
   *
   * @param articles at least the story's articles, by id
   * @param annotations the story's articles' annotations, by id; null when the annotate stage did
   *     not run (then there is no reconciliation)
   * @param entities the corpus's entities by id (names, types, and outlets for credits)
   * @param creditNames the names credits are read by ({@link #creditNames})
   */
  public Result run(
      Story story,
      Map<String, Article> articles,
      Map<String, Annotations> annotations,
      Map<String, Entity> entities,
      Map<String, String> creditNames) {
    List<Link> links = story.articles().size() >= 2 ? align(articles, pairs(story, articles)) : null;
    return finish(story, articles, links, annotations, entities, creditNames);
  }

  /**
   * The first part of {@link #run}, for a story whose alignment is split: the pairs of its
   * articles to align (every pair up to {@link StoryAligner#ALL_PAIRS_UP_TO} articles, else the
   * copy and paraphrase candidates), each {@code {a, b}} with {@code a} sorting first, in order.
   */
  public List<String[]> pairs(Story story, Map<String, Article> articles) {
    return aligner.pairs(story, candidates(story, articles));
  }

  /**
   * The second part: the links of some of the pairs (any run of them, on any machine), in their
   * order. The links of all the pairs, run after run in order, are the story's.
   */
  public List<Link> align(Map<String, Article> articles, List<String[]> pairs) {
    return aligner.align(articles, pairs);
  }

  /**
   * The last part: trace and reconcile a story from its links ({@code null} for a story of one
   * article, which has no provenance).
   */
  public Result finish(
      Story story,
      Map<String, Article> articles,
      List<Link> links,
      Map<String, Annotations> annotations,
      Map<String, Entity> entities,
      Map<String, String> creditNames) {
    Provenance provenance = null;
    if (links != null) {
      provenance = Tracer.trace(story, articles, links, creditNames);
    }
    Reconciliation reconciliation = null;
    if (annotations != null) {
      Map<String, Annotations> own = new HashMap<>();
      for (String id : story.articles()) {
        Annotations a = annotations.get(id);
        if (a != null) {
          own.put(id, a);
        }
      }
      Provenance p =
          provenance != null
              ? provenance
              : new Provenance(
                  story.id(), List.of(), List.of(), List.of(),
                  story.articles().stream().map(List::of).toList());
      reconciliation =
          reconciler.reconcile(
              new StoryEvidence(
                  story, story.articles().stream().map(articles::get).toList(), own, entities, p));
    }
    return new Result(Optional.ofNullable(provenance), Optional.ofNullable(reconciliation));
  }

  /** The names credits are read by: the outlets and news agencies among the corpus's entities. */
  public static Map<String, String> creditNames(List<Entity> entities) {
    Map<String, String> outlets = new HashMap<>();
    for (Entity e : entities) {
      if (e.subtype().filter(t -> t.equals("news-agency") || t.equals("outlet")).isPresent()) {
        outlets.put(e.name(), e.id());
        e.aliases().forEach(n -> outlets.putIfAbsent(n, e.id()));
      }
    }
    return Credits.names(outlets);
  }

  /**
   * For a story too large to compare every pair: the pairs worth aligning, the union of the copy
   * candidates (MinHash-LSH over word shingles: shared copied passages) and the paraphrase
   * candidates (sentence embeddings: translations and close rewrites, which share too few
   * shingles for MinHash), both over the story's own articles.
   */
  private BiPredicate<String, String> candidates(Story story, Map<String, Article> articles) {
    if (story.articles().size() <= StoryAligner.ALL_PAIRS_UP_TO) {
      return (x, y) -> true;
    }
    List<Article> members = story.articles().stream().sorted().map(articles::get).toList();
    List<String> ids = members.stream().map(Article::id).toList();
    List<String> texts = members.stream().map(Article::text).toList();
    Set<String> pairs = new HashSet<>();
    for (CopyCandidates.Pair p : CopyCandidates.find(ids, texts, CopyCandidates.Params.DEFAULT)) {
      pairs.add(p.a() + "\u0000" + p.b());
      pairs.add(p.b() + "\u0000" + p.a());
    }
    for (ParaphraseCandidates.Pair p :
        ParaphraseCandidates.find(ids, texts, embedder, ParaphraseCandidates.Params.DEFAULT).pairs()) {
      pairs.add(p.a() + "\u0000" + p.b());
      pairs.add(p.b() + "\u0000" + p.a());
    }
    return (x, y) -> pairs.contains(x + "\u0000" + y);
  }
}
