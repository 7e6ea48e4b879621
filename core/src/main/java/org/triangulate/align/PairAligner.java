package org.triangulate.align;

import org.triangulate.text.TextUnits;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.triangulate.model.Link;
import org.triangulate.model.Span;

/**
 * Links the sentences two articles share, robust to reordering, inserted paragraphs, and split or
 * merged sentences.
 *
 * <p>Every sentence pair that shares three content words (or, with embeddings, two and a cosine of
 * 0.45, or a cosine of 0.6) is judged by the {@link SentenceJudge}; the judged links are then
 * matched one to one, verbatim before edited before paraphrase and stronger before weaker. A
 * sentence next to a linked one whose words the other side already holds joins the link (a sentence
 * split in two, or two merged in one). Verbatim and edited links carry their word-level edits.
 *
 * <p>Cost. Each article is read once ({@link Side}: the judge's view of each sentence, its content
 * words with an index from each word to the sentences holding it), however many pairs it is in.
 * The content words two sentences share are counted from that index, not by comparing every pair
 * of sentences. The judge drops a pair as soon as it cannot be a link: the features cheap to compute
 * (word overlaps, lengths, LCS, checks, cosine) bound the classifier's score from above, and the
 * rest (n-gram overlaps, edit distance, BLEU) are computed only when the bound reaches the
 * threshold. None of this changes a judgement: it is what the plain computation gives.
 */
public final class PairAligner {

  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "that", "with", "from", "this", "was", "were", "are", "has", "have",
          "had", "its", "his", "her", "their", "they", "them", "which", "who", "will", "would",
          "been", "but", "not", "into", "after", "before", "about", "than", "also", "said", "says",
          "more", "over", "such", "there", "what", "when", "where", "while", "these", "those", "our",
          "out", "all", "can", "one", "other", "some", "being", "did", "does", "may", "might");

  private final SentenceJudge judge;

  public PairAligner(SentenceJudge judge) {
    this.judge = judge;
  }

  /**
   * One article read for alignment: its id, text, sentences and (optionally) their unit vectors,
   * and what the aligner reads from each sentence, read here once per article rather than once per
   * pair: the {@link SentenceJudge}'s view of it, its content words (crudely stemmed) with an index
   * from each to the sentences that hold it, and its words as {@link TextUnits#words} gives them.
   * Immutable; safe to share between threads and to align against any number of other sides.
   */
  public static final class Side {
    private final String id;
    private final String text;
    private final List<Span> sentences;
    private final List<float[]> vectors;
    private final SentenceTokens[] tokens;
    private final List<Set<String>> content;
    private final Map<String, int[]> holders;
    private final List<List<TextUnits.Word>> words;
    private final Terms[] norms;

    /**
     * @param vectors one unit vector per sentence, in order (null for a sentence judged on its words
     *     alone), or null to judge every sentence on its words alone
     */
    public Side(String id, String text, List<Span> sentences, List<float[]> vectors) {
      this.id = Objects.requireNonNull(id, "id");
      this.text = Objects.requireNonNull(text, "text");
      this.sentences = List.copyOf(sentences);
      if (vectors != null && vectors.size() != this.sentences.size()) {
        throw new IllegalArgumentException(
            "one vector per sentence: " + vectors.size() + " vectors for " + this.sentences.size() + " sentences");
      }
      this.vectors = vectors == null ? null : Collections.unmodifiableList(new ArrayList<>(vectors));
      int n = this.sentences.size();
      this.tokens = new SentenceTokens[n];
      this.norms = new Terms[n];
      List<List<TextUnits.Word>> wl = new ArrayList<>(n);
      List<Set<String>> c = new ArrayList<>(n);
      Map<String, List<Integer>> h = new HashMap<>();
      for (int i = 0; i < n; i++) {
        Span sp = this.sentences.get(i);
        tokens[i] = SentenceTokens.of(sp.of(text));
        List<TextUnits.Word> ws = TextUnits.words(text, sp);
        wl.add(List.copyOf(ws));
        List<String> ns = new ArrayList<>(ws.size());
        Set<String> set = new HashSet<>();
        for (TextUnits.Word w : ws) {
          String norm = w.norm();
          ns.add(norm);
          if ((norm.length() >= 3 || Character.isDigit(norm.charAt(0))) && !STOP.contains(norm)) {
            set.add(stem(norm));
          }
        }
        norms[i] = Terms.of(ns);
        c.add(Set.copyOf(set));
        for (String w : set) {
          h.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
        }
      }
      this.content = List.copyOf(c);
      this.words = List.copyOf(wl);
      Map<String, int[]> holders = new HashMap<>();
      h.forEach((w, is) -> holders.put(w, is.stream().mapToInt(Integer::intValue).toArray()));
      this.holders = holders;
    }

    public static Side of(String id, String text) {
      return new Side(id, text, TextUnits.sentences(text), null);
    }

    public String id() {
      return id;
    }

    public String text() {
      return text;
    }

    public List<Span> sentences() {
      return sentences;
    }

    /** One unit vector per sentence (unmodifiable), or null. */
    public List<float[]> vectors() {
      return vectors;
    }

    float[] vector(int i) {
      return vectors == null ? null : vectors.get(i);
    }
  }

  private record Candidate(int i, int j, SentenceJudge.Kind kind, double score) {}

  /** The links between {@code a} and {@code b}, in the order of {@code a}'s text. */
  public List<Link> align(Side a, Side b) {
    List<Set<String>> ca = a.content;
    List<Set<String>> cb = b.content;
    int na = a.sentences().size();
    int nb = b.sentences().size();
    // How many content words each sentence pair shares, from b's index of its words.
    int[] shared = new int[na * nb];
    for (int i = 0; i < na; i++) {
      for (String w : ca.get(i)) {
        int[] js = b.holders.get(w);
        if (js != null) {
          for (int j : js) {
            shared[i * nb + j]++;
          }
        }
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < na; i++) {
      float[] va = a.vector(i);
      for (int j = 0; j < nb; j++) {
        int s = shared[i * nb + j];
        float[] vb = b.vector(j);
        if (s < 3) {
          // Few shared words: judged only when close in meaning.
          double cos = cosine(va, vb);
          if (!(cos >= 0.6) && !(s >= 2 && cos >= 0.45)) {
            continue;
          }
        }
        SentenceJudge.Judgement v = judge.judgeRead(a.tokens[i], b.tokens[j], va, vb);
        if (v.kind() != SentenceJudge.Kind.NONE) {
          candidates.add(new Candidate(i, j, v.kind(), v.score()));
        } else if (s >= 4 && Math.min(ca.get(i).size(), cb.get(j).size()) >= 5) {
          // One sentence kept whole inside a longer rewrite: "Hama is one of the few cities ..."
          // The words the two have in common bound the shared subsequence from above.
          Terms wa = a.norms[i];
          Terms wb = b.norms[j];
          if (wa.common(wb) / (double) Math.min(wa.size(), wb.size()) >= CONTAINED_SHARE) {
            double share = sharedWordShare(wa, wb);
            if (share >= CONTAINED_SHARE) {
              candidates.add(new Candidate(i, j, SentenceJudge.Kind.EDITED, share));
            }
          }
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> c.kind().ordinal())
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
            .thenComparingInt(Candidate::i)
            .thenComparingInt(Candidate::j));
    int[] ofA = filled(a.sentences().size());
    int[] ofB = filled(b.sentences().size());
    List<Candidate> chosen = new ArrayList<>();
    for (Candidate c : candidates) {
      if (ofA[c.i()] < 0 && ofB[c.j()] < 0) {
        ofA[c.i()] = c.j();
        ofB[c.j()] = c.i();
        chosen.add(c);
      }
    }
    chosen.sort(Comparator.comparingInt(Candidate::i));
    List<Link> links = new ArrayList<>();
    for (Candidate c : chosen) {
      int a0 = c.i();
      int a1 = c.i();
      int b0 = c.j();
      int b1 = c.j();
      // A neighbour the other side already holds joins the link: a split or merged sentence.
      if (b1 + 1 < ofB.length && ofB[b1 + 1] < 0 && heldBy(cb.get(b1 + 1), ca.get(a0))) {
        ofB[++b1] = a0;
      }
      if (b0 - 1 >= 0 && ofB[b0 - 1] < 0 && heldBy(cb.get(b0 - 1), ca.get(a0))) {
        ofB[--b0] = a0;
      }
      if (a1 + 1 < ofA.length && ofA[a1 + 1] < 0 && heldBy(ca.get(a1 + 1), cb.get(b0))) {
        ofA[++a1] = b0;
      }
      if (a0 - 1 >= 0 && ofA[a0 - 1] < 0 && heldBy(ca.get(a0 - 1), cb.get(b0))) {
        ofA[--a0] = b0;
      }
      Span sa = new Span(a.sentences().get(a0).begin(), a.sentences().get(a1).end());
      Span sb = new Span(b.sentences().get(b0).begin(), b.sentences().get(b1).end());
      SentenceJudge.Kind kind = c.kind();
      double score = c.score();
      if (a0 != a1 || b0 != b1) {
        // The merged passages have no vectors of their own: judge them on their words.
        SentenceJudge.Judgement v =
            judge.judgeRead(SentenceTokens.of(sa.of(a.text())), SentenceTokens.of(sb.of(b.text())), null, null);
        if (v.kind() != SentenceJudge.Kind.NONE && v.kind().ordinal() <= kind.ordinal()) {
          kind = v.kind();
          score = Math.max(score, v.score());
        }
      }
      boolean single = a0 == a1 && b0 == b1;
      if (kind == SentenceJudge.Kind.PARAPHRASE
          && (single ? sharedWordShare(a.norms[a0], b.norms[b0]) : sharedWordShare(a.text(), sa, b.text(), sb))
              >= EDITED_SHARE) {
        kind = SentenceJudge.Kind.EDITED; // most words in the same order: a rewrite of the same sentence
      }
      List<Link.Edit> edits =
          kind == SentenceJudge.Kind.PARAPHRASE
              ? List.of()
              : single ? edits(a.words.get(a0), b.words.get(b0)) : edits(a.text(), sa, b.text(), sb);
      if (kind == SentenceJudge.Kind.VERBATIM && !edits.isEmpty()) {
        kind = SentenceJudge.Kind.EDITED; // a merged neighbour brought words the other side lacks
      }
      links.add(
          new Link(
              new Link.Passage(a.id(), sa),
              new Link.Passage(b.id(), sb),
              kind.wireName(),
              Math.round(score * 10_000) / 10_000.0,
              kind == SentenceJudge.Kind.VERBATIM ? List.of() : edits));
    }
    return links;
  }

  /**
   * A paraphrase link whose sentences keep this share of the shorter one's words in order (their
   * longest common subsequence) is an edited copy, shown with its word-level edits: wire copy
   * rewritten with inserted and substituted words.
   */
  public static final double EDITED_SHARE = 0.6;

  /**
   * Sentences the judge finds unlike, but whose shorter one stands in the longer one almost word for
   * word (this share, in order), are an edited copy too: a sentence extended or cut.
   */
  public static final double CONTAINED_SHARE = 0.8;

  /**
   * The longest common subsequence of the two passages' words (as {@link TextUnits#words} gives
   * them) over the shorter one's length: the words a word-level diff leaves unchanged.
   */
  static double sharedWordShare(String ta, Span sa, String tb, Span sb) {
    return sharedWordShare(
        Terms.of(TextUnits.words(ta, sa).stream().map(TextUnits.Word::norm).toList()),
        Terms.of(TextUnits.words(tb, sb).stream().map(TextUnits.Word::norm).toList()));
  }

  private static double sharedWordShare(Terms a, Terms b) {
    if (a.size() == 0 || b.size() == 0) {
      return 0;
    }
    return Terms.lcs(a, b) / (double) Math.min(a.size(), b.size());
  }

  /** The word-level edits that turn {@code sa} into {@code sb}, case and punctuation aside. */
  public static List<Link.Edit> edits(String ta, Span sa, String tb, Span sb) {
    return edits(TextUnits.words(ta, sa), TextUnits.words(tb, sb));
  }

  private static List<Link.Edit> edits(List<TextUnits.Word> wa, List<TextUnits.Word> wb) {
    List<String> na = wa.stream().map(TextUnits.Word::norm).toList();
    List<String> nb = wb.stream().map(TextUnits.Word::norm).toList();
    List<Link.Edit> out = new ArrayList<>();
    for (AbstractDelta<String> d : DiffUtils.diff(na, nb).getDeltas()) {
      Span x = span(wa, d.getSource());
      Span y = span(wb, d.getTarget());
      String op =
          switch (d.getType()) {
            case INSERT -> "insert";
            case DELETE -> "delete";
            default -> "replace";
          };
      out.add(new Link.Edit(op, x, y));
    }
    out.sort(Comparator.comparingInt((Link.Edit e) -> e.a() != null ? e.a().begin() : -1)
        .thenComparingInt(e -> e.b() != null ? e.b().begin() : -1));
    return out;
  }

  private static Span span(List<TextUnits.Word> words, Chunk<String> chunk) {
    if (chunk.size() == 0) {
      return null;
    }
    return new Span(
        words.get(chunk.getPosition()).span().begin(),
        words.get(chunk.getPosition() + chunk.size() - 1).span().end());
  }

  /** A crude stem, enough to match "fighting" and "fights" when filtering candidates. */
  static String stem(String w) {
    for (String suffix : new String[] {"ing", "ed", "es", "s"}) {
      if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }

  private static int shared(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int n = 0;
    for (String w : small) {
      if (large.contains(w)) {
        n++;
      }
    }
    return n;
  }

  /** Whether most of a neighbour's content words stand in the other side's sentence. */
  private static boolean heldBy(Set<String> neighbour, Set<String> other) {
    return neighbour.size() >= 2 && shared(neighbour, other) >= Math.ceil(0.7 * neighbour.size());
  }

  /** The dot product of two unit vectors (NaN when either is missing), in four running sums. */
  private static double cosine(float[] x, float[] y) {
    if (x == null || y == null) {
      return Double.NaN;
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int n = x.length;
    int k = 0;
    for (; k + 3 < n; k += 4) {
      s0 += x[k] * y[k];
      s1 += x[k + 1] * y[k + 1];
      s2 += x[k + 2] * y[k + 2];
      s3 += x[k + 3] * y[k + 3];
    }
    for (; k < n; k++) {
      s0 += x[k] * y[k];
    }
    return (s0 + s1) + (s2 + s3);
  }


  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }
}
