package org.triangulate.pipeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.triangulate.annotate.Annotated;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Mention;
import org.triangulate.model.Quote;
import org.triangulate.model.Story;
import org.triangulate.report.Report;

/**
 * Which stories of a new batch may keep an earlier state's per-story results: those whose results
 * cannot differ, because everything {@link StoryStages} reads for them is equal.
 */
final class Reuse {

  private Reuse() {}

  /**
   * The ids of {@code stories} whose per-story results {@code previous} holds and would be computed
   * again unchanged: the same story (id, articles, title, dates, keys, aliases), each article and
   * its annotations equal, every entity the annotations name equal, the corpus's credit names
   * equal, and results in {@code previous} without a problem of the story's.
   */
  static Set<String> sameStories(
      Report previous,
      List<Story> stories,
      Map<String, Article> articles,
      Annotated annotated,
      boolean annotate) {
    Set<String> out = new HashSet<>();
    if (annotate
        && !StoryStages.creditNames(previous.entities())
            .equals(StoryStages.creditNames(annotated.entities()))) {
      return out;
    }
    Map<String, Story> before = new HashMap<>();
    previous.stories().forEach(s -> before.put(s.id(), s));
    Map<String, Article> beforeArticles = new HashMap<>();
    previous.articles().forEach(a -> beforeArticles.put(a.id(), a));
    Map<String, Entity> beforeEntities = byId(previous.entities());
    Map<String, Entity> nowEntities = byId(annotated.entities());
    Set<String> troubled = new HashSet<>();
    previous.problems().forEach(p -> troubled.add(p.source()));
    for (Story s : stories) {
      if (s.equals(before.get(s.id()))
          && previous.provenance().containsKey(s.id())
          && (!annotate || previous.reconciliation().containsKey(s.id()))
          && !troubled.contains("story " + s.id())
          && sameMembers(s, articles, beforeArticles, previous, annotated, annotate, beforeEntities, nowEntities)) {
        out.add(s.id());
      }
    }
    return out;
  }

  private static boolean sameMembers(
      Story s,
      Map<String, Article> articles,
      Map<String, Article> beforeArticles,
      Report previous,
      Annotated annotated,
      boolean annotate,
      Map<String, Entity> beforeEntities,
      Map<String, Entity> nowEntities) {
    for (String id : s.articles()) {
      if (!articles.get(id).equals(beforeArticles.get(id))) {
        return false;
      }
      if (!annotate) {
        continue;
      }
      Annotations now = annotated.byArticle().get(id);
      if (!Objects.equals(now, previous.annotations().get(id))) {
        return false;
      }
      if (now == null) {
        continue;
      }
      for (Mention m : now.mentions()) {
        if (!Objects.equals(nowEntities.get(m.entity()), beforeEntities.get(m.entity()))) {
          return false;
        }
      }
      for (Quote q : now.quotes()) {
        if (q.speaker().isPresent()
            && !Objects.equals(
                nowEntities.get(q.speaker().get()), beforeEntities.get(q.speaker().get()))) {
          return false;
        }
      }
    }
    return true;
  }

  private static Map<String, Entity> byId(List<Entity> entities) {
    Map<String, Entity> out = new HashMap<>();
    entities.forEach(e -> out.put(e.id(), e));
    return out;
  }
}
