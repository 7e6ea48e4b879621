package org.triangulate.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.triangulate.model.BriefSentence;
import org.triangulate.model.Claim;
import org.triangulate.model.Framing;
import org.triangulate.model.QuoteGroup;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.TimelineEvent;

/**
 * Reads a story's reconciliation, as {@link JsonReportWriter#reconciliation} writes it into the
 * story's object: claims, quote groups, framing, timeline and brief. Every span must lie in the
 * text of the article it belongs to.
 */
final class JsonReconciliationReader {

  private JsonReconciliationReader() {}

  /**
   * The reconciliation written in story object {@code s}.
   *
   * @param lengths the length of each article's text, by article id
   */
  static Reconciliation reconciliation(JsonFieldReader s, String story, Map<String, Integer> lengths)
      throws IOException {
    List<Claim> claims = new ArrayList<>();
    for (JsonFieldReader c : s.objects("claims")) {
      List<Claim.Assertion> assertions = new ArrayList<>();
      for (JsonFieldReader a : c.objects("assertions")) {
        String article = a.string("article");
        assertions.add(
            new Claim.Assertion(
                article,
                a.spanIn("span", article, lengths),
                a.optionalString("speaker"),
                a.optionalString("value")));
      }
      Optional<Claim.Contradiction> contradiction = Optional.empty();
      Optional<JsonFieldReader> x = c.optionalObject("contradiction");
      if (x.isPresent()) {
        List<Claim.Value> values = new ArrayList<>();
        for (JsonFieldReader v : x.get().objects("values")) {
          values.add(
              new Claim.Value(
                  v.string("value"), v.strings("articles"), v.passages("spans", lengths)));
        }
        contradiction =
            Optional.of(
                new Claim.Contradiction(
                    x.get().string("slot"),
                    values,
                    x.get().string("explanation"),
                    x.get().bool("explainedByTime")));
      }
      claims.add(
          new Claim(
              c.string("id"),
              c.string("text"),
              c.string("status"),
              c.integer("independentSources"),
              assertions,
              contradiction));
    }
    List<QuoteGroup> quoteGroups = new ArrayList<>();
    for (JsonFieldReader q : s.objects("quoteGroups")) {
      List<QuoteGroup.Flag> flags = new ArrayList<>();
      for (JsonFieldReader f : q.objects("flags")) {
        flags.add(new QuoteGroup.Flag(f.string("kind"), f.string("detail"), f.strings("quotes")));
      }
      quoteGroups.add(
          new QuoteGroup(
              q.string("id"),
              q.optionalString("speaker"),
              q.strings("quotes"),
              q.integer("variants"),
              flags));
    }
    List<Framing> framing = new ArrayList<>();
    for (JsonFieldReader f : s.objects("framing")) {
      List<Framing.Label> labels = new ArrayList<>();
      for (JsonFieldReader l : f.objects("labels")) {
        String article = l.string("article");
        labels.add(
            new Framing.Label(
                article,
                l.string("term"),
                l.integer("count"),
                l.bool("loaded"),
                l.bool("inQuote"),
                // Reports written before the field: a quotation was the only attribution read.
                l.has("attributed") ? l.bool("attributed") : l.bool("inQuote"),
                l.bool("distinctive"),
                l.spansIn("spans", article, lengths)));
      }
      framing.add(new Framing(f.string("entity"), labels));
    }
    List<TimelineEvent> timeline = new ArrayList<>();
    for (JsonFieldReader t : s.objects("timeline")) {
      timeline.add(
          new TimelineEvent(
              t.string("date"),
              t.string("text"),
              t.strings("articles"),
              t.passages("spans", lengths)));
    }
    List<BriefSentence> brief = new ArrayList<>();
    for (JsonFieldReader b : s.objects("brief")) {
      brief.add(new BriefSentence(b.string("text"), b.string("status"), b.strings("claims")));
    }
    return new Reconciliation(story, claims, quoteGroups, framing, timeline, brief);
  }

  /** Whether {@code r} holds nothing, as the writer writes a story without reconciliation. */
  static boolean isEmpty(Reconciliation r) {
    return r.claims().isEmpty()
        && r.quoteGroups().isEmpty()
        && r.framing().isEmpty()
        && r.timeline().isEmpty()
        && r.brief().isEmpty();
  }
}
