package org.triangulate.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.Report;

/**
 * What one {@link Pipeline#add add} changed, in the terms a person watching the corpus cares about:
 * stories that appeared, articles that joined a story, claims that became contested and claims that
 * gained an independent source. {@link #between} computes it; {@link #toJson()} and {@link
 * #fromJson(String)} give its JSON form, schema {@value #SCHEMA}, documented in {@code
 * docs/report.md}; {@link #summary()} gives one line of text per item.
 *
 * <p>Every list is in a fixed order: ids sorted, stories by id, claims by story id and then in the
 * order of the story's claims after the add.
 *
 * @param articles the ids the add gave the new articles, sorted
 * @param newStories stories that did not exist before the add, by id
 * @param grownStories stories that existed and changed: new articles joined them, or they absorbed
 *     other stories, by id
 * @param contested claims that are contested after the add and were not before, by story and claim
 *     order
 * @param gainedSources claims that more independent sources assert after the add than before, by
 *     story and claim order
 */
public record CorpusChange(
    List<String> articles,
    List<NewStory> newStories,
    List<GrownStory> grownStories,
    List<ContestedClaim> contested,
    List<GainedSource> gainedSources) {

  /** The schema name and version the JSON form carries. */
  public static final String SCHEMA = "triangulate.change/1";

  /** Claim statuses, as the report writes them. */
  static final Set<String> STATUSES = Set.of("corroborated", "single-source", "contested");

  /** The longest claim text a summary line quotes; longer text is cut at a word and ends in "…". */
  static final int SUMMARY_TEXT = 100;

  private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  public CorpusChange {
    articles = sortedIds("articles", articles);
    newStories = List.copyOf(newStories);
    grownStories = List.copyOf(grownStories);
    contested = List.copyOf(contested);
    gainedSources = List.copyOf(gainedSources);
  }

  /**
   * What an add changed: {@code after} is the report {@link Pipeline#add} returned from {@code
   * before}, with {@code changes}. Only the stories {@code changes} names as new or grown are
   * looked at; their claims are matched to the claims before by content (see the package
   * documentation), never by id.
   *
   * @throws IllegalArgumentException when {@code changes} names an article or story that {@code
   *     after} does not hold, or a contested claim of a changed story has no contradiction
   */
  public static CorpusChange between(Report before, Report after, Pipeline.Changes changes) {
    return ChangeFinder.find(
        Objects.requireNonNull(before, "before"),
        Objects.requireNonNull(after, "after"),
        Objects.requireNonNull(changes, "changes"));
  }

  /** Whether nothing of note changed (no story appeared or grew, and no claim changed). */
  public boolean isEmpty() {
    return newStories.isEmpty()
        && grownStories.isEmpty()
        && contested.isEmpty()
        && gainedSources.isEmpty();
  }

  /**
   * One line of text per item: new stories, grown stories, contested claims, then claims that
   * gained a source, each in its list's order.
   */
  public List<String> summary() {
    List<String> out = new ArrayList<>();
    newStories.forEach(s -> out.add(s.summary()));
    grownStories.forEach(s -> out.add(s.summary()));
    contested.forEach(c -> out.add(c.summary()));
    gainedSources.forEach(c -> out.add(c.summary()));
    return out;
  }

  /**
   * The JSON form: fields in a fixed order, two-space indentation, {@code \n} line ends, ending in
   * a line end; the same change gives the same string.
   */
  public String toJson() {
    return CorpusChangeJson.write(this);
  }

  /**
   * Reads the JSON form back: {@code fromJson(c.toJson())} equals {@code c}.
   *
   * @throws IllegalArgumentException naming the field and the item it is in, when {@code json} is
   *     not a change of schema {@value #SCHEMA}
   */
  public static CorpusChange fromJson(String json) {
    return CorpusChangeJson.read(json);
  }

  /**
   * A story the add created; all its articles are new.
   *
   * @param id the story's id
   * @param title its title
   * @param articles its articles' ids, sorted
   */
  public record NewStory(String id, String title, List<String> articles) {
    public NewStory {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      articles = sortedIds("articles", articles);
      if (articles.isEmpty()) {
        throw new IllegalArgumentException("a new story has at least one article: " + id);
      }
    }

    /** "New story 'TITLE' (ID): articles A, B". */
    public String summary() {
      return "New story '" + quoted(title) + "' (" + id + "): " + plural("article", articles);
    }
  }

  /**
   * A story that existed before the add and changed.
   *
   * @param id the story's id after the add (the id it had, or for a merge the id of the story it
   *     shares most articles with)
   * @param title its title after the add
   * @param absorbed the ids of the stories it absorbed in this add (they are now among its
   *     aliases), sorted
   * @param added the new articles that joined it, sorted
   */
  public record GrownStory(String id, String title, List<String> absorbed, List<String> added) {
    public GrownStory {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      absorbed = sortedIds("absorbed", absorbed);
      added = sortedIds("added", added);
    }

    /**
     * "Article A joined story 'TITLE' (ID)", with ", which absorbed story X" after a merge; "Story
     * 'TITLE' (ID) absorbed story X" when no new article joined it.
     */
    public String summary() {
      String story = "story '" + quoted(title) + "' (" + id + ")";
      if (added.isEmpty()) {
        return capitalised(story) + " absorbed " + plural("story", absorbed);
      }
      String merge = absorbed.isEmpty() ? "" : ", which absorbed " + plural("story", absorbed);
      return capitalised(plural("article", added)) + " joined " + story + merge;
    }
  }

  /**
   * A claim that is contested after the add and was not before.
   *
   * @param story the id of its story after the add
   * @param claim its id after the add
   * @param text its text after the add
   * @param slot what the sources disagree on, from its contradiction ({@code distance: south
   *     place/hama})
   * @param values the competing values, each with the articles that give it, as the contradiction
   *     lists them
   * @param explanation the contradiction's sentence for a person
   * @param articles the new articles among those that assert it or give a competing value: the
   *     articles responsible, sorted; empty when it became contested without a new article's words
   *     (two stories merged, or the story's sentences were grouped otherwise)
   * @param previous the claim it was before the add (corroborated or single-source); empty for a
   *     claim with no counterpart before, which then always has a new article among {@code
   *     articles}
   */
  public record ContestedClaim(
      String story,
      String claim,
      String text,
      String slot,
      List<Value> values,
      String explanation,
      List<String> articles,
      Optional<Previous> previous) {
    public ContestedClaim {
      Objects.requireNonNull(story, "story");
      Objects.requireNonNull(claim, "claim");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(previous, "previous");
      values = List.copyOf(values);
      articles = sortedIds("articles", articles);
      if (previous.isPresent() && previous.get().status().equals("contested")) {
        throw new IllegalArgumentException(
            "claim "
                + claim
                + " was contested before (as "
                + previous.get().claim()
                + "), so it did not become contested");
      }
      if (previous.isEmpty() && articles.isEmpty()) {
        throw new IllegalArgumentException(
            "claim " + claim + " is new and so must name the new articles that assert it");
      }
    }

    /**
     * "Claim 'TEXT' is now contested (SLOT: A vs B) after article X; it was corroborated", or for a
     * claim new in this add "New claim 'TEXT' is contested (SLOT: A vs B) with article X".
     */
    public String summary() {
      List<String> competing = values.stream().map(v -> line(v.value())).toList();
      String dispute = "(" + line(slot) + ": " + String.join(" vs ", competing) + ")";
      if (previous.isEmpty()) {
        return "New claim '"
            + quoted(text)
            + "' is contested "
            + dispute
            + " with "
            + plural("article", articles);
      }
      return "Claim '"
          + quoted(text)
          + "' is now contested "
          + dispute
          + " "
          + cause(articles)
          + "; it was "
          + previous.get().status();
    }
  }

  /**
   * A claim that more independent sources assert after the add than before.
   *
   * @param story the id of its story after the add
   * @param claim its id after the add
   * @param text its text after the add
   * @param status its status after the add
   * @param before how many independent sources asserted it before
   * @param after how many do now
   * @param articles the new articles that assert it, sorted; empty when it gained a source without
   *     a new article's words (two stories merged)
   * @param previous the claim it was before the add
   */
  public record GainedSource(
      String story,
      String claim,
      String text,
      String status,
      int before,
      int after,
      List<String> articles,
      Previous previous) {
    public GainedSource {
      Objects.requireNonNull(story, "story");
      Objects.requireNonNull(claim, "claim");
      Objects.requireNonNull(text, "text");
      checkStatus(status);
      Objects.requireNonNull(previous, "previous");
      if (before < 0 || after <= before) {
        throw new IllegalArgumentException(
            "a claim that gained sources has 0 <= before < after: " + before + ", " + after);
      }
      if (previous.independentSources() != before) {
        throw new IllegalArgumentException(
            "before ("
                + before
                + ") must be the previous claim's independent sources ("
                + previous.independentSources()
                + ")");
      }
      articles = sortedIds("articles", articles);
    }

    /** "Claim 'TEXT' now has 3 independent sources, up from 2, after article X". */
    public String summary() {
      return "Claim '"
          + quoted(text)
          + "' now has "
          + after
          + " independent sources, up from "
          + before
          + ", "
          + cause(articles);
    }
  }

  /**
   * The claim of the state before the add that a claim after it was matched to (see the package
   * documentation for the rule).
   *
   * @param story the id of the story it was in then (an absorbed story's id, after a merge)
   * @param claim its id then
   * @param status its status then
   * @param independentSources how many independent sources asserted it then
   * @param matchedBy {@value #BY_ASSERTIONS} (they share assertions) or {@value #BY_TEXT} (they
   *     share none, but have the same normalised text)
   */
  public record Previous(
      String story, String claim, String status, int independentSources, String matchedBy) {

    /** Matched because the two claims share assertions. */
    public static final String BY_ASSERTIONS = "assertions";

    /** Matched because the two claims have the same normalised text. */
    public static final String BY_TEXT = "text";

    public Previous {
      Objects.requireNonNull(story, "story");
      Objects.requireNonNull(claim, "claim");
      checkStatus(status);
      if (independentSources < 0) {
        throw new IllegalArgumentException(
            "independentSources must be >= 0: " + independentSources);
      }
      if (!BY_ASSERTIONS.equals(matchedBy) && !BY_TEXT.equals(matchedBy)) {
        throw new IllegalArgumentException(
            "matchedBy must be " + BY_ASSERTIONS + " or " + BY_TEXT + ": " + matchedBy);
      }
    }
  }

  /**
   * One competing value of a contested claim.
   *
   * @param value the value in normal form ({@code 40 km}, {@code second-largest})
   * @param articles the articles that give it, sorted
   */
  public record Value(String value, List<String> articles) {
    public Value {
      Objects.requireNonNull(value, "value");
      articles = sortedIds("articles", articles);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void checkStatus(String status) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "status must be corroborated, single-source or contested: " + status);
    }
  }

  /** The ids, sorted and without repeats; none may be null. */
  private static List<String> sortedIds(String name, List<String> ids) {
    Objects.requireNonNull(ids, name);
    ids.forEach(id -> Objects.requireNonNull(id, name + " holds null"));
    return ids.stream().sorted().distinct().toList();
  }

  /** "article a1", "articles a1, a2". */
  private static String plural(String noun, List<String> ids) {
    String nouns = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    return (ids.size() == 1 ? noun : nouns) + " " + String.join(", ", ids);
  }

  /** "after article a1", or "after its story changed" when no new article is named. */
  private static String cause(List<String> articles) {
    return articles.isEmpty() ? "after its story changed" : "after " + plural("article", articles);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The text on one line: every run of white space (line breaks included) one space, trimmed. */
  static String line(String text) {
    return SPACE.matcher(text).replaceAll(" ").strip();
  }

  /** A claim's text for a summary: on one line, cut at a word past {@value #SUMMARY_TEXT} chars. */
  static String quoted(String text) {
    String t = line(text);
    if (t.length() <= SUMMARY_TEXT) {
      return t;
    }
    int cut = t.lastIndexOf(' ', SUMMARY_TEXT);
    if (cut < SUMMARY_TEXT / 2) {
      cut = SUMMARY_TEXT;
      if (Character.isLowSurrogate(t.charAt(cut))) {
        cut--;
      }
    }
    return t.substring(0, cut).stripTrailing() + "…";
  }
}
