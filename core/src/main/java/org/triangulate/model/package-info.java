/**
 * The records that flow between the pipeline stages. All are immutable; none holds a null; lists
 * are copied on construction. A {@link org.triangulate.model.Span} always indexes into the cleaned
 * {@code text} of the article it belongs to.
 */
package org.triangulate.model;
