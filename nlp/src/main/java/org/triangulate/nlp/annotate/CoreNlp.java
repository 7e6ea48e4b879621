package org.triangulate.nlp.annotate;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.NERCombinerAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.logging.RedwoodConfiguration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stanford CoreNLP's English pipeline (tokens, sentences, POS, lemmas, NER with SUTime), loaded
 * once per JVM and shared between threads. NER runs two CRF models, and its numeric classifiers and
 * SUTime only on sentences that may hold a number or a time ({@link NumberGatedNer}).
 *
 * <p>Scraped text has one paragraph per line and often loses the final period of headlines and
 * captions, so a newline always ends a sentence. CoreNLP's own fine-grained step (a TokensRegex pass
 * over the KBP gazetteers) is switched off: it took two thirds of the pipeline's time on news (1,280
 * against 3,470 tokens per second on one core). Finer types come instead from the shipped {@link
 * EntityList} and from context (see {@link Entities}).
 */
public final class CoreNlp {

  private static volatile CoreNlp instance;

  /** How much of the next line's first word {@link #parse} reads with a line. */
  private static final int LOOKAHEAD = 40;

  /** How many lines' readings {@link #parse} keeps (the least recently used go first). */
  static final int KEPT_LINES = 20_000;

  private final StanfordCoreNLP pipeline;
  /** NER after {@link #pipeline}: the numeric classifiers only where a number may be. */
  private final NERCombinerAnnotator ner;
  private final Map<String, Doc> lines =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Doc> eldest) {
              return size() > KEPT_LINES;
            }
          });
  // Counted for the JVM, not the instance: reading the counts must not load the models.
  private static final AtomicLong linesRead = new AtomicLong();
  private static final AtomicLong linesReused = new AtomicLong();

  private CoreNlp(boolean gated) {
    RedwoodConfiguration.current().clear().apply();
    Properties p = new Properties();
    p.setProperty("annotators", gated ? "tokenize,ssplit,pos,lemma" : "tokenize,ssplit,pos,lemma,ner");
    p.setProperty("tokenize.language", "en");
    p.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=false");
    p.setProperty("ssplit.newlineIsSentenceBreak", "always");
    if (!gated) {
      // CoreNLP's own NER, configured as NumberGatedNer.annotator() configures the gated one.
      p.setProperty("ner.applyFineGrained", "false");
      p.setProperty("ner.buildEntityMentions", "true");
      p.setProperty("ner.useSUTime", "true");
      p.setProperty("sutime.includeRange", "true");
      p.setProperty("ner.model", String.join(",", NumberGatedNer.MODELS));
    }
    pipeline = new StanfordCoreNLP(p);
    ner = gated ? NumberGatedNer.annotator() : null;
  }

  /**
   * A pipeline of its own that runs CoreNLP's NER unchanged over the same models, numeric
   * classifiers on every sentence: what {@link #get()}'s readings are checked against. Loads the
   * models again.
   */
  static CoreNlp ungated() {
    return new CoreNlp(false);
  }

  /** The shared pipeline; the first call loads the models (about ten seconds). */
  public static CoreNlp get() {
    CoreNlp i = instance;
    if (i == null) {
      synchronized (CoreNlp.class) {
        i = instance;
        if (i == null) {
          i = new CoreNlp(true);
          instance = i;
        }
      }
    }
    return i;
  }

  /**
   * Reads {@code text}, each of its lines by itself: a newline always ends a sentence and every
   * model after the tokenizer works sentence by sentence, so a line reads the same alone as in its
   * article ({@code CoreNlpLinesTest} holds it to that on the Hama reports and the development
   * articles). A line this JVM has read before (a wire copy's paragraph, a byline, a boilerplate
   * line) is not read again: its reading is shifted to where it stands. Thread-safe.
   */
  public Doc parse(String text) {
    // The article's lines: [start, end) without the newline, and the key its reading is kept by.
    List<int[]> bounds = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      if (!isBlank(text, start, end)) {
        bounds.add(new int[] {start, end});
        // With what follows it up to the end of the next word: the tokenizer looks past the
        // newline to end a sentence ("p.m." then "." before a capital, "p.m." at the end).
        keys.add(text.substring(start, following(text, end)));
      }
      start = end + 1;
    }
    Map<String, Doc> read = new HashMap<>();
    boolean[] missing = new boolean[keys.size()];
    boolean any = false;
    for (int i = 0; i < keys.size(); i++) {
      Doc d = lines.get(keys.get(i));
      if (d != null) {
        read.put(keys.get(i), d);
        linesReused.incrementAndGet();
      } else {
        missing[i] = true;
        any = true;
      }
    }
    if (any) {
      read.putAll(readLines(text, missing, bounds, keys));
    }
    List<Tok> tokens = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    List<NerSpan> spans = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      append(read.get(keys.get(i)), bounds.get(i)[0], tokens, sentences, spans);
    }
    return new Doc(text, tokens, sentences, spans);
  }

  /**
   * Reads the lines no reading is kept for in one pass of the models (a pass per line costs about
   * twice as much), and keeps their readings. Each run of such lines goes as it stands in the
   * article, up to the next word after it, which stands on a line of its own: so every line's
   * tokens see what they see in the article. A run that ends the article, and so ends at the end of
   * the text, goes last.
   */
  private Map<String, Doc> readLines(
      String text, boolean[] missing, List<int[]> bounds, List<String> keys) {
    List<int[]> runs = new ArrayList<>(); // [first line, last line]
    for (int i = 0; i < keys.size(); i++) {
      if (missing[i]) {
        int j = i;
        while (j + 1 < keys.size() && missing[j + 1]) {
          j++;
        }
        runs.add(new int[] {i, j});
        i = j;
      }
    }
    StringBuilder batch = new StringBuilder();
    int[] shift = new int[keys.size()]; // where each line's text starts in the batch
    for (int r = 0; r < runs.size(); r++) {
      if (r > 0) {
        batch.append('\n');
      }
      int a = runs.get(r)[0];
      int b = runs.get(r)[1];
      int begin = bounds.get(a)[0];
      for (int i = a; i <= b; i++) {
        shift[i] = batch.length() + bounds.get(i)[0] - begin;
      }
      batch.append(text, begin, following(text, bounds.get(b)[1]));
    }
    Doc all = parseWhole(batch.toString());
    Map<String, Doc> out = new HashMap<>();
    int t = 0;
    for (int[] run : runs) {
      for (int i = run[0]; i <= run[1]; i++) {
        int from = shift[i];
        int to = from + bounds.get(i)[1] - bounds.get(i)[0];
        while (t < all.tokens().size() && all.tokens().get(t).begin() < from) {
          t++;
        }
        int first = t;
        while (t < all.tokens().size() && all.tokens().get(t).begin() < to) {
          t++;
        }
        Doc line = slice(all, first, t, from, batch.substring(from, to));
        if (lines.put(keys.get(i), line) == null) {
          linesRead.incrementAndGet();
        }
        out.put(keys.get(i), line);
      }
    }
    return out;
  }

  /**
   * Tokens {@code [first, end)} of {@code all} (whole sentences: a newline always ends one), with
   * their sentences and spans, as a document of their own that starts at character {@code from}.
   */
  private static Doc slice(Doc all, int first, int end, int from, String text) {
    List<Tok> tokens = new ArrayList<>();
    int s0 = first < end ? all.tokens().get(first).sentence() : 0;
    for (Tok t : all.tokens().subList(first, end)) {
      tokens.add(
          new Tok(
              t.index() - first, t.begin() - from, t.end() - from, t.word(), t.pos(), t.lemma(),
              t.ner(), t.normalized(), t.sentence() - s0));
    }
    List<Sentence> sentences = new ArrayList<>();
    for (Sentence s : all.sentences()) {
      if (s.firstToken() >= first && s.endToken() <= end && s.endToken() > s.firstToken()) {
        sentences.add(
            new Sentence(
                s.index() - s0, s.begin() - from, s.end() - from, s.firstToken() - first,
                s.endToken() - first));
      }
    }
    List<NerSpan> spans = new ArrayList<>();
    for (NerSpan n : all.spans()) {
      if (n.firstToken() >= first && n.endToken() <= end) {
        spans.add(
            new NerSpan(
                n.firstToken() - first, n.endToken() - first, n.type(), n.normalized(), n.timex(),
                n.timexAlt()));
      }
    }
    return new Doc(text, tokens, sentences, spans);
  }

  /** How many lines {@link #parse} read with the models and how many it reused, so far. */
  public static long[] lineCounts() {
    return new long[] {linesRead.get(), linesReused.get()};
  }

  /** Appends {@code part}, read from the text at {@code offset}, to the document so far. */
  private static void append(
      Doc part, int offset, List<Tok> tokens, List<Sentence> sentences, List<NerSpan> spans) {
    int t0 = tokens.size();
    int s0 = sentences.size();
    for (Tok t : part.tokens()) {
      tokens.add(
          new Tok(
              t0 + t.index(),
              offset + t.begin(),
              offset + t.end(),
              t.word(),
              t.pos(),
              t.lemma(),
              t.ner(),
              t.normalized(),
              s0 + t.sentence()));
    }
    for (Sentence s : part.sentences()) {
      sentences.add(
          new Sentence(
              s0 + s.index(),
              offset + s.begin(),
              offset + s.end(),
              t0 + s.firstToken(),
              t0 + s.endToken()));
    }
    for (NerSpan n : part.spans()) {
      spans.add(
          new NerSpan(
              t0 + n.firstToken(), t0 + n.endToken(), n.type(), n.normalized(), n.timex(),
              n.timexAlt()));
    }
  }

  /**
   * Where the context the tokenizer may look at after a line ending at {@code end} ends: the
   * newline, the blank space after it, and the next line's first word (at most {@link
   * #LOOKAHEAD} characters of it); {@code end} itself at the end of the text.
   */
  private static int following(String text, int end) {
    int i = end;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int limit = Math.min(text.length(), i + LOOKAHEAD);
    while (i < limit && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Reads {@code text} in one pass of the models, lines and all. Thread-safe. */
  Doc parseWhole(String text) {
    Annotation a = new Annotation(text);
    pipeline.annotate(a);
    if (ner != null) {
      ner.annotate(a);
    }
    CoreDocument d = new CoreDocument(a);
    List<Tok> tokens = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    List<NerSpan> spans = new ArrayList<>();
    int si = 0;
    for (CoreSentence s : d.sentences()) {
      int first = tokens.size();
      for (CoreLabel l : s.tokens()) {
        tokens.add(
            new Tok(
                tokens.size(),
                l.beginPosition(),
                l.endPosition(),
                l.word(),
                nz(l.tag()),
                nz(l.lemma()),
                l.ner() == null ? "O" : l.ner(),
                l.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class),
                si));
      }
      if (tokens.size() > first) {
        sentences.add(
            new Sentence(
                si, tokens.get(first).begin(), tokens.get(tokens.size() - 1).end(), first,
                tokens.size()));
        si++;
      }
      for (CoreEntityMention m : s.entityMentions()) {
        List<CoreLabel> mt = m.tokens();
        if (mt.isEmpty()) {
          continue;
        }
        int from = first + mt.get(0).index() - 1;
        int to = first + mt.get(mt.size() - 1).index();
        Timex t = m.coreMap().get(TimeAnnotations.TimexAnnotation.class);
        String timex = t == null ? null : t.value();
        String alt = t == null ? null : t.altVal();
        spans.add(
            new NerSpan(
                from,
                to,
                m.entityType(),
                m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class),
                timex,
                alt));
      }
    }
    return new Doc(text, tokens, sentences, spans);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
