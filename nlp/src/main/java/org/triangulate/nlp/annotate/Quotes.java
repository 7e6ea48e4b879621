package org.triangulate.nlp.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.triangulate.model.Span;
import org.triangulate.nlp.annotate.Reading.Local;
import org.triangulate.nlp.annotate.Reading.LocalMention;

/**
 * Direct quotes and who spoke them, written for news rather than fiction.
 *
 * <p>Quotes are found on the characters: curly, straight and TeX-style ({@code ``…''}) marks, quotes
 * that run over several sentences, a paragraph that continues a quote, and partial quotes inside a
 * sentence. The speaker is found from the reporting cue around the quote, in this order: the cue
 * right after it ("…," X said; "…," said X; "…," the channel quoted X as saying), the cue before it
 * (X told Reuters that "…"; X, who …, said "…"; according to X; a colon introduction; X …,
 * calling it "…"; In his opinion, …), and, with no cue, the speaker of the quote before it in the
 * same or the previous paragraph, or the subject of a reporting verb in the two sentences before.
 * Pronouns ("he said") and nominals ("the analyst said", "the group said") resolve to the last
 * fitting named entity; addressees ("told Guterres") and names inside quotes are not candidates.
 */
final class Quotes {

  /** A quote before linking: speaker is a local entity index, or -1. */
  record LocalQuote(Span span, int speaker, Span cue, Span speakerSpan) {}

  static final Set<String> REPORTING =
      Set.of(
          "say", "tell", "add", "declare", "state", "warn", "write", "announce", "describe", "claim",
          "call", "note", "insist", "pledge", "ask", "urge", "report", "express", "maintain", "quote",
          "admit", "deny", "confirm", "tweet", "post", "accuse", "vow", "explain", "argue", "stress",
          "suggest", "predict", "reply", "respond", "comment", "speak", "acknowledge", "threaten",
          "promise", "allege", "estimate", "conclude", "recall", "agree", "complain", "caution",
          "demand", "assert", "emphasise", "emphasize", "observe", "remark", "reiterate");

  private static final Set<String> PERSON_PRONOUNS = Set.of("he", "she", "him", "his", "her");
  private static final Set<String> GROUP_PRONOUNS = Set.of("it", "its", "they", "their", "them");
  private static final Set<String> PERSON_NOUNS =
      Set.of(
          "analyst", "official", "spokesman", "spokeswoman", "spokesperson", "minister", "leader",
          "commander", "chief", "president", "priest", "expert", "researcher", "resident", "witness",
          "diplomat", "ambassador", "envoy", "general", "officer", "mayor", "governor", "director",
          "head", "secretary", "professor", "activist", "doctor", "lawyer", "premier", "chancellor");
  private static final Set<String> GROUP_NOUNS =
      Set.of(
          "group", "rebels", "insurgents", "extremists", "militants", "jihadists", "fighters",
          "gunmen", "mercenaries", "army", "military", "ministry", "government", "regime", "monitor",
          "observatory", "agency", "organisation", "organization", "coalition", "militia",
          "militias", "opposition", "alliance", "movement", "insurgency", "authorities", "police");
  private static final Set<String> REBEL_NOUNS =
      Set.of("rebels", "insurgents", "extremists", "militants", "jihadists", "fighters", "gunmen", "mercenaries", "opposition", "insurgency");

  private final Doc doc;
  private final Reading reading;
  private final List<Tok> toks;
  private final LocalMention[] nameAt;
  private final LocalMention[] descriptionAt;
  private final boolean[] quoted;

  private Quotes(Doc doc, Reading reading) {
    this.doc = doc;
    this.reading = reading;
    this.toks = doc.tokens();
    this.nameAt = new LocalMention[toks.size()];
    this.descriptionAt = new LocalMention[toks.size()];
    this.quoted = new boolean[toks.size()];
    for (LocalMention m : reading.mentions()) {
      if (m.begin() != toks.get(m.firstToken()).begin() || m.end() != toks.get(m.endToken() - 1).end()) {
        continue; // "UN-backed", "HTS-led": a modifier, never a speaker
      }
      LocalMention[] target = m.kind().equals("name") ? nameAt : descriptionAt;
      for (int k = m.firstToken(); k < m.endToken(); k++) {
        if (target[k] == null) {
          target[k] = m;
        }
      }
    }
  }

  static List<LocalQuote> find(Doc doc, Reading reading) {
    return new Quotes(doc, reading).run();
  }

  // ------------------------------------------------------------------ quote marks

  /** A quote's marks: the open mark's offset and the close mark's offset (or the paragraph end). */
  private record Marks(int open, int openEnd, int close, int closeEnd, int paragraph) {}

  static List<int[]> markPairs(String text) {
    List<int[]> out = new ArrayList<>();
    int paragraph = 0;
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int open = -1;
      int openLen = 0;
      for (int i = lineStart; i < lineEnd; i++) {
        char c = text.charAt(i);
        int len = 1;
        boolean opening;
        boolean closing;
        if (c == '“' || c == '„') {
          opening = true;
          closing = false;
        } else if (c == '”') {
          opening = false;
          closing = true;
        } else if (c == '"') {
          opening = open < 0;
          closing = open >= 0;
        } else if (c == '`' && i + 1 < lineEnd && text.charAt(i + 1) == '`') {
          opening = true;
          closing = false;
          len = 2;
        } else if (c == '\'' && i + 1 < lineEnd && text.charAt(i + 1) == '\'') {
          opening = false;
          closing = open >= 0;
          len = 2;
        } else {
          continue;
        }
        if (opening) {
          if (open >= 0 && strayOpening(text, open + openLen, i, lineEnd)) {
            i += len - 1; // a stray mark inside the quote: it goes on
            continue;
          }
          if (open >= 0) {
            out.add(new int[] {open, open + openLen, i, i, paragraph}); // a quote re-opened: close the first here
          }
          open = i;
          openLen = len;
        } else if (closing && open >= 0) {
          out.add(new int[] {open, open + openLen, i, i + len, paragraph});
          open = -1;
        }
        i += len - 1;
      }
      if (open >= 0) {
        out.add(new int[] {open, open + openLen, lineEnd, lineEnd, paragraph});
      }
      if (!text.substring(lineStart, lineEnd).isBlank()) {
        paragraph++;
      }
      lineStart = lineEnd + 1;
    }
    return out;
  }

  /**
   * Whether an opening mark at {@code at}, inside a quote whose words start at {@code from}, is a
   * stray mark in the quote rather than a new quote after a missing close: it follows the end of a
   * sentence of the quote ({@code .}, {@code !}, {@code ?}), a closing mark follows later in the
   * paragraph, and the quote's words so far hold no reporting verb ("said", "told", "added"): were
   * the close missing, narration would sit between the two ("... wars. He added: “It seems ...").
   * The Guardian's Hama report has one: “Even if the Russians ... their own wars. “It seems
   * unlikely ... previously.”
   */
  static boolean strayOpening(String text, int from, int at, int lineEnd) {
    int p = at - 1;
    while (p >= from && Character.isWhitespace(text.charAt(p))) {
      p--;
    }
    if (p < from || ".!?".indexOf(text.charAt(p)) < 0) {
      return false;
    }
    int close = text.indexOf('”', at + 1);
    if (close < 0 || close >= lineEnd) {
      return false;
    }
    for (int q = at + 1; q < close; q++) {
      char c = text.charAt(q);
      if (c == '“' || c == '„') {
        return false; // another opening before the close: leave it to the usual reading
      }
    }
    for (String w : text.substring(from, at).toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
      if (isReportingForm(w)) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> IRREGULAR_REPORTING =
      Set.of("said", "told", "wrote", "written", "spoke", "spoken", "saying", "telling");

  /** Whether {@code w} is a form of a reporting verb: said, says, added, tells, warned, ... */
  private static boolean isReportingForm(String w) {
    if (w.isEmpty()) {
      return false;
    }
    if (REPORTING.contains(w) || IRREGULAR_REPORTING.contains(w)) {
      return true;
    }
    for (String suffix : List.of("s", "es", "d", "ed", "ing")) {
      if (w.endsWith(suffix) && w.length() > suffix.length() + 1) {
        String base = w.substring(0, w.length() - suffix.length());
        if (REPORTING.contains(base) || REPORTING.contains(base + "e")) {
          return true;
        }
      }
    }
    return false;
  }

  private List<LocalQuote> run() {
    String text = doc.text();
    List<Marks> marks = new ArrayList<>();
    for (int[] p : markPairs(text)) {
      int b = p[1];
      int e = p[2];
      while (b < e && Character.isWhitespace(text.charAt(b))) {
        b++;
      }
      while (e > b && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      if (!hasLetter(text, b, e)) {
        continue;
      }
      marks.add(new Marks(p[0], b, e, p[3], p[4]));
      for (Tok t : toks) {
        if (t.begin() >= p[0] && t.end() <= Math.max(p[3], e)) {
          quoted[t.index()] = true;
        }
      }
    }
    List<LocalQuote> out = new ArrayList<>();
    int prevSpeaker = -1;
    int prevParagraph = -10;
    for (Marks m : marks) {
      Attribution a = attribute(m);
      if (a == null && prevSpeaker >= 0 && m.paragraph() - prevParagraph <= 1) {
        a = new Attribution(prevSpeaker, null, null);
      }
      if (a == null) {
        a = previousReporter(m);
      }
      int speaker = a == null ? -1 : a.speaker;
      out.add(new LocalQuote(new Span(m.openEnd(), m.close()), speaker, a == null ? null : a.cue, a == null ? null : a.speakerSpan));
      if (speaker >= 0) {
        prevSpeaker = speaker;
        prevParagraph = m.paragraph();
      }
    }
    return out;
  }

  private static boolean hasLetter(String s, int b, int e) {
    for (int i = b; i < e; i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ attribution

  private record Attribution(int speaker, Span cue, Span speakerSpan) {}

  private Attribution attribute(Marks m) {
    int firstInside = tokenAtOrAfter(m.openEnd());
    int lastInside = tokenBefore(m.close());
    if (firstInside < 0 || lastInside < 0) {
      return null;
    }
    Sentence s1 = doc.sentenceOf(toks.get(Math.min(firstInside, toks.size() - 1)));
    Sentence s2 = doc.sentenceOf(toks.get(lastInside));
    // After the quote, in its paragraph: "…," X said.
    int afterFrom = tokenAtOrAfter(m.closeEnd());
    if (afterFrom >= 0) {
      int lineEnd = doc.text().indexOf('\n', m.closeEnd());
      int to = afterFrom;
      while (to < toks.size() && to - afterFrom < 20 && (lineEnd < 0 || toks.get(to).begin() < lineEnd)) {
        to++;
      }
      Attribution a = after(afterFrom, to);
      if (a != null) {
        return a;
      }
    }
    // Before the quote, within its first sentence.
    int beforeEnd = tokenBefore(m.open());
    if (beforeEnd >= s1.firstToken()) {
      Attribution a = before(s1.firstToken(), beforeEnd + 1);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  /** "…," X said / "…," said X / "…," the channel quoted X as saying. */
  private Attribution after(int from, int to) {
    for (int v = from; v < to; v++) {
      if (quoted[v]) {
        return null;
      }
      Tok t = toks.get(v);
      if (!isReportingVerb(t)) {
        String w = t.word();
        if (t.pos().equals("CC") || t.isVerb() || t.pos().equals("MD") || w.equals(".") || w.equals("!")
            || w.equals("?") || w.equals(";") || w.equalsIgnoreCase("that")) {
          return null; // the sentence went on: no cue right after the quote
        }
        continue;
      }
      if (t.word().equalsIgnoreCase("saying") && v > 0 && toks.get(v - 1).word().equalsIgnoreCase("as")) {
        for (int k = v - 2; k >= from; k--) {
          Attribution a = candidateAt(k);
          if (a != null) {
            return withCue(a, v - 1, v + 1);
          }
        }
      }
      // Prefer a following "as saying".
      for (int w = v + 1; w < to; w++) {
        if (toks.get(w).word().equalsIgnoreCase("saying") && toks.get(w - 1).word().equalsIgnoreCase("as")) {
          for (int k = w - 2; k > v; k--) {
            Attribution a = candidateAt(k);
            if (a != null) {
              return withCue(a, w - 1, w + 1);
            }
          }
        }
      }
      for (int k = v - 1; k >= from; k--) {
        Attribution a = candidateAt(k);
        if (a != null) {
          return withCue(a, v, v + 1);
        }
      }
      for (int k = v + 1; k < to; k++) {
        Attribution a = candidateAt(k);
        if (a != null) {
          return withCue(a, v, v + 1);
        }
      }
      return null;
    }
    return null;
  }

  /** X said "…" / X told Reuters that "…" / according to X, "…" / X: "…" / In his opinion, "…". */
  private Attribution before(int from, int to) {
    if (to - 1 >= from && toks.get(to - 1).word().equals(":")) {
      Attribution a = subjectOf(to - 1, from, false);
      if (a != null) {
        return withCue(a, to - 1, to);
      }
    }
    for (int v = to - 1; v >= from; v--) {
      if (quoted[v]) {
        break;
      }
      Tok t = toks.get(v);
      String lw = t.word().toLowerCase(Locale.ROOT);
      if (lw.equals("according") && v + 1 < to && toks.get(v + 1).word().equalsIgnoreCase("to")) {
        for (int k = v + 2; k < to; k++) {
          Attribution a = candidateAt(k);
          if (a != null) {
            return withCue(a, v, v + 2);
          }
        }
      }
      if ((lw.equals("opinion") || lw.equals("view") || lw.equals("words")) && v >= 1
          && toks.get(v - 1).pos().equals("PRP$")) {
        Attribution a = candidateAt(v - 1);
        if (a != null) {
          return withCue(a, v - 2 >= from ? v - 2 : v - 1, v + 1);
        }
      }
      if (!isReportingVerb(t)) {
        continue;
      }
      boolean participle = t.pos().equals("VBG");
      Attribution a = participle ? subjectOf(v, from, true) : null;
      if (a == null) {
        a = subjectOf(v, from, false);
      }
      if (a == null && !participle) {
        for (int k = v + 1; k < to; k++) { // inverted: said X
          if (toks.get(k).word().equals("that")) {
            break;
          }
          a = candidateAt(k);
          if (a != null) {
            break;
          }
        }
      }
      if (a == null && participle) {
        a = subjectOfSentence(toks.get(v).sentence() - 1);
      }
      if (a != null) {
        return withCue(a, v, v + 1);
      }
    }
    return null;
  }

  /** No cue around the quote: the subject of a reporting verb in the two sentences before it. */
  private Attribution previousReporter(Marks m) {
    int first = tokenAtOrAfter(m.openEnd());
    if (first < 0) {
      return null;
    }
    int s = toks.get(first).sentence();
    for (int back = 1; back <= 2 && s - back >= 0; back++) {
      Sentence prev = doc.sentences().get(s - back);
      for (int v = prev.endToken() - 1; v >= prev.firstToken(); v--) {
        if (!quoted[v] && isReportingVerb(toks.get(v))) {
          Attribution a = subjectOf(v, prev.firstToken(), false);
          if (a == null) {
            for (int k = v + 1; k < prev.endToken() && a == null; k++) {
              a = candidateAt(k);
            }
          }
          if (a != null) {
            return new Attribution(a.speaker, null, null);
          }
        }
      }
    }
    return null;
  }

  private Attribution subjectOfSentence(int sentence) {
    if (sentence < 0) {
      return null;
    }
    Sentence s = doc.sentences().get(sentence);
    for (int k = s.firstToken(); k < s.endToken(); k++) {
      if (quoted[k]) {
        continue;
      }
      Attribution a = candidateAt(k);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  /**
   * The subject of the verb at {@code v}: the nearest speaker candidate to its left, skipping
   * relative clauses; with {@code namesOnly}, only named entities (for participles: "the ministry
   * denied that insurgents had entered, calling …").
   */
  private Attribution subjectOf(int v, int from, boolean namesOnly) {
    int k = v - 1;
    while (k >= from) {
      if (quoted[k]) {
        return null;
      }
      if (toks.get(k).word().equals(",")) {
        int prevComma = k - 1;
        while (prevComma >= from && !toks.get(prevComma).word().equals(",")) {
          prevComma--;
        }
        if (prevComma >= from && prevComma + 1 < k) {
          String w = toks.get(prevComma + 1).word().toLowerCase(Locale.ROOT);
          if (Set.of("who", "which", "whose", "where", "when").contains(w)) {
            k = prevComma - 1;
            continue;
          }
        }
      }
      String lw = toks.get(k).word().toLowerCase(Locale.ROOT);
      if (lw.equals(";")) {
        return null;
      }
      Attribution a = namesOnly ? namedAt(k) : candidateAt(k);
      if (a != null) {
        return a;
      }
      k--;
    }
    return null;
  }

  private Attribution namedAt(int k) {
    if (quoted[k] || (descriptionAt[k] == null && nameAt[k] == null)) {
      return null;
    }
    return candidateAt(k);
  }

  /**
   * A speaker candidate at token {@code k}: a mention of a person or organisation (a description
   * counts for the entity it describes), a pronoun, or a nominal such as "the analyst".
   */
  private Attribution candidateAt(int k) {
    if (quoted[k]) {
      return null;
    }
    LocalMention d = descriptionAt[k];
    if (d != null) {
      return new Attribution(d.entity(), null, new Span(d.begin(), d.end()));
    }
    LocalMention n = nameAt[k];
    if (n != null) {
      Local e = reading.entities().get(n.entity());
      if (e.type().equals("place")) {
        return null;
      }
      if (isAddressee(n.firstToken())) {
        return null;
      }
      return new Attribution(n.entity(), null, new Span(n.begin(), n.end()));
    }
    Tok t = toks.get(k);
    String lw = t.word().toLowerCase(Locale.ROOT);
    if (t.pos().startsWith("PRP") && PERSON_PRONOUNS.contains(lw)) {
      int e = lastBefore(k, "person", false);
      return e < 0 ? null : new Attribution(e, null, new Span(t.begin(), t.end()));
    }
    if (t.pos().startsWith("PRP") && GROUP_PRONOUNS.contains(lw) && !lw.equals("them")) {
      int e = lastBefore(k, "organization", false);
      return e < 0 ? null : new Attribution(e, null, new Span(t.begin(), t.end()));
    }
    if (t.isNoun() && Character.isLowerCase(t.word().charAt(0))
        && (k + 1 >= toks.size() || !toks.get(k + 1).isNoun()) && !indefinite(k)) {
      if (PERSON_NOUNS.contains(lw)) {
        int e = lastBefore(k, "person", false);
        return e < 0 ? null : new Attribution(e, null, nominalSpan(k));
      }
      if (GROUP_NOUNS.contains(lw)) {
        int e = lastBefore(k, "organization", REBEL_NOUNS.contains(lw));
        return e < 0 ? null : new Attribution(e, null, nominalSpan(k));
      }
    }
    return null;
  }

  /** "a local commander" introduces someone new; it does not point back. */
  private boolean indefinite(int head) {
    for (int b = head - 1; b >= 0 && b >= head - 4; b--) {
      Tok t = toks.get(b);
      if (t.pos().equals("DT")) {
        String w = t.word().toLowerCase(Locale.ROOT);
        return w.equals("a") || w.equals("an") || w.equals("some") || w.equals("another");
      }
      if (!(t.pos().startsWith("JJ") || t.pos().startsWith("NN"))) {
        return false;
      }
    }
    return false;
  }

  private Span nominalSpan(int head) {
    int b = head;
    while (b > 0 && toks.get(b - 1).sentence() == toks.get(head).sentence()
        && (toks.get(b - 1).pos().startsWith("JJ") || toks.get(b - 1).pos().startsWith("NN") || toks.get(b - 1).pos().equals("DT"))
        && !quoted[b - 1] && nameAt[b - 1] == null) {
      b--;
      if (toks.get(b).pos().equals("DT")) {
        break;
      }
    }
    return new Span(toks.get(b).begin(), toks.get(head).end());
  }

  /** "told Guterres": the one told is not the speaker. */
  private boolean isAddressee(int first) {
    if (first == 0) {
      return false;
    }
    Tok prev = toks.get(first - 1);
    return prev.lemma().equalsIgnoreCase("tell") || (prev.word().equalsIgnoreCase("the") && first >= 2
        && toks.get(first - 2).lemma().equalsIgnoreCase("tell"));
  }

  /** The last entity of {@code type} named before token {@code k}, outside quotes and not an addressee. */
  private int lastBefore(int k, String type, boolean preferArmedGroups) {
    int fallback = -1;
    for (int i = k - 1; i >= 0; i--) {
      LocalMention n = nameAt[i];
      if (n == null || quoted[i] || isAddressee(n.firstToken())) {
        continue;
      }
      Local e = reading.entities().get(n.entity());
      if (!e.type().equals(type)) {
        continue;
      }
      if (!preferArmedGroups || "armed-group".equals(e.subtype())) {
        return n.entity();
      }
      if (fallback < 0) {
        fallback = n.entity();
      }
    }
    return fallback;
  }

  private static boolean isReportingVerb(Tok t) {
    return t.isVerb() && REPORTING.contains(t.lemma().toLowerCase(Locale.ROOT));
  }

  private Attribution withCue(Attribution a, int from, int to) {
    return new Attribution(a.speaker, new Span(toks.get(from).begin(), toks.get(to - 1).end()), a.speakerSpan);
  }

  private int tokenAtOrAfter(int offset) {
    for (Tok t : toks) {
      if (t.begin() >= offset) {
        return t.index();
      }
    }
    return -1;
  }

  private int tokenBefore(int offset) {
    int best = -1;
    for (Tok t : toks) {
      if (t.end() <= offset) {
        best = t.index();
      } else {
        break;
      }
    }
    return best;
  }
}
