package org.triangulate.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Mention;
import org.triangulate.model.Quantity;
import org.triangulate.model.Quote;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;

/**
 * Reads one article of a report, as {@link JsonReportWriter#article} writes it: the {@link
 * Article} and, from the same object, its {@link Annotations}. Every span of the annotations and
 * repairs must lie in the article's text.
 */
final class JsonArticleReader {

  private JsonArticleReader() {}

  /** The article in {@code a}. */
  static Article article(JsonFieldReader a) throws IOException {
    String id = a.string("id");
    if (id.isBlank()) {
      throw a.error("id", "must not be blank");
    }
    ArticleMetadata m =
        new ArticleMetadata(
            a.optionalString("title"),
            a.optionalString("byline"),
            a.optionalString("outlet"),
            a.optionalString("published"),
            a.optionalString("modified"),
            a.optionalString("language"),
            a.optionalString("url"),
            a.optionalString("dateline"));
    String text = a.string("text");
    Map<String, Integer> length = Map.of(id, text.length());
    List<Removal> removed = new ArrayList<>();
    for (JsonFieldReader r : a.objects("removed")) {
      removed.add(new Removal(r.string("reason"), r.string("text"), r.count("offset")));
    }
    List<Repair> repairs = new ArrayList<>();
    for (JsonFieldReader r : a.objects("repairs")) {
      repairs.add(
          new Repair(
              r.string("reason"),
              r.string("original"),
              r.string("replacement"),
              r.count("offset"),
              r.spanIn("span", id, length)));
    }
    return new Article(
        id, a.string("source"), a.optionalString("location"), a.string("format"), m, text, removed,
        repairs);
  }

  /**
   * The annotations written inside the object {@code a} of {@code article} (empty lists when the
   * article has none, or when the annotate stage did not run).
   */
  static Annotations annotations(JsonFieldReader a, Article article) throws IOException {
    String id = article.id();
    Map<String, Integer> length = Map.of(id, article.text().length());
    List<Mention> mentions = new ArrayList<>();
    for (JsonFieldReader m : a.objects("mentions")) {
      mentions.add(new Mention(m.string("entity"), m.spanIn("span", id, length), m.string("kind")));
    }
    List<Quote> quotes = new ArrayList<>();
    for (JsonFieldReader q : a.objects("quotes")) {
      quotes.add(
          new Quote(
              q.string("id"),
              q.spanIn("span", id, length),
              q.optionalString("speaker"),
              inText(q, "cue", id, length),
              inText(q, "speakerSpan", id, length)));
    }
    List<Quantity> quantities = new ArrayList<>();
    for (JsonFieldReader q : a.objects("quantities")) {
      quantities.add(
          new Quantity(
              q.spanIn("span", id, length),
              q.number("value"),
              q.string("unit"),
              q.string("approx"),
              q.optionalNumber("low"),
              q.optionalNumber("high"),
              q.optionalString("about"),
              q.number("base"),
              q.string("baseUnit")));
    }
    List<TimeRef> times = new ArrayList<>();
    for (JsonFieldReader t : a.objects("times")) {
      times.add(
          new TimeRef(
              t.spanIn("span", id, length),
              t.string("value"),
              t.string("granularity"),
              t.optionalString("reference"),
              t.optionalString("referenceSource")));
    }
    return new Annotations(id, mentions, quotes, quantities, times);
  }

  private static java.util.Optional<Span> inText(
      JsonFieldReader r, String field, String article, Map<String, Integer> length)
      throws IOException {
    java.util.Optional<Span> s = r.optionalSpan(field);
    if (s.isPresent()) {
      r.within(field, s.get(), article, length);
    }
    return s;
  }

  /** Whether {@code a} holds nothing. */
  static boolean isEmpty(Annotations a) {
    return a.mentions().isEmpty()
        && a.quotes().isEmpty()
        && a.quantities().isEmpty()
        && a.times().isEmpty();
  }
}
