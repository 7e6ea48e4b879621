package org.triangulate.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.align.SentenceJudge;
import org.triangulate.align.StoryAligner;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.model.Article;
import org.triangulate.model.Credit;
import org.triangulate.model.Derivation;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Story;

/** Derivations between the Hama articles, with the lexical judge (no embeddings). */
class TracerTest {

  private static Map<String, Article> hama;
  private static Provenance provenance;
  private static List<Link> aligned;

  @BeforeAll
  static void trace() {
    Ingester ingester = new Ingester(IngestOptions.basic());
    hama = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("..", "examples", "hama"))) {
      files.sorted().flatMap(p -> ingester.ingest(p, p.toString()).articles().stream()).forEach(a -> hama.put(a.id(), a));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Story story = new Story("s-hama", "Hama", new ArrayList<>(hama.keySet()), Optional.empty(), Optional.empty(), List.of());
    List<Link> links = new StoryAligner(SentenceJudge.lexical(), null).align(story, hama, (x, y) -> true);
    aligned = links;
    provenance = Tracer.trace(story, hama, links, Credits.names(Map.of()));
  }

  private static Derivation between(String x, String y) {
    return provenance.derivations().stream()
        .filter(d -> d.from().startsWith(x) && d.to().startsWith(y) || d.from().startsWith(y) && d.to().startsWith(x))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theMachineTranslationIsATranslationOfTheWireReportInTheRightDirection() {
    Derivation d = between("000", "001");
    assertThat(d.kind()).isEqualTo("translation");
    assertThat(d.direction()).isEqualTo("known");
    assertThat(d.from()).startsWith("001");
    assertThat(d.to()).startsWith("000");
    assertThat(d.evidence()).anyMatch(e -> e.kind().equals("translation-trace") && e.detail().contains("this Thursday"));
    assertThat(provenance.links().stream().filter(l -> l.a().article().startsWith("000") && l.b().article().startsWith("001")))
        .hasSizeGreaterThan(12)
        .allMatch(l -> l.kind().equals("paraphrase"));
  }

  @Test
  void apBasedReportsShareACommonSourceThatTheyCredit() {
    Derivation d = between("002", "003");
    assertThat(d.kind()).isEqualTo("common-source");
    assertThat(d.evidence()).anyMatch(e -> e.kind().equals("credit"));
    assertThat(between("002", "004").kind()).isEqualTo("common-source");
  }

  @Test
  void noDerivationIsInventedBetweenReportsThatShareOnlyFacts() {
    assertThat(between("000", "004").kind()).isEqualTo("independent");
    assertThat(between("001", "004").kind()).isEqualTo("independent");
    assertThat(between("000", "002").kind()).isEqualTo("independent");
  }

  @Test
  void creditsAreFoundInTextAndInRemovedPhotoCredits() {
    assertThat(provenance.credits())
        .extracting(c -> c.article().substring(0, 3) + " " + c.credited() + (c.span().isPresent() ? " text" : " removed"))
        .contains(
            "003 Associated Press text", "003 The Guardian text", "001 Reuters text",
            "001 Agence France-Presse text", "002 Associated Press removed");
    for (Credit c : provenance.credits()) {
      c.span().ifPresent(s -> assertThat(s.of(hama.get(c.article()).text())).isEqualTo(c.name()));
    }
  }

  @Test
  void oneLongPassageSharedWordForWordIsACommonSource() {
    // 003 and 004 share one AP sentence, 14 words of it in a row, and nothing else.
    Derivation d = between("003", "004");
    assertThat(d.kind()).isEqualTo("common-source");
    assertThat(d.direction()).isEqualTo("unknown");
    assertThat(d.evidence())
        .anySatisfy(e -> {
          assertThat(e.kind()).isEqualTo("links");
          assertThat(e.detail()).startsWith("14 words in a row");
          assertThat(e.span().orElseThrow().of(hama.get(e.article().orElseThrow()).text()))
              .isEqualTo("one of the few cities that remained under full government control during Syria\u2019s conflict");
        });
  }

  @Test
  void independentSourcesJoinCopiesAndCommonSourcesThatMakeUpMostOfTheShorterArticle() {
    List<List<String>> groups = provenance.independentSources();
    assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(5);
    assertThat(groups).anyMatch(g -> g.size() == 2 && g.get(0).startsWith("000") && g.get(1).startsWith("001"));
    // 003 takes AP paragraphs and Guardian quotes, but the Guardian passages are a fifth of it: it
    // is not one source with the Guardian family. (With the lexical judge 002's AP passages cover
    // just under half of 003; with embeddings more, and the golden file has 002 and 003 as one.)
    assertThat(between("000", "003").kind()).isEqualTo("common-source");
    assertThat(groups).noneMatch(g -> g.stream().anyMatch(id -> id.startsWith("000")) && g.stream().anyMatch(id -> id.startsWith("003")));
    assertThat(groups).noneMatch(g -> g.stream().anyMatch(id -> id.startsWith("001")) && g.stream().anyMatch(id -> id.startsWith("003")));
  }

  @Test
  void whichDerivationsMakeOneSource() {
    Map<String, Long> lengths = Map.of("long", 3000L, "short", 1000L);
    assertThat(Tracer.oneSource(derivation("copy", 0.7, 0.7), lengths)).isTrue();
    assertThat(Tracer.oneSource(derivation("translation", 0.5, 0.9), lengths)).isTrue();
    assertThat(Tracer.oneSource(derivation("summary", 0.2, 0.7), lengths)).isTrue();
    assertThat(Tracer.oneSource(derivation("independent", 0.1, 0.3), lengths)).isFalse();
    // coverage: from "long", to "short"; the shorter article decides.
    assertThat(Tracer.oneSource(derivation("common-source", 0.2, 0.55), lengths)).isTrue();
    assertThat(Tracer.oneSource(derivation("common-source", 0.55, 0.45), lengths)).isFalse();
    assertThat(Tracer.oneSource(derivation("excerpt", 0.1, 0.5), lengths)).isTrue();
    assertThat(Tracer.oneSource(derivation("excerpt", 0.1, 0.3), lengths)).isFalse();
  }

  private static Derivation derivation(String kind, double coverageFrom, double coverageTo) {
    return new Derivation("long", "short", kind, "unknown", coverageFrom, coverageTo, 0.5, List.of());
  }

  /**
   * Evidence names articles by their labels ("000"), told apart within the story only: an article
   * of another story in the map given, with the same label, changes nothing (a story's results
   * depend on its story alone).
   */
  @Test
  void evidenceNamesArticlesByLabelWhateverElseTheMapHolds() {
    Map<String, Article> more = new TreeMap<>(hama);
    Article other = hama.get(hama.keySet().iterator().next());
    more.put("000_0123456789abcdef", other.withId("000_0123456789abcdef"));
    Story story =
        new Story("s-hama", "Hama", new ArrayList<>(hama.keySet()), Optional.empty(), Optional.empty(), List.of());
    Provenance again = Tracer.trace(story, more, aligned, Credits.names(Map.of()));
    assertThat(again.equals(provenance)).as("the same provenance with another story's article in the map").isTrue();
    List<String> details =
        provenance.derivations().stream().flatMap(d -> d.evidence().stream()).map(e -> e.detail()).toList();
    assertThat(details).anyMatch(d -> d.contains("of 000 and"));
    for (String id : hama.keySet()) {
      assertThat(details).noneMatch(d -> d.contains(id));
    }
  }
}
