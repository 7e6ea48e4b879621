package org.triangulate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Chromium with one page, driven over the Chrome DevTools Protocol through the JDK's
 * WebSocket client. Every error the page reports (a console error, an uncaught exception, a log
 * entry of level error such as a Content-Security-Policy violation) is kept in {@link #errors()}.
 * {@link #close()} always kills the browser and its child processes.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final List<String> stderr = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = new ArrayList<>();
  private WebSocket socket;
  private String session;

  private HeadlessChromium(Process process) {
    this.process = process;
  }

  /** {@code s} as a JavaScript string literal, for scripts given to {@link #eval}. */
  static String js(String s) {
    return LITERALS.valueToTree(s).toString();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper LITERALS =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * The Chromium binary; when it is missing and this is a Debian-like system where we are root,
   * installs Debian's {@code chromium} package with apt-get first. Skips the calling test (an
   * assumption) when Chromium is missing and cannot be installed, saying why.
   */
  static Path binary() {
    Optional<Path> found = find();
    if (found.isPresent()) {
      return found.get();
    }
    String why = install();
    found = find();
    Assumptions.assumeTrue(
        found.isPresent(),
        "headless Chromium is missing and the test could not install it ("
            + why
            + "); install it with `apt-get install chromium`");
    return found.get();
  }

  private static Optional<Path> find() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin").split(":")) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** Installs Debian's chromium package; returns why it could not, or "" when apt-get succeeded. */
  private static String install() {
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      return "no apt-get on this system";
    }
    String uid = run(Duration.ofSeconds(10), "id", "-u").strip();
    if (!uid.equals("0")) {
      return "not root (uid " + uid + "), so apt-get cannot install packages";
    }
    String out = run(Duration.ofMinutes(10), "apt-get", "install", "-y", "chromium");
    if (find().isPresent()) {
      return "";
    }
    // The package lists may be missing or stale (a fresh container has none).
    out = run(Duration.ofMinutes(5), "apt-get", "update") + out;
    out = run(Duration.ofMinutes(10), "apt-get", "install", "-y", "chromium") + out;
    return find().isPresent() ? "" : "apt-get failed: " + tail(out, 400);
  }

  /** Runs a command; returns its output (stdout and stderr), or why it did not finish. */
  private static String run(Duration timeout, String... command) {
    Path log = null;
    Process p = null;
    try {
      log = Files.createTempFile("triangulate-apt", ".log");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return String.join(" ", command) + " did not finish within " + timeout;
      }
      return Files.readString(log, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return String.join(" ", command) + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return String.join(" ", command) + ": interrupted";
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException ignored) {
          // a temp file; nothing more to do
        }
      }
    }
  }

  private static String tail(String s, int n) {
    return s.length() <= n ? s : "…" + s.substring(s.length() - n);
  }

  /**
   * One browser for the tests of a class, held in a {@code static @RegisterExtension} field:
   * started before the class's {@code @BeforeAll} methods (skipping its tests when Chromium is
   * missing, see {@link #binary()}), closed with its profile deleted after its tests, and after each
   * test a failure when the page reported an error that the test did not check.
   */
  static final class PerClass implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private Path profile;
    private HeadlessChromium browser;

    HeadlessChromium browser() {
      return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
      Path binary = binary();
      profile = Files.createTempDirectory("triangulate-chromium");
      browser = start(binary, profile);
    }

    @Override
    public void afterEach(ExtensionContext context) {
      // A test may check this after each view; this also covers what came after.
      List<String> errors = browser.errors();
      browser.clearErrors();
      org.assertj.core.api.Assertions.assertThat(errors).as("browser console errors").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
      if (browser != null) {
        browser.close();
      }
      if (profile != null) {
        try (Stream<Path> files = Files.walk(profile)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  /** Starts Chromium with its profile in {@code profile} and opens one blank page. */
  static HeadlessChromium start(Path binary, Path profile) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            binary.toString(),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-port=0",
            "--user-data-dir=" + profile,
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-sync",
            "--disable-component-update",
            "--mute-audio",
            "about:blank");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    // Chromium puts its singleton socket in a directory under TMPDIR: keep that in the profile too,
    // so that deleting the profile leaves nothing behind.
    pb.environment().put("TMPDIR", Files.createDirectories(profile.resolve("tmp")).toString());
    HeadlessChromium c = new HeadlessChromium(pb.start());
    try {
      c.connect();
      return c;
    } catch (Exception | Error e) {
      c.close();
      throw e;
    }
  }

  private void connect() throws Exception {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (stderr) {
                    if (stderr.size() < 200) {
                      stderr.add(line);
                    }
                  }
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
              } catch (IOException ignored) {
                // the browser went away
              }
              url.completeExceptionally(
                  new IllegalStateException("Chromium exited before listening: " + stderrText()));
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    String ws = url.get(30, TimeUnit.SECONDS);
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create(ws), new Listener())
            .get(15, TimeUnit.SECONDS);
    String target =
        call("Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    session =
        call("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
            .get("sessionId")
            .asText();
    call("Runtime.enable", Map.of());
    call("Log.enable", Map.of());
    call("Page.enable", Map.of());
  }

  private String stderrText() {
    synchronized (stderr) {
      return String.join("\n", stderr);
    }
  }

  /** Sends one command (to the page once attached) and returns its result. */
  JsonNode call(String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", JSON.valueToTree(params));
    if (session != null) {
      msg.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      socket.sendText(msg.toString(), true).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      JsonNode r = reply.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (r.has("error")) {
        throw new IllegalStateException(method + " failed: " + r.get("error"));
      }
      return r.get("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(method + " failed: " + e + "\n" + stderrText(), e);
    } finally {
      pending.remove(id);
    }
  }

  /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
  JsonNode eval(String expression) {
    JsonNode r =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new AssertionError(
          "evaluating " + expression + " threw " + r.get("exceptionDetails").toPrettyString());
    }
    return r.get("result").path("value");
  }

  /** Waits until {@code condition} (a JavaScript expression) is true in the page. */
  void waitFor(String condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!eval("!!(" + condition + ")").asBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "waited 15 s for " + condition + " at " + eval("location.href").asText()
                + "; errors: " + errors());
      }
      Thread.sleep(50);
    }
  }

  /**
   * Loads {@code url} afresh (through about:blank, so that a new hash is a new document, not a
   * hash change) and waits for the document to load.
   */
  void open(String url) throws InterruptedException {
    call("Page.navigate", Map.of("url", "about:blank"));
    waitFor("location.href === 'about:blank' && document.readyState === 'complete'");
    call("Page.navigate", Map.of("url", url));
    String quoted = JSON.valueToTree(url).toString();
    waitFor("location.href === " + quoted + " && document.readyState === 'complete'");
  }

  /**
   * Clicks the first element matching the CSS {@code selector} with real mouse events, near the
   * start of its first line box, after scrolling it into view.
   */
  void click(String selector) {
    String q = JSON.valueToTree(selector).toString();
    JsonNode at =
        eval(
            "(() => { const e = document.querySelector(" + q + ");"
                + " if (!e) { throw new Error('nothing matches ' + " + q + "); }"
                + " e.scrollIntoView({block: 'center'});"
                + " const r = e.getClientRects()[0];"
                + " return {x: r.left + Math.min(r.width / 2, 8), y: r.top + r.height / 2}; })()");
    double x = at.get("x").asDouble();
    double y = at.get("y").asDouble();
    call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call(
          "Input.dispatchMouseEvent",
          Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
    }
  }

  /** Sets the viewport to {@code width} x {@code height} CSS pixels at scale 1. */
  void viewport(int width, int height) {
    call(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  /** A PNG of the viewport. */
  byte[] screenshot() {
    String data = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
    return Base64.getDecoder().decode(data);
  }

  /** The errors the page reported so far, in order. */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /** Forgets the errors reported so far. */
  void clearErrors() {
    synchronized (errors) {
      errors.clear();
    }
  }

  private void event(JsonNode msg) {
    String method = msg.path("method").asText();
    JsonNode p = msg.path("params");
    String error =
        switch (method) {
          case "Runtime.consoleAPICalled" -> {
            String type = p.path("type").asText();
            if (!type.equals("error") && !type.equals("assert")) {
              yield null;
            }
            StringBuilder s = new StringBuilder("console." + type + ":");
            for (JsonNode a : p.path("args")) {
              s.append(' ').append(a.has("value") ? a.get("value") : a.path("description"));
            }
            yield s.toString();
          }
          case "Runtime.exceptionThrown" -> {
            JsonNode d = p.path("exceptionDetails");
            yield "uncaught: "
                + d.path("exception").path("description").asText(d.path("text").asText());
          }
          case "Log.entryAdded" -> {
            JsonNode e = p.path("entry");
            yield e.path("level").asText().equals("error")
                ? "log[" + e.path("source").asText() + "]: " + e.path("text").asText()
                    + " " + e.path("url").asText()
                : null;
          }
          default -> null;
        };
    if (error != null) {
      synchronized (errors) {
        errors.add(error);
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        try {
          JsonNode msg = JSON.readTree(text);
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.get(msg.get("id").asInt());
            if (f != null) {
              f.complete(msg);
            }
          } else {
            event(msg);
          }
        } catch (IOException e) {
          synchronized (errors) {
            errors.add("unreadable DevTools message: " + e.getMessage());
          }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      pending
          .values()
          .forEach(f -> f.completeExceptionally(new IllegalStateException("DevTools closed")));
      return null;
    }
  }

  /** Kills Chromium and every process it started, and waits for them to exit. */
  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      for (ProcessHandle h : children) {
        h.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception ignored) {
      // a child that outlives ten seconds after SIGKILL is beyond our reach
    }
  }
}
