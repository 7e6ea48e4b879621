package org.triangulate.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.triangulate.model.Article;
import org.triangulate.model.Story;

/**
 * The keys of a story: the terms and names its articles share, by their mean weight in the members'
 * vectors, that is by what they add to the similarity that holds the story together (a feature must
 * be in two members at least, unless the story has one article; years count for grouping but are
 * not keys). Their text is read back from the most central member that holds them: the lower-cased
 * word for a term, the phrase as printed for a name. A name that the members read back also write
 * after "in", "at", "near" (and so on) or in a dateline is labelled a place; a term or surname
 * already part of a listed name is left out. One per worker.
 */
final class Keys {

  /** Members read back for the text of the keys, most central first. */
  private static final int READ_BACK = 20;

  private final GroupOptions options;
  private final List<Article> articles;
  private final Vectors vectors;
  private final Dictionary dictionary;
  private final Features features = new Features();
  private final LongIntMap slot = new LongIntMap(1 << 10);
  private double[] sum = new double[1 << 10];
  private int[] count = new int[1 << 10];
  private int[] feature = new int[1 << 10];

  Keys(GroupOptions options, List<Article> articles, Vectors vectors, Dictionary dictionary) {
    this.options = options;
    this.articles = articles;
    this.vectors = vectors;
    this.dictionary = dictionary;
  }

  /** The keys of the story whose members are given most central first. */
  List<Story.Key> of(int[] members) {
    if (options.keys() == 0) {
      return List.of();
    }
    slot.clear();
    int n = 0;
    for (int a : members) {
      int[] ids = vectors.ids(a);
      float[] w = vectors.weights(a);
      for (int p = 0; p < ids.length; p++) {
        int s = slot.get(ids[p] + 1L, -1);
        if (s < 0) {
          if (n == sum.length) {
            sum = Arrays.copyOf(sum, n * 2);
            count = Arrays.copyOf(count, n * 2);
            feature = Arrays.copyOf(feature, n * 2);
          }
          s = n++;
          slot.put(ids[p] + 1L, s);
          sum[s] = 0;
          count[s] = 0;
          feature[s] = ids[p];
        }
        sum[s] += w[p];
        count[s]++;
      }
    }
    int shared = Math.min(2, members.length);
    long[] ranked = new long[n];
    int r = 0;
    for (int s = 0; s < n; s++) {
      if (count[s] >= shared && Features.kind(dictionary.feature(feature[s])) != Features.YEAR) {
        ranked[r++] = ((long) Float.floatToIntBits((float) sum[s]) << 32) | s;
      }
    }
    Arrays.sort(ranked, 0, r);
    int wanted = Math.min(r, options.keys() * 3);
    // Candidates, strongest first: feature hash -> rank.
    LongIntMap candidates = new LongIntMap(wanted);
    long[] hashes = new long[wanted];
    for (int i = 0; i < wanted; i++) {
      hashes[i] = dictionary.feature(feature[(int) ranked[r - 1 - i]]);
      candidates.put(hashes[i], i);
    }
    Set<String> places = new HashSet<>();
    String[] text = readBack(members, candidates, wanted, places);
    // Distinct texts, strongest first; a single word that is part of a longer name among the
    // keys is left to that name (a few rounds, as dropping words lets more names in).
    List<Integer> pool = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < wanted; i++) {
      if (text[i] != null && seen.add(lower(text[i]))) {
        pool.add(i);
      }
    }
    Set<String> covered = Set.of();
    List<Integer> top = List.of();
    for (int round = 0; round < 4; round++) {
      top = new ArrayList<>();
      for (int i : pool) {
        if (top.size() < options.keys()
            && (isPhrase(text[i]) || !covered.contains(lower(text[i])))) {
          top.add(i);
        }
      }
      Set<String> words = new HashSet<>();
      for (int i : top) {
        if (Features.kind(hashes[i]) != Features.TERM && isPhrase(text[i])) {
          for (String w : lower(text[i]).split("[\\s\\-\u2010\u2011]+")) {
            words.add(w);
            words.add(w.replaceAll("['\u2019]s$", ""));
          }
        }
      }
      if (words.equals(covered)) {
        break;
      }
      covered = words;
    }
    List<Story.Key> keys = new ArrayList<>();
    for (int i : top) {
      String t = text[i];
      int kind = Features.kind(hashes[i]);
      String label =
          kind == Features.TERM
              ? "term"
              : kind == Features.PLACE || places.contains(lower(t)) ? "place" : "entity";
      double mean = sum[(int) ranked[r - 1 - i]] / members.length;
      keys.add(new Story.Key(label, t, Math.round(mean * 10_000) / 10_000.0));
    }
    return keys;
  }

  /** The text of each candidate, from the most central member that holds it. */
  private String[] readBack(int[] members, LongIntMap candidates, int wanted, Set<String> places) {
    String[] text = new String[wanted];
    int missing = wanted;
    List<TreeMap<String, Integer>> forms = new ArrayList<>(wanted);
    for (int i = 0; i < wanted; i++) {
      forms.add(new TreeMap<>());
    }
    for (int m = 0; m < members.length && m < READ_BACK && missing > 0; m++) {
      features.extract(
          articles.get(members[m]),
          (f, s, b, e, w) -> {
            if (Features.kind(f) == Features.PLACE) {
              places.add(lower(s.subSequence(b, e).toString().replaceAll("\\s+", " ")));
            }
            int c = candidates.get(f, -1);
            if (c >= 0 && text[c] == null) {
              String form = s.subSequence(b, e).toString().replaceAll("\\s+", " ");
              if (Features.kind(f) == Features.TERM) {
                form = lower(form);
              }
              forms.get(c).merge(form, w, Integer::sum);
            }
          });
      for (int c = 0; c < wanted; c++) {
        if (text[c] == null && !forms.get(c).isEmpty()) {
          // The most frequent form; ties to the first in string order.
          text[c] =
              forms.get(c).entrySet().stream()
                  .max(
                      (x, y) ->
                          x.getValue().equals(y.getValue())
                              ? y.getKey().compareTo(x.getKey())
                              : Integer.compare(x.getValue(), y.getValue()))
                  .orElseThrow()
                  .getKey();
          missing--;
        }
      }
    }
    return text;
  }

  private static boolean isPhrase(String s) {
    return s.indexOf(' ') >= 0 || s.indexOf('-') >= 0;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
