package org.triangulate.nlp.annotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.triangulate.model.Entity;
import org.triangulate.nlp.annotate.Reading.Local;
import org.triangulate.nlp.annotate.Reading.LocalMention;

/**
 * Links each article's local entities into one entity per real-world referent across the run.
 *
 * <p>Entities the list knows join by list id. People join when their full names are the same name
 * word for word up to transliteration (al-Jolani, al-Golani; Bashar al-Assad, Bashar Al Assad);
 * a surname alone ("Assad", "Julani") joins the most-mentioned person of the run with that surname,
 * so Hafez al-Assad stays apart from Bashar al-Assad. Other organisations and places join by name
 * and by acronym (an all-capitals name that spells the initials of another's name). A name's type
 * is voted over the whole run. The result does not depend on the order of the articles.
 */
final class EntityLinker {

  private record Node(String article, Reading reading, Local local, List<LocalMention> names, List<LocalMention> descriptions) {}

  private EntityLinker() {}

  /**
   * @param readings each article's reading, by article id
   * @return for each article, its local entity index → global entity id
   */
  static Result link(Map<String, Reading> readings) {
    List<Node> nodes = new ArrayList<>();
    for (Map.Entry<String, Reading> e : new TreeMap<>(readings).entrySet()) {
      Reading r = e.getValue();
      for (Local l : r.entities()) {
        List<LocalMention> ms = r.mentionsOf(l.id());
        List<LocalMention> names = ms.stream().filter(m -> m.kind().equals("name")).toList();
        if (names.isEmpty()) {
          continue;
        }
        nodes.add(new Node(e.getKey(), r, l, names, ms.stream().filter(m -> m.kind().equals("description")).toList()));
      }
    }
    String[] type = new String[nodes.size()];
    voteTypes(nodes, type);
    int[] parent = new int[nodes.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> byList = new HashMap<>();
    Map<String, Integer> byName = new HashMap<>();
    List<Integer> fullPersons = new ArrayList<>();
    List<Integer> shortPersons = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.local().listId() != null) {
        Integer j = byList.putIfAbsent(n.local().listId(), i);
        if (j != null) {
          union(parent, i, j);
        }
        for (LocalMention m : n.names()) {
          byName.putIfAbsent(type[i] + "|" + Names.fold(m.text()), i);
        }
      } else if (type[i].equals("person") && !fullest(n).isEmpty()) {
        (fullest(n).size() > 1 ? fullPersons : shortPersons).add(i);
      }
    }
    // Organisations and places: by any shared name.
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.local().listId() != null || type[i].equals("person")) {
        continue;
      }
      for (LocalMention m : n.names()) {
        Integer j = byName.putIfAbsent(type[i] + "|" + Names.fold(m.text()), i);
        if (j != null) {
          union(parent, i, j);
        }
      }
    }
    // Acronyms: HTS spells Hayat Tahrir al-Sham.
    Map<String, TreeSet<Integer>> byInitials = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (type[i].equals("person")) {
        continue;
      }
      for (LocalMention m : nodes.get(i).names()) {
        String ini = Names.initials(m.text());
        if (ini.length() >= 2 && !Entities.isAcronym(m.text())) {
          byInitials.computeIfAbsent(ini, k -> new TreeSet<>()).add(find(parent, i));
        }
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (type[i].equals("person")) {
        continue;
      }
      for (LocalMention m : nodes.get(i).names()) {
        if (Entities.isAcronym(m.text())) {
          TreeSet<Integer> roots = byInitials.get(m.text().replace(".", ""));
          if (roots != null) {
            TreeSet<Integer> distinct = new TreeSet<>();
            for (int r : roots) {
              distinct.add(find(parent, r));
            }
            if (distinct.size() == 1) {
              union(parent, i, distinct.first());
            }
          }
        }
      }
    }
    // People: full names word for word, then surnames to the most mentioned full name.
    for (int a = 0; a < fullPersons.size(); a++) {
      for (int b = 0; b < a; b++) {
        int i = fullPersons.get(a);
        int j = fullPersons.get(b);
        if (find(parent, i) != find(parent, j) && Names.sameName(fullest(nodes.get(i)), fullest(nodes.get(j)))) {
          union(parent, i, j);
        }
      }
    }
    Map<Integer, Integer> mentionCount = new HashMap<>();
    for (int i : fullPersons) {
      mentionCount.merge(find(parent, i), nodes.get(i).names().size(), Integer::sum);
    }
    for (int i : shortPersons) {
      String word = fullest(nodes.get(i)).get(0);
      int best = -1;
      int bestCount = -1;
      String bestName = null;
      for (int j : fullPersons) {
        List<String> w = fullest(nodes.get(j));
        if (Names.sameWord(w.get(w.size() - 1), word)) {
          int root = find(parent, j);
          int c = mentionCount.getOrDefault(root, 0);
          String name = String.join(" ", w);
          if (c > bestCount || (c == bestCount && name.compareTo(bestName) < 0)) {
            best = root;
            bestCount = c;
            bestName = name;
          }
        }
      }
      if (best >= 0) {
        union(parent, i, best);
      }
    }
    for (int a = 0; a < shortPersons.size(); a++) {
      for (int b = 0; b < a; b++) {
        int i = shortPersons.get(a);
        int j = shortPersons.get(b);
        if (find(parent, i) != find(parent, j)
            && Names.sameWord(fullest(nodes.get(i)).get(0), fullest(nodes.get(j)).get(0))
            && rootIsShort(parent, i, fullPersons) && rootIsShort(parent, j, fullPersons)) {
          union(parent, i, j);
        }
      }
    }
    return build(nodes, type, parent);
  }

  private static boolean rootIsShort(int[] parent, int i, List<Integer> fullPersons) {
    int r = find(parent, i);
    for (int f : fullPersons) {
      if (find(parent, f) == r) {
        return false;
      }
    }
    return true;
  }

  /** A name's type voted over every mention in the run; the list's type is final. */
  private static void voteTypes(List<Node> nodes, String[] type) {
    Map<String, Map<String, Integer>> votes = new HashMap<>();
    for (Node n : nodes) {
      if (n.local().listId() == null) {
        for (LocalMention m : n.names()) {
          votes.computeIfAbsent(Names.fold(m.text()), k -> new TreeMap<>()).merge(n.local().type(), 1, Integer::sum);
        }
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      type[i] = n.local().type();
      if (n.local().listId() != null || n.local().subtype() != null) {
        continue; // the list or the context decided
      }
      Map<String, Integer> v = votes.get(Names.fold(longest(n).text()));
      int best = -1;
      for (Map.Entry<String, Integer> e : v.entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          type[i] = e.getKey();
        }
      }
    }
  }

  private static LocalMention longest(Node n) {
    return n.names().stream()
        .max(Comparator.comparingInt((LocalMention m) -> Names.words(m.text()).size())
            .thenComparingInt(m -> m.text().length())
            .thenComparing(LocalMention::text, Comparator.reverseOrder()))
        .orElseThrow();
  }

  private static List<String> fullest(Node n) {
    return Names.words(longest(n).text());
  }

  /** The result of linking. */
  record Result(Map<String, String[]> idByArticle, List<Entity> entities) {}

  private static Result build(List<Node> nodes, String[] type, int[] parent) {
    Map<Integer, List<Integer>> clusters = new TreeMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      clusters.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    // Name each cluster, then give ids in a content order so collisions resolve the same way every run.
    record Named(List<Integer> members, String name, String type, String subtype, String listId, String sortKey) {}
    List<Named> named = new ArrayList<>();
    for (List<Integer> members : clusters.values()) {
      Node first = nodes.get(members.get(0));
      String listId = null;
      String canonical = null;
      Map<String, Integer> subtypes = new TreeMap<>();
      Map<String, Integer> types = new TreeMap<>();
      Map<String, TreeSet<String>> nameArticles = new TreeMap<>();
      for (int i : members) {
        Node n = nodes.get(i);
        if (n.local().listId() != null && listId == null) {
          listId = n.local().listId();
          canonical = n.local().canonical();
        }
        if (n.local().subtype() != null) {
          subtypes.merge(n.local().subtype(), 1, Integer::sum);
        }
        types.merge(type[i], n.names().size(), Integer::sum);
        for (LocalMention m : n.names()) {
          nameArticles.computeIfAbsent(m.text(), k -> new TreeSet<>()).add(n.article());
        }
      }
      String t = argmax(types);
      String name = canonical != null ? canonical : bestName(nameArticles, t);
      String sub = argmax(subtypes);
      String sortKey = first.article() + "\u0000" + String.format("%09d", first.names().get(0).begin());
      named.add(new Named(members, name, t, sub, listId, sortKey));
    }
    named.sort(Comparator.comparing(Named::sortKey));
    Map<String, Integer> used = new HashMap<>();
    Map<String, String[]> ids = new TreeMap<>();
    List<Entity> entities = new ArrayList<>();
    for (Named c : named) {
      String base = c.listId() != null ? c.listId() : c.type() + "/" + Names.slug(c.name());
      int k = used.merge(base, 1, Integer::sum);
      String id = k == 1 ? base : base + "-" + k;
      TreeSet<String> aliases = new TreeSet<>();
      TreeSet<String> descriptions = new TreeSet<>();
      int mentions = 0;
      for (int i : c.members()) {
        Node n = nodes.get(i);
        String[] arr = ids.computeIfAbsent(n.article(), a -> new String[n.reading().entities().size()]);
        arr[n.local().id()] = id;
        for (LocalMention m : n.names()) {
          aliases.add(m.text());
        }
        for (LocalMention m : n.descriptions()) {
          descriptions.add(m.text());
        }
        mentions += n.names().size() + n.descriptions().size();
      }
      aliases.remove(c.name());
      entities.add(new Entity(id, c.name(), c.type(), Optional.ofNullable(c.subtype()), List.copyOf(aliases), List.copyOf(descriptions), mentions));
    }
    entities.sort(Comparator.comparing(Entity::id));
    return new Result(ids, entities);
  }

  /** The name most articles use; then one with a lower-case "al-"; then the longest; then the first. */
  private static String bestName(Map<String, TreeSet<String>> nameArticles, String type) {
    String best = null;
    for (Map.Entry<String, TreeSet<String>> e : nameArticles.entrySet()) {
      if (best == null || better(e.getKey(), e.getValue().size(), best, nameArticles.get(best).size(), type)) {
        best = e.getKey();
      }
    }
    return best;
  }

  private static boolean better(String a, int na, String b, int nb, String type) {
    if (type.equals("person")) {
      int wa = Names.words(a).size();
      int wb = Names.words(b).size();
      if (wa != wb) {
        return wa > wb;
      }
    } else if (Entities.isAcronym(a) != Entities.isAcronym(b)) {
      return !Entities.isAcronym(a);
    }
    if (na != nb) {
      return na > nb;
    }
    boolean pa = a.contains(" al-");
    boolean pb = b.contains(" al-");
    if (pa != pb) {
      return pa;
    }
    if (a.length() != b.length()) {
      return a.length() > b.length();
    }
    return a.compareTo(b) < 0;
  }

  private static String argmax(Map<String, Integer> counts) {
    String best = null;
    int n = -1;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > n) {
        best = e.getKey();
        n = e.getValue();
      }
    }
    return best;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins two sets; the smaller index becomes the root, so roots do not depend on call order. */
  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
