package org.triangulate.group;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.triangulate.model.Article;
import org.triangulate.model.Story;

/**
 * Turns the clusters into {@link Story} records: id from the sorted member ids, title from the most
 * central member (the one with the greatest sum of link weights inside the story), first and last
 * publication day, and the keys ({@link Keys}). Stories come ordered by first day (undated last),
 * then id.
 */
final class StoryBuilder {

  private static final int TITLE_LENGTH = 100;

  /** The order of stories: by first day (undated last), then id. */
  static final Comparator<Story> ORDER =
      Comparator.comparing((Story s) -> s.first().orElse("\uffff")).thenComparing(Story::id);

  private final GroupOptions options;
  private final List<Article> articles;
  private final Vectors vectors;
  private final Dictionary dictionary;
  private final Graph graph;
  private final Linkage linkage;

  private final org.triangulate.work.Workers workers;

  StoryBuilder(
      GroupOptions options,
      org.triangulate.work.Workers workers,
      List<Article> articles,
      Vectors vectors,
      Dictionary dictionary,
      Graph graph,
      Linkage linkage) {
    this.options = options;
    this.workers = workers;
    this.articles = articles;
    this.vectors = vectors;
    this.dictionary = dictionary;
    this.graph = graph;
    this.linkage = linkage;
  }

  List<Story> build() {
    int n = articles.size();
    int[] root = new int[n];
    int[] members = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = linkage.find(i);
      members[root[i]]++;
    }
    double[] centrality = new double[n];
    for (int e = 0; e < graph.edges(); e++) {
      int a = graph.from(e);
      int b = graph.to(e);
      if (root[a] == root[b]) {
        centrality[a] += graph.weight(e);
        centrality[b] += graph.weight(e);
      }
    }
    // Group the articles by cluster, each cluster's members most central first.
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + members[i];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[fill[root[i]]++] = i;
    }
    List<int[]> clusters = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (members[r] > 0) {
        int[] m = Arrays.copyOfRange(order, start[r], start[r + 1]);
        clusters.add(
            Arrays.stream(m)
                .boxed()
                .sorted(
                    Comparator.<Integer>comparingDouble(i -> -centrality[i])
                        .thenComparing(i -> articles.get(i).id()))
                .mapToInt(Integer::intValue)
                .toArray());
      }
    }
    Story[] stories = new Story[clusters.size()];
    Parallel.forEach(
        workers,
        options.threads(),
        clusters.size(),
        () -> new Keys(options, articles, vectors, dictionary),
        (keys, i) -> stories[i] = story(clusters.get(i), keys));
    List<Story> out = new ArrayList<>(Arrays.asList(stories));
    out.sort(ORDER);
    return List.copyOf(out);
  }

  private Story story(int[] members, Keys keys) {
    List<String> ids = new ArrayList<>(members.length);
    String first = null;
    String last = null;
    for (int i : members) {
      Article a = articles.get(i);
      ids.add(a.id());
      Optional<String> day = a.metadata().published().map(StoryBuilder::datePart);
      if (day.isPresent()) {
        first = first == null || day.get().compareTo(first) < 0 ? day.get() : first;
        last = last == null || day.get().compareTo(last) > 0 ? day.get() : last;
      }
    }
    ids.sort(null);
    return new Story(
        id(ids),
        title(articles.get(members[0])),
        ids,
        Optional.ofNullable(first),
        Optional.ofNullable(last),
        keys.of(members));
  }

  private static String datePart(String published) {
    return published.length() >= 10 ? published.substring(0, 10) : published;
  }

  /** {@code s-} and 16 hex digits of the SHA-256 of the sorted member ids, one per line. */
  static String id(List<String> sortedIds) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String id : sortedIds) {
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return "s-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The headline, else the first sentence of the text, shortened at a word to ~100 chars. */
  static String title(Article a) {
    Optional<String> title = a.metadata().title();
    if (title.isPresent()) {
      return title.get();
    }
    String text = a.text().strip();
    int end = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n'
          || ((c == '.' || c == '!' || c == '?')
              && i + 1 < text.length()
              && Character.isWhitespace(text.charAt(i + 1))
              && i > 0
              && !Character.isUpperCase(text.charAt(i - 1)))) {
        end = c == '\n' ? i : i + 1;
        break;
      }
    }
    String sentence = text.substring(0, end).strip().replaceAll("\\s+", " ");
    if (sentence.isEmpty()) {
      return a.id();
    }
    if (sentence.length() <= TITLE_LENGTH) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', TITLE_LENGTH);
    return sentence.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH).strip() + "\u2026";
  }
}
