package org.triangulate.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Credit;
import org.triangulate.model.Derivation;
import org.triangulate.model.Entity;
import org.triangulate.model.Link;
import org.triangulate.model.Mention;
import org.triangulate.model.Quantity;
import org.triangulate.model.Quote;
import org.triangulate.model.TimeRef;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Problem;
import org.triangulate.model.BriefSentence;
import org.triangulate.model.Claim;
import org.triangulate.model.Framing;
import org.triangulate.model.Provenance;
import org.triangulate.model.QuoteGroup;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.TimelineEvent;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;
import org.triangulate.model.Span;
import org.triangulate.model.Story;

/**
 * Writes a {@link Report} as JSON, schema {@value Report#SCHEMA}, documented in {@code
 * docs/report.md} and {@code docs/report.schema.json}.
 *
 * <p>The output is a function of the report alone: fields in a fixed order, two-space indentation,
 * {@code \n} line ends, UTF-8, no timestamps. It streams, so a report of millions of articles needs
 * no tree in memory.
 */
public final class JsonReportWriter {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** Writes {@code report} to {@code out}, which it flushes but does not close. */
  public void write(Report report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(prettyPrinter());
      g.writeStartObject();
      g.writeStringField("schema", Report.SCHEMA);
      g.writeObjectFieldStart("summary");
      g.writeNumberField("inputs", report.inputs());
      g.writeNumberField("articles", report.articles().size());
      g.writeNumberField("entities", report.entities().size());
      g.writeNumberField("stories", report.stories().size());
      g.writeNumberField("problems", report.problems().size());
      g.writeNumberField("rejected", report.rejected());
      g.writeEndObject();
      g.writeArrayFieldStart("articles");
      for (Article a : report.articles()) {
        article(g, a, report.annotations().get(a.id()));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("entities");
      for (Entity e : report.entities()) {
        entity(g, e);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("stories");
      for (Story s : report.stories()) {
        story(g, s, report.provenance().get(s.id()), report.reconciliation().get(s.id()));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("problems");
      for (Problem p : report.problems()) {
        problem(g, p);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
  }

  /** The report's layout: two-space indentation, {@code \n} line ends, {@code "name": value}. */
  public static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /**
   * Writes one article as the report does, with its annotations (empty lists when {@code
   * annotations} is null); also used by tests that pin single articles.
   */
  public static void article(JsonGenerator g, Article a, Annotations annotations)
      throws IOException {
    ArticleMetadata m = a.metadata();
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeStringField("source", a.source());
    optional(g, "location", a.location());
    g.writeStringField("format", a.format());
    optional(g, "title", m.title());
    optional(g, "byline", m.byline());
    optional(g, "outlet", m.outlet());
    g.writeStringField("label", a.label());
    optional(g, "published", m.published());
    optional(g, "modified", m.modified());
    optional(g, "language", m.language());
    optional(g, "url", m.url());
    optional(g, "dateline", m.dateline());
    g.writeStringField("text", a.text());
    g.writeArrayFieldStart("removed");
    for (Removal r : a.removed()) {
      g.writeStartObject();
      g.writeStringField("reason", r.reason());
      g.writeStringField("text", r.text());
      g.writeNumberField("offset", r.offset());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("repairs");
    for (Repair r : a.repairs()) {
      g.writeStartObject();
      g.writeStringField("reason", r.reason());
      g.writeStringField("original", r.original());
      g.writeStringField("replacement", r.replacement());
      g.writeNumberField("offset", r.offset());
      span(g, "span", r.span());
      g.writeEndObject();
    }
    g.writeEndArray();
    annotations(g, annotations);
    g.writeEndObject();
  }

  private static void annotations(JsonGenerator g, Annotations an) throws IOException {
    g.writeArrayFieldStart("mentions");
    for (Mention m : an == null ? List.<Mention>of() : an.mentions()) {
      g.writeStartObject();
      g.writeStringField("entity", m.entity());
      span(g, "span", m.span());
      g.writeStringField("kind", m.kind());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("quotes");
    for (Quote q : an == null ? List.<Quote>of() : an.quotes()) {
      g.writeStartObject();
      g.writeStringField("id", q.id());
      span(g, "span", q.span());
      optional(g, "speaker", q.speaker());
      optionalSpan(g, "cue", q.cue());
      optionalSpan(g, "speakerSpan", q.speakerSpan());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("quantities");
    for (Quantity q : an == null ? List.<Quantity>of() : an.quantities()) {
      quantity(g, q, false);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("times");
    for (TimeRef t : an == null ? List.<TimeRef>of() : an.times()) {
      time(g, t);
    }
    g.writeEndArray();
  }

  /**
   * One quantity object; numbers rounded as the report writes them, or {@code exact} (as a kept
   * reading writes them, {@link JsonReadingCodec}).
   */
  static void quantity(JsonGenerator g, Quantity q, boolean exact) throws IOException {
    g.writeStartObject();
    span(g, "span", q.span());
    number(g, "value", q.value(), exact);
    g.writeStringField("unit", q.unit());
    g.writeStringField("approx", q.approx());
    optionalNumber(g, "low", q.low(), exact);
    optionalNumber(g, "high", q.high(), exact);
    optional(g, "about", q.about());
    number(g, "base", q.base(), exact);
    g.writeStringField("baseUnit", q.baseUnit());
    g.writeEndObject();
  }

  /** One time object. */
  static void time(JsonGenerator g, TimeRef t) throws IOException {
    g.writeStartObject();
    span(g, "span", t.span());
    g.writeStringField("value", t.value());
    g.writeStringField("granularity", t.granularity());
    optional(g, "reference", t.reference());
    optional(g, "referenceSource", t.referenceSource());
    g.writeEndObject();
  }

  /** Writes one entity as the report does; also used by tests that pin entities. */
  public static void entity(JsonGenerator g, Entity e) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", e.id());
    g.writeStringField("name", e.name());
    g.writeStringField("type", e.type());
    optional(g, "subtype", e.subtype());
    strings(g, "aliases", e.aliases());
    strings(g, "descriptions", e.descriptions());
    g.writeNumberField("mentions", e.mentions());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    if (name == null) {
      g.writeStartArray();
    } else {
      g.writeArrayFieldStart(name);
    }
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /**
   * A number, written without a fraction when it has none, rounded to six decimals otherwise; from
   * a billion up, where six decimals are past a double's precision anyway, as it is (rounding
   * through a {@code long} would overflow).
   */
  private static void number(JsonGenerator g, String name, double v) throws IOException {
    number(g, name, v, false);
  }

  private static void number(JsonGenerator g, String name, double v, boolean exact)
      throws IOException {
    g.writeFieldName(name);
    if (exact) {
      g.writeNumber(v);
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      g.writeNumber((long) v);
    } else if (Math.abs(v) >= 1e9) {
      g.writeNumber(v);
    } else {
      g.writeNumber(Math.round(v * 1e6) / 1e6);
    }
  }

  private static void optionalNumber(JsonGenerator g, String name, Optional<Double> v, boolean exact)
      throws IOException {
    if (v.isPresent()) {
      number(g, name, v.get(), exact);
    } else {
      g.writeNullField(name);
    }
  }

  static void optionalSpan(JsonGenerator g, String name, Optional<Span> s)
      throws IOException {
    if (s.isPresent()) {
      span(g, name, s.get());
    } else {
      g.writeNullField(name);
    }
  }

  /**
   * Writes one story as the report does, with its provenance and reconciliation (empty lists
   * without them); also used by the web app, which serves stories one at a time.
   */
  public static void story(JsonGenerator g, Story s, Provenance p, Reconciliation r)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("id", s.id());
    g.writeStringField("title", s.title());
    g.writeArrayFieldStart("articles");
    for (String id : s.articles()) {
      g.writeString(id);
    }
    g.writeEndArray();
    optional(g, "first", s.first());
    optional(g, "last", s.last());
    g.writeArrayFieldStart("keys");
    for (Story.Key k : s.keys()) {
      g.writeStartObject();
      g.writeStringField("kind", k.kind());
      g.writeStringField("text", k.text());
      g.writeNumberField("weight", Math.round(k.weight() * 10_000) / 10_000.0);
      g.writeEndObject();
    }
    g.writeEndArray();
    if (!s.aliases().isEmpty()) {
      g.writeArrayFieldStart("aliases");
      for (String a : s.aliases()) {
        g.writeString(a);
      }
      g.writeEndArray();
    }
    provenance(g, p);
    reconciliation(g, r);
    g.writeEndObject();
  }

  /** A story's claims, quote groups, framing, timeline and brief (empty lists without them). */
  public static void reconciliation(JsonGenerator g, Reconciliation r) throws IOException {
    g.writeArrayFieldStart("claims");
    for (Claim c : r == null ? List.<Claim>of() : r.claims()) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("text", c.text());
      g.writeStringField("status", c.status());
      g.writeNumberField("independentSources", c.independentSources());
      g.writeArrayFieldStart("assertions");
      for (Claim.Assertion a : c.assertions()) {
        g.writeStartObject();
        g.writeStringField("article", a.article());
        span(g, "span", a.span());
        optional(g, "speaker", a.speaker());
        optional(g, "value", a.value());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (c.contradiction().isPresent()) {
        Claim.Contradiction x = c.contradiction().get();
        g.writeObjectFieldStart("contradiction");
        g.writeStringField("slot", x.slot());
        g.writeArrayFieldStart("values");
        for (Claim.Value v : x.values()) {
          g.writeStartObject();
          g.writeStringField("value", v.value());
          strings(g, "articles", v.articles());
          passages(g, "spans", v.spans());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("explanation", x.explanation());
        g.writeBooleanField("explainedByTime", x.explainedByTime());
        g.writeEndObject();
      } else {
        g.writeNullField("contradiction");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("quoteGroups");
    for (QuoteGroup q : r == null ? List.<QuoteGroup>of() : r.quoteGroups()) {
      g.writeStartObject();
      g.writeStringField("id", q.id());
      optional(g, "speaker", q.speaker());
      strings(g, "quotes", q.quotes());
      g.writeNumberField("variants", q.variants());
      g.writeArrayFieldStart("flags");
      for (QuoteGroup.Flag f : q.flags()) {
        g.writeStartObject();
        g.writeStringField("kind", f.kind());
        g.writeStringField("detail", f.detail());
        strings(g, "quotes", f.quotes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("framing");
    for (Framing f : r == null ? List.<Framing>of() : r.framing()) {
      g.writeStartObject();
      g.writeStringField("entity", f.entity());
      g.writeArrayFieldStart("labels");
      for (Framing.Label l : f.labels()) {
        g.writeStartObject();
        g.writeStringField("article", l.article());
        g.writeStringField("term", l.term());
        g.writeNumberField("count", l.count());
        g.writeBooleanField("loaded", l.loaded());
        g.writeBooleanField("inQuote", l.inQuote());
        g.writeBooleanField("attributed", l.attributed());
        g.writeBooleanField("distinctive", l.distinctive());
        g.writeArrayFieldStart("spans");
        for (Span sp : l.spans()) {
          g.writeStartArray();
          g.writeNumber(sp.begin());
          g.writeNumber(sp.end());
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("timeline");
    for (TimelineEvent t : r == null ? List.<TimelineEvent>of() : r.timeline()) {
      g.writeStartObject();
      g.writeStringField("date", t.date());
      g.writeStringField("text", t.text());
      strings(g, "articles", t.articles());
      passages(g, "spans", t.spans());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("brief");
    for (BriefSentence b : r == null ? List.<BriefSentence>of() : r.brief()) {
      g.writeStartObject();
      g.writeStringField("text", b.text());
      g.writeStringField("status", b.status());
      strings(g, "claims", b.claims());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** A story's links, derivations, credits and independent sources (empty lists without them). */
  public static void provenance(JsonGenerator g, Provenance p) throws IOException {
    g.writeArrayFieldStart("links");
    for (Link l : p == null ? List.<Link>of() : p.links()) {
      g.writeStartObject();
      passage(g, "a", l.a());
      passage(g, "b", l.b());
      g.writeStringField("kind", l.kind());
      number(g, "score", l.score());
      g.writeArrayFieldStart("edits");
      for (Link.Edit e : l.edits()) {
        g.writeStartObject();
        g.writeStringField("op", e.op());
        optionalSpan(g, "a", Optional.ofNullable(e.a()));
        optionalSpan(g, "b", Optional.ofNullable(e.b()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("derivations");
    for (Derivation d : p == null ? List.<Derivation>of() : p.derivations()) {
      g.writeStartObject();
      g.writeStringField("from", d.from());
      g.writeStringField("to", d.to());
      g.writeStringField("kind", d.kind());
      g.writeStringField("direction", d.direction());
      g.writeObjectFieldStart("coverage");
      number(g, "from", d.coverageFrom());
      number(g, "to", d.coverageTo());
      g.writeEndObject();
      number(g, "confidence", d.confidence());
      g.writeArrayFieldStart("evidence");
      for (Derivation.Evidence e : d.evidence()) {
        g.writeStartObject();
        g.writeStringField("kind", e.kind());
        g.writeStringField("detail", e.detail());
        optional(g, "article", e.article());
        optionalSpan(g, "span", e.span());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("credits");
    for (Credit c : p == null ? List.<Credit>of() : p.credits()) {
      g.writeStartObject();
      g.writeStringField("article", c.article());
      g.writeStringField("credited", c.credited());
      g.writeStringField("name", c.name());
      optionalSpan(g, "span", c.span());
      if (c.offset().isPresent()) {
        g.writeNumberField("offset", c.offset().get());
      } else {
        g.writeNullField("offset");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("independentSources");
    for (List<String> group : p == null ? List.<List<String>>of() : p.independentSources()) {
      strings(g, null, group);
    }
    g.writeEndArray();
  }

  /** An array of passages, each {@code {"article", "span"}}. */
  private static void passages(JsonGenerator g, String name, List<Link.Passage> ps) throws IOException {
    g.writeArrayFieldStart(name);
    for (Link.Passage p : ps) {
      g.writeStartObject();
      g.writeStringField("article", p.article());
      span(g, "span", p.span());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void passage(JsonGenerator g, String name, Link.Passage p) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("article", p.article());
    span(g, "span", p.span());
    g.writeEndObject();
  }

  static void problem(JsonGenerator g, Problem p) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", p.source());
    g.writeStringField("location", p.location());
    g.writeStringField("stage", p.stage());
    g.writeStringField("severity", p.severity().wireName());
    g.writeStringField("message", p.message());
    g.writeEndObject();
  }

  /** A span as the two-element array {@code [begin, end]}. */
  static void span(JsonGenerator g, String name, Span s) throws IOException {
    g.writeArrayFieldStart(name);
    g.writeNumber(s.begin());
    g.writeNumber(s.end());
    g.writeEndArray();
  }

  static void optional(JsonGenerator g, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    } else {
      g.writeNullField(name);
    }
  }
}
