package org.triangulate.store;

/**
 * Another writer changed the corpus since this store last read or wrote it, so the state an
 * {@link CorpusStore#apply} starts from is not the corpus's any more: read it again and redo the
 * update. Nothing was written.
 */
public class ConflictException extends StoreException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
