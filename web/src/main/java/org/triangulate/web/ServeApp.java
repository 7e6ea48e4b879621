package org.triangulate.web;

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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/**
 * The local web app behind {@code triangulate serve}: the report of a corpus as the same page as
 * {@code report.html}, the same data as JSON, and an endpoint that adds an article to it.
 *
 * <p>The corpus is the PATHs given at start plus every article added through the app, which is
 * kept in {@code DIR/added/} (one file per upload, named by its original name and the SHA-256 of
 * its bytes) and read again at the next start. The current report lives in memory; an added
 * article goes through {@link Pipeline#add}, so only it is read and only the stories it changes
 * are analysed again, and the report is then replaced whole. Updates run one at a time.
 *
 * <p>The app runs every stage on the {@link Pipeline} it is given and does not own it: the caller
 * closes the pipeline, after {@link #stop()}. The app uses it only from {@link #start} until
 * {@link #stop()} returns, one call at a time.
 */
public final class ServeApp implements AutoCloseable {

  /** Largest request body accepted, in bytes. */
  public static final long MAX_BODY = 20L * 1024 * 1024;

  /** The policy of every response but the page: nothing may load. */
  public static final String JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

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

  private final Pipeline pipeline;
  private final Path dir;
  private final PrintWriter err;
  private final String host;
  private final AtomicReference<State> state = new AtomicReference<>();
  /** Held by every use of {@link #pipeline} after the start: one call at a time. */
  private final ReentrantLock updates = new ReentrantLock();
  /** Set by {@link #stop()}: no update starts after it. */
  private volatile boolean stopping;
  private final Javalin app;

  private ServeApp(
      Pipeline pipeline, Path dir, State first, PrintWriter err, String host, int port) {
    this.pipeline = pipeline;
    this.dir = dir;
    this.err = Objects.requireNonNull(err, "err");
    this.host = Objects.requireNonNull(host, "host");
    this.state.set(first);
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
   * Analyses the corpus (the {@code paths} and {@code dir/added/}) on {@code pipeline}, then
   * listens on {@code host} and {@code port} (0: a free port).
   *
   * @param pipeline runs every stage; the caller keeps it and closes it after {@link #stop()}
   * @param paths files, folders or globs, relative to the working directory
   * @param dir the corpus folder: {@code added/} holds the added articles, {@code tmp/} uploads
   *     being read (never read as input)
   * @param err where request failures are logged
   */
  public static ServeApp start(
      Pipeline pipeline, List<String> paths, Path dir, PrintWriter err, String host, int port)
      throws IOException {
    Objects.requireNonNull(pipeline, "pipeline");
    Path folder = dir.toAbsolutePath().normalize();
    Files.createDirectories(folder.resolve("added"));
    State first = analyse(pipeline, List.copyOf(paths), folder);
    ServeApp s = new ServeApp(pipeline, folder, first, err, host, port);
    s.app.start();
    return s;
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** The address it listens on, as bound. */
  public InetSocketAddress address() {
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
  public Report report() {
    return current().report();
  }

  /**
   * Stops listening and frees the port, after the update under way if any; safe to call twice.
   * The pipeline stays open (its owner closes it).
   */
  public void stop() {
    stopping = true;
    app.stop();
    updates.lock(); // an update that got in before the stop finishes with the pipeline first
    updates.unlock();
  }

  @Override
  public void close() {
    stop();
  }

  private State current() {
    return state.get();
  }

  // ---------------------------------------------------------------- the pipeline

  /** What reading some inputs gave: how many files, their articles, and every problem so far. */
  private record Read(int inputs, IngestResult result, List<Problem> problems) {}

  /** The whole corpus: {@code paths} and {@code dir/added/}. */
  private static State analyse(Pipeline pipeline, List<String> paths, Path dir) throws IOException {
    List<String> names = new ArrayList<>(paths);
    names.add(dir.resolve("added").toString());
    Read read = read(pipeline, names, dir);
    return state(pipeline.analyze(read.inputs(), read.result().articles(), read.problems()));
  }

  /** Expands the names (leaving out {@code dir/tmp/}) and runs the ingest stage on them. */
  private static Read read(Pipeline pipeline, List<String> names, Path dir) {
    Path cwd = Path.of("").toAbsolutePath();
    Inputs.Expansion expansion = Inputs.expand(names, cwd, Optional.of(dir.resolve("tmp")));
    IngestResult result = pipeline.ingest(expansion.inputs(), Corpus.Progress.none());
    List<Problem> problems = new ArrayList<>(expansion.problems());
    problems.addAll(result.problems());
    return new Read(expansion.inputs().size(), result, problems);
  }

  private static State state(Report report) throws IOException {
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
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY) {
      error(ctx, 413, tooLarge());
      return;
    }
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

    int status;
    State now;
    IngestResult read;
    List<Problem> refused = null;
    updates.lock(); // the pipeline is for one call at a time
    try {
      if (stopping) {
        throw new HttpResponseException(503, "the server is stopping");
      }
      // Read it alone first: what the ingest rejects is not kept.
      Path tmpDir = Files.createDirectories(dir.resolve("tmp"));
      Path probeDir = Files.createTempDirectory(tmpDir, "upload");
      Path probe = probeDir.resolve(saved);
      try {
        Files.write(probe, bytes);
        read = pipeline.ingest(List.of(new Inputs.Input(probe, name)), Corpus.Progress.none());
      } finally {
        Files.deleteIfExists(probe);
        Files.deleteIfExists(probeDir);
      }
      if (read.articles().isEmpty()) {
        status = 400;
        now = null;
      } else {
        Path target = dir.resolve("added").resolve(saved);
        if (Files.exists(target)) {
          status = 200; // the same bytes were added before
        } else {
          Path tmp = Files.createTempFile(tmpDir, "added", ".tmp");
          Files.write(tmp, bytes);
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          status = 201;
          try {
            // Only the new article is read and only the stories it changes are analysed again.
            Read more = read(pipeline, List.of(target.toString()), dir);
            Report before = current().report();
            Pipeline.Update update =
                pipeline.add(before, more.inputs(), more.result().articles(), more.problems());
            if (!update.changes().overBudget().isEmpty()) {
              // Refused, and not kept: a restart must not trip on it again.
              Files.deleteIfExists(target);
              Set<Problem> old = new java.util.HashSet<>(before.problems());
              List<Problem> fresh =
                  update.report().problems().stream().filter(p -> !old.contains(p)).toList();
              refused = fresh;
            } else {
              state.set(state(update.report()));
            }
          } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
          }
        }
        now = current();
      }
    } finally {
      updates.unlock();
    }
    if (refused != null) {
      List<String> why = new ArrayList<>();
      refused.forEach(p -> why.add(describe(p)));
      ObjectNode body = MAPPER.createObjectNode();
      body.put(
          "error",
          name + " was not added: it went over the time budget of the analysis ("
              + String.join("; ", why) + ")");
      body.set("problems", problems(refused));
      json(ctx, 422, MAPPER.writeValueAsBytes(body));
      return;
    }
    if (now == null) {
      List<String> why = new ArrayList<>();
      read.problems().forEach(p -> why.add(describe(p)));
      ObjectNode body = MAPPER.createObjectNode();
      body.put("error", why.isEmpty() ? name + ": no article found" : String.join("; ", why));
      body.set("problems", problems(read.problems()));
      json(ctx, 400, MAPPER.writeValueAsBytes(body));
      return;
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
      error(ctx, h.getStatus(), h.getStatus() == 413 ? tooLarge() : h.getMessage());
      return;
    }
    if (multipartTooLarge(e)) {
      error(ctx, 413, tooLarge());
      return;
    }
    err.println("triangulate serve: " + e);
    err.flush();
    error(ctx, 500, "the request failed: " + e.getMessage());
  }

  // ---------------------------------------------------------------- helpers

  private static String tooLarge() {
    return String.format(
        Locale.ROOT, "the request is larger than the limit of %,d bytes", MAX_BODY);
  }

  /** Whether a failure is the multipart parser refusing a part or a body over its size limit. */
  private static boolean multipartTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("max file size") || m.contains("max request size") || m.contains("exceeds")
          || m.contains("too large") || m.contains("max length")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

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
