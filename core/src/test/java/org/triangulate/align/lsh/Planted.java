package org.triangulate.align.lsh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.triangulate.align.lsh.Corpora.Doc;

/**
 * Planted near-duplicates of real articles, seeded. Four kinds, one base article each:
 *
 * <ul>
 *   <li>{@code edit}: word substitutions, insertions and deletions at 5 to 15% of the words;
 *   <li>{@code reorder}: the paragraphs shuffled, then 5% word edits;
 *   <li>{@code truncate}: the first 50 to 90% of the paragraphs, then 5% word edits;
 *   <li>{@code partial}: 2 or 3 consecutive paragraphs of the base, with 0 to 5% word edits,
 *       inserted at a paragraph break of another article of another topic. The planted pair is
 *       (base, copy); the copy of course also contains its host.
 * </ul>
 *
 * A paragraph is a run of non-blank lines of at least 30 words together (ECB+ has one sentence per
 * line). Substituted and inserted words are drawn from the words of all bases. Bases must have at
 * least {@code minWords} words and, for {@code partial}, two paragraphs.
 */
final class Planted {

  static final List<String> KINDS = List.of("edit", "reorder", "truncate", "partial");

  /** One planted copy: the base it was made from, the copy, and how. */
  record Pair(String base, Doc copy, String kind, String host) {}

  private final Random random;
  private final List<String> vocabulary;

  Planted(List<Doc> bases, long seed) {
    this.random = new Random(seed);
    Set<String> v = new LinkedHashSet<>();
    for (Doc d : bases) {
      for (String w : d.text().split("\\s+")) {
        if (w.length() > 2 && w.chars().allMatch(Character::isLetter)) {
          v.add(w);
        }
      }
    }
    this.vocabulary = new ArrayList<>(v);
  }

  /** {@code perKind} copies of each kind, of bases drawn at random (with at least minWords). */
  List<Pair> generate(
      List<Doc> bases,
      int perKind,
      int minWords,
      java.util.function.Function<String, String> topicOf) {
    List<Doc> eligible = bases.stream().filter(d -> wordCount(d.text()) >= minWords).toList();
    List<Pair> out = new ArrayList<>();
    for (String kind : KINDS) {
      int made = 0;
      while (made < perKind) {
        Doc base = eligible.get(random.nextInt(eligible.size()));
        List<String> paras = paragraphs(base.text());
        String id = "planted-" + kind + "-" + made;
        switch (kind) {
          case "edit" ->
              out.add(
                  new Pair(
                      base.id(),
                      new Doc(id, edit(paras, 0.05 + 0.10 * random.nextDouble())),
                      kind,
                      null));
          case "reorder" -> {
            List<String> p = new ArrayList<>(paras);
            Collections.shuffle(p, random);
            out.add(new Pair(base.id(), new Doc(id, edit(p, 0.05)), kind, null));
          }
          case "truncate" -> {
            int keep =
                Math.max(1, (int) Math.round(paras.size() * (0.5 + 0.4 * random.nextDouble())));
            if (keep >= paras.size() && paras.size() > 1) {
              keep = paras.size() - 1;
            }
            out.add(
                new Pair(base.id(), new Doc(id, edit(paras.subList(0, keep), 0.05)), kind, null));
          }
          case "partial" -> {
            if (paras.size() < 2) {
              continue;
            }
            Doc host = eligible.get(random.nextInt(eligible.size()));
            if (host.id().equals(base.id())
                || topicOf.apply(host.id()).equals(topicOf.apply(base.id()))) {
              continue;
            }
            int n = Math.min(paras.size(), 2 + random.nextInt(2));
            int from = random.nextInt(paras.size() - n + 1);
            List<String> copied =
                List.of(
                    edit(paras.subList(from, from + n), 0.05 * random.nextDouble()).split("\n\n"));
            List<String> h = new ArrayList<>(paragraphs(host.text()));
            h.addAll(random.nextInt(h.size() + 1), copied);
            out.add(new Pair(base.id(), new Doc(id, String.join("\n\n", h)), kind, host.id()));
          }
          default -> throw new IllegalStateException(kind);
        }
        made++;
      }
    }
    return out;
  }

  /** Runs of non-blank lines of at least 30 words together. */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder p = new StringBuilder();
    for (String line : text.split("\n")) {
      String s = line.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (p.length() > 0) {
        p.append(' ');
      }
      p.append(s);
      if (wordCount(p.toString()) >= 30) {
        out.add(p.toString());
        p.setLength(0);
      }
    }
    if (p.length() > 0) {
      if (out.isEmpty()) {
        out.add(p.toString());
      } else {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + p);
      }
    }
    return out;
  }

  /**
   * Each word substituted, deleted or followed by an inserted word, each with probability rate/3.
   */
  String edit(List<String> paragraphs, double rate) {
    List<String> out = new ArrayList<>();
    for (String para : paragraphs) {
      StringBuilder sb = new StringBuilder();
      for (String w : para.split(" +")) {
        double r = random.nextDouble();
        if (r < rate / 3) {
          append(sb, vocabulary.get(random.nextInt(vocabulary.size())));
        } else if (r < 2 * rate / 3) {
          continue;
        } else if (r < rate) {
          append(sb, w);
          append(sb, vocabulary.get(random.nextInt(vocabulary.size())));
        } else {
          append(sb, w);
        }
      }
      out.add(sb.toString());
    }
    return String.join("\n\n", out);
  }

  private static void append(StringBuilder sb, String w) {
    if (sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(w);
  }

  static int wordCount(String text) {
    return Shingles.words(text).size();
  }
}
