package org.triangulate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;

class JsonReportRoundTripTest {

  @Test
  void readingWhatTheWriterWroteGivesTheSameReportAndTheSameBytes() throws IOException {
    Inputs.Expansion e = Inputs.expand(List.of("../examples/hama", "../examples/nothing-here"), Path.of(""));
    IngestResult r = Corpus.ingest(e.inputs(), new Ingester(IngestOptions.basic()), 1, Corpus.Progress.none());
    List<String> ids = r.articles().stream().map(Article::id).toList();
    Story story =
        new Story(
            "s-0123abcd",
            "Rebels enter Hama",
            ids,
            Optional.of("2024-12-05"),
            Optional.of("2024-12-05"),
            List.of(new Story.Key("entity", "Hama", 0.91234), new Story.Key("term", "rebels", 0.5)));
    List<Problem> problems = new java.util.ArrayList<>(e.problems());
    problems.add(Problem.warning("x.txt", "byte 3", "ingest", "read as windows-1252"));
    Report report = new Report(e.inputs().size(), r.articles(), List.of(story), problems);

    byte[] first = write(report);
    Report back = new JsonReportReader().read(new ByteArrayInputStream(first));
    assertThat(back.articles()).isEqualTo(report.articles());
    assertThat(back.problems()).isEqualTo(report.problems());
    assertThat(back.stories().get(0).articles()).isEqualTo(ids);
    assertThat(new String(write(back), StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
  }

  @Test
  void refusesWhatIsNotAReport() {
    JsonReportReader reader = new JsonReportReader();
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("[1, 2]".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("{\"schema\": \"other/2\"}".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("its schema is 'other/2'");
  }

  private static byte[] write(Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReportWriter().write(report, out);
    return out.toByteArray();
  }
}
