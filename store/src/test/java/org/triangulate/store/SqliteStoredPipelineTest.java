package org.triangulate.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoredPipelineContract} on SQLite: two connections to one file. */
class SqliteStoredPipelineTest extends StoredPipelineContract {

  @TempDir Path dir;

  @Override
  CorpusStore create() {
    return CorpusStore.openFolder(dir);
  }

  @Override
  CorpusStore open() {
    return CorpusStore.openFolder(dir);
  }
}
