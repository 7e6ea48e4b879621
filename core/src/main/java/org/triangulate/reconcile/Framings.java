package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Derivation;
import org.triangulate.model.Framing;
import org.triangulate.model.Mention;
import org.triangulate.model.Quote;
import org.triangulate.model.Span;
import org.triangulate.reconcile.LabelFinder.Use;
import org.triangulate.reconcile.LabelLexicon.Side;

/**
 * How each article of a story labels each actor: the words it uses for the armed groups, the
 * government, the monitors and the people of the story ("insurgents", "mercenaries", "the
 * regime", "a war monitor run by MI6"), which of those words are loaded, which stand inside a
 * quotation and which one article alone uses. See {@code docs/framing.md}.
 *
 * <p>Labels come from {@link LabelFinder}; the common nouns no name ties to anybody ("the rebels")
 * go to the side's actor {@link FramingActors} chooses. {@code loaded} is the shipped {@link
 * LabelLoadedLexicon}'s verdict. A label is {@code distinctive} when no other article of the story
 * uses the term for the actor, nor a longer term holding it as whole words ("Britain-based" is in
 * "Britain-based war monitor"), while other articles do label the actor; articles that copy one
 * another count as one: a derivation of kind {@code duplicate}, {@code copy}, {@code translation},
 * {@code summary} or {@code excerpt} joins them. A {@code common-source} pair stays two, since
 * each outlet chose its own words around what it shared.
 *
 * <p>{@code attributed} says the text gives every use as another party's words: in a quotation,
 * or after a verb of naming ("considered a terrorist group by the United Nations"). A label that
 * reaches its actor through a side is dropped in a sentence about another time ("opposition forces
 * ... in 2011"); see {@link LabelVoice}.
 *
 * <p>It does not resolve pronouns ("they", "the group") and reads only English.
 */
public final class Framings {

  static final Set<String> COPY_KINDS =
      Set.of("duplicate", "copy", "translation", "summary", "excerpt");

  private static final Comparator<String> TERM_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private Framings() {}

  /**
   * The story's framings: one per actor that at least one article labels, by entity id, each with
   * its labels by article then term.
   */
  public static List<Framing> of(StoryEvidence evidence) {
    LabelLexicon lexicon = LabelLexicon.shipped();
    LabelLoadedLexicon loaded = LabelLoadedLexicon.shipped();
    List<Article> articles = new ArrayList<>(evidence.articles());
    articles.sort(Comparator.comparing(Article::id));

    List<Use> uses = new ArrayList<>();
    List<LabelFinder.Tie> ties = new ArrayList<>();
    Map<String, Integer> mentions = new TreeMap<>();
    Map<String, List<Span>> quotes = new TreeMap<>();
    Map<String, String> texts = new TreeMap<>();
    for (Article a : articles) {
      Annotations an = evidence.annotations(a.id());
      LabelFinder.Found found = LabelFinder.find(a, an, evidence.entities(), lexicon);
      texts.put(a.id(), a.text());
      List<Span> sentences = LabelVoice.sentences(a.text());
      java.util.OptionalInt year = LabelVoice.yearOf(a, an.times());
      for (Use u : found.uses()) {
        // A side's label in a sentence of another time may be another actor's ("opposition
        // forces" of 2011): not today's actor's.
        boolean bySide = u.entity().isEmpty() && !u.other();
        if (!(bySide && LabelVoice.historical(a.text(), sentences, u.span(), year))) {
          uses.add(u);
        }
      }
      ties.addAll(found.ties());
      for (Mention m : an.mentions()) {
        mentions.merge(m.entity(), 1, Integer::sum);
      }
      quotes.put(a.id(), an.quotes().stream().map(Quote::span).toList());
    }
    Map<Side, String> actors = FramingActors.choose(ties, mentions, evidence.entities());

    // entity -> article -> term -> spans
    Map<String, Map<String, Map<String, Set<Span>>>> table = new TreeMap<>();
    for (Use u : uses) {
      String entity = u.entity().orElse(u.other() ? null : actors.get(u.side()));
      if (entity == null) {
        continue;
      }
      table
          .computeIfAbsent(entity, k -> new TreeMap<>())
          .computeIfAbsent(u.article(), k -> new TreeMap<>(TERM_ORDER))
          .computeIfAbsent(u.term(), k -> new TreeSet<>())
          .add(u.span());
    }

    Map<String, String> unit = units(articles, evidence.provenance().derivations());
    List<Framing> out = new ArrayList<>();
    for (var byEntity : table.entrySet()) {
      Map<String, List<List<String>>> termsByUnit = new TreeMap<>();
      for (var byArticle : byEntity.getValue().entrySet()) {
        for (String term : byArticle.getValue().keySet()) {
          termsByUnit
              .computeIfAbsent(unit.get(byArticle.getKey()), k -> new ArrayList<>())
              .add(LabelText.words(term));
        }
      }
      List<Framing.Label> labels = new ArrayList<>();
      for (var byArticle : byEntity.getValue().entrySet()) {
        String article = byArticle.getKey();
        for (var byTerm : byArticle.getValue().entrySet()) {
          List<Span> spans = List.copyOf(byTerm.getValue());
          List<Span> quoted = quotes.getOrDefault(article, List.of());
          boolean inQuote = spans.stream().allMatch(s -> inside(s, quoted));
          String text = texts.get(article);
          boolean attributed =
              spans.stream().allMatch(s -> inside(s, quoted) || LabelVoice.attributed(text, s));
          labels.add(
              new Framing.Label(
                  article,
                  byTerm.getKey(),
                  spans.size(),
                  loaded.find(byTerm.getKey()).isPresent(),
                  inQuote,
                  attributed,
                  distinctive(byTerm.getKey(), unit.get(article), termsByUnit),
                  spans));
        }
      }
      out.add(new Framing(byEntity.getKey(), labels));
    }
    return List.copyOf(out);
  }

  private static boolean distinctive(
      String term, String unit, Map<String, List<List<String>>> termsByUnit) {
    if (termsByUnit.size() < 2) {
      return false;
    }
    List<String> words = LabelText.words(term);
    for (var e : termsByUnit.entrySet()) {
      if (!e.getKey().equals(unit)) {
        for (List<String> other : e.getValue()) {
          if (other.equals(words) || LabelText.containsWords(other, words)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean inside(Span s, List<Span> quotes) {
    for (Span q : quotes) {
      if (q.begin() <= s.begin() && s.end() <= q.end()) {
        return true;
      }
    }
    return false;
  }

  /** Each article's unit: the smallest id of the articles joined to it by copying derivations. */
  static Map<String, String> units(List<Article> articles, List<Derivation> derivations) {
    Map<String, String> parent = new TreeMap<>();
    articles.forEach(a -> parent.put(a.id(), a.id()));
    for (Derivation d : derivations) {
      if (COPY_KINDS.contains(d.kind())
          && parent.containsKey(d.from())
          && parent.containsKey(d.to())) {
        String a = root(parent, d.from());
        String b = root(parent, d.to());
        if (!a.equals(b)) {
          parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    parent.keySet().forEach(id -> out.put(id, root(parent, id)));
    return out;
  }

  private static String root(Map<String, String> parent, String id) {
    String r = id;
    while (!parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    return r;
  }
}
