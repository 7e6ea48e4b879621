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
import org.triangulate.pipeline.Stats;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;
import org.triangulate.changes.CorpusChange;
import org.triangulate.store.CorpusStore;
import org.triangulate.store.SearchHit;
import org.triangulate.store.StoredChange;
import org.triangulate.store.StoredPipeline;

/**
 * The local web app behind {@code triangulate serve}: the report of a corpus as the same page as
 * {@code report.html}, the same data as JSON, and an endpoint that adds an article to it.
 *
 * <p>The corpus is a {@link CorpusStore} ({@code DIR/corpus.db}, or a PostgreSQL database) worked
 * on through a {@link StoredPipeline}. At the start the app loads what the corpus holds and adds
 * the PATHs given and the files of {@code DIR/added/} whose content it does not hold yet; an
 * article POSTed goes through the same incremental path ({@link StoredPipeline#add}: only it is
 * read, only the stories it changes are analysed again, one transaction), and is also kept as a
 * file in {@code DIR/added/} (named by its original name and the SHA-256 of its bytes). Story ids
 * survive restarts: the corpus keeps them. Updates run one at a time; requests read the last
 * committed state, whose page and JSON are made when first asked for.
 *
 * <p>The app does not own the pipeline or the store: the caller closes them, after {@link
 * #stop()}.
 */
public final class ServeApp implements AutoCloseable {

  /** Largest request body accepted, in bytes. */
  public static final long MAX_BODY = 20L * 1024 * 1024;

  /** The largest refused body read to its end before the refusal (see {@code discardBody}). */
  static final long MAX_DISCARD = 4 * MAX_BODY;

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
  static final class State {
    private final Report report;
    private final Map<String, Story> byId = new java.util.HashMap<>();
    private volatile byte[] html;
    private volatile byte[] json;
    private volatile byte[] list;
    private final Map<String, byte[]> stories = new java.util.concurrent.ConcurrentHashMap<>();

    State(Report report) {
      this.report = report;
      for (Story s : report.stories()) {
        byId.put(s.id(), s);
      }
      for (Story s : report.stories()) {
        s.aliases().forEach(a -> byId.putIfAbsent(a, s));
      }
    }

    Report report() {
      return report;
    }

    /** The page, as {@link HtmlReportWriter} writes it for the app (with the form). */
    byte[] html() throws IOException {
      byte[] h = html;
      if (h == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter(true).write(report, out);
        html = h = out.toByteArray();
      }
      return h;
    }

    /** The report, as {@link JsonReportWriter} writes it. */
    byte[] json() throws IOException {
      byte[] j = json;
      if (j == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, out);
        json = j = out.toByteArray();
      }
      return j;
    }

    /** The compact story list: id, title, articles, contested. */
    byte[] list() throws IOException {
      byte[] l = list;
      if (l == null) {
        ArrayNode rows = MAPPER.createArrayNode();
        for (Story s : report.stories()) {
          org.triangulate.model.Reconciliation r = report.reconciliation().get(s.id());
          long contested =
              r == null ? 0 : r.claims().stream().filter(c -> c.status().equals("contested")).count();
          ObjectNode row = rows.addObject();
          row.put("id", s.id());
          row.put("title", s.title());
          row.put("articles", s.articles().size());
          row.put("contested", contested);
        }
        list = l = MAPPER.writeValueAsBytes(rows);
      }
      return l;
    }

    /** The story of {@code id} (or of which {@code id} is an alias) as the report writes it. */
    byte[] story(String id) throws IOException {
      Story s = byId.get(id);
      if (s == null) {
        return null;
      }
      byte[] b = stories.get(s.id());
      if (b == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
          JsonReportWriter.story(
              g, s, report.provenance().get(s.id()), report.reconciliation().get(s.id()));
        }
        b = out.toByteArray();
        stories.put(s.id(), b);
      }
      return b;
    }
  }

  private final StoredPipeline corpus;
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
      StoredPipeline corpus, Path dir, State first, PrintWriter err, String host, int port) {
    this.corpus = corpus;
    this.pipeline = corpus.pipeline();
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
              config.routes.get("/api/search", this::search);
              config.routes.get("/api/changes", this::changes);
              config.routes.get("/feed.xml", this::feed);
              config.routes.exception(Exception.class, this::failure);
              config.routes.error(404, ctx -> error(ctx, 404, "no such page: " + ctx.path()));
            });
  }

  /**
   * Loads the corpus and adds to it the {@code paths} and the files of {@code dir/added/} whose
   * content it does not hold yet, then listens on {@code host} and {@code port} (0: a free port).
   *
   * @param corpus the store and the pipeline (built with the store's records); the caller keeps
   *     them and closes them after {@link #stop()}
   * @param paths files, folders or globs, relative to the working directory
   * @param dir the corpus folder: {@code added/} holds the added articles, {@code tmp/} uploads
   *     being read (never read as input)
   * @param err where request failures are logged
   */
  public static ServeApp start(
      StoredPipeline corpus, List<String> paths, Path dir, PrintWriter err, String host, int port)
      throws IOException {
    Objects.requireNonNull(corpus, "corpus");
    Path folder = dir.toAbsolutePath().normalize();
    Files.createDirectories(folder.resolve("added"));
    corpus.pipeline().warmUp(); // a server reads articles: the first POST must not wait for the models
    State first = open(corpus, List.copyOf(paths), folder, Objects.requireNonNull(err, "err"));
    // While it waits for the first article: compile the reading code on a few of the corpus's
    // articles, and build the grouping state the first add starts from.
    List<Article> samples = warmUpSamples(first.report().articles());
    long warming = System.nanoTime();
    corpus
        .pipeline()
        .warmUp(samples)
        .thenAccept(
            n -> {
              err.println(
                  String.format(
                      Locale.ROOT,
                      "triangulate serve: warmed up in %.1f s (models loaded, %d of %d sample articles read)",
                      (System.nanoTime() - warming) / 1e9,
                      n,
                      samples.size()));
              err.flush();
            });
    corpus.pipeline().prepare(first.report());
    ServeApp s = new ServeApp(corpus, folder, first, err, host, port);
    s.app.start();
    return s;
  }

  /** How many of the corpus's articles {@link #start} reads to warm the models up. */
  static final int WARM_UP_SAMPLES = 12;

  /**
   * Up to {@link #WARM_UP_SAMPLES} articles of ordinary length, spread evenly over the corpus in
   * id order (so the choice does not depend on the order they came in).
   */
  static List<Article> warmUpSamples(List<Article> articles) {
    List<Article> ordinary =
        articles.stream()
            .filter(a -> a.text().length() <= 6_000)
            .sorted(java.util.Comparator.comparing(Article::id))
            .toList();
    List<Article> out = new ArrayList<>();
    int n = Math.min(WARM_UP_SAMPLES, ordinary.size());
    for (int i = 0; i < n; i++) {
      out.add(ordinary.get((int) ((long) i * ordinary.size() / n)));
    }
    return out;
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

  /**
   * The corpus as the store holds it, with {@code paths} and {@code dir/added/} added where the
   * store does not hold their content.
   */
  private static State open(
      StoredPipeline corpus, List<String> paths, Path dir, PrintWriter err) {
    List<String> names = new ArrayList<>(paths);
    names.add(dir.resolve("added").toString());
    Path cwd = Path.of("").toAbsolutePath();
    Inputs.Expansion expansion = Inputs.expand(names, cwd, Optional.of(dir.resolve("tmp")));
    Map<String, String> hashes = Inputs.sha256(expansion.inputs());
    Map<String, List<String>> known = corpus.inputsByHash();
    List<Inputs.Input> fresh =
        expansion.inputs().stream()
            .filter(in -> !known.containsKey(hashes.get(in.source())))
            .toList();
    if (fresh.isEmpty()) {
      // Nothing to add: a name that matches nothing is said, not committed as a change.
      expansion.problems().forEach(p -> err.println("triangulate serve: " + describe(p)));
      err.flush();
      return new State(corpus.state());
    }
    Read read = read(corpus.pipeline(), fresh, expansion.problems());
    Map<String, String> freshHashes = new java.util.TreeMap<>();
    fresh.forEach(in -> {
      String h = hashes.get(in.source());
      if (h != null) {
        freshHashes.put(in.source(), h);
      }
    });
    return new State(
        corpus.add(read.inputs(), read.result().articles(), read.problems(), freshHashes).report());
  }

  /** Runs the ingest stage on {@code inputs}. */
  private static Read read(Pipeline pipeline, List<Inputs.Input> inputs, List<Problem> found) {
    IngestResult result = pipeline.ingest(inputs, Corpus.Progress.none());
    List<Problem> problems = new ArrayList<>(found);
    problems.addAll(result.problems());
    return new Read(inputs.size(), result, problems);
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

  private void page(Context ctx) throws IOException {
    ctx.header("Content-Security-Policy", HtmlReportWriter.contentSecurityPolicy(true));
    ctx.status(200).contentType("text/html; charset=utf-8").result(current().html());
  }

  private void story(Context ctx) throws IOException {
    byte[] s = current().story(ctx.pathParam("id"));
    if (s == null) {
      error(ctx, 404, "no such story: " + ctx.pathParam("id"));
    } else {
      json(ctx, 200, s);
    }
  }

  /** Most search hits one request returns. */
  static final int SEARCH_MAX = 200;

  /** Most changes one request or the feed returns. */
  static final int CHANGES_MAX = 100;

  /**
   * {@code GET /api/search?q=…&limit=N}: articles, claims, quotes and entity names, best first,
   * each with a snippet and the span of its words in an article's text.
   */
  private void search(Context ctx) throws IOException {
    String q = ctx.queryParam("q");
    Integer limit = number(ctx, "limit", 20, SEARCH_MAX);
    if (limit == null) {
      return;
    }
    List<SearchHit> hits;
    CorpusStore store = corpus.store();
    synchronized (store) {
      hits = q == null ? List.of() : store.search(q, limit);
    }
    ObjectNode body = MAPPER.createObjectNode();
    body.put("query", q == null ? "" : q);
    ArrayNode rows = body.putArray("hits");
    for (SearchHit h : hits) {
      ObjectNode o = rows.addObject();
      o.put("kind", h.kind());
      o.put("id", h.id());
      optional(o, "story", h.story());
      optional(o, "article", h.article());
      if (h.span().isPresent()) {
        o.putArray("span").add(h.span().get().begin()).add(h.span().get().end());
      } else {
        o.putNull("span");
      }
      o.put("snippet", h.snippet());
      ArrayNode marks = o.putArray("marks");
      h.marks().forEach(m -> marks.addArray().add(m.begin()).add(m.end()));
    }
    json(ctx, 200, MAPPER.writeValueAsBytes(body));
  }

  /**
   * {@code GET /api/changes?since=G&limit=N}: what each commit after generation {@code G} changed
   * (new stories, articles joining one, claims newly contested or with a new independent source),
   * oldest first, with the corpus's current generation.
   */
  private void changes(Context ctx) throws IOException {
    Integer limit = number(ctx, "limit", CHANGES_MAX, CHANGES_MAX);
    Long since = ctx.queryParam("since") == null ? Long.valueOf(0) : longNumber(ctx, "since");
    if (limit == null || since == null) {
      return;
    }
    List<StoredChange> changes;
    long generation;
    CorpusStore store = corpus.store();
    synchronized (store) {
      changes = store.changesSince(since, limit);
      generation = store.generation();
    }
    ObjectNode body = MAPPER.createObjectNode();
    body.put("generation", generation);
    ArrayNode rows = body.putArray("changes");
    for (StoredChange c : changes) {
      ObjectNode o = rows.addObject();
      o.put("generation", c.generation());
      o.put("committed", c.committedAt().toString());
      CorpusChange change = CorpusChange.fromJson(c.change());
      change.summary().forEach(o.putArray("summary")::add);
      o.set("change", MAPPER.readTree(c.change()));
    }
    json(ctx, 200, MAPPER.writeValueAsBytes(body));
  }

  /** {@code GET /feed.xml}: what the last {@value #CHANGES_MAX} commits changed, as an Atom feed. */
  private void feed(Context ctx) throws IOException {
    List<StoredChange> changes;
    CorpusStore store = corpus.store();
    synchronized (store) {
      changes = store.changesSince(Math.max(0, store.generation() - CHANGES_MAX), CHANGES_MAX);
    }
    List<AtomFeed.Generation> entries = new ArrayList<>();
    for (StoredChange c : changes) {
      entries.add(new AtomFeed.Generation(c.generation(), c.committedAt(), CorpusChange.fromJson(c.change())));
    }
    java.net.URI page;
    try {
      page = new java.net.URI("http://" + ctx.header("Host") + "/");
    } catch (java.net.URISyntaxException e) {
      page = java.net.URI.create("http://" + host + ":" + port() + "/");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new AtomFeed(page, page.resolve("feed.xml"), "Triangulate: what changed in the corpus")
        .write(entries, out);
    ctx.status(200).contentType(AtomFeed.MEDIA_TYPE + "; charset=utf-8").result(out.toByteArray());
  }

  /** A query parameter that must be a count from 0 to {@code max}; null after a 400 answer. */
  private static Integer number(Context ctx, String name, int fallback, int max) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 0 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    error(ctx, 400, "'" + name + "' must be a whole number from 0 to " + max);
    return null;
  }

  private static Long longNumber(Context ctx, String name) {
    try {
      long n = Long.parseLong(ctx.queryParam(name).strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    error(ctx, 400, "'" + name + "' must be a generation, a whole number from 0");
    return null;
  }

  private static void optional(ObjectNode o, String name, Optional<String> v) {
    if (v.isPresent()) {
      o.put(name, v.get());
    } else {
      o.putNull(name);
    }
  }

  /** {@code POST /api/articles}: a pasted text body or a multipart {@code file}. */
  private void add(Context ctx) throws IOException {
    long started = System.nanoTime();
    Map<String, Double> stagesWere = wallByStage(pipeline.stats());
    String name;
    byte[] bytes;
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY) {
      discardBody(ctx, declared);
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
    String sha = sha256(bytes);

    int status;
    State now;
    IngestResult read;
    List<Problem> refused = null;
    Pipeline.Changes changes = null;
    Set<String> sources = new java.util.HashSet<>();
    updates.lock(); // the pipeline is for one call at a time
    try {
      if (stopping) {
        throw new HttpResponseException(503, "the server is stopping");
      }
      List<String> held = corpus.inputsByHash().get(sha);
      if (held != null) {
        // The same bytes are in the corpus already: nothing to add.
        status = 200;
        read = new IngestResult(List.of(), List.of());
        sources.addAll(held);
        now = current();
      } else {
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
          if (!Files.exists(target)) {
            Path tmp = Files.createTempFile(tmpDir, "added", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          }
          status = 201;
          try {
            // Only the new article is read and only the stories it changes are analysed again.
            Inputs.Input input = new Inputs.Input(target, target.toString().replace('\\', '/'));
            Read more = read(pipeline, List.of(input), List.of());
            Report before = current().report();
            AtomicReference<Pipeline.Update> over = new AtomicReference<>();
            Optional<StoredPipeline.Result> done =
                corpus.add(
                    more.inputs(),
                    more.result().articles(),
                    more.problems(),
                    Map.of(input.source(), sha),
                    u -> {
                      if (u.changes().overBudget().isEmpty()) {
                        return true;
                      }
                      over.set(u);
                      return false;
                    });
            if (done.isEmpty()) {
              // Refused, and not kept: a restart must not trip on it again.
              Files.deleteIfExists(target);
              pipeline.prepare(before); // the add used the prepared grouping; the state is as it was
              Set<Problem> old = new java.util.HashSet<>(before.problems());
              refused =
                  over.get().report().problems().stream().filter(p -> !old.contains(p)).toList();
            } else {
              state.set(new State(done.get().report()));
              changes = done.get().changes();
              sources.add(input.source());
              logAdd(input.source(), changes, started, stagesWere);
              pipeline.prepare(done.get().report());
            }
          } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
          }
          now = current();
        }
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
      if (sources.contains(a.source())) {
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
    if (changes != null) {
      ObjectNode changed = body.putObject("changed");
      changes.newStories().forEach(changed.putArray("newStories")::add);
      changes.grownStories().forEach(changed.putArray("grownStories")::add);
      ObjectNode merged = changed.putObject("merged");
      changes.merged().forEach((k, v) -> v.forEach(merged.putArray(k)::add));
      changed.put("unchanged", changes.unchanged());
    } else {
      body.put("alreadyHeld", true);
    }
    body.set("problems", problems(read.problems()));
    json(ctx, status, MAPPER.writeValueAsBytes(body));
  }

  /** Each stage's wall time so far. */
  private static Map<String, Double> wallByStage(Stats stats) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    stats.stages().forEach(s -> out.put(s.name(), s.wallSeconds()));
    return out;
  }

  /**
   * One line per article added, for whoever runs the server: what it changed and where the time
   * went, stage by stage (those that took at least 10 ms).
   */
  private void logAdd(
      String source, Pipeline.Changes changes, long started, Map<String, Double> stagesWere) {
    double seconds = (System.nanoTime() - started) / 1e9;
    List<String> spent = new ArrayList<>();
    wallByStage(pipeline.stats())
        .forEach(
            (stage, wall) -> {
              double d = wall - stagesWere.getOrDefault(stage, 0.0);
              if (d >= 0.01) {
                spent.add(String.format(Locale.ROOT, "%s %.2f", stage, d));
              }
            });
    err.println(
        String.format(
            Locale.ROOT,
            "triangulate serve: added %s in %.2f s: %d new stories, %d grown, %d merged (%s)",
            source,
            seconds,
            changes.newStories().size(),
            changes.grownStories().size(),
            changes.merged().size(),
            String.join(", ", spent)));
    err.flush();
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

  /**
   * Reads and throws away a refused request's body, so that the client, which is still sending it,
   * reads the refusal instead of a reset connection: a server that answers and closes while the
   * body is on its way makes the client's TCP stack drop the answer. A body beyond {@link
   * #MAX_DISCARD} is not read; that connection is closed after the answer.
   */
  private static void discardBody(Context ctx, long declared) {
    if (declared > MAX_DISCARD) {
      ctx.header("Connection", "close");
      return;
    }
    byte[] sink = new byte[64 * 1024];
    try (InputStream in = ctx.req().getInputStream()) {
      long left = declared;
      int n;
      while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException e) {
      // The client gave up sending; the answer still goes out as far as it can.
      ctx.header("Connection", "close");
    }
  }

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
