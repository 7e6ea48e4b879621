package org.triangulate.spark;

import org.triangulate.align.Embedder;
import org.triangulate.annotate.Annotator;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.nlp.EnglishWordList;
import org.triangulate.nlp.OpenNlpLanguageDetector;
import org.triangulate.nlp.annotate.CoreNlpAnnotator;
import org.triangulate.nlp.embed.MiniLmEmbedder;
import org.triangulate.pipeline.StageRunner;

/**
 * What the job's tasks share within one JVM (an executor, or the driver in local mode): the
 * ingester's language and word models, CoreNLP, the sentence embedder and the budgeted runner,
 * each loaded on first use and then kept for every task that JVM runs. The models are the same
 * ones the command line loads ({@code cli/Components}); nothing is downloaded.
 */
final class ExecutorResources {

  private static volatile Ingester ingester;
  private static volatile long ingesterMaxBytes = -1;
  private static volatile StageRunner runner;

  private ExecutorResources() {}

  static synchronized Ingester ingester(long maxBytes) {
    if (ingester == null || ingesterMaxBytes != maxBytes) {
      ingester =
          new Ingester(
              new IngestOptions(maxBytes, OpenNlpLanguageDetector.get(), EnglishWordList.get()));
      ingesterMaxBytes = maxBytes;
    }
    return ingester;
  }

  static Annotator annotator() {
    return CoreNlpAnnotator.get();
  }

  static Embedder embedder() {
    return MiniLmEmbedder.get();
  }

  static synchronized StageRunner runner() {
    if (runner == null) {
      runner = new StageRunner();
    }
    return runner;
  }
}
