package org.triangulate.cli;

import org.triangulate.align.Embedder;
import org.triangulate.align.SentenceJudge;
import org.triangulate.annotate.Annotator;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.nlp.EnglishWordList;
import org.triangulate.nlp.OpenNlpLanguageDetector;
import org.triangulate.nlp.annotate.CoreNlpAnnotator;
import org.triangulate.nlp.embed.MiniLmEmbedder;

/** Wires the stages with their real resources, the same way for every command and for tests. */
public final class Components {

  private Components() {}

  /** Ingest with OpenNLP language identification and the English word list. */
  public static Ingester ingester(long maxBytes) {
    return ingester(maxBytes, org.triangulate.ingest.Outlets.NONE);
  }

  /** The same, giving outlets by {@code outlets} to articles that name none. */
  public static Ingester ingester(long maxBytes, org.triangulate.ingest.Outlets outlets) {
    return new Ingester(
        new IngestOptions(maxBytes, OpenNlpLanguageDetector.get(), EnglishWordList.get(), outlets));
  }

  /** Sentence embeddings: all-MiniLM-L6-v2 (quantised) in process, loaded once. */
  public static Embedder embedder() {
    return MiniLmEmbedder.get();
  }

  /** The sentence-pair judge of the align stage, with embeddings. */
  public static SentenceJudge judge() {
    return new SentenceJudge(embedder());
  }

  /** The pipeline on the real resources, with the options of {@code analyze} and {@code add}. */
  public static org.triangulate.pipeline.Pipeline pipeline(int threads, boolean annotate, long maxBytes) {
    return pipeline(new org.triangulate.pipeline.Pipeline.Options(threads, annotate), maxBytes);
  }

  /** The pipeline on the real resources, with the given options. */
  public static org.triangulate.pipeline.Pipeline pipeline(
      org.triangulate.pipeline.Pipeline.Options options, long maxBytes) {
    return pipeline(options, maxBytes, org.triangulate.pipeline.Records.NONE);
  }

  /** The pipeline on the real resources, with the given options and kept records. */
  public static org.triangulate.pipeline.Pipeline pipeline(
      org.triangulate.pipeline.Pipeline.Options options,
      long maxBytes,
      org.triangulate.pipeline.Records records) {
    return pipeline(options, maxBytes, records, org.triangulate.ingest.Outlets.NONE);
  }

  /** The pipeline on the real resources, with the given options, kept records and outlet rules. */
  public static org.triangulate.pipeline.Pipeline pipeline(
      org.triangulate.pipeline.Pipeline.Options options,
      long maxBytes,
      org.triangulate.pipeline.Records records,
      org.triangulate.ingest.Outlets outlets) {
    return new org.triangulate.pipeline.Pipeline(
        new org.triangulate.pipeline.Pipeline.Components(
            () -> ingester(maxBytes, outlets), Components::annotator, Components::embedder, records),
        options);
  }

  /** The annotate stage on CoreNLP, shared by the process; the first call loads the models. */
  public static Annotator annotator() {
    return CoreNlpAnnotator.get();
  }
}
