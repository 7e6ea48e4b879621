package org.triangulate.store;

/** {@link StoredPipelineContract} on a real PostgreSQL (embedded, started by the test). */
class PostgresStoredPipelineTest extends StoredPipelineContract {

  private String url;

  @Override
  CorpusStore create() {
    url = TestPostgres.newDatabase();
    return PostgresStore.open(url);
  }

  @Override
  CorpusStore open() {
    return PostgresStore.open(url);
  }
}
