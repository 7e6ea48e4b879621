package org.triangulate.reconcile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading the framing lexicons' tab-separated files: blank lines and {@code #} comments skipped. */
final class LabelTsv {

  private LabelTsv() {}

  /** One line that holds an entry: its 1-based number, its text, and its tab-separated fields. */
  record Row(int number, String line, String[] fields) {}

  /** Parses a reader into a lexicon. */
  interface Parser<T> {
    T parse(BufferedReader in) throws IOException;
  }

  /** The entry lines of a reader, in order. */
  static List<Row> rows(BufferedReader in) throws IOException {
    List<Row> rows = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(new Row(n, line, line.split("\t", -1)));
      }
    }
    return rows;
  }

  /** Reads a resource next to {@code owner} with {@code parser}. */
  static <T> T load(Class<?> owner, String resource, Parser<T> parser) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return parser.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
