package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.model.Article;

/** Outlets given by file-name globs and web domains, applied as articles are read. */
class OutletsTest {

  private static final Path HAMA = Path.of("..", "examples", "hama");

  @Test
  void aGlobOverFileNamesGivesTheHamaReportsTheirOutlets() throws Exception {
    Outlets outlets = Outlets.parse(List.of("000_*=Outlet A", "002_*.txt=Outlet B"));
    Ingester ingester = new Ingester(IngestOptions.basic().withOutlets(outlets));
    try (var files = Files.list(HAMA)) {
      for (Path f : files.sorted().toList()) {
        for (Article a : ingester.ingest(f, f.toString()).articles()) {
          String expected =
              a.id().startsWith("000_") ? "Outlet A" : a.id().startsWith("002_") ? "Outlet B" : null;
          assertThat(a.metadata().outlet()).as(a.id()).isEqualTo(Optional.ofNullable(expected));
          if (expected != null) {
            assertThat(a.label()).isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void aDomainMatchesItsSubdomainsInJsonlAndAnOutletTheRecordNamesIsKept(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("news.jsonl");
    Files.writeString(
        jsonl,
        "{\"id\":\"a\",\"url\":\"https://www.aljazeera.com/news/1\",\"text\":\"Rebels entered Hama on Thursday, officials said.\"}\n"
            + "{\"id\":\"b\",\"url\":\"https://aljazeera.com.evil.example/x\",\"text\":\"Rebels entered Hama on Thursday, witnesses said.\"}\n"
            + "{\"id\":\"c\",\"url\":\"https://www.aljazeera.com/news/2\",\"outlet\":\"AJE\",\"text\":\"Rebels entered Hama on Thursday, reports said.\"}\n",
        StandardCharsets.UTF_8);
    Ingester ingester =
        new Ingester(IngestOptions.basic().withOutlets(Outlets.parse(List.of("aljazeera.com=Outlet B"))));
    List<Article> read = ingester.ingest(jsonl, "news.jsonl").articles();
    assertThat(read).extracting(Article::id).containsExactly("a", "b", "c");
    assertThat(read.get(0).metadata().outlet()).contains("Outlet B");
    assertThat(read.get(1).metadata().outlet()).isEmpty();
    assertThat(read.get(1).label()).isEqualTo("aljazeera.com.evil.example");
    assertThat(read.get(2).metadata().outlet()).contains("AJE");
  }

  @Test
  void theFirstRuleThatMatchesWins() {
    Outlets o = Outlets.parse(List.of("00?_*=First", "000_*=Second"));
    Article a =
        new Article("000_5f845e8b32303230", "x/000_5f845e8b32303230.txt", Optional.empty(), "text",
            org.triangulate.model.ArticleMetadata.EMPTY, "Text.", List.of(), List.of());
    assertThat(o.apply(a).metadata().outlet()).contains("First");
    assertThat(Outlets.NONE.apply(a)).isSameAs(a);
  }

  @Test
  void aRuleWithoutPatternOrNameIsRefusedSayingWhatARuleIs() {
    for (String bad : List.of("nothing", "=Name", "pattern=", " = ")) {
      assertThatThrownBy(() -> Outlets.parse(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PATTERN=NAME");
    }
  }
}
