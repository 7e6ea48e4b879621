package org.triangulate.group;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.model.Article;

/** The bundled Hama corpus, ingested. Maven runs tests in the module directory. */
final class Hama {

  static final Path DIR = Path.of("..", "examples", "hama");

  private Hama() {}

  static List<Article> articles() {
    Ingester ingester = new Ingester(IngestOptions.basic());
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".txt"))
          .sorted()
          .flatMap(p -> ingester.ingest(p, p.toString()).articles().stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
