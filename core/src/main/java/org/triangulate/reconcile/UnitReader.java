package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.triangulate.text.LexicalStemmer;
import org.triangulate.text.TextUnits;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Mention;
import org.triangulate.model.Quote;
import org.triangulate.model.Span;

/**
 * Splits a story's articles into sentences and reads each: its content words, the entities it
 * names, who asserts it, and the values it gives ({@link Slots}).
 *
 * <p>Who asserts a sentence: the speaker of the quote that makes up most of it; else the subject
 * of its first reporting verb ("the Syrian army said it had withdrawn", "said Waters", "according
 * to the monitor"), where a pronoun subject ("it said") stands for the speaker of the sentence
 * before; else nobody, and the outlet asserts it in its own voice.
 */
final class UnitReader {

  static final Set<String> REPORTING =
      Set.of(
          "said", "says", "say", "told", "tells", "reported", "reports", "claimed", "claims",
          "announced", "declared", "denied", "admitted", "accused", "confirmed", "stated",
          "insisted", "warned", "added", "maintains", "maintained", "alleged", "argued");

  /** Verbs that come before their subject at a sentence's end ("..., said Waters."). */
  private static final Set<String> INVERTIBLE =
      Set.of("said", "says", "added", "reported", "claimed", "maintained", "insisted", "warned", "stated", "declared");

  private static final Set<String> PRONOUNS = Set.of("he", "she", "it", "they", "we", "i");

  private UnitReader() {}

  static List<Unit> of(StoryEvidence ev) {
    List<Unit> out = new ArrayList<>();
    for (Article a : ev.articles()) {
      Annotations ann = ev.annotations(a.id());
      String text = a.text();
      List<Span> sentences = TextUnits.sentences(text);
      Optional<String> previous = Optional.empty();
      for (int p = 0; p < sentences.size(); p++) {
        Span s = sentences.get(p);
        List<TextUnits.Word> words = TextUnits.words(text, s);
        Set<String> stems = new TreeSet<>();
        for (TextUnits.Word w : words) {
          if (!LexicalStemmer.isStopword(w.norm()) && w.norm().length() > 1) {
            stems.add(LexicalStemmer.stem(w.norm()));
          }
        }
        Set<String> names = new TreeSet<>();
        for (Mention m : ann.mentions()) {
          if (inside(m.span(), s)) {
            names.add(m.entity());
          }
        }
        Optional<String> speaker = quoteSpeaker(ann, s, words);
        if (speaker.isEmpty()) {
          speaker = reportingSubject(ev, ann, text, words, previous);
        }
        if (speaker.isEmpty()) {
          speaker = anyQuoteSpeaker(ann, s);
        }
        previous = speaker;
        String sentence = s.of(text);
        out.add(
            new Unit(
                out.size(),
                a.id(),
                p,
                s,
                sentence,
                stems,
                names,
                speaker,
                isStatement(sentence, words.size()),
                Slots.of(ev, a, ann, s)));
      }
    }
    return out;
  }

  static boolean inside(Span inner, Span outer) {
    return inner.begin() >= outer.begin() && inner.end() <= outer.end();
  }

  static int overlap(Span a, Span b) {
    return Math.max(0, Math.min(a.end(), b.end()) - Math.max(a.begin(), b.begin()));
  }

  /** A sentence states something when it has a few words and ends like a sentence. */
  private static boolean isStatement(String s, int words) {
    String t = s.strip();
    if (words < 4 || t.isEmpty()) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    if (last == '?') {
      return false;
    }
    return last == '.' || last == '!' || last == '"' || last == '”' || last == '’' || last == '\''
        || last == ')' || words >= 12;
  }

  /** The speaker of the quote that covers most of the sentence's words. */
  private static Optional<String> quoteSpeaker(
      Annotations ann, Span s, List<TextUnits.Word> words) {
    int chars = 0;
    for (TextUnits.Word w : words) {
      chars += w.span().length();
    }
    for (Quote q : ann.quotes()) {
      int in = 0;
      for (TextUnits.Word w : words) {
        in += overlap(w.span(), q.span());
      }
      if (chars > 0 && in * 2 >= chars) {
        return q.speaker();
      }
    }
    return Optional.empty();
  }

  private static final Set<String> NOUN_BEFORE =
      Set.of("a", "an", "the", "amid", "of", "despite", "after", "with", "news", "media", "these", "those", "such", "unconfirmed");

  /** A reporting word used as a noun: after an article or preposition, or before "of" or "that". */
  private static boolean isNoun(List<TextUnits.Word> words, int k) {
    String w = words.get(k).norm();
    if (!(w.equals("reports") || w.equals("claims") || w.equals("says"))) {
      return false;
    }
    return k > 0 && NOUN_BEFORE.contains(words.get(k - 1).norm())
        || k + 1 < words.size() && words.get(k + 1).norm().equals("of");
  }

  /** The speaker of a partial quote in the sentence ("In his opinion, the army 'was not prepared'"). */
  private static Optional<String> anyQuoteSpeaker(Annotations ann, Span s) {
    for (Quote q : ann.quotes()) {
      if (overlap(q.span(), s) > 0 && q.speaker().isPresent()) {
        return q.speaker();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> reportingSubject(
      StoryEvidence ev,
      Annotations ann,
      String text,
      List<TextUnits.Word> words,
      Optional<String> previous) {
    for (int k = 0; k < words.size(); k++) {
      String w = words.get(k).norm();
      boolean according =
          w.equals("according") && k + 1 < words.size() && words.get(k + 1).norm().equals("to");
      if (!according && !REPORTING.contains(w)) {
        continue;
      }
      if (!according && isNoun(words, k)) {
        continue; // "amid reports of", "the claims"
      }
      Span verb = words.get(k).span();
      if (according) {
        int from = words.get(k + 1).span().end();
        return speakerNear(ev, ann, text, from, from + 40, true);
      }
      if (k > 0 && PRONOUNS.contains(words.get(k - 1).norm())) {
        return previous;
      }
      boolean inverted = INVERTIBLE.contains(w)
          && text.substring(Math.max(0, verb.begin() - 3), verb.begin()).contains(",")
          && words.size() - k <= 8;
      if (inverted && k + 1 < words.size()) {
        Optional<String> after = speakerNear(ev, ann, text, verb.end(), verb.end() + 30, true);
        if (after.isPresent()) {
          return after; // "..., said Waters."
        }
      }
      Optional<String> before = speakerNear(ev, ann, text, Math.max(0, verb.begin() - 90), verb.begin(), false);
      if (before.isPresent()) {
        return before;
      }
      if (k + 1 < words.size()) {
        Optional<String> after = speakerNear(ev, ann, text, verb.end(), verb.end() + 30, true);
        if (after.isPresent() && words.size() - k <= 8) {
          return after; // "..., said Waters."
        }
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The person or organisation named in {@code [from, to)}: the first one when reading forward,
   * the last one ending there when reading back.
   */
  private static Optional<String> speakerNear(
      StoryEvidence ev, Annotations ann, String text, int from, int to, boolean forward) {
    Mention best = null;
    for (Mention m : ann.mentions()) {
      if (m.span().begin() < from || m.span().end() > to || !forward && modifier(text, m.span())) {
        continue;
      }
      Optional<Entity> e = ev.entity(m.entity());
      if (e.isEmpty() || e.get().type().equals("place") && !isGovernmentPlace(e.get())) {
        continue;
      }
      if (forward
          ? best == null
          : best == null
              || m.span().end() > best.span().end()
              || m.span().end() == best.span().end() && m.span().begin() < best.span().begin()) {
        best = m;
      }
    }
    return Optional.ofNullable(best).map(Mention::entity);
  }

  /**
   * A name inside a phrase that modifies another ("an analyst at the Middle East Institute",
   * "iterations of the conflict in Syria"): it is not the subject of the verb after it.
   */
  private static boolean modifier(String text, Span name) {
    int b = name.begin();
    String before = text.substring(Math.max(0, b - 12), b).toLowerCase(Locale.ROOT);
    return before.matches("(?s).*\\b(at|of|in|with|for|from|by|on|to)\\s+(the\\s+)?(\\p{L}+['’]s\\s+)?$");
  }

  /** "Moscow said", "Damascus denied": a capital or country speaking for its government. */
  private static boolean isGovernmentPlace(Entity e) {
    String t = e.subtype().orElse("").toLowerCase(Locale.ROOT);
    return t.equals("country");
  }
}
