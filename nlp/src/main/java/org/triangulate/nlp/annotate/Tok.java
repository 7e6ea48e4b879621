package org.triangulate.nlp.annotate;

/**
 * One token as CoreNLP read it.
 *
 * @param index position in the document's token list
 * @param begin character offset of its first character in the text
 * @param end character offset just past its last character
 * @param word the token as the tokenizer gives it (quotes and brackets may be normalised; use
 *     {@code begin}/{@code end} for the original characters)
 * @param pos Penn Treebank part-of-speech tag
 * @param lemma lemma
 * @param ner coarse NER tag from CoreNLP's statistical and numeric classifiers ({@code O} for none)
 * @param normalized CoreNLP's normalised value for numbers, money, percents and times, or null
 * @param sentence index of its sentence
 */
public record Tok(
    int index,
    int begin,
    int end,
    String word,
    String pos,
    String lemma,
    String ner,
    String normalized,
    int sentence) {

  public boolean isNoun() {
    return pos.startsWith("NN");
  }

  public boolean isProperNoun() {
    return pos.startsWith("NNP");
  }

  public boolean isVerb() {
    return pos.startsWith("VB");
  }
}
