package org.triangulate.nlp.annotate;

/**
 * A sentence: its characters and its tokens {@code [firstToken, endToken)}.
 */
public record Sentence(int index, int begin, int end, int firstToken, int endToken) {}
