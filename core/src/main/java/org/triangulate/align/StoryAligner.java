package org.triangulate.align;

import org.triangulate.text.TextUnits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.triangulate.model.Article;
import org.triangulate.model.Link;
import org.triangulate.model.Span;
import org.triangulate.model.Story;

/**
 * The align stage for one story: the links between each pair of its articles that may share text.
 * Sentences are embedded once per story (when an {@link Embedder} is given); pairs are those the
 * caller's candidate test admits (copy candidates from MinHash-LSH and close neighbours in meaning
 * for large stories; every pair for small ones).
 */
public final class StoryAligner {

  /** Stories up to this size compare every pair of articles. */
  public static final int ALL_PAIRS_UP_TO = 60;

  private final PairAligner aligner;
  private final Embedder embedder;

  /** @param embedder sentence embeddings, or null for lexical judgement only */
  public StoryAligner(SentenceJudge judge, Embedder embedder) {
    this.aligner = new PairAligner(judge);
    this.embedder = embedder;
  }

  /**
   * The story's links, pair by pair ({@code a} the article whose id sorts first).
   *
   * @param candidate whether a pair of article ids (first sorts first) is worth aligning; used only
   *     for stories larger than {@link #ALL_PAIRS_UP_TO}
   */
  public List<Link> align(Story story, Map<String, Article> articles, BiPredicate<String, String> candidate) {
    return align(articles, pairs(story, candidate));
  }

  /**
   * The pairs of the story's articles worth aligning, each {@code {a, b}} with {@code a} sorting
   * first, in the order {@link #align(Story, Map, BiPredicate)} aligns them: every pair for a story
   * of up to {@link #ALL_PAIRS_UP_TO} articles, else those {@code candidate} admits.
   */
  public List<String[]> pairs(Story story, BiPredicate<String, String> candidate) {
    List<String> ids = new ArrayList<>(story.articles());
    ids.sort(null);
    List<String[]> out = new ArrayList<>();
    for (int x = 0; x < ids.size(); x++) {
      for (int y = x + 1; y < ids.size(); y++) {
        if (ids.size() > ALL_PAIRS_UP_TO && !candidate.test(ids.get(x), ids.get(y))) {
          continue;
        }
        out.add(new String[] {ids.get(x), ids.get(y)});
      }
    }
    return out;
  }

  /**
   * The links of the given pairs, pair by pair in their order: the links of a story are those of
   * its {@link #pairs}, which may be aligned in parts (a large story's, on several machines) and
   * concatenated in order. Embeds the sentences of the pairs' articles only.
   *
   * @param articles at least the articles the pairs name, by id
   */
  public List<Link> align(Map<String, Article> articles, List<String[]> pairs) {
    List<String> ids = new ArrayList<>(new java.util.TreeSet<>(
        pairs.stream().flatMap(p -> java.util.stream.Stream.of(p[0], p[1])).toList()));
    Map<String, PairAligner.Side> sides = sides(ids, articles);
    List<Link> out = new ArrayList<>();
    for (String[] p : pairs) {
      out.addAll(aligner.align(sides.get(p[0]), sides.get(p[1])));
    }
    return out;
  }

  private Map<String, PairAligner.Side> sides(List<String> ids, Map<String, Article> articles) {
    Map<String, List<Span>> sentences = new LinkedHashMap<>();
    Map<String, Integer> distinct = new LinkedHashMap<>();
    for (String id : ids) {
      Article a = articles.get(id);
      List<Span> s = TextUnits.sentences(a.text());
      sentences.put(id, s);
      for (Span sp : s) {
        distinct.putIfAbsent(sp.of(a.text()), distinct.size());
      }
    }
    List<float[]> vectors = null;
    if (embedder != null && !distinct.isEmpty()) {
      vectors = embedder.embed(new ArrayList<>(distinct.keySet()));
    }
    Map<String, PairAligner.Side> sides = new HashMap<>();
    for (String id : ids) {
      Article a = articles.get(id);
      List<float[]> v = null;
      if (vectors != null) {
        v = new ArrayList<>();
        for (Span sp : sentences.get(id)) {
          v.add(vectors.get(distinct.get(sp.of(a.text()))));
        }
      }
      sides.put(id, new PairAligner.Side(id, a.text(), sentences.get(id), v));
    }
    return sides;
  }
}
