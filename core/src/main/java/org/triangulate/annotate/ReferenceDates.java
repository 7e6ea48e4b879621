package org.triangulate.annotate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.triangulate.model.Article;
import org.triangulate.model.Story;

/**
 * The date each article's relative times ("Thursday", "last week") resolve against: the article's
 * own publication date, else its story's consensus date (the publication date most of the story's
 * dated articles share; the earliest on a tie).
 */
public final class ReferenceDates {

  /**
   * @param date the reference date
   * @param source {@code article} or {@code story}
   */
  public record Reference(LocalDate date, String source) {
    public Reference {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(source, "source");
    }
  }

  private ReferenceDates() {}

  /** The reference of every article that has one, by article id. */
  public static Map<String, Reference> of(List<Article> articles, List<Story> stories) {
    Map<String, LocalDate> own = new HashMap<>();
    for (Article a : articles) {
      a.metadata().published().flatMap(ReferenceDates::day).ifPresent(d -> own.put(a.id(), d));
    }
    Map<String, Reference> out = new TreeMap<>();
    for (Story s : stories) {
      Optional<LocalDate> consensus = consensus(s.articles().stream().map(own::get).toList());
      for (String id : s.articles()) {
        LocalDate d = own.get(id);
        if (d != null) {
          out.put(id, new Reference(d, "article"));
        } else {
          consensus.ifPresent(c -> out.put(id, new Reference(c, "story")));
        }
      }
    }
    for (Article a : articles) {
      LocalDate d = own.get(a.id());
      if (d != null) {
        out.putIfAbsent(a.id(), new Reference(d, "article"));
      }
    }
    return out;
  }

  /** The most common date among {@code dates} (nulls ignored), the earliest on a tie. */
  static Optional<LocalDate> consensus(List<LocalDate> dates) {
    Map<LocalDate, Integer> counts = new TreeMap<>();
    for (LocalDate d : dates) {
      if (d != null) {
        counts.merge(d, 1, Integer::sum);
      }
    }
    LocalDate best = null;
    int bestCount = 0;
    for (Map.Entry<LocalDate, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The calendar day of an ISO date or date-time as the metadata holds it. */
  static Optional<LocalDate> day(String published) {
    if (published.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(published.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
