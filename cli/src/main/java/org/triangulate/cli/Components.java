package org.triangulate.cli;

import org.triangulate.annotate.Annotator;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.nlp.EnglishWordList;
import org.triangulate.nlp.OpenNlpLanguageDetector;
import org.triangulate.nlp.annotate.CoreNlpAnnotator;

/** Wires the stages with their real resources, the same way for every command and for tests. */
public final class Components {

  private Components() {}

  /** Ingest with OpenNLP language identification and the English word list. */
  public static Ingester ingester(long maxBytes) {
    return new Ingester(
        new IngestOptions(maxBytes, OpenNlpLanguageDetector.get(), EnglishWordList.get()));
  }

  /** The annotate stage on CoreNLP, shared by the process; the first call loads the models. */
  public static Annotator annotator() {
    return CoreNlpAnnotator.get();
  }
}
