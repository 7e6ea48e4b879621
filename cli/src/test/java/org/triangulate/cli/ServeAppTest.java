package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.web.HtmlReportWriter;
import picocli.CommandLine;

/**
 * {@code triangulate serve} over three Hama reports: the story list, adding the fourth report
 * through the API, a hostile article, garbage, the bound address, a restart over the same corpus
 * folder and a clean stop. The annotate stage is off except in the command-line test, to keep the
 * runtime modest.
 */
class ServeAppTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path tmp;

  private Path corpus() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (String prefix : List.of("000", "002", "003")) {
      Path src = Fixtures.hamaFiles().stream()
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElseThrow();
      Files.copy(src, in.resolve(src.getFileName()));
    }
    return in;
  }

  private static RunOptions options(boolean annotate) {
    RunOptions o = new RunOptions();
    o.threads = 2;
    o.maxBytes = 10_000_000;
    o.noAnnotate = !annotate;
    o.progress = ProgressDisplay.Mode.none;
    return o;
  }

  private ServeApp start(Path in, Path dir) throws IOException {
    RunOptions o = options(false);
    o.out = dir.resolve("tmp");
    return ServeApp.start(
        List.of(in.toString()), dir, o, new PrintWriter(new StringWriter()), "127.0.0.1", 0);
  }

  private HttpResponse<String> get(ServeApp app, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(ServeApp app, String path, String type, byte[] body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    assertThat(contentType(r)).isEqualTo("application/json;charset=utf-8");
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(ServeApp.JSON_CSP);
    return MAPPER.readTree(r.body());
  }

  /** The media type and charset, as Jetty writes them (no space after the semicolon). */
  private static String contentType(HttpResponse<String> r) {
    return r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static long added(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("added"))) {
      return files.count();
    }
  }

  private static int articlesIn(JsonNode stories) {
    int n = 0;
    for (JsonNode s : stories) {
      n += s.path("articles").asInt();
    }
    return n;
  }

  @Test
  void servesAddsAndKeepsArticles() throws Exception {
    Path in = corpus();
    Path dir = tmp.resolve("corpus");
    String hostile =
        "Hama residents reported on Thursday that <script>alert(1)</script> rebels entered the city."
            + "\n\n<img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">more</a> \uD800 broken.";
    int port;
    try (ServeApp app = start(in, dir)) {
      port = app.port();
      InetSocketAddress bound = app.address();
      assertThat(bound.getAddress().isLoopbackAddress()).isTrue();
      assertThat(bound.getPort()).isEqualTo(port);
      refusedOnOtherInterfaces(port);

      JsonNode stories = json(get(app, "/api/stories"));
      assertThat(stories).hasSize(1);
      assertThat(stories.get(0).path("articles").asInt()).isEqualTo(3);
      String storyId = stories.get(0).path("id").asText();
      JsonNode story = json(get(app, "/api/stories/" + storyId));
      assertThat(story.path("id").asText()).isEqualTo(storyId);
      assertThat(story.path("articles")).hasSize(3);
      assertThat(get(app, "/api/stories/nope").statusCode()).isEqualTo(404);
      JsonNode report = json(get(app, "/api/report"));
      assertThat(report.path("summary").path("articles").asInt()).isEqualTo(3);

      // The fourth Hama report, pasted: it joins the story.
      HttpResponse<String> added =
          post(app, "/api/articles", "text/plain; charset=utf-8",
              Files.readAllBytes(Fixtures.hamaFiles().stream()
                  .filter(p -> p.getFileName().toString().startsWith("004")).findFirst().orElseThrow()));
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      JsonNode answer = json(added);
      assertThat(answer.path("articles")).hasSize(1);
      String newId = answer.path("articles").get(0).path("id").asText();
      stories = json(get(app, "/api/stories"));
      assertThat(articlesIn(stories)).isEqualTo(4);
      JsonNode joined = json(get(app, "/api/stories/" + answer.path("stories").get(0).asText()));
      assertThat(joined.path("articles").toString()).contains(newId);
      assertThat(joined.path("articles")).hasSize(4);
      assertThat(added(dir)).isEqualTo(1);

      // The same bytes again: nothing new.
      HttpResponse<String> again =
          post(app, "/api/articles", "text/plain; charset=utf-8",
              Files.readAllBytes(Fixtures.hamaFiles().stream()
                  .filter(p -> p.getFileName().toString().startsWith("004")).findFirst().orElseThrow()));
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(json(again).path("articles").get(0).path("id").asText()).isEqualTo(newId);

      // Hostile articles, pasted with a hostile title and uploaded as HTML: shown as text only.
      HttpResponse<String> bad =
          post(app, "/api/articles?title=" + java.net.URLEncoder.encode("<b onmouseover=alert(4)>Hama</b>", StandardCharsets.UTF_8),
              "text/plain; charset=utf-8", hostile.getBytes(StandardCharsets.UTF_8));
      assertThat(bad.statusCode()).as(bad.body()).isEqualTo(201);
      assertThat(articlesIn(json(get(app, "/api/stories")))).isEqualTo(5);
      HttpResponse<String> html =
          upload(app, "Hostile Page.HTML",
              ("<html><head><title>Hama <script>alert(5)</script></title></head><body><p>Rebels said"
                  + " they held Hama's prison on Thursday. <script>alert(6)</script><a href=\"javascript:alert(7)\""
                  + " onclick=\"alert(8)\">more</a></p><p>Government troops withdrew from the city.</p>"
                  + "</body></html>").getBytes(StandardCharsets.UTF_8));
      assertThat(html.statusCode()).as(html.body()).isEqualTo(201);
      assertThat(json(html).path("articles").get(0).path("id").asText()).startsWith("hostile-page-");
      assertThat(articlesIn(json(get(app, "/api/stories")))).isEqualTo(6);

      // A WARC file of two pages: two articles at once.
      HttpResponse<String> warc =
          upload(app, "crawl.warc",
              Fixtures.warc(
                  new String[] {"https://example.org/hama-1",
                      Fixtures.html("Rebels enter Hama", "Syrian rebels entered Hama on Thursday after the army withdrew.")},
                  new String[] {"https://example.org/hama-2",
                      Fixtures.html("Army leaves Hama", "The Syrian army said it had redeployed its troops outside Hama.")}));
      assertThat(warc.statusCode()).as(warc.body()).isEqualTo(201);
      assertThat(json(warc).path("articles")).hasSize(2);
      assertThat(articlesIn(json(get(app, "/api/stories")))).isEqualTo(8);
      HttpResponse<String> page = get(app, "/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(contentType(page)).isEqualTo("text/html;charset=utf-8");
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .hasValue(HtmlReportWriter.contentSecurityPolicy(true));
      assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(page.body()).contains("rebels entered the city");
      assertThat(page.body().toLowerCase(java.util.Locale.ROOT))
          .doesNotContain("<script>alert")
          .doesNotContain("<img src=x")
          .doesNotContain("<b onmouseover")
          .doesNotContain("<a href=\"javascript")
          .doesNotContain("onclick=\"alert");
      assertThat(page.body()).contains("held Hama");

      // Garbage: a multipart upload of random bytes named .warc, and an empty paste.
      byte[] garbage = new byte[4096];
      new java.util.Random(7).nextBytes(garbage);
      HttpResponse<String> refused = upload(app, "junk.warc", garbage);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(json(refused).path("error").asText()).contains("junk.warc");
      assertThat(post(app, "/api/articles", "text/plain", new byte[0]).statusCode()).isEqualTo(400);
      assertThat(post(app, "/api/articles", "application/x-www-form-urlencoded", "a=b".getBytes()).statusCode())
          .isEqualTo(415);
      byte[] huge = new byte[(int) ServeApp.MAX_BODY + 1024];
      java.util.Arrays.fill(huge, (byte) 'a');
      assertThat(post(app, "/api/articles", "text/plain", huge).statusCode()).isEqualTo(413);
      assertThat(added(dir)).isEqualTo(4);

      // Another origin may not post; another host name is refused (DNS rebinding).
      HttpResponse<String> cross =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/articles"))
                  .header("Content-Type", "text/plain")
                  .header("Origin", "http://evil.example")
                  .POST(HttpRequest.BodyPublishers.ofString("Hama fell."))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(cross.statusCode()).isEqualTo(403);
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        s.getOutputStream().write(("GET /api/stories HTTP/1.1\r\nHost: evil.example:" + port
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String answerLine = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(answerLine).startsWith("HTTP/1.1 403");
      }
    }
    // Stopped: the port is free again.
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(s.getLocalPort()).isEqualTo(port);
    }
    // Restarted over the same folder: the added articles are back.
    try (ServeApp app = start(in, dir)) {
      assertThat(articlesIn(json(get(app, "/api/stories")))).isEqualTo(8);
      assertThat(app.report().articles()).hasSize(8);
    }
  }

  private HttpResponse<String> upload(ServeApp app, String name, byte[] bytes) throws Exception {
    String boundary = "----triangulate7";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    return post(app, "/api/articles", "multipart/form-data; boundary=" + boundary,
        Fixtures.concat(Fixtures.concat(head, bytes), tail));
  }

  /** Every non-loopback IPv4 address of this machine refuses connections on {@code port}. */
  private static void refusedOnOtherInterfaces(int port) throws IOException {
    List<InetAddress> others = new ArrayList<>();
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          others.add(a);
        }
      }
    }
    for (InetAddress a : others) {
      assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
              s.connect(new InetSocketAddress(a, port), 2000);
            }
          })
          .as("listening on " + a)
          .isInstanceOf(ConnectException.class);
    }
  }

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
                tmp.resolve("dir").toString(), in.toString()));
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
    command.stop();
    assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
  }
}
