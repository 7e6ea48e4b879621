package org.triangulate.group;

import java.util.List;
import java.util.Locale;
import org.triangulate.model.Story;

/**
 * A local timing probe, not a test: generates {@code n} synthetic articles of 3-5 KB in stories
 * (sizes 1 to ~300, dates over a year, topics shared by several stories) and times the grouping.
 * Usage: {@code ScaleProbe n threads seed}.
 */
final class ScaleProbe {

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    System.out.println("seed " + seed);
    long t0 = System.nanoTime();
    SyntheticCorpus corpus = SyntheticCorpus.generate(n, seed);
    long t1 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "generated %d articles in %d stories, %.1f MB, %.1f s%n",
        corpus.articles().size(),
        corpus.stories(),
        corpus.chars() / 1e6,
        (t1 - t0) / 1e9);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    List<Story> stories = new StoryGrouper(options(threads, args)).group(corpus.articles());
    long t2 = System.nanoTime();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf(
        Locale.ROOT,
        "grouped into %d stories in %.1f s (heap %d MB before, %d MB after)%n",
        stories.size(),
        (t2 - t1) / 1e9,
        before >> 20,
        after >> 20);
    java.util.Map<String, String> gold = new java.util.HashMap<>();
    for (int i = 0; i < corpus.articles().size(); i++) {
      gold.put(corpus.articles().get(i).id(), String.valueOf(corpus.story()[i]));
    }
    java.util.Map<String, String> pred = new java.util.HashMap<>();
    for (Story s : stories) {
      for (String id : s.articles()) {
        pred.put(id, s.id());
      }
    }
    var sc = org.triangulate.eval.ClusterScores.of(pred, gold);
    System.out.printf(
        Locale.ROOT,
        "synthetic ARI %.3f B3 P %.3f R %.3f F1 %.3f%n",
        sc.ari(),
        sc.precision(),
        sc.recall(),
        sc.f1());
  }

  private static GroupOptions options(int threads, String[] args) {
    GroupOptions o = GroupOptions.defaults().withThreads(threads);
    if (args.length > 3) {
      o =
          o.withSearch(
              o.maxTerms(),
              o.maxNames(),
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              Integer.parseInt(args[5]));
    }
    return o;
  }
}
