package org.triangulate.ingest.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.triangulate.ingest.WordList;

/** The bundled Hama corpus and a word list built from it, for the cleaner's tests. */
final class HamaCorpus {

  /** Maven runs tests in the module directory. */
  static final Path DIR = Path.of("..", "examples", "hama");

  /** The one glued token of the corpus: the word list must not know it. */
  static final String GLUED = "massacrewhen";

  /**
   * Common English words, so that the list is a realistic small dictionary, not just the corpus.
   */
  private static final String COMMON =
      "a about above across after again against all almost alone along already also although always"
          + " am among an and another any anyone anything are area around as ask asked at away back"
          + " be became because become been before began behind being believe below best better"
          + " between big both bring brought but by call called came can cannot car case cause"
          + " certain change child children city close come common could country course day did"
          + " different do does done door down during each early easy either end enough even ever"
          + " every eye face fact family far father feel few find first follow food for form found"
          + " four free friend from full gave get give go going good got government great group"
          + " grow had half hand happen hard has have he head hear help her here high him his hold"
          + " home hour house how however i if important in into is it its just keep kind knew know"
          + " land large last late later lead learn least leave left less let life light like line"
          + " little live long look made make man many may me mean men might mind more morning most"
          + " mother move much must my name near need never new next night no not nothing now"
          + " number of off often old on once one only open or order other our out over own page"
          + " part people place play point power present problem put question quite rather read"
          + " real really right room run said same saw say school second see seem seen set several"
          + " shall she short should show side since small so some something sometimes soon sound"
          + " speak start state still stop story such sure take talk tell than that the their them"
          + " then there these they thing think this those though thought three through time to"
          + " today together told too took toward town tried true try turn two under until up upon"
          + " us use used very want war was watch water way we week well went were what when where"
          + " whether which while white who whole why will with within without word work world"
          + " would write year yes yet you young your news report reports reported said says army"
          + " forces rebels city attack when massacre government minister president capital north"
          + " south east west";

  private HamaCorpus() {}

  static List<Path> files() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file whose name starts with {@code prefix} ("000", ..., "004"). */
  static String read(String prefix) {
    return files().stream()
        .filter(p -> p.getFileName().toString().startsWith(prefix))
        .findFirst()
        .map(HamaCorpus::read)
        .orElseThrow(() -> new IllegalArgumentException("no Hama file " + prefix + " in " + DIR));
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every word of the five files except the glued token, plus a few hundred common words. */
  static WordList words() {
    Set<String> words = new HashSet<>(List.of(COMMON.split(" ")));
    for (Path p : files()) {
      for (String token : read(p).split("[^\\p{L}]+")) {
        String w = token.toLowerCase(Locale.ROOT);
        if (!w.isEmpty() && !w.equals(GLUED)) {
          words.add(w);
        }
      }
    }
    return WordList.of(words);
  }
}
