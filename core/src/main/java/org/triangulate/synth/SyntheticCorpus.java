package org.triangulate.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;

/**
 * Makes large realistic corpora with known stories, for benchmarks and scale tests: it recombines
 * the sentences of real articles into many distinct synthetic events.
 *
 * <p>Each event gets its own cast: invented names of people, places and organisations, a date, and
 * a core of real sentences from the source articles in which every capitalised name is replaced by
 * one of the event's names, the same name each time. Each article of the event tells a different
 * selection of that core, in another order, with a few unrelated sentences (noise) and a headline.
 * Events differ the way real ones do, by who, where and when, while sharing the vocabulary of news.
 * Story sizes are skewed like a news feed's: about a third of events have one article, a few have
 * dozens; the mean is about five.
 *
 * <p>Punctuation is written in ASCII so that a million articles fit in memory as compact strings.
 * Seeded: the same sources, seed and count give the same corpus.
 */
public final class SyntheticCorpus {

  /** One generated article and the event it reports. */
  public record Item(Article article, String event) {}

  private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]+[\"'\u201D\u2019]?(?=\\s+|$)");
  private static final Pattern NAME = Pattern.compile("(?<=\\s)\\p{Lu}[\\p{L}'\\-]{2,}");
  private static final String[] SYLLABLES = {
    "ka", "ro", "mi", "sal", "ven", "dor", "ta", "lin", "gar", "el", "bu", "zan", "ter", "os", "an",
    "mar", "ko", "ri", "sun", "da", "pel", "qu", "ist", "ha", "mon", "ne", "vor", "al", "sha", "ru"
  };

  private final List<String> sentences;
  private final Random random;
  private final int targetChars;
  private int event;
  private int article;
  private EventPlan plan;

  private SyntheticCorpus(List<String> sentences, long seed, int targetChars) {
    this.sentences = sentences;
    this.random = new Random(seed);
    this.targetChars = targetChars;
  }

  /**
   * A generator over the sentences of {@code sources}.
   *
   * @param targetChars the mean article length in characters (real news: 2,000 to 5,000)
   */
  public static SyntheticCorpus from(List<Article> sources, long seed, int targetChars) {
    if (targetChars < 200) {
      throw new IllegalArgumentException("targetChars must be >= 200: " + targetChars);
    }
    List<String> sentences = new ArrayList<>();
    for (Article a : sources) {
      Matcher m = SENTENCE.matcher(a.text());
      while (m.find()) {
        String s = ascii(m.group().strip());
        int words = s.split("\\s+").length;
        if (words >= 6 && words <= 60) {
          sentences.add(s);
        }
      }
    }
    if (sentences.size() < 20) {
      throw new IllegalArgumentException(
          "the sources hold " + sentences.size() + " usable sentences; at least 20 are needed");
    }
    return new SyntheticCorpus(List.copyOf(sentences), seed, targetChars);
  }

  /** The next {@code count} articles, event after event. */
  public List<Item> next(int count) {
    List<Item> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }

  /** The next article. */
  public Item next() {
    if (plan == null || plan.remaining == 0) {
      plan = new EventPlan(event++);
    }
    plan.remaining--;
    return plan.article(article++);
  }

  private static String ascii(String text) {
    String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u2018', '\u2019' -> sb.append('\'');
        case '\u201C', '\u201D' -> sb.append('"');
        case '\u2013', '\u2014' -> sb.append('-');
        case '\u2026' -> sb.append("...");
        case '\u00A0' -> sb.append(' ');
        default -> {
          if (c < 128) {
            sb.append(c); // accents, split off by NFD, and other scripts are dropped
          }
        }
      }
    }
    return sb.toString();
  }

  /** The cast and core of one event. */
  private final class EventPlan {
    final String id;
    int remaining;
    final List<String> core;
    final Map<String, String> names = new HashMap<>();
    final List<String> cast = new ArrayList<>();
    final LocalDate date;

    EventPlan(int n) {
      this.id = "e" + n;
      this.remaining = size();
      int coreChars = (int) (targetChars * 1.4);
      List<String> c = new ArrayList<>();
      int chars = 0;
      while (chars < coreChars) {
        String s = sentences.get(random.nextInt(sentences.size()));
        c.add(s);
        chars += s.length() + 1;
      }
      this.core = c;
      int castSize = 4 + random.nextInt(5);
      for (int i = 0; i < castSize; i++) {
        cast.add(name());
      }
      this.date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
    }

    /** Story sizes: 35% one article, 20% two, 25% three to five, 15% six to 20, 5% 21 to 100. */
    private int size() {
      double r = random.nextDouble();
      if (r < 0.35) {
        return 1;
      } else if (r < 0.55) {
        return 2;
      } else if (r < 0.80) {
        return 3 + random.nextInt(3);
      } else if (r < 0.95) {
        return 6 + random.nextInt(15);
      }
      return 21 + random.nextInt(80);
    }

    Item article(int n) {
      int want = (int) (targetChars * (0.5 + random.nextDouble()));
      StringBuilder text = new StringBuilder(want + 400);
      List<String> order = new ArrayList<>(core);
      java.util.Collections.shuffle(order, random);
      int inParagraph = 0;
      for (String s : order) {
        if (text.length() >= want) {
          break;
        }
        String sentence = random.nextInt(12) == 0 ? sentences.get(random.nextInt(sentences.size())) : s;
        if (text.length() > 0) {
          text.append(inParagraph >= 1 + random.nextInt(3) ? "\n\n" : " ");
          if (text.charAt(text.length() - 1) == '\n') {
            inParagraph = 0;
          }
        }
        text.append(recast(sentence));
        inParagraph++;
      }
      String lead = recast(order.get(0));
      String title = lead.substring(0, Math.min(lead.length(), 70)).strip();
      ArticleMetadata meta =
          ArticleMetadata.EMPTY
              .withTitle(Optional.of(title))
              .withPublished(Optional.of(date.plusDays(random.nextInt(3)).toString()))
              .withLanguage(Optional.of("en"));
      Article a =
          new Article(
              "syn-" + id + "-" + n,
              "synthetic",
              Optional.empty(),
              "text",
              meta,
              text.toString(),
              List.of(),
              List.of());
      return new Item(a, id);
    }

    /** Replaces each capitalised name after a sentence's first word with the event's own. */
    private String recast(String sentence) {
      Matcher m = NAME.matcher(sentence);
      StringBuilder sb = new StringBuilder(sentence.length() + 16);
      int last = 0;
      while (m.find()) {
        String original = m.group();
        String replacement =
            names.computeIfAbsent(original, k -> cast.get(Math.floorMod(k.hashCode(), cast.size())));
        sb.append(sentence, last, m.start()).append(replacement);
        last = m.end();
      }
      return sb.append(sentence, last, sentence.length()).toString();
    }

    private String name() {
      int syllables = 2 + random.nextInt(2);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < syllables; i++) {
        sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
      return sb.toString();
    }
  }

  @Override
  public String toString() {
    return "SyntheticCorpus[" + sentences.size() + " sentences, event " + event + "]";
  }

}
