package org.triangulate.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.triangulate.align.StoryAligner;
import org.triangulate.align.lsh.CopyCandidates;
import org.triangulate.align.nn.ParaphraseCandidates;
import org.triangulate.annotate.Annotated;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;
import org.triangulate.reconcile.Reconciler;
import org.triangulate.reconcile.StoryEvidence;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;
import org.triangulate.trace.Credits;
import org.triangulate.trace.Tracer;

/** The steps {@code analyze} and {@code add} share: reading inputs, writing and summing up. */
final class Runs {

  /** What reading the inputs gave: how many files, their articles, and every problem so far. */
  record Read(int inputs, IngestResult result, List<Problem> problems) {}

  private Runs() {}

  static Read read(List<String> paths, RunOptions options, PrintWriter err) {
    Path cwd = Path.of("").toAbsolutePath();
    Inputs.Expansion expansion = Inputs.expand(paths, cwd, Optional.of(options.out));
    IngestResult result;
    try (ProgressDisplay display =
        ProgressDisplay.open(options.progress, "Reading", expansion.inputs().size(), err)) {
      result =
          Corpus.ingest(
              expansion.inputs(),
              Components.ingester(options.maxBytes()),
              options.threads(),
              display::update);
    }
    List<Problem> problems = new ArrayList<>(expansion.problems());
    problems.addAll(result.problems());
    return new Read(expansion.inputs().size(), result, problems);
  }

  /**
   * Runs the annotate stage over all {@code articles} (unless switched off; relative times resolve
   * against each article's date, else its story's), then the align and trace stages over every
   * story, and assembles the report.
   */
  static Report report(
      int inputs, List<Article> articles, List<Story> stories, List<Problem> problems, RunOptions options) {
    List<Problem> all = new ArrayList<>(problems);
    Annotated annotated =
        options.noAnnotate
            ? Annotated.NONE
            : Components.annotator()
                .annotate(articles, ReferenceDates.of(articles, stories), options.threads());
    all.addAll(annotated.problems());
    all.sort(null);
    Map<String, Provenance> provenance = provenance(articles, stories, annotated.entities(), options.threads());
    Map<String, Reconciliation> reconciliation =
        options.noAnnotate
            ? Map.of()
            : reconcile(articles, stories, annotated, provenance, options.threads());
    return new Report(
        inputs,
        articles,
        stories,
        all,
        annotated.entities(),
        annotated.byArticle(),
        provenance,
        reconciliation);
  }

  /**
   * The reconcile stage over every story: claims, quote groups, framing, timeline, brief. Stories
   * run in parallel; each one's result depends on its own articles, annotations and provenance.
   */
  static Map<String, Reconciliation> reconcile(
      List<Article> articles,
      List<Story> stories,
      Annotated annotated,
      Map<String, Provenance> provenance,
      int threads) {
    Map<String, Article> byId = new HashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    Map<String, Entity> entities = new HashMap<>();
    annotated.entities().forEach(e -> entities.put(e.id(), e));
    Reconciler reconciler = new Reconciler(Components.judge(), Components.embedder());
    Map<String, Reconciliation> out = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (Story s : stories) {
        futures.add(
            pool.submit(
                () -> {
                  Map<String, org.triangulate.model.Annotations> ann = new HashMap<>();
                  for (String id : s.articles()) {
                    org.triangulate.model.Annotations a = annotated.byArticle().get(id);
                    if (a != null) {
                      ann.put(id, a);
                    }
                  }
                  Provenance p =
                      provenance.getOrDefault(
                          s.id(),
                          new Provenance(
                              s.id(), List.of(), List.of(), List.of(),
                              s.articles().stream().map(List::of).toList()));
                  StoryEvidence ev =
                      new StoryEvidence(
                          s, s.articles().stream().map(byId::get).toList(), ann, entities, p);
                  out.put(s.id(), reconciler.reconcile(ev));
                }));
      }
      for (java.util.concurrent.Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the reconcile stage failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new TreeMap<>(out);
  }

  /**
   * The align and trace stages over every story: links, derivations, credits, independent sources.
   * Stories run in parallel; each one's result depends on its articles alone.
   */
  static Map<String, Provenance> provenance(
      List<Article> articles, List<Story> stories, List<Entity> entities, int threads) {
    Map<String, Article> byId = new HashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    Map<String, String> outlets = new HashMap<>();
    for (Entity e : entities) {
      if (e.subtype().filter(t -> t.equals("news-agency") || t.equals("outlet")).isPresent()) {
        outlets.put(e.name(), e.id());
        e.aliases().forEach(n -> outlets.putIfAbsent(n, e.id()));
      }
    }
    Map<String, String> creditNames = Credits.names(outlets);
    StoryAligner aligner = new StoryAligner(Components.judge(), Components.embedder());
    java.util.function.BiPredicate<String, String> candidates = copyCandidates(articles, stories);
    Map<String, Provenance> out = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (Story s : stories) {
        if (s.articles().size() < 2) {
          continue;
        }
        futures.add(pool.submit(() -> {
          List<Link> links = aligner.align(s, byId, candidates);
          out.put(s.id(), Tracer.trace(s, byId, links, creditNames));
        }));
      }
      for (java.util.concurrent.Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the align stage failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new TreeMap<>(out);
  }

  /**
   * For stories too large to compare every pair: the pairs of articles worth aligning. The union
   * of the copy candidates (MinHash-LSH: shared copied passages) and the paraphrase candidates
   * (sentence embeddings: translations and close rewrites, which share too few word shingles for
   * MinHash), both over the articles of those stories only, the paraphrase candidates story by
   * story. Computed only when some story is that large; embedding its sentences is most of the
   * cost.
   */
  private static java.util.function.BiPredicate<String, String> copyCandidates(
      List<Article> articles, List<Story> stories) {
    List<Story> large =
        stories.stream().filter(s -> s.articles().size() > StoryAligner.ALL_PAIRS_UP_TO).toList();
    if (large.isEmpty()) {
      return (x, y) -> true;
    }
    Map<String, Article> byId = new HashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    List<Article> inLarge =
        large.stream()
            .flatMap(s -> s.articles().stream())
            .distinct()
            .sorted()
            .map(byId::get)
            .toList();
    java.util.Set<String> pairs = new java.util.HashSet<>();
    for (CopyCandidates.Pair p :
        CopyCandidates.find(
            inLarge.stream().map(Article::id).toList(),
            inLarge.stream().map(Article::text).toList(),
            CopyCandidates.Params.DEFAULT)) {
      pairs.add(p.a() + "\u0000" + p.b());
      pairs.add(p.b() + "\u0000" + p.a());
    }
    for (Story s : large) {
      List<Article> members = s.articles().stream().map(byId::get).toList();
      for (ParaphraseCandidates.Pair p :
          ParaphraseCandidates.find(
                  members.stream().map(Article::id).toList(),
                  members.stream().map(Article::text).toList(),
                  Components.embedder(),
                  ParaphraseCandidates.Params.DEFAULT)
              .pairs()) {
        pairs.add(p.a() + "\u0000" + p.b());
        pairs.add(p.b() + "\u0000" + p.a());
      }
    }
    return (x, y) -> pairs.contains(x + "\u0000" + y);
  }

  /**
   * Writes {@code report.json} and {@code report.html} (the same report as one self-contained page,
   * see {@link org.triangulate.web.HtmlReportWriter}) into {@code out}, each atomically, with an error that says what
   * went wrong; returns the path of {@code report.json}.
   */
  static Path write(Report report, Path out) throws IOException {
    try {
      Files.createDirectories(out);
      Path target = out.resolve("report.json");
      Path tmp = Files.createTempFile(out, ".report", ".json.tmp");
      try (OutputStream os = Files.newOutputStream(tmp)) {
        new JsonReportWriter().write(report, os);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path html = out.resolve("report.html");
      Path htmlTmp = Files.createTempFile(out, ".report", ".html.tmp");
      try (OutputStream os = Files.newOutputStream(htmlTmp)) {
        new org.triangulate.web.HtmlReportWriter().write(report, os);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(htmlTmp);
        throw e;
      }
      Files.move(htmlTmp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (FileAlreadyExistsException e) {
      throw new IOException(
          "cannot write the report to " + out + ": " + e.getFile() + " is a file, not a folder", e);
    } catch (AccessDeniedException e) {
      throw new IOException(
          "cannot write the report to " + out + ": permission denied for " + e.getFile(), e);
    } catch (IOException e) {
      throw new IOException("cannot write the report to " + out + ": " + e.getMessage(), e);
    }
  }

  /** Prints the summary line and the rejected inputs; returns the exit code. */
  static int finish(Report report, Path file, PrintWriter out, PrintWriter err) {
    out.printf(
        Locale.ROOT,
        "Wrote %s: %d article%s in %d stor%s from %d input%s, %d problem%s (%d rejected).%n",
        file,
        report.articles().size(),
        report.articles().size() == 1 ? "" : "s",
        report.stories().size(),
        report.stories().size() == 1 ? "y" : "ies",
        report.inputs(),
        report.inputs() == 1 ? "" : "s",
        report.problems().size(),
        report.problems().size() == 1 ? "" : "s",
        report.rejected());
    out.flush();
    for (Problem p : report.problems()) {
      if (p.rejected()) {
        err.printf("rejected: %s (%s): %s%n", p.source(), p.location(), p.message());
      }
    }
    err.flush();
    return report.rejected() > 0 ? Main.EXIT_REJECTED : 0;
  }
}
