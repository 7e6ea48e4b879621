package org.triangulate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One real-world person, organisation or place, the same across the whole run: every spelling,
 * partial name, acronym and description of it in any article points here.
 *
 * @param id stable and derived from the canonical name and type ({@code person/bashar-al-assad}),
 *     never from a counter
 * @param name the canonical name: the entity list's name when the list knows it, else the fullest
 *     and most frequent name the articles use
 * @param type {@code person}, {@code organization} or {@code place}
 * @param subtype finer kind when known: {@code city}, {@code country}, {@code region}, {@code
 *     neighbourhood}, {@code news-agency}, {@code outlet}, {@code armed-group}, ...
 * @param aliases every other name the articles use for it, and the entity list's aliases that
 *     occur, sorted
 * @param descriptions appositive descriptions the articles give it ("a Britain-based war monitor"),
 *     sorted
 * @param mentions how many mentions (names and descriptions) it has across the run
 */
public record Entity(
    String id,
    String name,
    String type,
    Optional<String> subtype,
    List<String> aliases,
    List<String> descriptions,
    int mentions) {

  public Entity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subtype, "subtype");
    aliases = List.copyOf(aliases);
    descriptions = List.copyOf(descriptions);
  }
}
