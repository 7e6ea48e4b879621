package org.triangulate.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.model.Article;
import org.triangulate.nlp.EnglishWordList;
import org.triangulate.nlp.OpenNlpLanguageDetector;
import org.triangulate.nlp.annotate.CoreNlpAnnotator;
import org.triangulate.nlp.embed.MiniLmEmbedder;

/** The pipeline on the real models, and real articles to run it on. */
final class RealPipeline {

  static final Path HAMA = Path.of("../examples/hama");

  private RealPipeline() {}

  static Pipeline create(int threads) {
    return create(new Pipeline.Options(threads, true), CoreNlpAnnotator::get);
  }

  /** The pipeline with the given options and annotate stage. */
  static Pipeline create(
      Pipeline.Options options, java.util.function.Supplier<org.triangulate.annotate.Annotator> annotator) {
    return new Pipeline(
        new Pipeline.Components(
            () ->
                new Ingester(
                    new IngestOptions(
                        IngestOptions.DEFAULT_MAX_BYTES,
                        OpenNlpLanguageDetector.get(),
                        EnglishWordList.get())),
            annotator,
            MiniLmEmbedder::get),
        options);
  }

  /** The five Hama articles, read by the ingest stage. */
  static List<Article> hama(Pipeline pipeline) throws IOException {
    List<Path> files;
    try (var s = Files.list(HAMA)) {
      files = s.sorted().toList();
    }
    List<org.triangulate.ingest.Inputs.Input> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(new org.triangulate.ingest.Inputs.Input(f, f.toString()));
    }
    return pipeline.ingest(inputs, org.triangulate.ingest.Corpus.Progress.none()).articles();
  }

  /** An article from text, through the ingest stage, as a pasted text file would be. */
  static Article text(Pipeline pipeline, Path dir, String id, String text) throws IOException {
    Path f = dir.resolve(id + ".txt");
    Files.writeString(f, text);
    return pipeline
        .ingest(
            List.of(new org.triangulate.ingest.Inputs.Input(f, f.toString())),
            org.triangulate.ingest.Corpus.Progress.none())
        .articles()
        .get(0);
  }

  /** A report of a flood, unrelated to Hama, written for these tests. */
  static final String FLOOD =
      """
      Floods force thousands from homes in northern Italy

      By Maria Rossi

      BOLOGNA, Italy, May 17, 2023 — Floods swept through the Emilia-Romagna region on Wednesday,\
       killing at least nine people and forcing more than 10,000 from their homes, officials said.

      Two dozen rivers burst their banks after the region received half its average annual\
       rainfall in 36 hours, according to the regional civil protection agency.

      "We are facing a catastrophe," Stefano Bonaccini, the president of the region, told\
       reporters in Bologna. "The water has reached places it has never reached before."

      The Formula One Grand Prix at Imola, scheduled for Sunday, was cancelled on safety\
       grounds, organisers said.

      Prime Minister Giorgia Meloni said the government would declare a state of emergency and\
       release 20 million euros in aid at a cabinet meeting on Tuesday.
      """;

  /** A report of a football final, unrelated to both. */
  static final String FINAL =
      """
      Manchester City win the Champions League for the first time

      ISTANBUL, June 10, 2023 — Manchester City beat Inter Milan 1-0 in the Champions League\
       final on Saturday, with a second-half goal from the Spanish midfielder Rodri.

      The victory at the Ataturk Olympic Stadium completed a treble of the Premier League, the\
       FA Cup and the European Cup, a feat only Manchester United had achieved among English\
       clubs, in 1999.

      "It was written in the stars," City manager Pep Guardiola told the BBC after the match.\
       "We have suffered a lot in this competition."

      Inter, who last won the trophy in 2010, hit the woodwork twice and missed two chances\
       in the final minutes, according to match statistics.
      """;
}
