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
import java.util.HashSet;
import java.util.Set;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.annotate.ArticleReading.LocalMention;
import org.triangulate.model.Span;

/**
 * Links each article's local entities into one entity per real-world referent across the run.
 *
 * <p>Entities the list knows join by list id. People join when their full names are the same name
 * word for word up to transliteration (al-Jolani, al-Golani; Bashar al-Assad, Bashar Al Assad);
 * a surname alone ("Assad", "Julani") joins the most-mentioned person of the run with that surname,
 * so Hafez al-Assad stays apart from Bashar al-Assad. Other organisations and places join by name
 * and by acronym (an all-capitals name that spells the initials of another's name). A name's type
 * is voted over the whole run. The result does not depend on the order of the articles.
 *
 * <p>Incremental: the corpus's existing entities take part as nodes of their own. New mentions join
 * them by the same rules, so they keep their ids, names and types and gain aliases, descriptions
 * and counts; two existing entities are never joined, even when a new article would bridge them
 * (a batch run over all the articles may then link differently). A new entity whose id another
 * already has gets a suffix from a hash of where it is first named, never a counter.
 */
final class EntityLinker {

  /**
   * A local entity of one article, or an entity the corpus already has ({@code existing} set,
   * {@code article} empty): existing entities keep their id, name and type, and never join one
   * another.
   */
  private record Node(
      String article,
      int locals,
      int index,
      String type,
      String subtype,
      String listId,
      String canonical,
      List<LocalMention> names,
      List<String> descriptions,
      Entity existing) {

    /** How many mentions it brings: its names here, or the existing entity's count. */
    int weight() {
      return existing != null ? Math.max(1, existing.mentions()) : names.size();
    }
  }

  private EntityLinker() {}

  /**
   * @param existing the corpus's entities so far, which keep their ids
   * @param listIds the curated entity list's ids
   * @param readings each new article's reading, by article id
   * @return for each new article, its local entity index → entity id; and every entity
   */
  static Result link(List<Entity> existing, Set<String> listIds, Map<String, ArticleReading> readings) {
    List<Node> nodes = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Entity e : new TreeMap<>(byId(existing)).values()) {
      taken.add(e.id());
      List<LocalMention> names = new ArrayList<>();
      names.add(new LocalMention(0, new Span(0, 0), "name", e.name()));
      for (String alias : e.aliases()) {
        names.add(new LocalMention(0, new Span(0, 0), "name", alias));
      }
      boolean listed = listIds.contains(e.id());
      nodes.add(
          new Node(
              "", 1, 0, e.type(), e.subtype().orElse(null), listed ? e.id() : null,
              listed ? e.name() : null, names, e.descriptions(), e));
    }
    int existingCount = nodes.size();
    for (Map.Entry<String, ArticleReading> e : new TreeMap<>(readings).entrySet()) {
      ArticleReading r = e.getValue();
      for (ArticleReading.LocalEntity l : r.entities()) {
        List<LocalMention> ms = r.mentions().stream().filter(m -> m.entity() == l.index()).toList();
        List<LocalMention> names = ms.stream().filter(m -> m.kind().equals("name")).toList();
        if (names.isEmpty()) {
          continue;
        }
        nodes.add(
            new Node(
                e.getKey(), r.entities().size(), l.index(), l.type(), l.subtype().orElse(null),
                l.listId().orElse(null), l.canonical().orElse(null), names,
                ms.stream().filter(m -> m.kind().equals("description")).map(LocalMention::text).toList(),
                null));
      }
    }
    boolean[] fixed = new boolean[nodes.size()];
    for (int i = 0; i < existingCount; i++) {
      fixed[i] = true;
    }
    String[] type = new String[nodes.size()];
    voteTypes(nodes, type);
    Union parent = new Union(fixed);
    Map<String, Integer> byList = new HashMap<>();
    Map<String, Integer> byName = new HashMap<>();
    List<Integer> fullPersons = new ArrayList<>();
    List<Integer> shortPersons = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.listId() != null) {
        Integer j = byList.putIfAbsent(n.listId(), i);
        if (j != null) {
          parent.union(i, j);
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
      if (n.listId() != null || type[i].equals("person")) {
        continue;
      }
      for (LocalMention m : n.names()) {
        Integer j = byName.putIfAbsent(type[i] + "|" + Names.fold(m.text()), i);
        if (j != null) {
          parent.union(i, j);
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
          byInitials.computeIfAbsent(ini, k -> new TreeSet<>()).add(parent.find(i));
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
              distinct.add(parent.find(r));
            }
            if (distinct.size() == 1) {
              parent.union(i, distinct.first());
            }
          }
        }
      }
    }
    // People: full names word for word, then surnames to the most mentioned full name. Two words
    // can be the same word only when their consonant keys are equal (Names.sameWord), so only
    // names of equal keys are compared; in the same order as all pairs would be, so the result is
    // that of comparing every pair, at a cost near linear in the corpus's people.
    List<List<String>> full = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      full.add(type[i].equals("person") && nodes.get(i).listId() == null ? fullest(nodes.get(i)) : null);
    }
    Map<List<String>, List<Integer>> byNameKey = new HashMap<>();
    for (int a = 0; a < fullPersons.size(); a++) {
      int i = fullPersons.get(a);
      List<Integer> earlier =
          byNameKey.computeIfAbsent(nameKey(full.get(i)), k -> new ArrayList<>());
      for (int j : earlier) {
        if (fixed[i] && fixed[j]) {
          continue; // two existing entities never join: no need to compare them
        }
        if (parent.find(i) != parent.find(j) && Names.sameName(full.get(i), full.get(j))) {
          parent.union(i, j);
        }
      }
      earlier.add(i);
    }
    Map<Integer, Integer> mentionCount = new HashMap<>();
    for (int i : fullPersons) {
      mentionCount.merge(parent.find(i), nodes.get(i).weight(), Integer::sum);
    }
    Map<String, List<Integer>> bySurnameKey = new HashMap<>();
    for (int j : fullPersons) {
      List<String> w = full.get(j);
      bySurnameKey.computeIfAbsent(wordKey(w.get(w.size() - 1)), k -> new ArrayList<>()).add(j);
    }
    for (int i : shortPersons) {
      String word = full.get(i).get(0);
      int best = -1;
      int bestCount = -1;
      String bestName = null;
      for (int j : bySurnameKey.getOrDefault(wordKey(word), List.of())) {
        List<String> w = full.get(j);
        if (Names.sameWord(w.get(w.size() - 1), word)) {
          int root = parent.find(j);
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
        parent.union(i, best);
      }
    }
    // Surnames alone that no full name took: one person per surname. The roots that hold a full
    // name do not change here (only roots without one join), so they are found once.
    Set<Integer> fullRoots = new HashSet<>();
    for (int f : fullPersons) {
      fullRoots.add(parent.find(f));
    }
    Map<String, List<Integer>> byWordKey = new HashMap<>();
    for (int a = 0; a < shortPersons.size(); a++) {
      int i = shortPersons.get(a);
      List<Integer> earlier = byWordKey.computeIfAbsent(wordKey(full.get(i).get(0)), k -> new ArrayList<>());
      for (int j : earlier) {
        if (fixed[i] && fixed[j]) {
          continue;
        }
        if (parent.find(i) != parent.find(j)
            && Names.sameWord(full.get(i).get(0), full.get(j).get(0))
            && !fullRoots.contains(parent.find(i)) && !fullRoots.contains(parent.find(j))) {
          parent.union(i, j);
        }
      }
      earlier.add(i);
    }
    return build(nodes, type, parent, taken);
  }

  /** What two spellings of one word share ({@link Names#sameWord} holds only for equal keys). */
  private static String wordKey(String word) {
    return Names.consonants(Names.translit(word));
  }

  private static List<String> nameKey(List<String> words) {
    List<String> key = new ArrayList<>(words.size());
    words.forEach(w -> key.add(wordKey(w)));
    return key;
  }

  private static Map<String, Entity> byId(List<Entity> entities) {
    Map<String, Entity> out = new HashMap<>();
    for (Entity e : entities) {
      if (out.put(e.id(), e) != null) {
        throw new IllegalArgumentException("two entities with one id: " + e.id());
      }
    }
    return out;
  }

  /** A name's type voted over every mention in the run; the list's type is final. */
  private static void voteTypes(List<Node> nodes, String[] type) {
    Map<String, Map<String, Integer>> votes = new HashMap<>();
    for (Node n : nodes) {
      if (n.existing() != null) {
        votes.computeIfAbsent(Names.fold(n.existing().name()), k -> new TreeMap<>())
            .merge(n.type(), n.weight(), Integer::sum);
      } else if (n.listId() == null) {
        for (LocalMention m : n.names()) {
          votes.computeIfAbsent(Names.fold(m.text()), k -> new TreeMap<>()).merge(n.type(), 1, Integer::sum);
        }
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      type[i] = n.type();
      if (n.existing() != null || n.listId() != null || n.subtype() != null) {
        continue; // the corpus, the list or the context decided
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

  private static Result build(List<Node> nodes, String[] type, Union parent, Set<String> taken) {
    Map<Integer, List<Integer>> clusters = new TreeMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      clusters.computeIfAbsent(parent.find(i), k -> new ArrayList<>()).add(i);
    }
    // Name each new cluster; a cluster holding an existing entity is that entity, grown.
    record Named(List<Integer> members, String name, String type, String subtype, String listId, Entity existing) {}
    List<Named> named = new ArrayList<>();
    for (List<Integer> members : clusters.values()) {
      Entity existing = null;
      String listId = null;
      String canonical = null;
      Map<String, Integer> subtypes = new TreeMap<>();
      Map<String, Integer> types = new TreeMap<>();
      Map<String, TreeSet<String>> nameArticles = new TreeMap<>();
      for (int i : members) {
        Node n = nodes.get(i);
        if (n.existing() != null) {
          existing = n.existing();
        }
        if (n.listId() != null && listId == null) {
          listId = n.listId();
          canonical = n.canonical();
        }
        if (n.subtype() != null) {
          subtypes.merge(n.subtype(), 1, Integer::sum);
        }
        types.merge(type[i], n.names().size(), Integer::sum);
        for (LocalMention m : n.names()) {
          nameArticles.computeIfAbsent(m.text(), k -> new TreeSet<>()).add(n.article());
        }
      }
      if (existing != null) {
        named.add(new Named(members, existing.name(), existing.type(), existing.subtype().orElse(null), null, existing));
        continue;
      }
      String t = argmax(types);
      String name = canonical != null ? canonical : bestName(nameArticles, t);
      named.add(new Named(members, name, t, argmax(subtypes), listId, null));
    }
    Map<String, String[]> ids = new TreeMap<>();
    List<Entity> entities = new ArrayList<>();
    Set<String> used = new HashSet<>(taken);
    for (Named c : named) {
      String id;
      if (c.existing() != null) {
        id = c.existing().id();
      } else {
        id = c.listId() != null ? c.listId() : c.type() + "/" + Names.slug(c.name());
        if (!used.add(id)) {
          // Another referent has the name: tell them apart by where this one is first named.
          Node first = nodes.get(c.members().get(0));
          id = id + "-" + shortHash(first.article() + "\u0000" + first.names().get(0).span().begin());
          used.add(id);
        }
      }
      TreeSet<String> aliases = new TreeSet<>();
      TreeSet<String> descriptions = new TreeSet<>();
      int mentions = 0;
      for (int i : c.members()) {
        Node n = nodes.get(i);
        if (n.existing() != null) {
          aliases.addAll(n.existing().aliases());
          descriptions.addAll(n.existing().descriptions());
          mentions += n.existing().mentions();
          continue;
        }
        String[] arr = ids.computeIfAbsent(n.article(), a -> new String[n.locals()]);
        arr[n.index()] = id;
        for (LocalMention m : n.names()) {
          aliases.add(m.text());
        }
        descriptions.addAll(n.descriptions());
        mentions += n.names().size() + n.descriptions().size();
      }
      aliases.remove(c.name());
      entities.add(new Entity(id, c.name(), c.type(), Optional.ofNullable(c.subtype()), List.copyOf(aliases), List.copyOf(descriptions), mentions));
    }
    entities.sort(Comparator.comparing(Entity::id));
    return new Result(ids, entities);
  }

  private static String shortHash(String key) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 3);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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

  /**
   * Union-find over the nodes. The smaller index becomes the root, so roots do not depend on call
   * order; two sets that each hold an existing entity never join (the corpus keeps both).
   */
  private static final class Union {
    private final int[] parent;
    private final boolean[] fixed;

    Union(boolean[] fixed) {
      this.fixed = fixed.clone();
      this.parent = new int[fixed.length];
      for (int i = 0; i < parent.length; i++) {
        parent[i] = i;
      }
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb || (fixed[ra] && fixed[rb])) {
        return;
      }
      int root = Math.min(ra, rb);
      int child = Math.max(ra, rb);
      parent[child] = root;
      fixed[root] |= fixed[child];
    }
  }
}
