package org.triangulate.reconcile;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.triangulate.model.Span;

/**
 * One sentence of one article, read for the reconcile stage.
 *
 * @param index the unit's position among all the story's units (articles in story order, then text
 *     order)
 * @param article the article's id
 * @param position the sentence's position in its article
 * @param span the sentence
 * @param text the sentence's words
 * @param stems the stems of its content words
 * @param names the entity ids it mentions
 * @param speaker who asserts it when that is not the outlet: the speaker of the quote it stands in,
 *     or the subject of its reporting verb ("the Syrian army said", "according to X")
 * @param statement whether it states something (not a headline-like fragment or a question)
 * @param slots the values it gives that can be compared with other sources'
 */
record Unit(
    int index,
    String article,
    int position,
    Span span,
    String text,
    Set<String> stems,
    Set<String> names,
    Optional<String> speaker,
    boolean statement,
    List<SlotValue> slots) {}
