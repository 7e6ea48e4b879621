package org.triangulate.group;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;

/**
 * Synthetic news: {@code n} articles of 3-5 KB in stories of 1 to ~300 articles, made of pseudo
 * words. Each story has its own 25 words and 6 names and a day; stories share topic words; the rest
 * is Zipf-distributed background. Articles come shuffled. {@code story[i]} is the story of article
 * {@code i}.
 */
record SyntheticCorpus(List<Article> articles, int[] story, int stories, long chars) {

  static SyntheticCorpus generate(int n, long seed) {
    Random r = new Random(seed);
    String[] vocab = words(r, 60_000, false);
    String[] names = words(r, 100_000, true);
    double[] zipf = zipf(vocab.length, 1.05);
    List<Article> out = new ArrayList<>(n);
    int[] storyOf = new int[n];
    int topics = Math.max(10, n / 200);
    int[][] topicWords = new int[topics][];
    for (int t = 0; t < topics; t++) {
      topicWords[t] = r.ints(30, 500, vocab.length).toArray();
    }
    int story = 0;
    long chars = 0;
    LocalDate start = LocalDate.of(2024, 1, 1);
    StringBuilder sb = new StringBuilder(6000);
    while (out.size() < n) {
      int size =
          Math.min(n - out.size(), 1 + (int) Math.floor(Math.pow(r.nextDouble(), -1.3)) % 300);
      int topic = r.nextInt(topics);
      int[] own = r.ints(25, 2000, vocab.length).toArray();
      int[] people = r.ints(6, 0, names.length).toArray();
      LocalDate day = start.plusDays(r.nextInt(365));
      for (int a = 0; a < size; a++) {
        sb.setLength(0);
        int target = 3000 + r.nextInt(2000);
        while (sb.length() < target) {
          int words = 10 + r.nextInt(15);
          for (int w = 0; w < words; w++) {
            double x = r.nextDouble();
            String word;
            if (x < 0.10) {
              word = vocab[own[r.nextInt(own.length)]];
            } else if (x < 0.15) {
              word = vocab[topicWords[topic][r.nextInt(30)]];
            } else if (x < 0.19) {
              word = names[people[r.nextInt(people.length)]];
            } else if (x < 0.20) {
              word = names[r.nextInt(names.length)];
            } else {
              word = vocab[sample(zipf, r.nextDouble())];
            }
            if (w == 0) {
              word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            sb.append(word).append(w == words - 1 ? ". " : " ");
          }
          if (r.nextInt(5) == 0) {
            sb.append('\n');
          }
        }
        String id = String.format(Locale.ROOT, "a%07d", out.size());
        ArticleMetadata m =
            ArticleMetadata.EMPTY
                .withPublished(Optional.of(day.plusDays(r.nextInt(3)).toString()))
                .withTitle(
                    Optional.of(names[people[0]] + " " + vocab[own[0]] + " " + vocab[own[1]]));
        storyOf[out.size()] = story;
        out.add(
            new Article(
                id, "synthetic", Optional.empty(), "text", m, sb.toString(), List.of(), List.of()));
        chars += sb.length();
      }
      story++;
    }
    java.util.Collections.shuffle(out, r);
    int[] shuffled = new int[n];
    for (int i = 0; i < n; i++) {
      shuffled[i] = storyOf[Integer.parseInt(out.get(i).id().substring(1))];
    }
    return new SyntheticCorpus(out, shuffled, story, chars);
  }

  private static String[] words(Random r, int count, boolean capital) {
    String[] w = new String[count];
    java.util.Set<String> seen = new java.util.HashSet<>();
    String consonants = "bcdfghjklmnprstvwz";
    String vowels = "aeiou";
    for (int i = 0; i < count; i++) {
      String s;
      do {
        StringBuilder b = new StringBuilder();
        int syllables = 1 + r.nextInt(capital ? 3 : 4);
        for (int k = 0; k < syllables; k++) {
          b.append(consonants.charAt(r.nextInt(consonants.length())));
          b.append(vowels.charAt(r.nextInt(vowels.length())));
          if (r.nextBoolean()) {
            b.append(consonants.charAt(r.nextInt(consonants.length())));
          }
        }
        s = b.toString();
      } while (!seen.add(s));
      w[i] = capital ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }
    return w;
  }

  private static double[] zipf(int n, double s) {
    double[] c = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += 1 / Math.pow(i + 1, s);
      c[i] = total;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= total;
    }
    return c;
  }

  private static int sample(double[] cumulative, double x) {
    int i = java.util.Arrays.binarySearch(cumulative, x);
    return i >= 0 ? i : Math.min(cumulative.length - 1, -i - 1);
  }
}
