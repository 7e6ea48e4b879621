package org.triangulate.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the language labels pages and datasets carry ({@code en-GB}, {@code en_US}, {@code eng},
 * {@code EN}) as an ISO 639-1 code in lower case ({@code en}), or ISO 639-3 where the language has
 * no 639-1 code. Region, script and variant subtags are dropped.
 *
 * <p>It does not read language names ("English") or guess from the text.
 */
public final class LanguageTag {

  private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");
  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private LanguageTag() {}

  /**
   * The primary language subtag of {@code tag}, normalised; empty when it is not a language code.
   */
  public static Optional<String> primary(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String t = tag.strip().toLowerCase(Locale.ROOT);
    int cut = 0;
    while (cut < t.length() && Character.isLetter(t.charAt(cut))) {
      cut++;
    }
    String p = t.substring(0, cut);
    if (!PRIMARY.matcher(p).matches() || p.equals("und") || p.equals("mul") || p.equals("zxx")) {
      return Optional.empty();
    }
    if (cut < t.length() && t.charAt(cut) != '-' && t.charAt(cut) != '_') {
      return Optional.empty();
    }
    return Optional.of(ISO3_TO_ISO1.getOrDefault(p, p));
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> m = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        String three = Locale.forLanguageTag(two).getISO3Language();
        if (!three.isEmpty() && two.length() == 2) {
          m.put(three, two);
        }
      } catch (MissingResourceException e) {
        // no three-letter code known for it
      }
    }
    // ISO 639-2/B codes that differ from the 639-2/T ones Java knows.
    m.put("fre", "fr");
    m.put("ger", "de");
    m.put("dut", "nl");
    m.put("chi", "zh");
    m.put("cze", "cs");
    m.put("gre", "el");
    m.put("per", "fa");
    m.put("rum", "ro");
    m.put("arm", "hy");
    m.put("baq", "eu");
    m.put("geo", "ka");
    m.put("ice", "is");
    m.put("mac", "mk");
    m.put("may", "ms");
    m.put("slo", "sk");
    m.put("alb", "sq");
    m.put("bur", "my");
    m.put("wel", "cy");
    m.put("tib", "bo");
    return Map.copyOf(m);
  }
}
