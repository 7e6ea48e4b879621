package org.triangulate.text;

import java.util.Set;

/**
 * English function words the sentence judge, the stemmer and the reconcile stage skip when they
 * compare content: articles, prepositions, pronouns, auxiliaries and "said".
 */
public final class StopWords {

  public static final Set<String> ENGLISH =
      Set.of(
          "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
          "from", "as", "into", "about", "than", "that", "this", "these", "those", "it", "its", "is",
          "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
          "will", "would", "shall", "should", "can", "could", "may", "might", "must", "he", "she",
          "they", "them", "his", "her", "their", "we", "our", "you", "your", "i", "me", "my",
          "which", "who", "whom", "whose", "what", "when", "where", "while", "there", "here", "also",
          "so", "if", "then", "up", "out", "over", "after", "before", "said", "says", "say", "all",
          "some", "any", "more", "most", "such", "other", "just", "only", "very", "s", "am");

  private StopWords() {}
}
