package org.triangulate.fuzz;

import java.util.Set;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.LanguageDetector;
import org.triangulate.ingest.WordList;

/**
 * What the fuzz tests share: one ingester with the default limits, no language model, and a small
 * word list so that the glued-word splitter has something to split. Each fuzz test is a {@link
 * BoundedFuzzTest}, whose time is bounded.
 */
final class Fuzzing {

  static final String SOURCE = "fuzz/input";

  static final WordList WORDS =
      WordList.of(
          Set.of(
              "the", "a", "of", "to", "in", "and", "on", "for", "with", "when", "city", "war",
              "massacre", "rebels", "forces", "government", "news", "said", "army", "people",
              "control", "report", "reported", "after", "before", "days", "fighting"));

  static final Ingester INGESTER =
      new Ingester(new IngestOptions(IngestOptions.DEFAULT_MAX_BYTES, LanguageDetector.none(), WORDS));

  private Fuzzing() {}
}
