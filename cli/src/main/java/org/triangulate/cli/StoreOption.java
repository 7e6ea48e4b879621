package org.triangulate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.triangulate.store.CorpusStore;
import org.triangulate.store.PostgresStore;
import picocli.CommandLine.Option;

/** {@code --db URL}, and opening the corpus it names or the one in the output folder. */
final class StoreOption {

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "Keep the corpus in this PostgreSQL database (jdbc:postgresql://HOST[:PORT]/DB?user=NAME)"
              + " instead of DIR/corpus.db (SQLite). The password comes from the PGPASSWORD"
              + " variable or ~/.pgpass, never from the command line.")
  String db;

  /** The PostgreSQL database of {@code --db}, else {@code out/corpus.db}. */
  CorpusStore open(Path out) throws IOException {
    if (db != null) {
      return PostgresStore.open(db);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException("cannot keep the corpus in " + out + ": it is a file, not a folder");
    }
    return CorpusStore.openFolder(out);
  }
}
