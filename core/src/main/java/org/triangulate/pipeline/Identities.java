package org.triangulate.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.triangulate.model.Story;

/**
 * Keeps story ids stable across an incremental grouping. Each story after the grouping takes the
 * id of the earlier story it shares the most articles with (ties: the earlier story with more
 * articles, then the smaller id), each earlier id going to one story at most; an earlier story
 * left without a successor of its own is absorbed by the story that took most of its articles,
 * which records its id as an alias. A story whose articles are exactly an earlier story's is that
 * story, unchanged (the same record, so its per-story results are kept). A story that shares no
 * article with an earlier one keeps the content id the grouper gave it.
 *
 * @param stories every story after the grouping, with stable ids, in the grouper's order
 * @param changed the stories whose articles changed (new, grown, merged, shrunk): the ones whose
 *     per-story results must be computed
 * @param created ids of new stories
 * @param grown ids of earlier stories that changed
 * @param merged for each story that absorbed earlier ones, the absorbed ids
 */
record Identities(
    List<Story> stories,
    List<Story> changed,
    List<String> created,
    List<String> grown,
    Map<String, List<String>> merged) {

  static Identities assign(List<Story> before, List<Story> after) {
    Map<String, Story> old = new HashMap<>();
    Map<String, String> storyOf = new HashMap<>();
    for (Story s : before) {
      old.put(s.id(), s);
      s.articles().forEach(a -> storyOf.put(a, s.id()));
    }
    record Overlap(int story, String old, int shared) {}
    List<Overlap> overlaps = new ArrayList<>();
    List<Map<String, Integer>> sharedBy = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      Map<String, Integer> counts = new TreeMap<>();
      for (String a : after.get(i).articles()) {
        String o = storyOf.get(a);
        if (o != null) {
          counts.merge(o, 1, Integer::sum);
        }
      }
      sharedBy.add(counts);
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        overlaps.add(new Overlap(i, e.getKey(), e.getValue()));
      }
    }
    overlaps.sort(
        Comparator.comparingInt((Overlap o) -> -o.shared())
            .thenComparingInt(o -> -old.get(o.old()).articles().size())
            .thenComparing(Overlap::old)
            .thenComparingInt(Overlap::story));
    String[] idOf = new String[after.size()];
    Set<String> claimed = new HashSet<>();
    for (Overlap o : overlaps) {
      if (idOf[o.story()] == null && !claimed.contains(o.old())) {
        idOf[o.story()] = o.old();
        claimed.add(o.old());
      }
    }
    // Earlier stories left without a successor go to the story that took most of their articles.
    Map<Integer, TreeSet<String>> absorbed = new TreeMap<>();
    Map<String, Integer> bestFor = new HashMap<>();
    for (Overlap o : overlaps) {
      if (!claimed.contains(o.old()) && !bestFor.containsKey(o.old())) {
        bestFor.put(o.old(), o.story());
        absorbed.computeIfAbsent(o.story(), k -> new TreeSet<>()).add(o.old());
      }
    }
    Set<String> usedIds = new HashSet<>(old.keySet());
    before.forEach(s -> usedIds.addAll(s.aliases()));
    List<Story> stories = new ArrayList<>();
    List<Story> changed = new ArrayList<>();
    List<String> created = new ArrayList<>();
    List<String> grown = new ArrayList<>();
    Map<String, List<String>> merged = new TreeMap<>();
    for (int i = 0; i < after.size(); i++) {
      Story s = after.get(i);
      TreeSet<String> gone = absorbed.getOrDefault(i, new TreeSet<>());
      String id = idOf[i];
      if (id != null && gone.isEmpty() && old.get(id).articles().equals(s.articles())) {
        stories.add(old.get(id));
        continue;
      }
      List<String> aliases = new ArrayList<>();
      for (String g : gone) {
        aliases.add(g);
        aliases.addAll(old.get(g).aliases());
      }
      Story out;
      if (id != null) {
        aliases.addAll(old.get(id).aliases());
        out = s.withId(id, aliases);
        grown.add(id);
      } else if (!gone.isEmpty()) {
        // Only absorbed stories: the first of them lends its id.
        String lend = gone.first();
        out = s.withId(lend, aliases);
        grown.add(lend);
      } else {
        out = usedIds.contains(s.id()) ? s.withId(s.id() + "~" + i, List.of()) : s;
        created.add(out.id());
      }
      if (!gone.isEmpty()) {
        List<String> g = new ArrayList<>(gone);
        g.remove(out.id());
        if (!g.isEmpty()) {
          merged.put(out.id(), g);
        }
      }
      stories.add(out);
      changed.add(out);
    }
    stories.sort(Comparator.comparing((Story x) -> x.first().orElse("\uffff")).thenComparing(Story::id));
    changed.sort(Comparator.comparing(Story::id));
    created.sort(null);
    grown.sort(null);
    return new Identities(stories, changed, created, grown, merged);
  }
}
