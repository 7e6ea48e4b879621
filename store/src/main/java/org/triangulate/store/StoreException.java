package org.triangulate.store;

/**
 * The corpus could not be opened, read or written: the database refused (a message from it is
 * kept as the cause), its schema is newer than this program's, or it does not hold what the caller
 * says it holds. Nothing was changed by the call that threw it.
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
