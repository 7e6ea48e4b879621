package org.triangulate.nlp.annotate;

import java.util.List;

/**
 * One article's entities before they are linked across the run: its local referents and their
 * mentions, in text order.
 */
record Reading(Doc doc, List<Local> entities, List<LocalMention> mentions) {

  /**
   * A referent within one article.
   *
   * @param id index in {@link Reading#entities()}
   * @param type person, organization or place
   * @param subtype finer kind, or null
   * @param listId the entity list's id when the list knows it, or null
   * @param canonical the entity list's name, or null
   */
  record Local(int id, String type, String subtype, String listId, String canonical) {}

  /**
   * @param entity index of its {@link Local}
   * @param firstToken first token
   * @param endToken past the last token
   * @param begin first character (may fall inside a token: "HTS" in "HTS-led")
   * @param end past the last character
   * @param kind name or description
   */
  record LocalMention(int entity, int firstToken, int endToken, int begin, int end, String kind, String text) {}

  List<LocalMention> mentionsOf(int entity) {
    return mentions.stream().filter(m -> m.entity() == entity).toList();
  }
}
