package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

  @TempDir Path base;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(base.resolve("news/2024/12"));
    Files.writeString(base.resolve("news/a.txt"), "a");
    Files.writeString(base.resolve("news/2024/b.html"), "b");
    Files.writeString(base.resolve("news/2024/12/c.txt"), "c");
    Files.writeString(base.resolve("one.jsonl"), "{}");
  }

  @Test
  void readsFoldersRecursivelyInNameOrder() {
    Inputs.Expansion e = Inputs.expand(List.of("news"), base);
    assertThat(e.inputs())
        .extracting(Inputs.Input::source)
        .containsExactly("news/2024/12/c.txt", "news/2024/b.html", "news/a.txt");
    assertThat(e.problems()).isEmpty();
  }

  @Test
  void keepsTheNameAsTheUserWroteIt() {
    Inputs.Expansion e = Inputs.expand(List.of("./one.jsonl", "news/"), base);
    assertThat(e.inputs()).extracting(Inputs.Input::source).first().isEqualTo("./one.jsonl");
    assertThat(e.inputs()).extracting(Inputs.Input::source).contains("news/a.txt");
  }

  @Test
  void expandsGlobs() {
    assertThat(Inputs.expand(List.of("news/**.txt"), base).inputs())
        .extracting(Inputs.Input::source)
        .containsExactly("news/2024/12/c.txt", "news/a.txt");
    assertThat(Inputs.expand(List.of("news/*.txt"), base).inputs())
        .extracting(Inputs.Input::source)
        .containsExactly("news/a.txt");
    assertThat(Inputs.expand(List.of("*.jsonl"), base).inputs())
        .extracting(Inputs.Input::source)
        .containsExactly("one.jsonl");
  }

  @Test
  void readsAFileNamedTwiceOnce() {
    Inputs.Expansion e = Inputs.expand(List.of("news/a.txt", "news", "news/../news/a.txt"), base);
    assertThat(e.inputs()).hasSize(3);
    assertThat(e.inputs()).extracting(Inputs.Input::source).first().isEqualTo("news/a.txt");
  }

  @Test
  void foldersAndGlobsSkipTheOutputFolderButNamedFilesAreRead() throws IOException {
    Files.createDirectories(base.resolve("news/triangulate-out"));
    Files.writeString(base.resolve("news/triangulate-out/report.json"), "{}");
    java.util.Optional<Path> out = java.util.Optional.of(Path.of("news/triangulate-out"));
    assertThat(Inputs.expand(List.of("news"), base, out).inputs())
        .extracting(Inputs.Input::source)
        .containsExactly("news/2024/12/c.txt", "news/2024/b.html", "news/a.txt");
    assertThat(Inputs.expand(List.of("news/**"), base, out).inputs()).hasSize(3);
    assertThat(Inputs.expand(List.of("news/triangulate-out/report.json"), base, out).inputs()).hasSize(1);
  }

  @Test
  void namesThatMatchNothingAreProblems() {
    Inputs.Expansion e = Inputs.expand(List.of("missing.txt", "news/*.pdf", "no-dir/*.txt"), base);
    assertThat(e.inputs()).isEmpty();
    assertThat(e.problems())
        .extracting(p -> p.source() + ": " + p.message())
        .containsExactly(
            "missing.txt: no such file or folder",
            "news/*.pdf: the pattern matches no file",
            "no-dir/*.txt: the pattern matches no file");
    assertThat(e.problems()).allMatch(p -> p.rejected() && p.location().equals("file"));
  }
}
