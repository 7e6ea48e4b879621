import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
import org.triangulate.pipeline.WorkerPool;
import org.triangulate.synth.SyntheticCorpus;

/**
 * Writes N synthetic articles (SyntheticCorpus: real sentences recombined into invented events) as
 * JSONL, for corpora of a given size in the store measurements. Run with the command line's jar:
 *
 * <pre>java -cp cli/target/triangulate.jar bench/scripts/SyntheticJsonl.java SOURCE N SEED OUT.jsonl</pre>
 */
public class SyntheticJsonl {
  public static void main(String[] args) throws Exception {
    Inputs.Expansion ex = Inputs.expand(List.of(args[0]), Path.of("").toAbsolutePath());
    List<Article> real;
    try (WorkerPool workers = new WorkerPool(2)) {
      real = Corpus.ingest(ex.inputs(), new Ingester(IngestOptions.basic()), workers, Corpus.Progress.none())
          .articles();
    }
    List<SyntheticCorpus.Item> items =
        SyntheticCorpus.from(real, Long.parseLong(args[2]), 2500).next(Integer.parseInt(args[1]));
    try (OutputStream out = Files.newOutputStream(Path.of(args[3]));
        JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (SyntheticCorpus.Item it : items) {
        Article a = it.article();
        g.writeStartObject();
        g.writeStringField("id", "synth-" + a.id());
        g.writeStringField("title", a.metadata().title().orElse(""));
        if (a.metadata().published().isPresent()) {
          g.writeStringField("published", a.metadata().published().get());
        }
        g.writeStringField("text", a.text());
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }
}
