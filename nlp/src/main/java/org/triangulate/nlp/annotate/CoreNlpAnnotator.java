package org.triangulate.nlp.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.triangulate.annotate.Annotated;
import org.triangulate.annotate.Annotator;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Mention;
import org.triangulate.model.Problem;
import org.triangulate.model.Quantity;
import org.triangulate.model.Quote;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;
import org.triangulate.nlp.annotate.Reading.LocalMention;

/**
 * The annotate stage on Stanford CoreNLP: each article is read on its own (in parallel), then the
 * run's entities are linked across articles. Models load once per JVM ({@link CoreNlp#get()}).
 */
public final class CoreNlpAnnotator implements Annotator {

  /** Longer texts are annotated up to here, with a warning: CoreNLP's cost grows with length. */
  public static final int MAX_CHARS = 200_000;

  private static volatile CoreNlpAnnotator instance;

  private final CoreNlp nlp;
  private final Entities entities;

  private CoreNlpAnnotator() {
    this.nlp = CoreNlp.get();
    this.entities = new Entities(EntityList.get());
  }

  /** The shared annotator; the first call loads the models. */
  public static CoreNlpAnnotator get() {
    CoreNlpAnnotator i = instance;
    if (i == null) {
      synchronized (CoreNlpAnnotator.class) {
        i = instance;
        if (i == null) {
          i = new CoreNlpAnnotator();
          instance = i;
        }
      }
    }
    return i;
  }

  /** What one article gives before linking. */
  private record Read(
      Article article, Reading reading, List<Quotes.LocalQuote> quotes, List<Quantity> quantities,
      List<TimeRef> times, Problem problem) {}

  @Override
  public Annotated annotate(
      List<Article> articles, Map<String, ReferenceDates.Reference> references, int threads) {
    List<Article> sorted = new ArrayList<>(articles);
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    List<Read> reads = new ArrayList<>(sorted.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "annotate");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Read>> futures = new ArrayList<>();
      for (Article a : sorted) {
        futures.add(pool.submit(() -> read(a, Optional.ofNullable(references.get(a.id())))));
      }
      for (Future<Read> f : futures) {
        reads.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("annotation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("annotation failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Map<String, Reading> readings = new TreeMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Read r : reads) {
      if (r.reading() != null) {
        readings.put(r.article().id(), r.reading());
      }
      if (r.problem() != null) {
        problems.add(r.problem());
      }
    }
    EntityLinker.Result linked = EntityLinker.link(readings);
    Map<String, Annotations> byArticle = new TreeMap<>();
    for (Read r : reads) {
      if (r.reading() == null) {
        continue;
      }
      String id = r.article().id();
      String[] ids = linked.idByArticle().getOrDefault(id, new String[0]);
      List<Mention> mentions = new ArrayList<>();
      for (LocalMention m : r.reading().mentions()) {
        if (m.entity() < ids.length && ids[m.entity()] != null) {
          mentions.add(new Mention(ids[m.entity()], new Span(m.begin(), m.end()), m.kind()));
        }
      }
      mentions.sort(null);
      List<Quote> quotes = new ArrayList<>();
      int n = 0;
      for (Quotes.LocalQuote q : r.quotes()) {
        n++;
        Optional<String> speaker =
            q.speaker() >= 0 && q.speaker() < ids.length ? Optional.ofNullable(ids[q.speaker()]) : Optional.empty();
        quotes.add(
            new Quote(
                id + "#q" + n,
                q.span(),
                speaker,
                Optional.ofNullable(q.cue()),
                speaker.isPresent() ? Optional.ofNullable(q.speakerSpan()) : Optional.empty()));
      }
      byArticle.put(id, new Annotations(id, mentions, quotes, r.quantities(), r.times()));
    }
    problems.sort(null);
    return new Annotated(linked.entities(), byArticle, problems);
  }

  private Read read(Article a, Optional<ReferenceDates.Reference> reference) {
    String text = a.text();
    Problem problem = null;
    if (text.length() > MAX_CHARS) {
      int cut = text.lastIndexOf('\n', MAX_CHARS);
      cut = cut > MAX_CHARS / 2 ? cut : MAX_CHARS;
      problem =
          Problem.warning(
              a.source(),
              a.location().orElse("char " + cut),
              "annotate",
              "text is " + text.length() + " characters; annotated the first " + cut);
      text = text.substring(0, cut);
    }
    try {
      Doc doc = nlp.parse(text);
      Reading reading = entities.read(doc);
      return new Read(a, reading, Quotes.find(doc, reading), Quantities.find(doc), Times.find(doc, reference), problem);
    } catch (RuntimeException | StackOverflowError e) {
      return new Read(
          a, null, List.of(), List.of(), List.of(),
          Problem.warning(a.source(), a.location().orElse("article " + a.id()), "annotate",
              "could not annotate: " + e));
    }
  }
}
