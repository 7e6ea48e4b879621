package org.triangulate.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.triangulate.ingest.LanguageDetector;
import org.triangulate.text.LanguageTag;

/**
 * Language identification with Apache OpenNLP's {@code langdetect-183} model (103 languages,
 * Leipzig corpora), shipped in {@code org.apache.opennlp:opennlp-models-langdetect}.
 *
 * <p>The model answers in ISO 639-3; this maps the answer to ISO 639-1 where the language has a
 * two-letter code, which is what HTML {@code lang} attributes and news datasets use. It looks at the
 * first 1,000 characters; it gives no answer for texts under 20 letters or when the best language
 * is not clearly ahead (confidence under 0.5 and less than twice the runner-up's).
 *
 * <p>Texts that are clearly English by their function words ({@link EnglishProfile}) are answered
 * without the model, which is a hundred times slower; a test checks that both agree on every
 * English text of the development data.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

  private static final String MODEL = "/langdetect-183.bin";
  private static final int SAMPLE = 1_000;
  private static final int MIN_LETTERS = 20;

  private static volatile OpenNlpLanguageDetector shared;

  private final LanguageDetectorModel model;
  private final ThreadLocal<LanguageDetectorME> detector;

  private OpenNlpLanguageDetector(LanguageDetectorModel model) {
    this.model = model;
    this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(this.model));
  }

  /** The detector, loaded on first use and shared by the whole JVM. */
  public static OpenNlpLanguageDetector get() {
    OpenNlpLanguageDetector d = shared;
    if (d == null) {
      synchronized (OpenNlpLanguageDetector.class) {
        d = shared;
        if (d == null) {
          d = shared = load();
        }
      }
    }
    return d;
  }

  private static OpenNlpLanguageDetector load() {
    try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException(
            "the language model " + MODEL + " is not on the class path (org.apache.opennlp:opennlp-models-langdetect)");
      }
      return new OpenNlpLanguageDetector(new LanguageDetectorModel(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the language model " + MODEL, e);
    }
  }

  @Override
  public Optional<String> detect(String text) {
    if (EnglishProfile.isClearlyEnglish(text)) {
      return Optional.of("en");
    }
    return detectWithModel(text);
  }

  /** The model's answer alone, without the English fast path. */
  Optional<String> detectWithModel(String text) {
    String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
    int letters = 0;
    for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
      if (Character.isLetter(sample.charAt(i))) {
        letters++;
      }
    }
    if (letters < MIN_LETTERS) {
      return Optional.empty();
    }
    Language[] ranked = detector.get().predictLanguages(sample);
    if (ranked.length == 0) {
      return Optional.empty();
    }
    Language best = ranked[0];
    double runnerUp = ranked.length > 1 ? ranked[1].getConfidence() : 0;
    if (best.getConfidence() < 0.5 && best.getConfidence() < 2 * runnerUp) {
      return Optional.empty();
    }
    return Optional.of(toIso639_1(best.getLang()));
  }

  /** Maps an ISO 639-3 code to ISO 639-1 where one exists; returns other codes unchanged. */
  static String toIso639_1(String iso3) {
    String code = iso3.toLowerCase(Locale.ROOT);
    String two = MACRO.get(code);
    return two != null ? two : LanguageTag.primary(code).orElse(code);
  }

  /** Individual languages the model names whose 639-1 code belongs to their macrolanguage. */
  private static final Map<String, String> MACRO =
      Map.ofEntries(
          Map.entry("cmn", "zh"),
          Map.entry("arb", "ar"),
          Map.entry("pes", "fa"),
          Map.entry("zsm", "ms"),
          Map.entry("lvs", "lv"),
          Map.entry("ekk", "et"),
          Map.entry("nob", "nb"),
          Map.entry("nno", "nn"),
          Map.entry("swh", "sw"),
          Map.entry("uzn", "uz"),
          Map.entry("azj", "az"),
          Map.entry("khk", "mn"),
          Map.entry("plt", "mg"),
          Map.entry("npi", "ne"),
          Map.entry("ory", "or"),
          Map.entry("pnb", "pa"),
          Map.entry("gug", "gn"),
          Map.entry("quz", "qu"),
          Map.entry("ydd", "yi"));
}
