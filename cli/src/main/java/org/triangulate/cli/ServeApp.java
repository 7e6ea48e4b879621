package org.triangulate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.triangulate.group.GroupOptions;
import org.triangulate.group.StoryGrouper;
import org.triangulate.ingest.IngestResult;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;
import org.triangulate.web.HtmlReportWriter;

/**
 * The local web app behind {@code triangulate serve}: the report of a corpus as the same page as
 * {@code report.html}, the same data as JSON, and an endpoint that adds an article and runs the
 * pipeline again.
 *
 * <p>The corpus is the PATHs given at start plus every article added through the app, which is
 * kept in {@code DIR/added/} (one file per upload, named by its original name and the SHA-256 of
 * its bytes) and read again at the next start. The current report lives in memory and is replaced
 * whole after each update; updates run one at a time.
 */
final class ServeApp implements AutoCloseable {

  /** Largest request body accepted, in bytes. */
  static final long MAX_BODY = 20L * 1024 * 1024;

  /** The policy of every response but the page: nothing may load. */
  static final String JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * What the app serves, computed once per update.
   *
   * @param report the report of the whole corpus
   * @param html the page, as {@link HtmlReportWriter} writes it for the app (with the form)
   * @param json the report, as {@link JsonReportWriter} writes it
   * @param list the compact story list: id, title, articles, contested
   * @param stories each story's object in {@code json}, by id
   */
  record State(Report report, byte[] html, byte[] json, byte[] list, Map<String, byte[]> stories) {}

  private final List<String> paths;
  private final Path dir;
  private final RunOptions options;
  private final PrintWriter err;
  private final String host;
  private final AtomicReference<State> state = new AtomicReference<>();
  private final ReentrantLock updates = new ReentrantLock();
  private final Javalin app;

  private ServeApp(List<String> paths, Path dir, RunOptions options, PrintWriter err, String host, int port) {
    this.paths = List.copyOf(paths);
    this.dir = dir.toAbsolutePath().normalize();
    this.options = options;
    this.err = err;
    this.host = host;
    this.app =
        Javalin.create(
            config -> {
              config.jetty.host = host;
              config.jetty.port = port;
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = MAX_BODY;
              config.http.generateEtags = false;
              config.jetty.multipartConfig.maxFileSize(MAX_BODY, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(MAX_BODY, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
              config.routes.before(this::guard);
              config.routes.get("/", this::page);
              config.routes.get("/api/report", ctx -> json(ctx, 200, current().json()));
              config.routes.get("/api/stories", ctx -> json(ctx, 200, current().list()));
              config.routes.get("/api/stories/{id}", this::story);
              config.routes.post("/api/articles", this::add);
              config.routes.exception(Exception.class, this::failure);
              config.routes.error(404, ctx -> error(ctx, 404, "no such page: " + ctx.path()));
            });
  }

  /**
   * Analyses the corpus (the {@code paths} and {@code dir/added/}), then listens on {@code host}
   * and {@code port} (0: a free port).
   */
  static ServeApp start(
      List<String> paths, Path dir, RunOptions options, PrintWriter err, String host, int port)
      throws IOException {
    Files.createDirectories(dir.resolve("added"));
    ServeApp s = new ServeApp(paths, dir, options, err, host, port);
    s.state.set(s.analyse());
    s.app.start();
    return s;
  }

  /** The port it listens on. */
  int port() {
    return app.port();
  }

  /** The address it listens on, as bound. */
  InetSocketAddress address() {
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof ServerConnector sc && sc.getTransport() instanceof java.nio.channels.ServerSocketChannel ch) {
        try {
          return (InetSocketAddress) ch.getLocalAddress();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (c instanceof NetworkConnector nc) {
        return new InetSocketAddress(nc.getHost(), nc.getLocalPort());
      }
    }
    throw new IllegalStateException("not listening");
  }

  /** The report it serves now. */
  Report report() {
    return current().report();
  }

  /** Stops listening and frees the port; safe to call twice. */
  void stop() {
    app.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private State current() {
    return state.get();
  }

  // ---------------------------------------------------------------- the pipeline

  private State analyse() throws IOException {
    List<String> names = new ArrayList<>(paths);
    names.add(dir.resolve("added").toString());
    Runs.Read read = Runs.read(names, options, err);
    List<Story> stories =
        new StoryGrouper(GroupOptions.defaults().withThreads(options.threads()))
            .group(read.result().articles());
    Report report =
        Runs.report(read.inputs(), read.result().articles(), stories, read.problems(), options);
    return state(report);
  }

  static State state(Report report) throws IOException {
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    new HtmlReportWriter(true).write(report, html);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    new JsonReportWriter().write(report, json);
    JsonNode tree = MAPPER.readTree(json.toByteArray());
    ArrayNode list = MAPPER.createArrayNode();
    Map<String, byte[]> stories = new LinkedHashMap<>();
    for (JsonNode s : tree.path("stories")) {
      String id = s.path("id").asText();
      int contested = 0;
      for (JsonNode c : s.path("claims")) {
        if ("contested".equals(c.path("status").asText())) {
          contested++;
        }
      }
      ObjectNode row = list.addObject();
      row.put("id", id);
      row.put("title", s.path("title").asText());
      row.put("articles", s.path("articles").size());
      row.put("contested", contested);
      stories.put(id, MAPPER.writeValueAsBytes(s));
    }
    return new State(
        report, html.toByteArray(), json.toByteArray(), MAPPER.writeValueAsBytes(list), Map.copyOf(stories));
  }

  // ---------------------------------------------------------------- handlers

  /**
   * Safety headers on every response; refuses requests for another host name (DNS rebinding) and
   * posts from another origin (a web page the user visits posting into the app).
   */
  private void guard(Context ctx) {
    ctx.header("Content-Security-Policy", JSON_CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
    String host = ctx.header("Host");
    if (host == null || !allowedHost(host, String.valueOf(port()))) {
      throw new HttpResponseException(403, "requests must name this server's address as host");
    }
    String origin = ctx.header("Origin");
    if (!ctx.method().name().equals("GET")
        && origin != null
        && !origin.equalsIgnoreCase("http://" + host)) {
      throw new HttpResponseException(403, "requests from another origin are refused");
    }
  }

  private boolean allowedHost(String host, String port) {
    boolean loopback =
        this.host.equals("127.0.0.1") || this.host.equals("localhost") || this.host.equals("::1");
    if (!loopback) {
      return true; // asked to listen beyond loopback: any name the user reaches it by
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port) || h.equals("[::1]:" + port);
  }

  private void page(Context ctx) {
    ctx.header("Content-Security-Policy", HtmlReportWriter.contentSecurityPolicy(true));
    ctx.status(200).contentType("text/html; charset=utf-8").result(current().html());
  }

  private void story(Context ctx) {
    byte[] s = current().stories().get(ctx.pathParam("id"));
    if (s == null) {
      error(ctx, 404, "no such story: " + ctx.pathParam("id"));
    } else {
      json(ctx, 200, s);
    }
  }

  /** {@code POST /api/articles}: a pasted text body or a multipart {@code file}. */
  private void add(Context ctx) throws IOException {
    String name;
    byte[] bytes;
    if (ctx.isMultipartFormData()) {
      UploadedFile file = ctx.uploadedFile("file");
      if (file == null) {
        error(ctx, 400, "a multipart upload needs a 'file' field");
        return;
      }
      try (InputStream in = file.content()) {
        bytes = in.readAllBytes();
      }
      name = file.filename() == null || file.filename().isBlank() ? "upload" : file.filename();
    } else {
      String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
      if (!type.startsWith("text/plain")) {
        error(ctx, 415, "send text/plain (a pasted article) or multipart/form-data with a 'file' field");
        return;
      }
      bytes = ctx.bodyAsBytes();
      String title = ctx.queryParam("title");
      if (title != null && !title.isBlank()) {
        byte[] head = (title.strip() + "\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        bytes = all;
      }
      name = "pasted.txt";
    }
    if (bytes.length == 0) {
      error(ctx, 400, "the article is empty");
      return;
    }
    String saved = savedName(name, bytes);

    // Read it alone first: what the ingest rejects is not kept.
    Path tmpDir = Files.createDirectories(dir.resolve("tmp"));
    Path probeDir = Files.createTempDirectory(tmpDir, "upload");
    Path probe = probeDir.resolve(saved);
    IngestResult read;
    try {
      Files.write(probe, bytes);
      read = Components.ingester(options.maxBytes()).ingest(probe, name);
    } finally {
      Files.deleteIfExists(probe);
      Files.deleteIfExists(probeDir);
    }
    if (read.articles().isEmpty()) {
      List<String> why = new ArrayList<>();
      read.problems().forEach(p -> why.add(describe(p)));
      ObjectNode body = MAPPER.createObjectNode();
      body.put("error", why.isEmpty() ? name + ": no article found" : String.join("; ", why));
      body.set("problems", problems(read.problems()));
      json(ctx, 400, MAPPER.writeValueAsBytes(body));
      return;
    }

    int status;
    State now;
    updates.lock();
    try {
      Path target = dir.resolve("added").resolve(saved);
      if (Files.exists(target)) {
        status = 200; // the same bytes were added before
      } else {
        Path tmp = Files.createTempFile(tmpDir, "added", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        status = 201;
        try {
          state.set(analyse());
        } catch (IOException | RuntimeException e) {
          Files.deleteIfExists(target);
          throw e;
        }
      }
      now = current();
    } finally {
      updates.unlock();
    }

    ObjectNode body = MAPPER.createObjectNode();
    ArrayNode articles = body.putArray("articles");
    Set<String> storyIds = new TreeSet<>();
    for (Article a : now.report().articles()) {
      String src = a.source().replace('\\', '/');
      if (src.equals(saved) || src.endsWith("/" + saved)) {
        ObjectNode row = articles.addObject();
        row.put("id", a.id());
        ArrayNode in = row.putArray("stories");
        for (Story s : now.report().stories()) {
          if (s.articles().contains(a.id())) {
            in.add(s.id());
            storyIds.add(s.id());
          }
        }
      }
    }
    ArrayNode stories = body.putArray("stories");
    storyIds.forEach(stories::add);
    body.set("problems", problems(read.problems()));
    json(ctx, status, MAPPER.writeValueAsBytes(body));
  }

  private void failure(Exception e, Context ctx) {
    if (e instanceof HttpResponseException h) {
      error(ctx, h.getStatus(), h.getMessage());
      return;
    }
    err.println("triangulate serve: " + e);
    err.flush();
    error(ctx, 500, "the request failed: " + e.getMessage());
  }

  // ---------------------------------------------------------------- helpers

  /**
   * {@code <stem>-<sha256 prefix>.<ext>}: the stem and extension of the original name (letters,
   * digits, {@code -} and {@code _} only; the extension tells the ingest the format).
   */
  static String savedName(String original, byte[] bytes) {
    String base = original.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String ext = "";
    for (String e : List.of(".warc.gz", ".jsonl.gz", ".txt.gz", ".html.gz", ".warc", ".jsonl", ".txt", ".html", ".htm", ".json", ".gz")) {
      if (base.endsWith(e)) {
        ext = e;
        base = base.substring(0, base.length() - e.length());
        break;
      }
    }
    String stem = base.replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    if (stem.length() > 40) {
      stem = stem.substring(0, 40);
    }
    if (stem.isEmpty()) {
      stem = "added";
    }
    return stem + "-" + sha256(bytes).substring(0, 12) + ext;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(Problem p) {
    return p.source() + " (" + p.location() + "): " + p.message();
  }

  private static ArrayNode problems(List<Problem> problems) {
    ArrayNode out = MAPPER.createArrayNode();
    for (Problem p : problems) {
      ObjectNode o = out.addObject();
      o.put("source", p.source());
      o.put("location", p.location());
      o.put("severity", p.severity().wireName());
      o.put("message", p.message());
    }
    return out;
  }

  private static void json(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(body);
  }

  private static void error(Context ctx, int status, String message) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("error", message);
    try {
      json(ctx, status, MAPPER.writeValueAsBytes(o));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
