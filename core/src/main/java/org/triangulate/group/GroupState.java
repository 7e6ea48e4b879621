package org.triangulate.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.triangulate.work.Workers;
import org.triangulate.model.Article;
import org.triangulate.model.Story;

/**
 * Everything grouping knows, and the steps that grow it: a batch of articles is counted into the
 * dictionary, vectorised, indexed, queried for neighbours, linked into the graph and clustered.
 * {@link StoryGrouper} runs one batch from empty; {@link IncrementalGrouper} runs many.
 */
final class GroupState {

  private final GroupOptions options;
  private final Dictionary dictionary;
  private final Vectors vectors;
  private final NeighbourIndex index;
  private final Graph graph;
  private final Linkage linkage;
  private final List<Article> articles = new ArrayList<>();
  private final Map<String, Integer> byId = new HashMap<>();

  private final Workers workers;

  GroupState(GroupOptions options, boolean keepRare, Workers workers) {
    this(options, workers, new Dictionary(keepRare), new Vectors(options));
  }

  /** A state over a dictionary and vectors built elsewhere ({@link GroupSteps#cluster}). */
  GroupState(GroupOptions options, Workers workers, Dictionary dictionary, Vectors vectors) {
    this.options = options;
    this.workers = java.util.Objects.requireNonNull(workers, "workers");
    this.dictionary = dictionary;
    this.vectors = vectors;
    this.index = new NeighbourIndex(options, vectors);
    this.graph = new Graph(options.neighbours());
    this.linkage = new Linkage(options.mergeThreshold(), options.neighbours());
  }

  int size() {
    return articles.size();
  }

  boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * Adds a batch of articles. With {@code given} null they are clustered; otherwise {@code given}
   * lists groups of article ids (of this batch) that are taken as they are, and nothing merges.
   */
  void add(List<Article> batch, List<List<String>> given) {
    Set<String> seen = new HashSet<>();
    for (Article a : batch) {
      if (byId.containsKey(a.id()) || !seen.add(a.id())) {
        throw new IllegalArgumentException("duplicate article id: " + a.id());
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    // Canonical order: by publication day (undated first), then id. Input order cannot matter.
    List<Article> sorted = new ArrayList<>(batch);
    sorted.sort(Comparator.comparingInt(Vectors::dayOf).thenComparing(Article::id));
    int base = articles.size();
    int total = base + sorted.size();
    for (Article a : sorted) {
      byId.put(a.id(), articles.size());
      articles.add(a);
    }
    int threads = options.threads();
    dictionary.update(sorted, workers, threads);
    vectors.add(sorted, dictionary, workers, threads);
    index.add(base, total, dictionary.size());
    NeighbourIndex.Found[] found = new NeighbourIndex.Found[sorted.size()];
    Parallel.forEach(
        workers, threads, sorted.size(), index::query, (q, i) -> found[i] = q.neighbours(base + i));
    link(base, total, found, given);
  }

  /**
   * Clusters a batch whose vectors are already in {@link #vectors} (built elsewhere), with the
   * neighbours found for each: what {@link #add} does after its search, for a batch from empty.
   */
  void addFound(List<Article> sorted, NeighbourIndex.Found[] found) {
    if (!articles.isEmpty() || vectors.size() != sorted.size()) {
      throw new IllegalStateException("a found batch goes into an empty state with its vectors");
    }
    for (Article a : sorted) {
      if (byId.put(a.id(), articles.size()) != null) {
        throw new IllegalArgumentException("duplicate article id: " + a.id());
      }
      articles.add(a);
    }
    link(0, sorted.size(), found, null);
  }

  private void link(int base, int total, NeighbourIndex.Found[] found, List<List<String>> given) {
    graph.ensure(total);
    boolean[] touched = new boolean[total];
    List<int[]> dropped = new ArrayList<>();
    for (int i = 0; i < found.length; i++) {
      int a = base + i;
      touched[a] = true;
      int[] near = found[i].articles();
      float[] sims = found[i].similarities();
      for (int j = 0; j < near.length; j++) {
        graph.offer(a, near[j], sims[j]);
        int out = graph.offer(near[j], a, sims[j]);
        if (out != Graph.REFUSED) {
          touched[near[j]] = true;
        }
        if (out >= 0 && near[j] < base) {
          dropped.add(new int[] {near[j], out});
        }
      }
    }
    // An old article's list lost a link: the edge goes unless the other end still lists it.
    linkage.addArticles(total);
    List<Integer> changed = new ArrayList<>();
    for (int[] d : dropped) {
      if (!graph.lists(d[0], d[1])
          && !graph.lists(d[1], d[0])
          && graph.removeEdge(d[0], d[1]) > 0) {
        changed.add(d[0]);
        changed.add(d[1]);
      }
    }
    int firstEdge = graph.edges();
    for (int a = 0; a < total; a++) {
      if (touched[a]) {
        graph.addEdgesOf(a);
      }
    }
    if (given != null) {
      for (List<String> group : given) {
        for (String id : group) {
          linkage.join(byId.get(group.get(0)), byId.get(id));
        }
      }
    }
    if (given != null) {
      for (int e = firstEdge; e < graph.edges(); e++) {
        linkage.addEdge(graph.from(e), graph.to(e), graph.weight(e));
      }
      return;
    }
    // Every story a new or lost edge touches is clustered again, with its articles' edges as they
    // are now; the rest stay as they are.
    for (int e = firstEdge; e < graph.edges(); e++) {
      changed.add(graph.from(e));
      changed.add(graph.to(e));
    }
    for (int a = base; a < total; a++) {
      changed.add(a);
    }
    linkage.dissolve(changed.stream().mapToInt(Integer::intValue).toArray(), graph);
    linkage.merge();
  }

  List<Story> stories() {
    return new StoryBuilder(options, workers, articles, vectors, dictionary, graph, linkage).build();
  }
}
