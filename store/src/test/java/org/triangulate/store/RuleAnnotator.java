package org.triangulate.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.annotate.Annotator;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Mention;
import org.triangulate.model.Quantity;
import org.triangulate.model.Quote;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;

/**
 * The annotate stage by hand-made rules, so that the pipeline runs on the Hama articles without the
 * NLP models: the names of a short entity list (with their variants), quotes with a reporting verb
 * and a named speaker after them, numbers with units, weekdays resolved against the reference date
 * and years. Linking keeps existing entities' ids, names and types and adds aliases and counts, as
 * the real linker does.
 */
final class RuleAnnotator implements Annotator {

  /** Id, type, subtype, canonical name, then the other names the articles use. */
  private static final String[][] ENTITIES = {
    {"place/hama", "place", "city", "Hama"},
    {"place/aleppo", "place", "city", "Aleppo"},
    {"place/homs", "place", "city", "Homs"},
    {"place/damascus", "place", "city", "Damascus"},
    {"place/syria", "place", "country", "Syria"},
    {"place/russia", "place", "country", "Russia"},
    {"place/iran", "place", "country", "Iran"},
    {"person/bashar-al-assad", "person", "", "Bashar al-Assad", "Bashar Assad", "Assad"},
    {"person/abu-mohammed-al-golani", "person", "", "Abu Mohammed al-Golani",
      "Abu Mohammed al-Jolani", "al-Jolani", "al-Golani"},
    {"organization/hayat-tahrir-al-sham", "organization", "armed-group", "Hayat Tahrir al-Sham", "HTS"},
    {"organization/associated-press", "organization", "news-agency", "Associated Press", "AP"},
    {"organization/syrian-observatory-for-human-rights", "organization", "monitor",
      "Syrian Observatory for Human Rights"},
  };

  private static final Pattern QUOTE = Pattern.compile("[“\"]([^”\"\n]{3,600})[”\"]");
  private static final Pattern CUE = Pattern.compile("^[,.]? *(?:[A-Z][\\w-]* ){0,4}?(said|told|added|says)\\b");
  private static final Pattern QUANTITY =
      Pattern.compile("\\b(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?) ?(kilometers|kilometres|km|miles|people|percent)\\b");
  private static final Pattern TIME =
      Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\\d\\d)\\b");

  private final Set<String> unreadable;

  /** Reads every article. */
  RuleAnnotator() {
    this(Set.of());
  }

  /** Fails on the articles of {@code unreadable}, as the models fail on an article they cannot read. */
  RuleAnnotator(Set<String> unreadable) {
    this.unreadable = Set.copyOf(unreadable);
  }

  @Override
  public ArticleReading read(Article article, Optional<ReferenceDates.Reference> reference) {
    if (unreadable.contains(article.id())) {
      throw new IllegalStateException("the rules cannot read " + article.id());
    }
    String t = article.text();
    List<ArticleReading.LocalMention> found = new ArrayList<>();
    List<int[]> taken = new ArrayList<>();
    // Longest names first, so that "Bashar al-Assad" is one mention, not also "Assad".
    List<String[]> names = new ArrayList<>();
    for (int e = 0; e < ENTITIES.length; e++) {
      for (int n = 3; n < ENTITIES[e].length; n++) {
        names.add(new String[] {ENTITIES[e][n], Integer.toString(e)});
      }
    }
    names.sort(Comparator.comparingInt((String[] n) -> -n[0].length()).thenComparing(n -> n[0]));
    Map<Integer, Integer> local = new LinkedHashMap<>();
    List<int[]> hits = new ArrayList<>();
    for (String[] n : names) {
      for (int i = t.indexOf(n[0]); i >= 0; i = t.indexOf(n[0], i + 1)) {
        int end = i + n[0].length();
        boolean word = (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))
            && (end == t.length() || !Character.isLetterOrDigit(t.charAt(end)));
        int begin = i;
        if (word && taken.stream().noneMatch(s -> s[0] < end && begin < s[1])) {
          taken.add(new int[] {begin, end});
          hits.add(new int[] {begin, end, Integer.parseInt(n[1])});
        }
      }
    }
    hits.sort(Comparator.comparingInt((int[] h) -> h[0]));
    List<ArticleReading.LocalEntity> entities = new ArrayList<>();
    for (int[] h : hits) {
      int index = local.computeIfAbsent(h[2], e -> {
        String[] spec = ENTITIES[e];
        entities.add(new ArticleReading.LocalEntity(entities.size(), spec[1],
            spec[2].isEmpty() ? Optional.empty() : Optional.of(spec[2]), Optional.of(spec[0]), Optional.of(spec[3])));
        return entities.size() - 1;
      });
      found.add(new ArticleReading.LocalMention(index, new Span(h[0], h[1]), "name", t.substring(h[0], h[1])));
    }

    List<ArticleReading.LocalQuote> quotes = new ArrayList<>();
    Matcher m = QUOTE.matcher(t);
    while (m.find()) {
      Matcher cue = CUE.matcher(t.substring(m.end(), Math.min(t.length(), m.end() + 120)));
      Optional<Span> cueSpan = Optional.empty();
      int speaker = -1;
      Optional<Span> speakerSpan = Optional.empty();
      if (cue.find()) {
        cueSpan = Optional.of(new Span(m.end() + cue.start(1), m.end() + cue.end(1)));
        for (ArticleReading.LocalMention x : found) {
          boolean person = entities.get(x.entity()).type().equals("person");
          if (person && x.span().begin() >= m.end() && x.span().begin() < m.end() + 80) {
            speaker = x.entity();
            speakerSpan = Optional.of(x.span());
            break;
          }
        }
      }
      quotes.add(new ArticleReading.LocalQuote(new Span(m.start(1), m.end(1)), speaker, cueSpan, speakerSpan));
    }

    List<Quantity> quantities = new ArrayList<>();
    m = QUANTITY.matcher(t);
    while (m.find()) {
      double value = Double.parseDouble(m.group(1).replace(",", ""));
      String unit = switch (m.group(2)) {
        case "km", "kilometers", "kilometres" -> "km";
        case "miles" -> "mi";
        case "percent" -> "percent";
        default -> "count";
      };
      double base = unit.equals("km") ? value * 1000 : unit.equals("mi") ? value * 1609.344 : value;
      String baseUnit = unit.equals("km") || unit.equals("mi") ? "m" : unit;
      boolean about = m.start() >= 6 && t.substring(m.start() - 6, m.start()).contains("about");
      quantities.add(new Quantity(new Span(m.start(), m.end()), value, unit, about ? "about" : "exact",
          about ? Optional.of(value * 0.9) : Optional.of(value), about ? Optional.of(value * 1.1) : Optional.of(value),
          unit.equals("count") ? Optional.of(m.group(2)) : Optional.empty(), base, baseUnit));
    }

    List<TimeRef> times = new ArrayList<>();
    m = TIME.matcher(t);
    while (m.find()) {
      String w = m.group(1);
      Span span = new Span(m.start(), m.end());
      if (Character.isDigit(w.charAt(0))) {
        times.add(new TimeRef(span, w, "year", Optional.empty(), Optional.empty()));
      } else {
        DayOfWeek day = DayOfWeek.valueOf(w.toUpperCase(Locale.ROOT));
        if (reference.isPresent()) {
          LocalDate d = reference.get().date().with(TemporalAdjusters.previousOrSame(day));
          times.add(new TimeRef(span, d.toString(), "day", Optional.of(reference.get().date().toString()),
              Optional.of(reference.get().source())));
        } else {
          times.add(new TimeRef(span, "XXXX-WXX-" + day.getValue(), "day", Optional.empty(), Optional.empty()));
        }
      }
    }
    return new ArticleReading(article.id(), true, entities, found, quotes, quantities, times, List.of());
  }

  @Override
  public Linked link(List<Entity> existing, List<ArticleReading> readings) {
    Map<String, Entity> byId = new TreeMap<>();
    existing.forEach(e -> byId.put(e.id(), e));
    Map<String, TreeSet<String>> aliases = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Annotations> byArticle = new TreeMap<>();
    List<ArticleReading> sorted = new ArrayList<>(readings);
    sorted.sort(Comparator.comparing(ArticleReading::article));
    for (ArticleReading r : sorted) {
      if (!r.annotated()) {
        continue;
      }
      List<Mention> mentions = new ArrayList<>();
      for (ArticleReading.LocalMention x : r.mentions()) {
        ArticleReading.LocalEntity e = r.entities().get(x.entity());
        String id = e.listId().orElseThrow();
        mentions.add(new Mention(id, x.span(), x.kind()));
        counts.merge(id, 1, Integer::sum);
        if (!x.text().equals(e.canonical().orElse(""))) {
          aliases.computeIfAbsent(id, k -> new TreeSet<>()).add(x.text());
        }
        if (!byId.containsKey(id)) {
          byId.put(id, new Entity(id, e.canonical().orElseThrow(), e.type(), e.subtype(), List.of(), List.of(), 0));
        }
      }
      mentions.sort(null);
      List<Quote> quotes = new ArrayList<>();
      for (ArticleReading.LocalQuote q : r.quotes()) {
        Optional<String> speaker = q.speaker() < 0
            ? Optional.empty() : r.entities().get(q.speaker()).listId();
        quotes.add(new Quote(r.article() + "#q" + (quotes.size() + 1), q.span(), speaker, q.cue(), q.speakerSpan()));
      }
      byArticle.put(r.article(), new Annotations(r.article(), mentions, quotes, r.quantities(), r.times()));
    }
    List<Entity> entities = new ArrayList<>();
    for (Entity e : byId.values()) {
      TreeSet<String> all = new TreeSet<>(e.aliases());
      all.addAll(aliases.getOrDefault(e.id(), new TreeSet<>()));
      entities.add(new Entity(e.id(), e.name(), e.type(), e.subtype(), List.copyOf(all), e.descriptions(),
          e.mentions() + counts.getOrDefault(e.id(), 0)));
    }
    return new Linked(entities, byArticle);
  }
}
