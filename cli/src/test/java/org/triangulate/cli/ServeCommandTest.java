package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code triangulate serve}: the command builds the pipeline, starts the web app (tested on its
 * own in the web module, {@code ServeAppTest}), prints the URL, serves and stops.
 */
class ServeCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path tmp;

  @Test
  void commandPrintsTheUrlServesAndStops() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("two"));
    for (String prefix : List.of("000", "004")) {
      Path src = Fixtures.hamaFiles().stream()
          .filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
      Files.copy(src, in.resolve(src.getFileName()));
    }
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () -> cl.execute("serve", "--port", "0", "--threads", "2", "--out",
                tmp.resolve("dir").toString(), "--outlet", "000_*=Outlet A", in.toString()));
    ServeCommand command = cl.getSubcommands().get("serve").getCommand();
    String url = null;
    for (int i = 0; i < 1200 && url == null && !run.isDone(); i++) {
      String printed = out.toString();
      if (printed.contains("/\n") || printed.endsWith("/" + System.lineSeparator())) {
        url = printed.strip();
      } else {
        Thread.sleep(100);
      }
    }
    assertThat(url).as(out.toString()).matches("Serving http://127\\.0\\.0\\.1:\\d+/");
    String base = url.substring("Serving ".length());
    HttpResponse<String> report =
        http.send(HttpRequest.newBuilder(URI.create(base + "api/report")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode tree = MAPPER.readTree(report.body());
    assertThat(tree.path("summary").path("articles").asInt()).isEqualTo(2);
    assertThat(tree.path("stories")).hasSize(1);
    assertThat(tree.path("entities").size()).isPositive(); // the annotate stage ran
    for (JsonNode a : tree.path("articles")) {
      boolean first = a.path("id").asText().startsWith("000_");
      assertThat(a.path("outlet").isNull()).as(a.path("id").asText()).isEqualTo(!first);
      assertThat(a.path("label").asText()).isEqualTo(first ? "Outlet A" : "004");
    }
    command.stop();
    assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void badOptionsAreRefusedBeforeAnythingStarts() {
    Cli r = Cli.run("serve", "--port", "0", "--threads", "0", "--out", tmp.resolve("dir").toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("--threads must be >= 1: 0");
    r = Cli.run("serve", "--port", "70000", "--out", tmp.resolve("dir").toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("--port must be 0..65535: 70000");
    r = Cli.run("serve", "--port", "0", "--outlet", "Reuters", "--out", tmp.resolve("dir").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--outlet").contains("PATTERN=NAME");
    assertThat(Files.exists(tmp.resolve("dir"))).isFalse();
  }
}
