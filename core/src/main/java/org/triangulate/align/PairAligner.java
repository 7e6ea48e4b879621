package org.triangulate.align;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.triangulate.model.Link;
import org.triangulate.model.Span;

/**
 * Links the sentences two articles share, robust to reordering, inserted paragraphs, and split or
 * merged sentences.
 *
 * <p>Every sentence pair that shares content words (or, with embeddings, is close in meaning) is
 * judged by the {@link SentenceJudge}; the judged links are then matched one to one, verbatim before
 * edited before paraphrase and stronger before weaker. A sentence next to a linked one whose words
 * the other side already holds joins the link (a sentence split in two, or two merged in one).
 * Verbatim and edited links carry their word-level edits.
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

  /** One article's side: its id, text, sentences and (optionally) their unit vectors. */
  public record Side(String id, String text, List<Span> sentences, List<float[]> vectors) {
    public Side {
      sentences = List.copyOf(sentences);
    }

    public static Side of(String id, String text) {
      return new Side(id, text, TextUnits.sentences(text), null);
    }

    String sentence(int i) {
      return sentences.get(i).of(text);
    }

    float[] vector(int i) {
      return vectors == null ? null : vectors.get(i);
    }
  }

  private record Candidate(int i, int j, SentenceJudge.Kind kind, double score) {}

  /** The links between {@code a} and {@code b}, in the order of {@code a}'s text. */
  public List<Link> align(Side a, Side b) {
    List<Set<String>> ca = contentWords(a);
    List<Set<String>> cb = contentWords(b);
    SentenceTokens[] ra = new SentenceTokens[a.sentences().size()];
    SentenceTokens[] rb = new SentenceTokens[b.sentences().size()];
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < a.sentences().size(); i++) {
      for (int j = 0; j < b.sentences().size(); j++) {
        int shared = shared(ca.get(i), cb.get(j));
        double cos = cosine(a.vector(i), b.vector(j));
        if (shared < 3 && !(cos >= 0.6) && !(shared >= 2 && cos >= 0.45)) {
          continue;
        }
        if (ra[i] == null) {
          ra[i] = SentenceTokens.of(a.sentence(i));
        }
        if (rb[j] == null) {
          rb[j] = SentenceTokens.of(b.sentence(j));
        }
        SentenceJudge.Judgement v = judge.judgeRead(ra[i], rb[j], a.vector(i), b.vector(j));
        if (v.kind() != SentenceJudge.Kind.NONE) {
          candidates.add(new Candidate(i, j, v.kind(), v.score()));
        } else if (shared >= 4) {
          // One sentence kept whole inside a longer rewrite: "Hama is one of the few cities ..."
          double share = sharedWordShare(a.text(), a.sentences().get(i), b.text(), b.sentences().get(j));
          if (share >= CONTAINED_SHARE && Math.min(ca.get(i).size(), cb.get(j).size()) >= 5) {
            candidates.add(new Candidate(i, j, SentenceJudge.Kind.EDITED, share));
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
      if (kind == SentenceJudge.Kind.PARAPHRASE && sharedWordShare(a.text(), sa, b.text(), sb) >= EDITED_SHARE) {
        kind = SentenceJudge.Kind.EDITED; // most words in the same order: a rewrite of the same sentence
      }
      List<Link.Edit> edits =
          kind == SentenceJudge.Kind.PARAPHRASE ? List.of() : edits(a.text(), sa, b.text(), sb);
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

  /** The longest common subsequence of the two passages' words over the shorter one's length. */
  static double sharedWordShare(String ta, Span sa, String tb, Span sb) {
    List<String> na = TextUnits.words(ta, sa).stream().map(TextUnits.Word::norm).toList();
    List<String> nb = TextUnits.words(tb, sb).stream().map(TextUnits.Word::norm).toList();
    if (na.isEmpty() || nb.isEmpty()) {
      return 0;
    }
    int unchanged = na.size();
    for (AbstractDelta<String> d : DiffUtils.diff(na, nb).getDeltas()) {
      unchanged -= d.getSource().size();
    }
    return unchanged / (double) Math.min(na.size(), nb.size());
  }

  /** The word-level edits that turn {@code sa} into {@code sb}, case and punctuation aside. */
  public static List<Link.Edit> edits(String ta, Span sa, String tb, Span sb) {
    List<TextUnits.Word> wa = TextUnits.words(ta, sa);
    List<TextUnits.Word> wb = TextUnits.words(tb, sb);
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

  private static List<Set<String>> contentWords(Side s) {
    List<Set<String>> out = new ArrayList<>();
    for (Span sp : s.sentences()) {
      Set<String> set = new HashSet<>();
      for (TextUnits.Word w : TextUnits.words(s.text(), sp)) {
        String n = w.norm();
        if ((n.length() >= 3 || Character.isDigit(n.charAt(0))) && !STOP.contains(n)) {
          set.add(stem(n));
        }
      }
      out.add(set);
    }
    return out;
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

  private static double cosine(float[] x, float[] y) {
    if (x == null || y == null) {
      return Double.NaN;
    }
    double s = 0;
    for (int k = 0; k < x.length; k++) {
      s += x[k] * y[k];
    }
    return s;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }
}
