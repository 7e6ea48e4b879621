package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Mention;
import org.triangulate.model.Span;
import org.triangulate.reconcile.LabelLexicon.Side;

/**
 * The labels one article uses, before the common nouns among them are given to a story's actors.
 *
 * <p>Three kinds of use: the descriptions the annotate stage attached to an entity ("a Britain-based
 * war monitor"); a predicate noun after an entity's name ("Hayat Tahrir al-Sham ... is a Sunni
 * Islamist organisation"); and the lexicon's terms in running text, with the modifiers before them
 * that change their meaning ("Islamist", "Islamist-led", "opposition", "Turkish-backed"; a
 * nationality such as "Syrian" is passed over and dropped). A lexicon term's use is tied to a named
 * entity when the text says whom it labels: the name before it ("Hayat Tahrir al-Sham mercenaries",
 * "Assad's forces"), "led by X" or "X-led" ("rebels led by the HTS group"), "called X" or "known
 * as X", the name right after it ("the militant group Hamas"), "X and other militant groups", and
 * "forces loyal to X". A use after "other" is about someone else than the side's actor: it counts
 * only when tied.
 *
 * <p>It also records the ties a story's actors are chosen by: every tied use, every description
 * holding a side's term, and every "X-led" or "led by X" of an armed group.
 */
final class LabelFinder {

  /**
   * One use of a label.
   *
   * @param article the article's id
   * @param span the label's words, modifiers included
   * @param term the normalised label
   * @param side the side the lexicon says the term names; {@code ANY} for descriptions and
   *     predicates
   * @param entity the entity the text ties the use to, if it does
   * @param other whether it follows "other" (it is not about the side's actor)
   */
  record Use(
      String article, Span span, String term, Side side, Optional<String> entity, boolean other) {}

  /** Evidence that the story names {@code entity} with {@code side}'s words. */
  record Tie(String entity, Side side) {}

  /** One article's uses and ties, each in text order. */
  record Found(List<Use> uses, List<Tie> ties) {}

  private static final Set<String> KEEP =
      Set.of(
          "islamist", "jihadi", "jihadist", "radical", "hardline", "hard-line", "armed", "foreign",
          "criminal", "brutal", "murderous", "sectarian", "extremist", "moderate", "so-called",
          "sunni", "shia", "shiite", "shi'ite", "alleged", "suspected", "former", "opposition");
  private static final Set<String> FUNCTION =
      Set.of(
          "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
          "my", "your", "some", "many", "all", "both", "several", "few", "most", "such", "no",
          "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as",
          "after", "before", "when", "while", "if", "than", "then", "there", "here", "what");
  private static final Set<String> TITLES =
      Set.of("mr", "mrs", "ms", "dr", "sir", "dame", "father", "rev", "reverend", "miss", "mister");
  /** Words after which a term is part of a compound, not a label ("regime change"). */
  private static final Pattern COMPOUND_AFTER =
      Pattern.compile("^\\s+change\\b", Pattern.CASE_INSENSITIVE);
  private static final Set<String> GROUP_NOUNS =
      Set.of(
          "organisation", "organization", "group", "movement", "faction", "coalition", "alliance",
          "network", "militia");
  private static final Pattern COMPOUND =
      Pattern.compile(
          ".+-(?:led|backed|linked|allied|affiliated|aligned|inspired|sponsored)|(?:pro|anti)-.+");
  private static final Pattern LED_BY =
      Pattern.compile("\\bled\\s+by\\s+(?:the\\s+)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern AFTER_LED_BY =
      Pattern.compile("^\\s+led\\s+by\\s+(?:the\\s+)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern AFTER_CALLED =
      Pattern.compile(
          "^,?\\s+(?:called|named|known\\s+as)\\s+(?:the\\s+)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern AFTER_LOYAL =
      Pattern.compile("^\\s+loyal\\s+to\\s+(?:the\\s+)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern BEFORE_OTHER =
      Pattern.compile("[,)]?\\s*(?:and|or)\\s+$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PREDICATE =
      Pattern.compile(
          "^\\s+(?:is|was)\\s+(?:a|an)\\s+((?:[\\p{L}'’-]+\\s+){0,4}?[\\p{L}'’-]+)"
              + "(?=\\s*[,.;:]|\\s*$|\\s+(?:which|that|who|whose|with|in|of|by|and|since|from|for"
              + "|based|to|on|at)\\b)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern AFTER_SPACE = Pattern.compile("^\\s+");
  private static final Pattern APPOSITION_GAP = Pattern.compile("^\\s*,\\s*");

  private final Article article;
  private final String text;
  private final List<Mention> names;
  private final List<Mention> descriptions;
  private final Map<String, Entity> entities;
  private final LabelLexicon lexicon;
  private final List<Use> uses = new ArrayList<>();
  private final List<Tie> ties = new ArrayList<>();
  private final List<Span> covered = new ArrayList<>();

  private LabelFinder(
      Article article, Annotations annotations, Map<String, Entity> entities, LabelLexicon lexicon) {
    this.article = article;
    this.text = article.text();
    this.entities = entities;
    this.lexicon = lexicon;
    List<Mention> valid =
        annotations.mentions().stream().filter(m -> m.span().end() <= text.length()).sorted().toList();
    this.names = valid.stream().filter(m -> m.kind().equals("name")).toList();
    this.descriptions = valid.stream().filter(m -> m.kind().equals("description")).toList();
  }

  /** The uses and ties of one article. */
  static Found find(
      Article article, Annotations annotations, Map<String, Entity> entities, LabelLexicon lexicon) {
    LabelFinder f = new LabelFinder(article, annotations, entities, lexicon);
    f.descriptions();
    f.predicates();
    f.terms();
    f.leaders();
    return new Found(List.copyOf(f.uses), List.copyOf(f.ties));
  }

  private void descriptions() {
    for (Mention d : descriptions) {
      if (!isActor(d.entity())) {
        continue;
      }
      covered.add(d.span());
      String term = trimFunctionWords(LabelText.term(text, d.span(), names));
      if (!term.isEmpty() && !isTitle(term) && !isVerbAfterTo(d.span(), term)) {
        Side side = sideOf(d.span());
        uses.add(new Use(article.id(), d.span(), term, Side.ANY, Optional.of(d.entity()), false));
        if (side.hasActor()) {
          ties.add(new Tie(d.entity(), side));
        }
      }
    }
  }

  /** A courtesy title or an abbreviation ("Dr.", "Mr", "Maj."): a form of address, not a label. */
  private static boolean isTitle(String term) {
    return !term.contains(" ") && (term.endsWith(".") || TITLES.contains(term));
  }

  /**
   * Whether a one-word lower-case description follows "to" ("to head the Committee"): the
   * annotator took a verb for a description.
   */
  private boolean isVerbAfterTo(Span span, String term) {
    if (term.contains(" ") || !Character.isLowerCase(text.charAt(span.begin()))) {
      return false;
    }
    int e = span.begin();
    while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return e >= 2
        && text.regionMatches(true, e - 2, "to", 0, 2)
        && (e == 2 || !Character.isLetter(text.charAt(e - 3)));
  }

  private static String trimFunctionWords(String term) {
    String t = term;
    int space;
    while ((space = t.lastIndexOf(' ')) > 0 && FUNCTION.contains(t.substring(space + 1))) {
      t = t.substring(0, space);
    }
    return t;
  }

  /** "X is a Sunni Islamist organisation": a predicate noun the lexicon or a group noun heads. */
  private void predicates() {
    for (Mention n : names) {
      if (!isActor(n.entity())) {
        continue;
      }
      int at = n.span().end();
      Matcher gap = APPOSITION_GAP.matcher(text).region(at, text.length());
      if (gap.lookingAt()) {
        Optional<Mention> d = startingAt(descriptions, gap.end());
        if (d.isPresent() && text.startsWith(",", d.get().span().end())) {
          at = d.get().span().end() + 1;
        }
      }
      Matcher p = PREDICATE.matcher(text).region(at, text.length());
      if (!p.lookingAt()) {
        continue;
      }
      Span np = new Span(p.start(1), p.end(1));
      String last = text.substring(p.start(1), p.end(1)).replaceAll(".*\\s", "");
      String lastKey = last.toLowerCase(Locale.ROOT);
      boolean headed = GROUP_NOUNS.contains(lastKey) || lexicon.entry(last).isPresent();
      if (!headed || overlapsName(np)) {
        continue;
      }
      covered.add(np);
      Side side = sideOf(np);
      uses.add(
          new Use(
              article.id(), np, LabelText.term(text, np, names), Side.ANY, Optional.of(n.entity()),
              false));
      if (side.hasActor()) {
        ties.add(new Tie(n.entity(), side));
      }
    }
  }

  private void terms() {
    for (LabelLexicon.Hit h : lexicon.find(text)) {
      if (overlapsName(h.span())
          || isCovered(h.span())
          || h.entry().term().equals("regime")
              && COMPOUND_AFTER.matcher(text).region(h.span().end(), text.length()).lookingAt()) {
        continue;
      }
      Side side = h.entry().side();
      Prefix prefix = prefix(h.span().begin());
      Optional<String> entity = prefix.entity();
      int begin = prefix.begin();
      int end = h.span().end();
      String term = h.entry().term();
      if (prefix.name().isPresent() && entity.isEmpty()) {
        Mention owner = prefix.name().get();
        entity = organisationOrPerson(owner.entity(), true);
        if (side == Side.NAMED && entity.isPresent()) {
          term = LabelText.term(text, owner.span(), names) + (prefix.possessive() ? "'s " : " ") + term;
          begin = owner.span().begin();
        }
      }
      if (entity.isEmpty() && side == Side.NAMED) {
        Matcher loyal = AFTER_LOYAL.matcher(text).region(end, text.length());
        if (loyal.lookingAt()) {
          Optional<Mention> owner = nameAt(loyal.end(), true);
          entity = owner.flatMap(m -> organisationOrPerson(m.entity(), true));
          if (entity.isPresent()) {
            term = term + " loyal to " + LabelText.term(text, owner.get().span(), names);
            end = owner.get().span().end();
          }
        }
      } else if (entity.isEmpty()) {
        entity = nameAfter(AFTER_LED_BY, end);
        if (entity.isEmpty()) {
          entity = nameAfter(AFTER_CALLED, end);
        }
        if (entity.isEmpty()) {
          entity = nameAfter(AFTER_SPACE, end);
        }
      }
      if (entity.isEmpty() && (side == Side.NAMED || side == Side.ANY || prefix.other())) {
        continue;
      }
      if (!prefix.modifiers().isEmpty()) {
        term = String.join(" ", prefix.modifiers()) + " " + term;
      }
      uses.add(new Use(article.id(), new Span(begin, end), term, side, entity, prefix.other()));
      if (entity.isPresent() && side != Side.ANY) {
        ties.add(new Tie(entity.get(), side == Side.NAMED ? Side.GOVERNMENT : side));
      }
    }
  }

  /**
   * What stands before a lexicon term, read back word by word (at most three): the modifiers kept
   * in the term, where the label begins, a name right before it (with "'s" or not), whether it
   * follows "other", and the entity a "X-led", "pro-X" or "X, and other" ties it to.
   */
  private record Prefix(
      List<String> modifiers,
      int begin,
      Optional<Mention> name,
      boolean possessive,
      boolean other,
      Optional<String> entity) {}

  private Prefix prefix(int begin) {
    List<String> modifiers = new ArrayList<>();
    int pos = begin;
    for (int k = 0; k < 3; k++) {
      int te = pos;
      while (te > 0 && Character.isWhitespace(text.charAt(te - 1))) {
        te--;
      }
      if (te == pos || te == 0) {
        break;
      }
      int ts = te;
      while (ts > 0 && !Character.isWhitespace(text.charAt(ts - 1))) {
        ts--;
      }
      Span token = new Span(ts, te);
      String raw = text.substring(ts, te);
      String lower = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
      Optional<Mention> name = overlapping(token);
      if (name.isPresent()) {
        Mention n = name.get();
        if (COMPOUND.matcher(lower).matches() && n.span().begin() >= ts) {
          modifiers.add(0, LabelText.term(text, token, names));
          Optional<String> tied = Optional.empty();
          if (lower.endsWith("-led") || lower.startsWith("pro-")) {
            tied = organisationOrPerson(n.entity(), lower.startsWith("pro-"));
          }
          return new Prefix(modifiers, ts, Optional.empty(), false, false, tied);
        }
        boolean possessive = n.span().end() == te - 2 && lower.endsWith("'s");
        if (n.span().end() == te || possessive) {
          return new Prefix(modifiers, begin, name, possessive, false, Optional.empty());
        }
        break;
      }
      if (!Character.isLetterOrDigit(raw.charAt(raw.length() - 1))) {
        break;
      }
      String word = lower.replaceAll("^[^\\p{L}\\p{N}]+", "");
      if (word.equals("other") || word.equals("another")) {
        Matcher and = BEFORE_OTHER.matcher(text).region(0, ts);
        Optional<String> tied =
            and.find()
                ? endingAt(names, and.start()).flatMap(m -> organisationOrPerson(m.entity(), true))
                : Optional.empty();
        return new Prefix(modifiers, begin, Optional.empty(), false, true, tied);
      }
      int ws = te - word.length();
      if (KEEP.contains(word) || COMPOUND.matcher(word).matches()) {
        modifiers.add(0, LabelText.term(text, new Span(ws, te), names));
        begin = ws;
      } else if (FUNCTION.contains(word)
          || !Character.isUpperCase(text.charAt(ws))
          || !word.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
        break; // a word that is neither a kept modifier nor a passed-over nationality
      }
      if (ws != ts) {
        break; // the word opens a quotation or a parenthesis
      }
      pos = ts;
    }
    return new Prefix(modifiers, begin, Optional.empty(), false, false, Optional.empty());
  }

  /** "X-led" and "led by X" of an armed group tie it to the armed opposition. */
  private void leaders() {
    for (Mention n : names) {
      if (isArmedGroup(n.entity())
          && text.regionMatches(true, n.span().end(), "-led", 0, 4)) {
        ties.add(new Tie(n.entity(), Side.ARMED_OPPOSITION));
      }
    }
    Matcher m = LED_BY.matcher(text);
    while (m.find()) {
      nameAt(m.end(), true)
          .filter(n -> isArmedGroup(n.entity()))
          .ifPresent(n -> ties.add(new Tie(n.entity(), Side.ARMED_OPPOSITION)));
    }
  }

  /** The organisation named right after what {@code p} matches at {@code at}. */
  private Optional<String> nameAfter(Pattern p, int at) {
    Matcher m = p.matcher(text).region(at, text.length());
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    boolean afterDescription = p != AFTER_SPACE;
    return nameAt(m.end(), afterDescription).flatMap(n -> organisationOrPerson(n.entity(), false));
  }

  /** The name mention at {@code at}, or after a description mention there when allowed. */
  private Optional<Mention> nameAt(int at, boolean afterDescription) {
    Optional<Mention> n = startingAt(names, at);
    if (n.isEmpty() && afterDescription) {
      Optional<Mention> d = startingAt(descriptions, at);
      if (d.isPresent()) {
        int next = d.get().span().end();
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        n = startingAt(names, next).filter(x -> x.entity().equals(d.get().entity()));
      }
    }
    return n;
  }

  private Optional<String> organisationOrPerson(String id, boolean persons) {
    Entity e = entities.get(id);
    if (e == null) {
      return Optional.empty();
    }
    boolean ok = e.type().equals("organization") || persons && e.type().equals("person");
    return ok ? Optional.of(id) : Optional.empty();
  }

  private boolean isActor(String id) {
    Entity e = entities.get(id);
    return e != null && (e.type().equals("organization") || e.type().equals("person"));
  }

  private boolean isArmedGroup(String id) {
    Entity e = entities.get(id);
    return e != null && e.subtype().filter("armed-group"::equals).isPresent();
  }

  private Side sideOf(Span span) {
    for (LabelLexicon.Hit h : lexicon.find(span.of(text))) {
      if (h.entry().side().hasActor()) {
        return h.entry().side();
      }
    }
    return Side.ANY;
  }

  private boolean overlapsName(Span s) {
    return overlapping(s).isPresent();
  }

  private Optional<Mention> overlapping(Span s) {
    Mention best = null;
    for (Mention n : names) {
      if (n.span().begin() < s.end() && s.begin() < n.span().end()) {
        best = n;
      }
    }
    return Optional.ofNullable(best);
  }

  private boolean isCovered(Span s) {
    for (Span c : covered) {
      if (c.begin() < s.end() && s.begin() < c.end()) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Mention> startingAt(List<Mention> mentions, int at) {
    for (Mention m : mentions) {
      if (m.span().begin() == at) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static Optional<Mention> endingAt(List<Mention> mentions, int at) {
    Mention best = null;
    for (Mention m : mentions) {
      if (m.span().end() == at) {
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }
}
