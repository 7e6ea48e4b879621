package org.triangulate.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Problem;
import org.triangulate.nlp.EnglishWordList;
import org.triangulate.nlp.OpenNlpLanguageDetector;
import org.triangulate.nlp.annotate.CoreNlpAnnotator;
import org.triangulate.nlp.embed.MiniLmEmbedder;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/**
 * The pipeline on the real NLP resources, wired as the command line wires it ({@code
 * org.triangulate.cli.Components}), and {@code analyze} as these tests need it.
 */
final class RealPipeline {

  /** The command line's default {@code --max-bytes}. */
  static final long MAX_BYTES = 10_000_000;

  private RealPipeline() {}

  /** A pipeline on two threads; the caller closes it. */
  static Pipeline of(boolean annotate) {
    return of(new Pipeline.Options(2, annotate));
  }

  /** A pipeline with the given options; the caller closes it. */
  static Pipeline of(Pipeline.Options options) {
    return of(options, org.triangulate.pipeline.Records.NONE);
  }

  /** A pipeline with the given options and kept records; the caller closes it. */
  static Pipeline of(Pipeline.Options options, org.triangulate.pipeline.Records records) {
    return new Pipeline(
        new Pipeline.Components(
            () ->
                new Ingester(
                    new IngestOptions(
                        MAX_BYTES, OpenNlpLanguageDetector.get(), EnglishWordList.get())),
            CoreNlpAnnotator::get,
            MiniLmEmbedder::get,
            records),
        options);
  }

  /**
   * The corpus of folder {@code dir} ({@code dir/corpus.db}) with a pipeline that keeps its records
   * there; {@code closing} gets the store and the pipeline, for the caller to close.
   */
  static org.triangulate.store.StoredPipeline stored(
      Path dir, Pipeline.Options options, List<AutoCloseable> closing) {
    org.triangulate.store.CorpusStore store = org.triangulate.store.CorpusStore.openFolder(dir);
    Pipeline pipeline = of(options, store.records());
    closing.add(pipeline);
    closing.add(store);
    return new org.triangulate.store.StoredPipeline(store, pipeline);
  }

  /**
   * What {@code triangulate analyze INPUT --out OUT} does: reads {@code input} (a file or a
   * folder), runs every stage and writes {@code OUT/report.json} and {@code OUT/report.html};
   * returns {@code out}. Fails, as analyze's exit code would, when an input is rejected.
   */
  static Path analyze(Path input, Path out) throws IOException {
    Report report;
    try (Pipeline pipeline = of(true)) {
      Inputs.Expansion expansion =
          Inputs.expand(List.of(input.toString()), Path.of("").toAbsolutePath(), Optional.of(out));
      IngestResult read = pipeline.ingest(expansion.inputs(), Corpus.Progress.none());
      List<Problem> problems = new ArrayList<>(expansion.problems());
      problems.addAll(read.problems());
      report = pipeline.analyze(expansion.inputs().size(), read.articles(), problems);
    }
    if (report.rejected() > 0) {
      throw new IllegalStateException("rejected inputs: " + report.problems());
    }
    Files.createDirectories(out);
    try (OutputStream os = Files.newOutputStream(out.resolve("report.json"))) {
      new JsonReportWriter().write(report, os);
    }
    try (OutputStream os = Files.newOutputStream(out.resolve("report.html"))) {
      new HtmlReportWriter().write(report, os);
    }
    return out;
  }
}
