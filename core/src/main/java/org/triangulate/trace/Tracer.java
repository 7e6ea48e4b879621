package org.triangulate.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.text.TextUnits;
import org.triangulate.model.Article;
import org.triangulate.model.Credit;
import org.triangulate.model.Derivation;
import org.triangulate.model.Derivation.Evidence;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Span;
import org.triangulate.model.Story;

/**
 * The trace stage: from a story's links, how each pair of its articles derives from the other, on
 * what evidence, and which articles count as independent sources.
 *
 * <p>Per pair, coverage is the share of each article's sentence characters that links cover. Then:
 *
 * <ul>
 *   <li>mostly verbatim or edited links ({@code copy-like}): {@code duplicate} when both are covered
 *       almost whole without edits; {@code copy} when both are covered mostly; {@code excerpt} when
 *       one is mostly covered by the other but not the reverse (it took passages); otherwise {@code
 *       common-source} (each has much the other lacks, so both draw on a third text), provided at
 *       least two sentences are shared;
 *   <li>mostly paraphrase links: {@code translation} when both are covered mostly; {@code summary}
 *       when the shorter is mostly covered and much shorter; otherwise {@code independent}: two
 *       reports of the same facts paraphrase each other here and there, and that is no derivation;
 *   <li>a pair that would be {@code independent} but shares one long passage word for word ({@value
 *       #LONG_PASSAGE} words or more in a row, in a verbatim or edited link) is {@code excerpt}
 *       when one is mostly covered, else {@code common-source}. Two reporters who write the same
 *       fact independently share names and set phrases ("the Syrian Observatory for Human Rights",
 *       six words; "forces loyal to President Bashar al-Assad", six), seldom more than eight words
 *       in a row; text-reuse detectors seed on runs of five to eight words. A run of twelve, about
 *       half a news sentence, is copied text. Paraphrase links never count here, however many.
 * </ul>
 *
 * Direction: a summary or excerpt comes from the longer or containing text; a translation is the
 * text with translation traces ("this Thursday" for a past day, doubled full stops); a copy is the
 * later one when publication dates differ. Otherwise it is unknown.
 *
 * <p>Independent sources: two articles count as one source when their derivation is {@code
 * duplicate}, {@code copy}, {@code translation} or {@code summary} (one is the other, rewritten),
 * or when it is {@code common-source} or {@code excerpt} and the shared passages cover at least
 * {@value #ONE_SOURCE_COVERAGE} of the shorter article (by sentence characters): that article is
 * then mostly the common text, not a report of its own that quotes a passage of it. Groups are
 * closed under this relation (a chain of copies is one source). {@code independent} never joins.
 */
public final class Tracer {

  private static final double MOST = 0.6;
  private static final double ALMOST_ALL = 0.9;

  /** A verbatim or edited link sharing this many words in a row is evidence of copied text. */
  public static final int LONG_PASSAGE = 12;

  /**
   * Two articles that share passages of a common source or an excerpt count as one source when
   * the passages cover this share of the shorter one.
   */
  public static final double ONE_SOURCE_COVERAGE = 0.5;

  private static final Pattern CALQUE =
      Pattern.compile(
          "\\bthis (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b"
              + "|(?<=\\w\\.) \\.(?=\\s|$)",
          Pattern.MULTILINE);

  private Tracer() {}

  /**
   * Traces one story.
   *
   * @param links the story's links (from the align stage), any order
   * @param creditNames names of agencies and outlets to look for, see {@link Credits#names(Map)}
   */
  public static Provenance trace(Story story, Map<String, Article> articles, List<Link> links, Map<String, String> creditNames) {
    List<String> ids = new ArrayList<>(story.articles());
    ids.sort(null);
    Map<String, List<Credit>> credits = new TreeMap<>();
    List<Credit> allCredits = new ArrayList<>();
    for (String id : ids) {
      List<Credit> c = Credits.of(articles.get(id), creditNames);
      credits.put(id, c);
      allCredits.addAll(c);
    }
    Map<String, List<Link>> byPair = new HashMap<>();
    for (Link l : links) {
      byPair.computeIfAbsent(l.a().article() + "\u0000" + l.b().article(), k -> new ArrayList<>()).add(l);
    }
    // Evidence names articles as a reader knows them, told apart within the story (the map may
    // hold other stories' articles too).
    Map<String, String> labels = Article.labels(ids.stream().map(articles::get).toList());
    List<Derivation> derivations = new ArrayList<>();
    Set<String> translated = new java.util.HashSet<>();
    for (int x = 0; x < ids.size(); x++) {
      for (int y = x + 1; y < ids.size(); y++) {
        List<Link> pair = byPair.getOrDefault(ids.get(x) + "\u0000" + ids.get(y), List.of());
        if (pair.isEmpty() && ids.size() > 50) {
          continue;
        }
        Derivation d = derive(articles.get(ids.get(x)), articles.get(ids.get(y)), pair, credits, labels);
        derivations.add(d);
        if (d.kind().equals("translation")) {
          translated.add(ids.get(x) + "\u0000" + ids.get(y));
        }
      }
    }
    List<Link> sortedLinks = new ArrayList<>();
    for (Link l : links) {
      boolean inTranslation = translated.contains(l.a().article() + "\u0000" + l.b().article());
      sortedLinks.add(
          inTranslation && !l.kind().equals("paraphrase")
              ? new Link(l.a(), l.b(), "paraphrase", l.score(), l.edits())
              : l);
    }
    sortedLinks.sort(
        Comparator.comparing((Link l) -> l.a().article())
            .thenComparing(l -> l.b().article())
            .thenComparingInt(l -> l.a().span().begin())
            .thenComparingInt(l -> l.b().span().begin()));
    Map<String, Long> lengths = new HashMap<>();
    for (String id : ids) {
      lengths.put(id, sentenceCharacters(articles.get(id)));
    }
    return new Provenance(
        story.id(), sortedLinks, derivations, allCredits, independent(ids, derivations, lengths));
  }

  /**
   * Groups of articles that count as one source (see the class comment).
   *
   * @param lengths each article's sentence characters, which coverage is a share of
   */
  static List<List<String>> independent(
      List<String> ids, List<Derivation> derivations, Map<String, Long> lengths) {
    Map<String, String> parent = new HashMap<>();
    for (String id : ids) {
      parent.put(id, id);
    }
    for (Derivation d : derivations) {
      if (oneSource(d, lengths)) {
        String a = root(parent, d.from());
        String b = root(parent, d.to());
        if (!a.equals(b)) {
          parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
        }
      }
    }
    Map<String, TreeSet<String>> groups = new TreeMap<>();
    for (String id : ids) {
      groups.computeIfAbsent(root(parent, id), k -> new TreeSet<>()).add(id);
    }
    List<List<String>> out = new ArrayList<>();
    for (TreeSet<String> g : groups.values()) {
      out.add(List.copyOf(g));
    }
    out.sort(Comparator.comparing(g -> g.get(0)));
    return out;
  }

  /** Whether a derivation makes its two articles one source. */
  static boolean oneSource(Derivation d, Map<String, Long> lengths) {
    switch (d.kind()) {
      case "duplicate", "copy", "translation", "summary" -> {
        return true;
      }
      case "common-source", "excerpt" -> {
        long from = lengths.getOrDefault(d.from(), 0L);
        long to = lengths.getOrDefault(d.to(), 0L);
        double shorter =
            from < to
                ? d.coverageFrom()
                : to < from ? d.coverageTo() : Math.max(d.coverageFrom(), d.coverageTo());
        return shorter >= ONE_SOURCE_COVERAGE;
      }
      default -> {
        return false;
      }
    }
  }

  private static String root(Map<String, String> parent, String id) {
    String r = id;
    while (!parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    return r;
  }

  static Derivation derive(
      Article a,
      Article b,
      List<Link> links,
      Map<String, List<Credit>> credits,
      Map<String, String> labels) {
    double covA = coverage(a, links.stream().map(l -> l.a().span()).toList());
    double covB = coverage(b, links.stream().map(l -> l.b().span()).toList());
    int copyLike = 0;
    int paraphrase = 0;
    double scoreSum = 0;
    for (Link l : links) {
      if (l.kind().equals("paraphrase")) {
        paraphrase++;
      } else {
        copyLike++;
      }
      scoreSum += l.score();
    }
    int n = links.size();
    double meanScore = n == 0 ? 0 : scoreSum / n;
    long wordsA = TextUnits.words(a.text(), new Span(0, a.text().length())).size();
    long wordsB = TextUnits.words(b.text(), new Span(0, b.text().length())).size();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        new Evidence(
            "links",
            String.format(Locale.ROOT, "%d shared sentences or passages: %d verbatim or edited, %d paraphrased;"
                + " they cover %.0f%% of %s and %.0f%% of %s", n, copyLike, paraphrase, 100 * covA, labels.get(a.id()), 100 * covB, labels.get(b.id())),
            Optional.empty(), Optional.empty()));
    String kind;
    String from = a.id();
    String to = b.id();
    boolean known = false;
    double confidence;
    boolean copyMost = n > 0 && copyLike >= 0.5 * n;
    double hi = Math.max(covA, covB);
    double lo = Math.min(covA, covB);
    if (n > 0 && copyMost && copyLike >= 2 && hi >= MOST && translationLike(a, b, links)) {
      kind = "translation";
    } else if (n > 0 && copyMost && copyLike >= 2) {
      if (lo >= ALMOST_ALL && links.stream().allMatch(l -> l.kind().equals("verbatim"))) {
        kind = "duplicate";
      } else if (lo >= MOST) {
        kind = "copy";
      } else if (hi >= MOST) {
        kind = "excerpt";
      } else {
        kind = "common-source";
      }
    } else if (n > 0 && !copyMost && paraphrase >= 2 && lo >= MOST * 0.8) {
      kind = "translation";
    } else {
      kind = summaryOrIndependent(covA, covB, wordsA, wordsB, copyMost, n);
    }
    if (kind.equals("independent")) {
      Optional<Passage> longest = longestPassage(a, b, links);
      if (longest.isPresent() && longest.get().words() >= LONG_PASSAGE) {
        kind = hi >= MOST ? "excerpt" : "common-source";
        Passage p = longest.get();
        evidence.add(
            new Evidence(
                "links",
                String.format(Locale.ROOT, "%d words in a row are the same in both: \"%s\"", p.words(),
                    p.span().of(a.text())),
                Optional.of(a.id()),
                Optional.of(p.span())));
      }
    }
    switch (kind) {
      case "excerpt", "summary" -> {
        // From the text that contains the other's passages to the one mostly made of them.
        boolean bTookFromA = covB >= covA;
        from = bTookFromA ? a.id() : b.id();
        to = bTookFromA ? b.id() : a.id();
        known = true;
        evidence.add(
            new Evidence(
                "containment",
                String.format(Locale.ROOT, "%s is %.0f%% made of %s's passages, which cover only %.0f%% of %s",
                    labels.get(to), 100 * Math.max(covA, covB), labels.get(from), 100 * Math.min(covA, covB),
                    labels.get(from)),
                Optional.empty(), Optional.empty()));
      }
      case "translation" -> {
        List<Evidence> traceA = traces(a);
        List<Evidence> traceB = traces(b);
        if (traceA.isEmpty() != traceB.isEmpty()) {
          boolean aIsTranslation = !traceA.isEmpty();
          from = aIsTranslation ? b.id() : a.id();
          to = aIsTranslation ? a.id() : b.id();
          known = true;
          evidence.addAll(aIsTranslation ? traceA : traceB);
        }
      }
      default -> {}
    }
    if (!known && !kind.equals("independent") && !kind.equals("common-source")) {
      Optional<String> da = a.metadata().published();
      Optional<String> db = b.metadata().published();
      if (da.isPresent() && db.isPresent() && !da.get().equals(db.get())) {
        boolean aFirst = da.get().compareTo(db.get()) < 0;
        from = aFirst ? a.id() : b.id();
        to = aFirst ? b.id() : a.id();
        known = true;
        evidence.add(new Evidence("date", labels.get(from) + " was published " + (aFirst ? da.get() : db.get()) + ", before " + labels.get(to),
            Optional.empty(), Optional.empty()));
      }
    }
    if (kind.equals("common-source") || kind.equals("excerpt") || kind.equals("copy")) {
      Set<String> shared = new LinkedHashSet<>();
      for (Credit c : credits.getOrDefault(a.id(), List.of())) {
        for (Credit d : credits.getOrDefault(b.id(), List.of())) {
          if (c.credited().equals(d.credited())) {
            shared.add(c.credited());
          }
        }
      }
      for (String s : shared) {
        for (String id : List.of(a.id(), b.id())) {
          credits.get(id).stream().filter(c -> c.credited().equals(s)).findFirst().ifPresent(c ->
              evidence.add(new Evidence("credit", labels.get(id) + " credits " + c.name(), Optional.of(id), c.span())));
        }
      }
    }
    double covFrom = from.equals(a.id()) ? covA : covB;
    double covTo = from.equals(a.id()) ? covB : covA;
    confidence =
        switch (kind) {
          case "independent" -> 1 - Math.max(covA, covB);
          case "duplicate", "copy" -> Math.min(1, meanScore * (0.5 + lo));
          default -> Math.min(1, meanScore * (0.5 + hi / 2));
        };
    return new Derivation(
        from, to, kind, known ? "known" : "unknown", round(covFrom), round(covTo), round(confidence), evidence);
  }

  /** A run of words two linked passages share: how many, and where it stands in the first article. */
  record Passage(int words, Span span) {}

  /** The longest run of words in a row that the verbatim and edited links share, if any. */
  static Optional<Passage> longestPassage(Article a, Article b, List<Link> links) {
    Passage best = null;
    for (Link l : links) {
      if (l.kind().equals("paraphrase")) {
        continue;
      }
      List<TextUnits.Word> wa = TextUnits.words(a.text(), l.a().span());
      List<TextUnits.Word> wb = TextUnits.words(b.text(), l.b().span());
      int[] prev = new int[wb.size() + 1];
      int[] cur = new int[wb.size() + 1];
      for (int i = 1; i <= wa.size(); i++) {
        String x = wa.get(i - 1).norm();
        for (int j = 1; j <= wb.size(); j++) {
          int run = x.equals(wb.get(j - 1).norm()) ? prev[j - 1] + 1 : 0;
          cur[j] = run;
          int begin = run == 0 ? 0 : wa.get(i - run).span().begin();
          // The longest; of equal ones the first in a, whatever the order of the links.
          boolean longer = best == null || run > best.words();
          if (run > 0 && (longer || run == best.words() && begin < best.span().begin())) {
            best = new Passage(run, new Span(begin, wa.get(i - 1).span().end()));
          }
        }
        int[] t = prev;
        prev = cur;
        cur = t;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Whether shared sentences differ by many one-word substitutions ("insurgents" for "rebels",
   * "spot" for "post"), as a translation does and copy-editing does not: at least five, and one in
   * twenty of the linked words.
   */
  static boolean translationLike(Article a, Article b, List<Link> links) {
    int swaps = 0;
    long words = 0;
    for (Link l : links) {
      words += TextUnits.words(a.text(), l.a().span()).size();
      for (Link.Edit e : l.edits()) {
        if (e.op().equals("replace") && e.a() != null && e.b() != null
            && TextUnits.words(a.text(), e.a()).size() == 1 && TextUnits.words(b.text(), e.b()).size() == 1) {
          swaps++;
        }
      }
    }
    return swaps >= 5 && swaps >= 0.05 * words;
  }

  private static String summaryOrIndependent(
      double covA, double covB, long wordsA, long wordsB, boolean copyMost, int n) {
    boolean aShorter = wordsA < wordsB;
    double shortCov = aShorter ? covA : covB;
    double ratio = Math.min(wordsA, wordsB) / (double) Math.max(1, Math.max(wordsA, wordsB));
    if (!copyMost && n >= 3 && ratio <= 0.6 && shortCov >= MOST) {
      return "summary";
    }
    return "independent";
  }

  /** Traces of machine translation: calques such as "this Thursday" for a past day, ". ." */
  static List<Evidence> traces(Article a) {
    List<Evidence> out = new ArrayList<>();
    Matcher m = CALQUE.matcher(a.text());
    while (m.find() && out.size() < 5) {
      out.add(
          new Evidence(
              "translation-trace",
              "\"" + m.group().strip() + "\" reads as a translation",
              Optional.of(a.id()),
              Optional.of(new Span(m.start(), m.end()))));
    }
    return out;
  }

  /** The characters of an article's sentences: what coverage is a share of. */
  static long sentenceCharacters(Article a) {
    long total = 0;
    for (Span s : TextUnits.sentences(a.text())) {
      total += s.length();
    }
    return total;
  }

  /** The share of an article's sentence characters that the spans cover. */
  static double coverage(Article a, List<Span> spans) {
    long total = sentenceCharacters(a);
    if (total == 0) {
      return 0;
    }
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(null);
    int curB = -1;
    int curE = -1;
    long covered = 0;
    for (Span s : sorted) {
      if (s.begin() > curE) {
        covered += curE - curB;
        curB = s.begin();
        curE = s.end();
      } else {
        curE = Math.max(curE, s.end());
      }
    }
    covered += curE - curB;
    return Math.min(1.0, covered / (double) total);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
