package org.triangulate.fuzz;

import java.util.Map;
import org.triangulate.ingest.IngestResult;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;

/**
 * Fuzzes the JSONL reader: {@code Ingester.ingest(source, "x.jsonl", bytes)}, that is the UTF-8
 * reader that reports invalid bytes, the line reader, Jackson, the field mapping and the cleaner on
 * each record's text (or HTML).
 *
 * <p>Beyond {@link Invariants}: every article and every record problem stands at a {@code "line N"}
 * within the input, and each article's removals index into its record's text field (exactly, for a
 * plain-text field).
 */
class JsonlIngestFuzzTest {

  @BoundedFuzzTest
  void jsonlFile(byte[] bytes) {
    IngestResult result = Fuzzing.INGESTER.ingest(Fuzzing.SOURCE, "x.jsonl", bytes);
    check(result, Originals.jsonl(bytes), lines(bytes));
  }

  /** Checks a JSONL result against the documents read apart and the number of lines. */
  static void check(IngestResult result, Map<String, Invariants.Original> docs, long lines) {
    for (Article a : result.articles()) {
      String where = Invariants.key(a);
      Invariants.check(
          docs.containsKey(where), "article %s at %s matches no record read apart", a.id(), where);
      Invariants.check(lineWithin(where, lines), "article %s stands at %s of %s lines", a.id(), where, lines);
    }
    for (Problem p : result.problems()) {
      Invariants.check(
          p.location().equals("file") || p.location().startsWith("byte ") || lineWithin(p.location(), lines),
          "problem at %s, past the %s lines: %s", p.location(), lines, p);
    }
    Invariants.check(Fuzzing.SOURCE, result, docs);
  }

  private static boolean lineWithin(String where, long lines) {
    if (!where.startsWith("line ")) {
      return false;
    }
    long n = Long.parseLong(where.substring(5));
    return n >= 1 && n <= lines;
  }

  /** Lines as a reader counts them: line ends, plus one for a last line without an end. */
  static long lines(byte[] bytes) {
    long n = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        n++;
      }
    }
    return bytes.length > 0 && bytes[bytes.length - 1] != '\n' && bytes[bytes.length - 1] != '\r' ? n + 1 : n;
  }
}
