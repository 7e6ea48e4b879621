package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.triangulate.align.SentenceJudge;
import org.triangulate.model.Link;
import org.triangulate.model.Span;

/**
 * How strongly two quotes of a story look like renderings of one utterance. Each sentence of one is
 * compared with each sentence of the other (and the whole quotes with each other when either has
 * several), and the best comparison decides.
 *
 * <p>A comparison is {@link #STRONG} when the texts are enough: the same words (after normalising
 * case and punctuation), one a cut of the other, an edit by the judge's definition, a paraphrase
 * the judge scores at least {@value #PARAPHRASE_SCORE}, or quotes within sentences the align stage
 * linked that the judge scores at least {@value #LINKED_SCORE}. How long the shorter quote must be
 * depends on the speakers: any length for the same speaker ("impregnable"), {@value #CUT_MIN_WORDS}
 * words when a speaker is missing (fewer within linked sentences), {@value #DIFFERENT_MIN_WORDS}
 * words of the same or edited words when the two name different speakers (two people rarely say the
 * same eight words, but often the same four: "we will see them in court"); a paraphrase never joins
 * different speakers. A one-word quote found inside a longer one ("threatened") is strong only for
 * the same speaker within linked sentences.
 *
 * <p>It is {@link #MODERATE} when the quotes stand in linked sentences and share a word or are
 * judged a little alike, when the judge scores them at least {@value #MODERATE_SCORE}, or when half
 * the content words of the shorter one match the other's and a fair share of both (a word matches a
 * word with the same start or end: "merciful" and "mercy", "prepared" and "unprepared"); a moderate
 * match joins only quotes of the same speaker.
 *
 * <p>Not thread-safe (it caches judgements); one instance per call of {@link QuoteGroups#group}.
 */
final class QuoteMatcher {

  static final int NONE = 0;
  static final int MODERATE = 1;
  static final int STRONG = 2;

  static final int CUT_MIN_WORDS = 4;
  static final int EDIT_MIN_WORDS = 3;
  static final int DIFFERENT_MIN_WORDS = 8;
  static final int TITLE_MAX_WORDS = 5;
  static final double PARAPHRASE_SCORE = 0.7;
  static final double LINKED_SCORE = 0.5;
  static final double MODERATE_SCORE = 0.6;
  static final double LINKED_MODERATE_SCORE = 0.3;
  static final double MODERATE_OVERLAP = 0.5;
  static final double MODERATE_DICE = 0.5;
  static final double CUT_SCORE = 0.95;

  /**
   * The outcome for a pair of quotes {@code a} (earlier) and {@code b}.
   *
   * @param level {@link #NONE}, {@link #MODERATE} or {@link #STRONG}
   * @param score the best comparison's score in [0, 1], to rank matches of one level
   * @param admitted whether the match may join the two quotes: strong, or moderate with the same
   *     speaker
   * @param acrossSpeakers whether it would be strong even if the two named different speakers, so
   *     that it may join groups whose speakers differ
   * @param segmentsA the sentences of {@code a} that an admitted comparison matched
   * @param segmentsB the same for {@code b}
   */
  record Match(
      int level,
      double score,
      boolean admitted,
      boolean acrossSpeakers,
      long segmentsA,
      long segmentsB) {
    static final Match NO = new Match(NONE, 0, false, false, 0, 0);
  }

  /** How the speakers of two quotes compare. */
  enum Speakers {
    SAME,
    UNKNOWN,
    DIFFERENT
  }

  private static final SentenceJudge LEXICAL = SentenceJudge.lexical();

  /**
   * The embedding judge is asked only about pairs the lexical judge scores at least this: it costs
   * an embedding of both texts per pair. On the ECB+ dev stories, asking it about every pair
   * changes no group.
   */
  static final double EMBED_FLOOR = 0.3;

  private final SentenceJudge judge;
  private final Map<String, List<Link>> links = new HashMap<>();
  private final Map<String, SentenceJudge.Judgement> judged = new HashMap<>();

  QuoteMatcher(SentenceJudge judge, List<Link> storyLinks) {
    this.judge = judge;
    for (Link l : storyLinks) {
      links
          .computeIfAbsent(pairKey(l.a().article(), l.b().article()), k -> new ArrayList<>())
          .add(l);
    }
  }

  /** Compares two quotes of different articles; {@code a} comes first in the story's order. */
  Match match(QuoteText a, QuoteText b) {
    Speakers speakers = speakers(a.quote().speaker(), b.quote().speaker());
    Match m = match(a, b, speakers);
    if (speakers == Speakers.UNKNOWN && m.level() == STRONG) {
      // would the texts join the quotes even if they named different speakers?
      m =
          new Match(
              m.level(),
              m.score(),
              m.admitted(),
              match(a, b, Speakers.DIFFERENT).level() == STRONG,
              m.segmentsA(),
              m.segmentsB());
    }
    return m;
  }

  /**
   * How two quotes' speakers compare: {@link Speakers#UNKNOWN} when either names none or when one
   * speaker's id holds every word of the other's ({@code person/dirk-kempthorne} and {@code
   * person/dirk-a-kempthorne}: the annotate stage may have missed that they are one person).
   */
  static Speakers speakers(Optional<String> x, Optional<String> y) {
    if (x.isEmpty() || y.isEmpty()) {
      return Speakers.UNKNOWN;
    }
    if (x.equals(y)) {
      return Speakers.SAME;
    }
    return maybeSame(x.get(), y.get()) ? Speakers.UNKNOWN : Speakers.DIFFERENT;
  }

  private static boolean maybeSame(String x, String y) {
    int sx = x.indexOf('/');
    int sy = y.indexOf('/');
    if (sx < 0 || sy < 0 || !x.substring(0, sx).equals(y.substring(0, sy))) {
      return false;
    }
    List<String> wx = List.of(x.substring(sx + 1).split("-"));
    List<String> wy = List.of(y.substring(sy + 1).split("-"));
    List<String> small = wx.size() <= wy.size() ? wx : wy;
    List<String> large = small == wx ? wy : wx;
    return small.size() >= 2 && new HashSet<>(large).containsAll(small);
  }

  private Match match(QuoteText a, QuoteText b, Speakers speakers) {
    boolean sameSpeaker = speakers == Speakers.SAME;
    int sa = a.segments().size();
    int sb = b.segments().size();
    int[] levels = new int[sa * sb];
    int level = NONE;
    double score = 0;
    for (int i = 0; i < sa; i++) {
      for (int j = 0; j < sb; j++) {
        QuoteText.Segment s = a.segments().get(i);
        QuoteText.Segment t = b.segments().get(j);
        double[] r =
            compare(
                s.text(),
                s.words(),
                s.content(),
                t.text(),
                t.words(),
                t.content(),
                speakers,
                linked(a.article(), s.span(), b.article(), t.span()));
        levels[i * sb + j] = (int) r[0];
        if (r[0] > level || r[0] == level && r[1] > score) {
          level = (int) r[0];
          score = r[1];
        }
      }
    }
    int wholeLevel = NONE;
    if (sa > 1 || sb > 1) {
      double[] r =
          compare(
              a.text(),
              a.words(),
              a.content(),
              b.text(),
              b.words(),
              b.content(),
              speakers,
              linked(a.article(), a.quote().span(), b.article(), b.quote().span()));
      wholeLevel = (int) r[0];
      if (r[0] > level || r[0] == level && r[1] > score) {
        level = (int) r[0];
        score = r[1];
      }
    }
    if (level == NONE) {
      return Match.NO;
    }
    // the sentences matched at the best level: a match of the whole quotes (both in linked
    // passages, or one a cut of the other) must not make a one-sentence quote look like the whole
    // of a two-sentence one
    long segA = 0;
    long segB = 0;
    boolean admitted = admitted(level, sameSpeaker);
    if (admitted) {
      for (int i = 0; i < sa; i++) {
        for (int j = 0; j < sb; j++) {
          if (levels[i * sb + j] == level) {
            segA |= 1L << i;
            segB |= 1L << j;
          }
        }
      }
      if (segA == 0 && wholeLevel == level) {
        segA = a.allSegments(); // only the whole quotes match: neither is a part of the other
        segB = b.allSegments();
      }
    }
    return new Match(
        level, score, admitted, speakers == Speakers.DIFFERENT && level == STRONG, segA, segB);
  }

  static boolean admitted(int level, boolean sameSpeaker) {
    return level == STRONG || level == MODERATE && sameSpeaker;
  }

  /** {level, score} of one comparison. */
  private double[] compare(
      String ta,
      List<String> wa,
      Set<String> ca,
      String tb,
      List<String> wb,
      Set<String> cb,
      Speakers speakers,
      boolean linked) {
    int na = wa.size();
    int nb = wb.size();
    if (na == 0 || nb == 0) {
      return new double[] {NONE, 0};
    }
    boolean sameSpeaker = speakers == Speakers.SAME;
    int shorter = Math.min(na, nb);
    int strongWords =
        switch (speakers) {
          case SAME -> 1;
          case UNKNOWN -> linked ? 1 : CUT_MIN_WORDS;
          case DIFFERENT -> linked ? CUT_MIN_WORDS : DIFFERENT_MIN_WORDS;
        };
    boolean equal = wa.equals(wb);
    if (equal) {
      return new double[] {shorter >= strongWords ? STRONG : MODERATE, 1};
    }
    if (na < nb ? contiguous(wa, wb) : contiguous(wb, wa)) {
      if (title(na < nb ? ta : tb, shorter)) {
        return new double[] {NONE, 0}; // "Catching Fire" inside a sentence about the film
      }
      if (shorter == 1) {
        return new double[] {sameSpeaker && linked ? STRONG : NONE, CUT_SCORE};
      }
      return new double[] {shorter >= strongWords ? STRONG : MODERATE, CUT_SCORE};
    }
    double[] overlap = overlap(ca, cb);
    boolean related = sameSpeaker || linked || overlap[0] >= 0.34 || lcs(wa, wb) >= 0.5 * shorter;
    SentenceJudge.Judgement j = related ? judge(ta, tb) : null;
    double score = j == null ? 0 : j.score();
    if (j != null) {
      SentenceJudge.Kind k = j.kind();
      if ((k == SentenceJudge.Kind.VERBATIM || k == SentenceJudge.Kind.EDITED)
          && shorter >= Math.max(EDIT_MIN_WORDS, strongWords)) {
        return new double[] {STRONG, score};
      }
      boolean backed =
          sameSpeaker
              || speakers == Speakers.UNKNOWN
                  && shorter >= CUT_MIN_WORDS
                  && (linked || overlap[0] >= MODERATE_OVERLAP);
      if (k == SentenceJudge.Kind.PARAPHRASE && score >= PARAPHRASE_SCORE && backed) {
        return new double[] {STRONG, score};
      }
      if (linked && score >= LINKED_SCORE && speakers != Speakers.DIFFERENT) {
        return new double[] {STRONG, score};
      }
    }
    // shared words: half the shorter's content words, and a fair share of both (Dice), so that one
    // common word ("disappointed") does not tie a short quote to any long one
    double dice = 2 * overlap[1] / (ca.size() + cb.size());
    boolean sharedWords =
        overlap[0] >= MODERATE_OVERLAP
            && dice >= MODERATE_DICE
            && (overlap[1] >= 2 || Math.min(ca.size(), cb.size()) <= 2);
    // linked sentences alone may share only the attribution ("Sheriff Lee Baca said"): the quotes
    // must share a word or be judged close
    boolean linkedAndClose = linked && (overlap[1] >= 1 || score >= LINKED_MODERATE_SCORE);
    if (linkedAndClose || score >= MODERATE_SCORE || sharedWords) {
      return new double[] {MODERATE, Math.max(score, sharedWords ? dice / 2 : 0)};
    }
    return new double[] {NONE, score};
  }

  private SentenceJudge.Judgement judge(String a, String b) {
    return judged.computeIfAbsent(
        a + '\u0000' + b,
        k -> {
          if (judge.embeds()) {
            SentenceJudge.Judgement lexical = LEXICAL.judge(a, b);
            if (lexical.kind() == SentenceJudge.Kind.VERBATIM
                || lexical.kind() == SentenceJudge.Kind.EDITED
                || lexical.score() < EMBED_FLOOR) {
              return lexical;
            }
          }
          return judge.judge(a, b);
        });
  }

  /** Whether the align stage linked a passage around {@code sa} to one around {@code sb}. */
  private boolean linked(String articleA, Span sa, String articleB, Span sb) {
    List<Link> ls = links.get(pairKey(articleA, articleB));
    if (ls == null) {
      return false;
    }
    for (Link l : ls) {
      Span pa = l.a().article().equals(articleA) ? l.a().span() : l.b().span();
      Span pb = l.a().article().equals(articleA) ? l.b().span() : l.a().span();
      if (overlaps(pa, sa) && overlaps(pb, sb)) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlaps(Span x, Span y) {
    return x.begin() < y.end() && y.begin() < x.end();
  }

  private static String pairKey(String x, String y) {
    return x.compareTo(y) <= 0 ? x + '\u0000' + y : y + '\u0000' + x;
  }

  /**
   * {share, count}: how many content words of the side with fewer match a word of the other, and
   * that count's share of the smaller side.
   */
  static double[] overlap(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    if (small.isEmpty()) {
      return new double[] {0, 0};
    }
    int matched = 0;
    for (String w : small) {
      for (String v : large) {
        if (similarWords(w, v)) {
          matched++;
          break;
        }
      }
    }
    return new double[] {matched / (double) small.size(), matched};
  }

  /**
   * Whether two words look like forms of one: equal, sharing a start of at least four letters and
   * 60% of the shorter when that has five letters or more ("merciful", "mercy"; "vengeanceless",
   * "vengeful"; not "Taradise", "Tara"), or the longer ending with the shorter of at least five
   * letters ("unprepared", "prepared").
   */
  static boolean similarWords(String w, String v) {
    if (w.equals(v)) {
      return true;
    }
    String s = w.length() <= v.length() ? w : v;
    String l = s == w ? v : w;
    int p = 0;
    while (p < s.length() && s.charAt(p) == l.charAt(p)) {
      p++;
    }
    if (s.length() >= 5 && p >= 4 && p >= Math.ceil(0.6 * s.length())) {
      return true;
    }
    return s.length() >= 5 && l.endsWith(s);
  }

  /**
   * Whether a short quote reads as a name or a title: at most {@value #TITLE_MAX_WORDS} words,
   * every word of four letters or more capitalised ("Deep Throat", "The Chin", "Most Likely to
   * Succeed"). Such a quote matches only the same words, not a longer quote that holds them.
   */
  static boolean title(String text, int words) {
    if (words > TITLE_MAX_WORDS) {
      return false;
    }
    boolean any = false;
    for (String w : text.split("[^\\p{L}\\p{N}'’-]+")) {
      if (w.isEmpty()) {
        continue;
      }
      if (!any && !Character.isUpperCase(w.charAt(0))) {
        return false;
      }
      any = true;
      if (w.length() >= 4 && !Character.isUpperCase(w.charAt(0))) {
        return false;
      }
    }
    return any;
  }

  /** Whether {@code shorter} occurs as a run of words inside {@code longer}. */
  static boolean contiguous(List<String> shorter, List<String> longer) {
    return Collections.indexOfSubList(longer, shorter) >= 0;
  }

  /** The length of the longest common subsequence of two word lists. */
  static int lcs(List<String> a, List<String> b) {
    int[] prev = new int[b.size() + 1];
    int[] cur = new int[b.size() + 1];
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        cur[j] =
            a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.size()];
  }
}
