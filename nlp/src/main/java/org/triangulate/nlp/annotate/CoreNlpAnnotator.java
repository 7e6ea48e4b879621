package org.triangulate.nlp.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.triangulate.annotate.Annotator;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.model.Entity;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Mention;
import org.triangulate.model.Problem;
import org.triangulate.model.Quote;
import org.triangulate.model.Span;
import org.triangulate.nlp.annotate.Reading.LocalMention;

/**
 * The annotate stage on Stanford CoreNLP: each article is read on its own ({@link #read}, on
 * whatever thread calls it), then new readings are linked to the corpus's entities ({@link
 * #link}). The CoreNLP models load once per JVM ({@link CoreNlp#get()}), on the first {@link
 * #read}: a run whose readings are all kept, which only links, never loads them. Nothing here
 * starts a thread.
 */
public final class CoreNlpAnnotator implements Annotator {

  /** Longer texts are annotated up to here, with a warning: CoreNLP's cost grows with length. */
  public static final int MAX_CHARS = 200_000;

  private static volatile CoreNlpAnnotator instance;

  private final Entities entities;
  private final java.util.Set<String> listIds;

  private CoreNlpAnnotator() {
    this.entities = new Entities(EntityList.get());
    java.util.Set<String> ids = new java.util.HashSet<>();
    EntityList.get().entries().forEach(e -> ids.add(e.id()));
    this.listIds = java.util.Set.copyOf(ids);
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

  @Override
  public void load() {
    CoreNlp.get();
  }

  /**
   * {@code annotate.lines.read} and {@code annotate.lines.reused}: the lines CoreNLP read and those
   * whose reading it reused (a line this JVM read before), see {@link CoreNlp#parse}; {@code
   * annotate.sentences.crf-only} and {@code annotate.sentences.numeric}: the sentences read without
   * and with CoreNLP's numeric classifiers and SUTime (see {@link NumberGatedNer}).
   */
  @Override
  public Map<String, Long> counters() {
    long[] c = CoreNlp.lineCounts(); // without loading the models
    long[] g = NumberGatedNer.counts();
    return Map.of(
        "annotate.lines.read", c[0],
        "annotate.lines.reused", c[1],
        "annotate.sentences.crf-only", g[0],
        "annotate.sentences.numeric", g[1]);
  }

  @Override
  public ArticleReading read(Article a, Optional<ReferenceDates.Reference> reference) {
    String text = a.text();
    List<Problem> problems = new ArrayList<>();
    if (text.length() > MAX_CHARS) {
      int cut = text.lastIndexOf('\n', MAX_CHARS);
      cut = cut > MAX_CHARS / 2 ? cut : MAX_CHARS;
      problems.add(
          Problem.warning(
              a.source(),
              a.location().orElse("char " + cut),
              "annotate",
              "text is " + text.length() + " characters; annotated the first " + cut));
      text = text.substring(0, cut);
    }
    try {
      Doc doc = CoreNlp.get().parse(LongRuns.breakRuns(text, LongRuns.MAX_RUN));
      Reading reading = entities.read(doc);
      List<ArticleReading.LocalEntity> locals = new ArrayList<>();
      for (Reading.Local l : reading.entities()) {
        locals.add(
            new ArticleReading.LocalEntity(
                l.id(),
                l.type(),
                Optional.ofNullable(l.subtype()),
                Optional.ofNullable(l.listId()),
                Optional.ofNullable(l.canonical())));
      }
      List<ArticleReading.LocalMention> mentions = new ArrayList<>();
      for (LocalMention m : reading.mentions()) {
        mentions.add(
            new ArticleReading.LocalMention(m.entity(), new Span(m.begin(), m.end()), m.kind(), m.text()));
      }
      List<ArticleReading.LocalQuote> quotes = new ArrayList<>();
      for (Quotes.LocalQuote q : Quotes.find(doc, reading)) {
        boolean spoken = q.speaker() >= 0 && q.speaker() < locals.size();
        quotes.add(
            new ArticleReading.LocalQuote(
                q.span(),
                spoken ? q.speaker() : -1,
                Optional.ofNullable(q.cue()),
                Optional.ofNullable(q.speakerSpan())));
      }
      return new ArticleReading(
          a.id(), true, locals, mentions, quotes, Quantities.find(doc), Times.find(doc, reference), problems);
    } catch (RuntimeException | StackOverflowError e) {
      return ArticleReading.failed(
          a.id(),
          Problem.warning(
              a.source(), a.location().orElse("article " + a.id()), "annotate", "could not annotate: " + e));
    }
  }

  @Override
  public Linked link(List<Entity> existing, List<ArticleReading> readings) {
    Map<String, ArticleReading> byId = new TreeMap<>();
    for (ArticleReading r : readings) {
      if (r.annotated() && byId.put(r.article(), r) != null) {
        throw new IllegalArgumentException("two readings of one article: " + r.article());
      }
    }
    EntityLinker.Result linked = EntityLinker.link(existing, listIds, byId);
    Map<String, Annotations> byArticle = new TreeMap<>();
    for (ArticleReading r : byId.values()) {
      String id = r.article();
      String[] ids = linked.idByArticle().getOrDefault(id, new String[0]);
      List<Mention> mentions = new ArrayList<>();
      for (ArticleReading.LocalMention m : r.mentions()) {
        if (m.entity() < ids.length && ids[m.entity()] != null) {
          mentions.add(new Mention(ids[m.entity()], m.span(), m.kind()));
        }
      }
      mentions.sort(null);
      List<Quote> quotes = new ArrayList<>();
      int n = 0;
      for (ArticleReading.LocalQuote q : r.quotes()) {
        n++;
        Optional<String> speaker =
            q.speaker() >= 0 && q.speaker() < ids.length ? Optional.ofNullable(ids[q.speaker()]) : Optional.empty();
        quotes.add(
            new Quote(
                id + "#q" + n,
                q.span(),
                speaker,
                q.cue(),
                speaker.isPresent() ? q.speakerSpan() : Optional.empty()));
      }
      byArticle.put(id, new Annotations(id, mentions, quotes, r.quantities(), r.times()));
    }
    return new Linked(linked.entities(), byArticle);
  }
}
