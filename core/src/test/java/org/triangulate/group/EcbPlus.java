package org.triangulate.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.triangulate.eval.ClusterScores;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Story;

/**
 * The ECB+ development set: 772 articles in 33 topics, each topic two similar but distinct events;
 * the event is the gold story. Maven runs tests in the module directory.
 */
record EcbPlus(List<Article> articles, Map<String, String> event, Map<String, String> topic) {

  static final Path DIR = Path.of("..", "..", "shared", "eval", "ecbplus-dev");

  static boolean available() {
    return Files.isRegularFile(DIR.resolve("articles.jsonl"))
        && Files.isRegularFile(DIR.resolve("gold.tsv"));
  }

  static EcbPlus load() {
    return load(DIR);
  }

  static EcbPlus load(Path dir) {
    try {
      ObjectMapper json = new ObjectMapper();
      List<Article> articles = new ArrayList<>();
      try (BufferedReader in =
          Files.newBufferedReader(dir.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.isBlank()) {
            JsonNode n = json.readTree(line);
            articles.add(article(n.get("id").asText(), n.get("text").asText()));
          }
        }
      }
      Map<String, String> event = new HashMap<>();
      Map<String, String> topic = new HashMap<>();
      List<String> gold = Files.readAllLines(dir.resolve("gold.tsv"), StandardCharsets.UTF_8);
      for (String row : gold.subList(1, gold.size())) {
        String[] f = row.split("\t");
        topic.put(f[0], f[1]);
        event.put(f[0], f[2]);
      }
      return new EcbPlus(articles, event, topic);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Article article(String id, String text) {
    return new Article(
        id,
        "ecbplus-dev",
        Optional.empty(),
        "jsonl",
        ArticleMetadata.EMPTY,
        text,
        List.of(),
        List.of());
  }

  /** The topics, in numeric order. */
  List<String> topics() {
    TreeSet<Integer> t = new TreeSet<>();
    topic.values().forEach(v -> t.add(Integer.parseInt(v)));
    return t.stream().map(String::valueOf).toList();
  }

  /** Fold {@code f} of {@code folds}: every {@code folds}-th topic in numeric order. */
  Predicate<Article> fold(int f, int folds) {
    List<String> topics = topics();
    return a -> topics.indexOf(topic.get(a.id())) % folds == f;
  }

  List<Article> select(Predicate<Article> p) {
    return articles.stream().filter(p).toList();
  }

  ClusterScores score(List<Story> stories) {
    Map<String, String> predicted = new HashMap<>();
    for (Story s : stories) {
      for (String id : s.articles()) {
        predicted.put(id, s.id());
      }
    }
    Map<String, String> gold = new HashMap<>();
    predicted.keySet().forEach(id -> gold.put(id, event.get(id)));
    return ClusterScores.of(predicted, gold);
  }
}
