/**
 * The annotate stage's contract: the {@link org.triangulate.annotate.Annotator} interface that the
 * {@code nlp} module implements, and the reference dates that relative times resolve against.
 */
package org.triangulate.annotate;
