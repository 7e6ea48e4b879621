package org.triangulate.nlp.annotate;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.logging.RedwoodConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP's English pipeline (tokens, sentences, POS, lemmas, NER with SUTime), loaded
 * once per JVM and shared between threads.
 *
 * <p>Scraped text has one paragraph per line and often loses the final period of headlines and
 * captions, so a newline always ends a sentence. CoreNLP's own fine-grained step (a TokensRegex pass
 * over the KBP gazetteers) is switched off: it took two thirds of the pipeline's time on news (1,280
 * against 3,470 tokens per second on one core). Finer types come instead from the shipped {@link
 * EntityList} and from context (see {@link Entities}).
 */
public final class CoreNlp {

  private static volatile CoreNlp instance;

  private final StanfordCoreNLP pipeline;

  private CoreNlp() {
    RedwoodConfiguration.current().clear().apply();
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    p.setProperty("tokenize.language", "en");
    p.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=false");
    p.setProperty("ssplit.newlineIsSentenceBreak", "always");
    p.setProperty("ner.applyFineGrained", "false");
    p.setProperty("ner.buildEntityMentions", "true");
    p.setProperty("ner.useSUTime", "true");
    p.setProperty("sutime.includeRange", "true");
    pipeline = new StanfordCoreNLP(p);
  }

  /** The shared pipeline; the first call loads the models (about ten seconds). */
  public static CoreNlp get() {
    CoreNlp i = instance;
    if (i == null) {
      synchronized (CoreNlp.class) {
        i = instance;
        if (i == null) {
          i = new CoreNlp();
          instance = i;
        }
      }
    }
    return i;
  }

  /** Reads {@code text}. Thread-safe. */
  public Doc parse(String text) {
    CoreDocument d = new CoreDocument(text);
    pipeline.annotate(d);
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
