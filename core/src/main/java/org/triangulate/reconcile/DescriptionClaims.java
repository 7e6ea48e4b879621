package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.triangulate.text.LexicalStemmer;
import org.triangulate.text.TextUnits;
import org.triangulate.model.Article;
import org.triangulate.model.Claim;
import org.triangulate.model.Entity;
import org.triangulate.model.Mention;
import org.triangulate.model.Span;

/**
 * What one article alone says an organisation or place is. A description the annotate stage
 * attached to an entity ("Britain's Syrian Observatory for Human Rights — a war monitor run by
 * MI6") states a fact about it; when it holds a word that no other article of the story uses
 * anywhere ("MI6"), no other source supports it, and it becomes a single-source claim of its own,
 * its words running from the entity's name beside it to the description's end.
 */
final class DescriptionClaims {

  private DescriptionClaims() {}

  record Found(String article, Span span, String text) {}

  static List<Found> of(StoryEvidence ev) {
    List<Set<String>> vocab = new ArrayList<>();
    for (Article a : ev.articles()) {
      Set<String> v = new TreeSet<>();
      for (TextUnits.Word w : TextUnits.words(a.text(), new Span(0, a.text().length()))) {
        v.add(LexicalStemmer.stem(w.norm()));
      }
      vocab.add(v);
    }
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < ev.articles().size(); i++) {
      Article a = ev.articles().get(i);
      List<Mention> mentions = ev.annotations(a.id()).mentions();
      for (Mention d : mentions) {
        Optional<Entity> e = ev.entity(d.entity());
        if (!d.kind().equals("description") || e.isEmpty() || e.get().type().equals("person")) {
          continue;
        }
        if (TextUnits.words(a.text(), d.span()).size() < 3) {
          continue; // a bare label ("jihadi group") is framing, not a statement
        }
        boolean unique = false;
        for (TextUnits.Word w : TextUnits.words(a.text(), d.span())) {
          String stem = LexicalStemmer.stem(w.norm());
          if (LexicalStemmer.isStopword(w.norm()) || stem.length() < 3) {
            continue;
          }
          boolean elsewhere = false;
          for (int j = 0; j < vocab.size() && !elsewhere; j++) {
            elsewhere = j != i && vocab.get(j).contains(stem);
          }
          unique |= !elsewhere;
        }
        if (!unique) {
          continue;
        }
        int begin = d.span().begin();
        for (Mention n : mentions) {
          if (n.entity().equals(d.entity()) && n.kind().equals("name") && n.span().end() <= d.span().begin()
              && d.span().begin() - n.span().end() <= 4) {
            begin = Math.min(begin, n.span().begin());
          }
        }
        int from = begin;
        while (from > 0 && Character.isLetter(a.text().charAt(from - 1))) {
          from--;
        }
        // "Britain's Syrian Observatory": take a possessive right before the name
        String before = a.text().substring(Math.max(0, from - 12), from);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\p{Lu}\\p{L}+['’]s )$").matcher(before);
        if (m.find()) {
          from -= m.group(1).length();
        }
        Span span = new Span(from, d.span().end());
        out.add(new Found(a.id(), span, span.of(a.text())));
      }
    }
    return out;
  }

  static Claim.Assertion assertion(Found f) {
    return new Claim.Assertion(f.article(), f.span(), Optional.empty(), Optional.empty());
  }
}
