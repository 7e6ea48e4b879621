package org.triangulate.align;

import org.triangulate.text.TextUnits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.model.Article;
import org.triangulate.model.Link;
import org.triangulate.model.Span;

/** Sentence links between the Hama articles, with the lexical judge (no embeddings). */
class PairAlignerTest {

  private static Map<String, Article> hama;
  private static final PairAligner ALIGNER = new PairAligner(SentenceJudge.lexical());

  @BeforeAll
  static void ingest() {
    Ingester ingester = new Ingester(IngestOptions.basic());
    try (Stream<Path> files = Files.list(Path.of("..", "examples", "hama"))) {
      hama =
          files.sorted()
              .flatMap(p -> ingester.ingest(p, p.toString()).articles().stream())
              .collect(Collectors.toMap(a -> a.id().substring(0, 3), a -> a));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Link> links(String x, String y) {
    Article a = hama.get(x);
    Article b = hama.get(y);
    return ALIGNER.align(PairAligner.Side.of(a.id(), a.text()), PairAligner.Side.of(b.id(), b.text()));
  }

  private static Link linkWhoseBStarts(List<Link> links, String y, String start) {
    String text = hama.get(y).text();
    return links.stream()
        .filter(l -> l.b().span().of(text).startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link to \"" + start + "\" among " + links.size()));
  }

  private static List<String> inserted(Link l, String y) {
    String text = hama.get(y).text();
    return l.edits().stream().filter(e -> e.b() != null).map(e -> e.b().of(text)).toList();
  }

  @Test
  void thePropagandaRewriteOfApShowsItsInsertedAndChangedWords() {
    List<Link> links = links("002", "003");
    Link entered = linkWhoseBStarts(links, "003", "Hayat Tahrir al-Sham mercenaries have entered the city of Hama");
    assertThat(entered.kind()).isEqualTo("edited");
    assertThat(String.join(" | ", inserted(entered, "003"))).contains("mercenaries");
    Link monitor = linkWhoseBStarts(links, "003", "Britain’s Syrian Observatory for Human Rights");
    assertThat(monitor.kind()).isEqualTo("edited");
    assertThat(inserted(monitor, "003")).anyMatch(s -> s.contains("run by MI6"));
    for (Link.Edit e : monitor.edits()) {
      assertThat(e.a() != null || e.b() != null).isTrue();
      assertThat(e.op()).isIn("insert", "delete", "replace");
    }
  }

  @Test
  void theGuardianWatersQuotesOfThePropagandaArticleLinkToTheTranslation() {
    List<Link> links = links("001", "003");
    linkWhoseBStarts(links, "003", "“Even if the Russians and Iranian or Iranian-backed forces get more involved");
    linkWhoseBStarts(links, "003", "Gregory Waters, an analyst of the Syrian army with the Middle East Institute");
  }

  @Test
  void eachSentenceIsLinkedAtMostOnceAndSpansAreInTheText() {
    List<Link> links = links("000", "001");
    assertThat(links.size()).isGreaterThan(10);
    assertThat(links.stream().map(l -> l.a().span()).distinct().count()).isEqualTo(links.size());
    for (Link l : links) {
      assertThat(l.a().span().end()).isLessThanOrEqualTo(hama.get("000").text().length());
      assertThat(l.b().span().end()).isLessThanOrEqualTo(hama.get("001").text().length());
    }
  }

  @Test
  void editsAreWordLevelAndIgnoreCaseAndPunctuation() {
    String a = "The Syrian army said it had withdrawn from Hama.";
    String b = "the Syrian Army said, it had  withdrawn from the city of Hama";
    List<Link.Edit> edits = PairAligner.edits(a, new Span(0, a.length()), b, new Span(0, b.length()));
    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).op()).isEqualTo("insert");
    assertThat(edits.get(0).a()).isNull();
    assertThat(edits.get(0).b().of(b)).isEqualTo("the city of");
  }

  @Test
  void sentencesSplitAtFullStopsButNotAbbreviations() {
    String t = "Maj. Hassan Abdul-Ghani spoke. The U.S. said “no.” He left\nA new line starts here";
    assertThat(TextUnits.sentences(t).stream().map(s -> s.of(t)).toList())
        .containsExactly("Maj. Hassan Abdul-Ghani spoke.", "The U.S. said “no.”", "He left", "A new line starts here");
  }
}
