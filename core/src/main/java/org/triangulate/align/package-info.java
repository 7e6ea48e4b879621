/**
 * The align stage: sentence and passage links between the articles of a story, with word-level
 * edits, and the sentence-pair judgement behind them.
 */
package org.triangulate.align;
