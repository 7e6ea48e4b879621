package org.triangulate.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.triangulate.model.Credit;
import org.triangulate.model.Derivation;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Span;

/**
 * Reads a story's provenance, as {@link JsonReportWriter#provenance} writes it into the story's
 * object: links, derivations, credits and independent sources. Every span must lie in the text of
 * the article it belongs to.
 */
final class JsonProvenanceReader {

  private JsonProvenanceReader() {}

  /**
   * The provenance written in story object {@code s}.
   *
   * @param lengths the length of each article's text, by article id
   */
  static Provenance provenance(JsonFieldReader s, String story, Map<String, Integer> lengths)
      throws IOException {
    List<Link> links = new ArrayList<>();
    for (JsonFieldReader l : s.objects("links")) {
      Link.Passage a = l.passage("a", lengths);
      Link.Passage b = l.passage("b", lengths);
      List<Link.Edit> edits = new ArrayList<>();
      for (JsonFieldReader e : l.objects("edits")) {
        Optional<Span> ea = e.optionalSpan("a");
        Optional<Span> eb = e.optionalSpan("b");
        if (ea.isPresent()) {
          e.within("a", ea.get(), a.article(), lengths);
        }
        if (eb.isPresent()) {
          e.within("b", eb.get(), b.article(), lengths);
        }
        edits.add(new Link.Edit(e.string("op"), ea.orElse(null), eb.orElse(null)));
      }
      links.add(new Link(a, b, l.string("kind"), l.number("score"), edits));
    }
    List<Derivation> derivations = new ArrayList<>();
    for (JsonFieldReader d : s.objects("derivations")) {
      JsonFieldReader coverage = d.object("coverage");
      List<Derivation.Evidence> evidence = new ArrayList<>();
      for (JsonFieldReader e : d.objects("evidence")) {
        Optional<String> article = e.optionalString("article");
        Optional<Span> span = e.optionalSpan("span");
        if (article.isPresent() && span.isPresent()) {
          e.within("span", span.get(), article.get(), lengths);
        }
        evidence.add(new Derivation.Evidence(e.string("kind"), e.string("detail"), article, span));
      }
      derivations.add(
          new Derivation(
              d.string("from"),
              d.string("to"),
              d.string("kind"),
              d.string("direction"),
              coverage.number("from"),
              coverage.number("to"),
              d.number("confidence"),
              evidence));
    }
    List<Credit> credits = new ArrayList<>();
    for (JsonFieldReader c : s.objects("credits")) {
      String article = c.string("article");
      Optional<Span> span = c.optionalSpan("span");
      if (span.isPresent()) {
        c.within("span", span.get(), article, lengths);
      }
      credits.add(
          new Credit(
              article, c.string("credited"), c.string("name"), span, c.optionalInteger("offset")));
    }
    List<List<String>> independent = new ArrayList<>();
    int i = 0;
    for (JsonNode group : s.array("independentSources")) {
      independent.add(s.strings("independentSources[" + i + "]", group));
      i++;
    }
    return new Provenance(story, links, derivations, credits, independent);
  }

  /** Whether {@code p} holds nothing, as the writer writes a story without provenance. */
  static boolean isEmpty(Provenance p) {
    return p.links().isEmpty()
        && p.derivations().isEmpty()
        && p.credits().isEmpty()
        && p.independentSources().isEmpty();
  }
}
