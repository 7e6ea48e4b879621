package org.triangulate.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.triangulate.model.Annotations;
import org.triangulate.model.Derivation;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Quantity;
import org.triangulate.model.Story;

/**
 * report.json in memory, for the round-trip tests: the bytes {@link JsonReportWriter} writes, the
 * report {@link JsonReportReader} reads, and the report the reader should give back (its numbers as
 * the writer rounds them). Used here and, through core's test jar, by the command line's round trip
 * of real reports.
 */
public final class ReportJson {

  private ReportJson() {}

  public static byte[] write(Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReportWriter().write(report, out);
    return out.toByteArray();
  }

  public static Report read(byte[] bytes) throws IOException {
    return new JsonReportReader().read(new ByteArrayInputStream(bytes));
  }

  /** {@code r} with every number rounded as the writer writes it. */
  public static Report asWritten(Report r) {
    Map<String, Annotations> annotations = new TreeMap<>();
    r.annotations().forEach((id, a) -> annotations.put(id, new Annotations(a.article(), a.mentions(), a.quotes(),
        a.quantities().stream()
            .map(q -> new Quantity(q.span(), written(q.value()), q.unit(), q.approx(), q.low().map(ReportJson::written),
                q.high().map(ReportJson::written), q.about(), written(q.base()), q.baseUnit()))
            .toList(),
        a.times())));
    Map<String, Provenance> provenance = new TreeMap<>();
    r.provenance().forEach((id, p) -> provenance.put(id, new Provenance(p.story(),
        p.links().stream().map(l -> new Link(l.a(), l.b(), l.kind(), written(l.score()), l.edits())).toList(),
        p.derivations().stream()
            .map(d -> new Derivation(d.from(), d.to(), d.kind(), d.direction(), written(d.coverageFrom()),
                written(d.coverageTo()), written(d.confidence()), d.evidence()))
            .toList(),
        p.credits(), p.independentSources())));
    List<Story> stories =
        r.stories().stream()
            .map(s -> new Story(s.id(), s.title(), s.articles(), s.first(), s.last(),
                s.keys().stream().map(k -> new Story.Key(k.kind(), k.text(), Math.round(k.weight() * 10_000) / 10_000.0)).toList(),
                s.aliases()))
            .toList();
    return new Report(r.inputs(), r.articles(), stories, r.problems(), r.entities(), annotations, provenance, r.reconciliation());
  }

  /**
   * A number as the writer writes it and the reader reads it: whole numbers as they are, others to
   * six decimals, and one rounded to a whole number as the nearest double that is not whole.
   */
  public static double written(double v) {
    if ((v == Math.rint(v) && Math.abs(v) < 1e15) || Math.abs(v) >= 1e9) {
      return v;
    }
    double w = Math.round(v * 1e6) / 1e6;
    return w == Math.rint(w) ? (w > 0 ? Math.nextDown(w) : Math.nextUp(w)) : w;
  }
}
