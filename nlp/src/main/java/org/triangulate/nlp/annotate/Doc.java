package org.triangulate.nlp.annotate;

import java.util.List;

/**
 * An article's text as CoreNLP read it: tokens, sentences, and the spans it tagged. Plain records,
 * so that everything after CoreNLP is ordinary Java that tests can feed.
 */
public record Doc(String text, List<Tok> tokens, List<Sentence> sentences, List<NerSpan> spans) {

  public Doc {
    tokens = List.copyOf(tokens);
    sentences = List.copyOf(sentences);
    spans = List.copyOf(spans);
  }

  /** The characters of tokens {@code [from, to)}, as they stand in the text. */
  public String text(int from, int to) {
    if (from >= to) {
      return "";
    }
    return text.substring(tokens.get(from).begin(), tokens.get(to - 1).end());
  }

  public Sentence sentenceOf(Tok t) {
    return sentences.get(t.sentence());
  }
}
