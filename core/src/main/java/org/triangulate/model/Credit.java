package org.triangulate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An agency or outlet an article credits ("Associated Press reports", "told The Guardian",
 * "Credit: AP").
 *
 * @param article the crediting article
 * @param credited the credited agency or outlet: its entity id when the annotate stage ran, else
 *     its name as written
 * @param name the name as written
 * @param span the words in the article's text; empty when the credit stood in a line cleaning
 *     removed (a photo credit), see {@code offset}
 * @param offset for a credit in removed text, its offset in the original input
 */
public record Credit(String article, String credited, String name, Optional<Span> span, Optional<Integer> offset) {
  public Credit {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(credited, "credited");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(offset, "offset");
  }
}
