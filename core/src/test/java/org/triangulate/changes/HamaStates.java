package org.triangulate.changes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Claim;
import org.triangulate.model.Link;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Span;
import org.triangulate.model.Story;
import org.triangulate.report.Report;

/**
 * Small states before and after an add, built by hand from sentences of the Hama articles ({@code
 * examples/hama}) as the pipeline reads them, so that each kind of change can be set up exactly.
 * Spans are found in the articles' texts, so every assertion quotes real words.
 */
final class HamaStates {

  private HamaStates() {}

  // Sentences of the five Hama articles, as the ingest stage cleans them.
  static final String ENTERED_000 =
      "Islamist insurgents have entered the Syrian city of Hama in a battle for a vital spot on the"
          + " road to Damascus, marking the latest challenge to Bashar al-Assad’s control of the"
          + " country.";
  static final String ENTERED_001 =
      "Islamist rebels have seized the Syrian city of Hama in a battle to seize a vital post on the"
          + " road to Damascus, marking the latest challenge to Bashar al-Assad’s control of the"
          + " country.";
  static final String ENTERED_002 =
      "Syrian insurgents have entered the central city of Hama after days of intense fighting with"
          + " government forces amid a week-long offensive that brought large parts of the country"
          + " under their control.";
  static final String ENTERED_004 =
      "Syrian insurgents have reportedly entered parts of the central city of Hama after three days"
          + " of intense clashes with government forces on its outskirts.";
  static final String MASSACRE_000 =
      "Hama is also the scene of a notorious massacre in 1982, when forces loyal to former"
          + " president Hafez al-Assad laid siege to the city to prevent an uprising led by Sunni"
          + " Muslims opposed to his government.";
  static final String MASSACRE_002 =
      "The city's name is known for the 1982 massacre of Hama, one of the most notorious in the"
          + " modern Middle East, when security forces under Assad's late father, Hafez Assad,"
          + " killed thousands to crush a Muslim Brotherhood uprising.";
  static final String MASSACRE_004 =
      "The city of Hama holds historical significance, notably due to the 1982 massacre when"
          + " security forces under Assad's late father, Hafez Assad, brutally suppressed a Muslim"
          + " Brotherhood uprising, resulting in thousands of casualties.";
  static final String ALEPPO_000 =
      "The sweeping HTS-led offensive has seen Assad lose control of Syria’s second-largest city,"
          + " Aleppo, as well as swaths of the country’s northeast.";
  static final String ALEPPO_001 =
      "The large-scale HTS-led offensive saw Assad lose control of Syria’s second-largest city,"
          + " Aleppo, and parts of the country’s northwest.";
  static final String ALEPPO_002 =
      "It marks another setback for President Bashar Al Assad, days after rebels captured much of"
          + " the northern city of Aleppo – the country's largest city.";
  static final String VIDEO_001 =
      "A video circulating online suggests rebels have seized a military airport outside Hama and"
          + " freed prisoners held in a dreaded state detention center.";
  static final String HOMS_001 = "Homs is located just 40 km (25 mi) south of Hama.";
  static final String HOMS_003 =
      "Homs, which is about 40 kilometers (25 miles) south of Hama, is the gate to the capital"
          + " Damascus, Assad’s seat of power and the coastal region that is a base of support for"
          + " him.";

  /** {@link #HOMS_001} with its figure edited, as a variant article would print it. */
  static final String HOMS_60 = "Homs is located just 60 km (37 mi) south of Hama.";

  /** An article whose text is the sentences, one paragraph each. */
  static Article article(String id, String... sentences) {
    return new Article(
        id,
        "examples/hama/" + id + ".txt",
        Optional.empty(),
        "text",
        ArticleMetadata.EMPTY,
        String.join("\n\n", sentences),
        List.of(),
        List.of());
  }

  /** The assertion of {@code sentence} in {@code a}, in the outlet's own voice. */
  static Claim.Assertion at(Article a, String sentence) {
    int begin = a.text().indexOf(sentence);
    if (begin < 0) {
      throw new IllegalArgumentException("article " + a.id() + " does not say: " + sentence);
    }
    return new Claim.Assertion(
        a.id(), new Span(begin, begin + sentence.length()), Optional.empty(), Optional.empty());
  }

  /** The same assertion giving {@code value} for a disputed slot. */
  static Claim.Assertion at(Article a, String sentence, String value) {
    Claim.Assertion x = at(a, sentence);
    return new Claim.Assertion(x.article(), x.span(), x.speaker(), Optional.of(value));
  }

  /** An uncontested claim; its text is its first assertion's words. */
  static Claim claim(
      String id, String status, int sources, List<Article> articles, Claim.Assertion... as) {
    return new Claim(
        id, textOf(articles, as[0]), status, sources, Arrays.asList(as), Optional.empty());
  }

  /**
   * A contested claim on {@code slot}: the competing values are those its assertions give, in the
   * order they first appear.
   */
  static Claim contested(
      String id, int sources, String slot, List<Article> articles, Claim.Assertion... as) {
    Map<String, List<Claim.Assertion>> byValue = new LinkedHashMap<>();
    for (Claim.Assertion a : as) {
      byValue.computeIfAbsent(a.value().orElseThrow(), k -> new ArrayList<>()).add(a);
    }
    List<Claim.Value> values = new ArrayList<>();
    List<String> words = new ArrayList<>();
    byValue.forEach(
        (v, list) -> {
          values.add(
              new Claim.Value(
                  v,
                  list.stream().map(Claim.Assertion::article).sorted().distinct().toList(),
                  list.stream().map(x -> new Link.Passage(x.article(), x.span())).toList()));
          words.add("'" + v + "'");
        });
    Claim.Contradiction x =
        new Claim.Contradiction(
            slot, values, "The sources give " + String.join(" and ", words) + ".", false);
    return new Claim(
        id, textOf(articles, as[0]), "contested", sources, Arrays.asList(as), Optional.of(x));
  }

  private static String textOf(List<Article> articles, Claim.Assertion a) {
    return articles.stream()
        .filter(x -> x.id().equals(a.article()))
        .findFirst()
        .orElseThrow()
        .text()
        .substring(a.span().begin(), a.span().end());
  }

  /** A story of the articles, with no aliases. */
  static Story story(String id, String title, Article... articles) {
    return new Story(
        id,
        title,
        Arrays.stream(articles).map(Article::id).sorted().toList(),
        Optional.of("2024-12-05"),
        Optional.of("2024-12-05"),
        List.of());
  }

  /** A state: the articles, the stories, and each story's claims (by story id). */
  static Report report(
      List<Article> articles, List<Story> stories, Map<String, List<Claim>> claims) {
    Map<String, Reconciliation> r = new LinkedHashMap<>();
    claims.forEach(
        (story, list) ->
            r.put(
                story,
                new Reconciliation(story, list, List.of(), List.of(), List.of(), List.of())));
    List<Article> sorted = articles.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    return new Report(
        articles.size(), sorted, stories, List.of(), List.of(), Map.of(), Map.of(), r);
  }
}
