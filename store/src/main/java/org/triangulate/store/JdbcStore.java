package org.triangulate.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Problem;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;
import org.triangulate.report.JsonReportReader;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/**
 * What both stores share: the schema's tables, how a state is written (whole, or as the rows that
 * differ from an earlier state), read back, and checked. The SQL is one dialect that SQLite and
 * PostgreSQL both speak; each subclass says how a connection is opened, how a consistent snapshot
 * is read, and what its database's own check is.
 */
abstract class JdbcStore implements CorpusStore {

  /** The ingest stage's name in problems ({@code Ingester.STAGE}): its sources are inputs. */
  private static final String INGEST = "ingest";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Rows per JDBC batch. */
  private static final int BATCH = 500;

  /** How many problems of one kind the integrity check names before it counts the rest. */
  private static final int NAMED = 20;

  private static final Report EMPTY = new Report(0, List.of(), List.of(), List.of());

  /** Tables in the order a full replacement empties them. */
  private static final List<String> TABLES =
      List.of(
          "problems", "reconciliation", "provenance", "story_aliases", "story_articles", "stories",
          "entities", "annotations", "articles", "inputs");

  final Connection connection;
  private final String location;
  private final String schemaVersion;
  /** The generation this store last read or wrote. */
  private long generation;
  /** The state this store last loaded, saved or applied; null before the first. */
  private Report state;
  /** The kept readings and vectors; made when first asked for. */
  private KeptRecords records;
  /** Dates the changes this store records. */
  private final Clock clock;
  /** Whether the schema has the search index (3) and the change log (4). */
  private final boolean searchable;
  private final boolean logged;
  /** Why the search index could not be built when the corpus opened; null when it was. */
  private String searchProblem;

  JdbcStore(Connection connection, String location, String schemaVersion, Clock clock) {
    this.connection = connection;
    this.location = location;
    this.schemaVersion = schemaVersion;
    this.clock = clock;
    MigrationVersion v = MigrationVersion.fromVersion(schemaVersion);
    this.searchable = v.isAtLeast("3");
    this.logged = v.isAtLeast("4");
    this.generation = transaction(true, this::readGeneration);
    if (searchable && transaction(true, () -> SearchIndex.format(connection)) != SearchIndex.FORMAT) {
      // A corpus upgraded from before the index, or indexed by another version: index its rows.
      try {
        rebuild(false);
        afterIndexing();
      } catch (StoreException e) {
        searchProblem = e.getMessage();
      }
    }
  }

  /** How this database runs a search. */
  abstract SearchIndex.Dialect searchDialect();

  /**
   * Called after a commit that indexed the whole corpus (a save, a rebuild): where the database
   * plans queries by statistics, it gathers them now rather than when it next gets round to it.
   */
  void afterIndexing() {}

  /** Whether the corpus's schema has the search index. */
  final boolean searchable() {
    return searchable;
  }

  /** Called before a read-only transaction starts: it must see one snapshot of the corpus. */
  abstract void beginSnapshot() throws SQLException;

  /** Called after it ended. */
  abstract void endSnapshot() throws SQLException;

  /** The database's own check of its files and structures; empty when it has none or finds none. */
  abstract List<String> engineCheck() throws SQLException;

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public long generation() {
    return generation;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public synchronized KeptRecords records() {
    if (records == null) {
      records = new KeptRecords(this);
    }
    return records;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException(location + ": could not close: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- writing

  @Override
  public Writes save(Report report, Map<String, String> inputHashes, Optional<String> change) {
    check(report, inputHashes);
    checkChange(change);
    state = null;
    long[] saved = new long[1];
    Writes writes = transaction(
        false,
        () -> {
          Writes.Counter counter = new Writes.Counter();
          try (PreparedStatement s =
              connection.prepareStatement(
                  "UPDATE corpus SET inputs = ?, generation = generation + 1 WHERE id = 1")) {
            s.setLong(1, report.inputs());
            counter.updated("corpus", one(s.executeUpdate(), "the corpus row"));
          }
          try (Statement s = connection.createStatement()) {
            for (String table : TABLES) {
              counter.deleted(table, s.executeUpdate("DELETE FROM " + table));
            }
          }
          Plan plan = new Plan();
          plan(plan, EMPTY, report, inputHashes);
          if (searchable) {
            try (Statement s = connection.createStatement()) {
              counter.deleted("search_entries", s.executeUpdate("DELETE FROM search_entries"));
            }
            planSearch(plan, SearchIndex.diff(Map.of(), SearchIndex.entries(report)));
            markSearchBuilt(counter);
          }
          plan.run(counter);
          saved[0] = readGeneration();
          record(counter, saved[0], change);
          return counter.writes();
        });
    generation = saved[0];
    state = report;
    if (searchable) {
      searchProblem = null;
      afterIndexing();
    }
    return writes;
  }

  @Override
  public Writes apply(
      Report before, Report after, Map<String, String> inputHashes, Optional<String> change) {
    check(after, inputHashes);
    checkChange(change);
    holds(before);
    long from = generation;
    Writes writes =
        transaction(
            false,
            () -> {
              Writes.Counter counter = new Writes.Counter();
              // First, so that the transaction holds the write lock from its start.
              try (PreparedStatement s =
                  connection.prepareStatement(
                      "UPDATE corpus SET inputs = ?, generation = generation + 1"
                          + " WHERE id = 1 AND generation = ?")) {
                s.setLong(1, after.inputs());
                s.setLong(2, from);
                if (s.executeUpdate() != 1) {
                  throw conflict(readGeneration());
                }
                counter.updated("corpus", 1);
              }
              Plan plan = new Plan();
              plan(plan, before, after, inputHashes);
              if (searchable) {
                planSearch(plan, SearchIndex.writes(before, after));
              }
              plan.run(counter);
              record(counter, from + 1, change);
              return counter.writes();
            });
    generation = from + 1;
    state = after;
    return writes;
  }

  /** Refuses a change that is not JSON, or one this corpus's schema has nowhere to keep. */
  private void checkChange(Optional<String> change) {
    if (change.isPresent()) {
      ChangeLog.check(change.get());
      if (!logged) {
        throw new StoreException(
            location + " has schema version " + schemaVersion + ", which keeps no change log");
      }
    }
  }

  /** Records {@code change}, if any, as generation {@code generation}'s. */
  private void record(Writes.Counter counter, long generation, Optional<String> change)
      throws SQLException {
    if (change.isPresent()) {
      counter.inserted("changes",
          ChangeLog.insert(connection, generation, clock.instant(), change.get()));
    }
  }

  private static void planSearch(Plan p, List<SearchIndex.Write> writes) {
    for (SearchIndex.Write w : writes) {
      p.loose("search_entries", w.kind(), w.sql(), w.values());
    }
  }

  private void markSearchBuilt(Writes.Counter counter) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("UPDATE search_state SET format = ? WHERE id = 1 AND format <> ?")) {
      s.setInt(1, SearchIndex.FORMAT);
      s.setInt(2, SearchIndex.FORMAT);
      int n = s.executeUpdate();
      if (n > 0) {
        counter.updated("search_state", n);
      }
    }
  }

  // ---------------------------------------------------------------- search and changes

  // Reads that a server may make while another thread writes through StoredPipeline hold the
  // store's lock, as StoredPipeline and KeptRecords do: the store has one connection.

  @Override
  public synchronized List<SearchHit> search(String query, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    if (!searchable) {
      throw new StoreException(
          location + " has schema version " + schemaVersion + ", which has no search index");
    }
    SearchText.Query q = SearchText.Query.parse(query);
    if (q.isEmpty() || limit == 0) {
      return List.of();
    }
    return transaction(true, () -> SearchIndex.search(connection, searchDialect(), q, limit));
  }

  @Override
  public synchronized void rebuildSearchIndex() {
    if (!searchable) {
      throw new StoreException(
          location + " has schema version " + schemaVersion + ", which has no search index");
    }
    rebuild(true);
    searchProblem = null;
    afterIndexing();
  }

  /**
   * Indexes the whole corpus again, in one transaction that first takes the writers' lock (the
   * corpus row, left as it is), so no write lands meanwhile; unless {@code always}, only when the
   * index is not in this program's format (another process may have built it meanwhile).
   */
  private void rebuild(boolean always) {
    transaction(
        false,
        () -> {
          try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE corpus SET generation = generation WHERE id = 1");
          }
          if (!always && SearchIndex.format(connection) == SearchIndex.FORMAT) {
            return null;
          }
          Writes.Counter counter = new Writes.Counter();
          try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM search_entries");
          }
          Plan plan = new Plan();
          planSearch(plan, SearchIndex.diff(Map.of(), SearchIndex.entries(read())));
          plan.run(counter);
          markSearchBuilt(counter);
          return null;
        });
  }

  @Override
  public synchronized List<StoredChange> changesSince(long generation, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    if (!logged || limit == 0) {
      return List.of();
    }
    return transaction(true, () -> ChangeLog.since(connection, generation, limit));
  }

  @Override
  public synchronized List<StoredChange> changesAfter(Instant instant, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    if (!logged || limit == 0) {
      return List.of();
    }
    return transaction(true, () -> ChangeLog.after(connection, instant, limit));
  }

  /**
   * Makes sure that the corpus holds {@code before}: the state this store last loaded, saved or
   * applied (the same object, or an equal one, or one that writes the same report.json). A store
   * that has not read the corpus yet reads it once to compare.
   *
   * @throws ConflictException if another writer changed the corpus since this store opened it
   * @throws StoreException if the corpus holds another state
   */
  private void holds(Report before) {
    if (state == null) {
      long now = transaction(true, this::readGeneration);
      if (now != generation) {
        throw conflict(now);
      }
      load();
    }
    if (before == state || before.equals(state) || sameReport(before, state)) {
      return;
    }
    throw new StoreException(
        location + " does not hold the state this update starts from (it holds generation "
            + generation + ", as this store last read or wrote it): load it and update from that");
  }

  private ConflictException conflict(long now) {
    return new ConflictException(
        location + " changed since this store last read or wrote it (generation " + generation
            + ", now " + now + "): load it again and redo the update");
  }

  /** Whether {@code a} and {@code b} write the same report.json and have the same parts. */
  private static boolean sameReport(Report a, Report b) {
    if (!a.annotations().keySet().equals(b.annotations().keySet())
        || !a.provenance().keySet().equals(b.provenance().keySet())
        || !a.reconciliation().keySet().equals(b.reconciliation().keySet())) {
      return false;
    }
    try {
      ByteArrayOutputStream x = new ByteArrayOutputStream();
      ByteArrayOutputStream y = new ByteArrayOutputStream();
      new JsonReportWriter().write(a, x);
      new JsonReportWriter().write(b, y);
      return java.util.Arrays.equals(x.toByteArray(), y.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds to {@code p} the statements that turn {@code before} into {@code after}. */
  private static void plan(Plan p, Report before, Report after, Map<String, String> hashes) {
    Map<String, Article> was = byId(before.articles(), Article::id);
    Map<String, Article> is = byId(after.articles(), Article::id);
    Map<String, String> shas = new HashMap<>();
    Function<String, String> textSha =
        id -> shas.computeIfAbsent(id, k -> Digests.sha256(is.get(k).text()));

    // Articles, and which texts changed (their stories' results were computed from other texts).
    Set<String> textChanged = new HashSet<>();
    for (Article b : before.articles()) {
      if (!is.containsKey(b.id())) {
        p.exact("articles", Kind.DELETE, "DELETE FROM articles WHERE id = ?", "article " + b.id(),
            Digests.key(b.id()));
      }
    }
    for (Article a : after.articles()) {
      Article b = was.get(a.id());
      if (b == null) {
        p.exact("articles", Kind.INSERT,
            "INSERT INTO articles (id, source, text_sha256, article) VALUES (?, ?, ?, ?)",
            "article " + a.id(), Digests.key(a.id()), Digests.key(a.source()), textSha.apply(a.id()),
            Payloads.article(a));
      } else if (!b.equals(a)) {
        if (!b.text().equals(a.text())) {
          textChanged.add(a.id());
        }
        p.exact("articles", Kind.UPDATE,
            "UPDATE articles SET source = ?, text_sha256 = ?, article = ? WHERE id = ?",
            "article " + a.id(), Digests.key(a.source()), textSha.apply(a.id()), Payloads.article(a),
            Digests.key(a.id()));
      }
    }

    // Annotations.
    for (String id : before.annotations().keySet()) {
      if (!after.annotations().containsKey(id)) {
        p.exact("annotations", Kind.DELETE, "DELETE FROM annotations WHERE article_id = ?",
            "annotations of article " + id, Digests.key(id));
      }
    }
    for (Map.Entry<String, Annotations> e : after.annotations().entrySet()) {
      String id = e.getKey();
      Annotations b = was.containsKey(id) ? before.annotations().get(id) : null;
      if (b == null) {
        p.exact("annotations", Kind.INSERT,
            "INSERT INTO annotations (article_id, annotations) VALUES (?, ?)",
            "annotations of article " + id, Digests.key(id),
            Payloads.annotations(is.get(id), e.getValue()));
      } else if (!b.equals(e.getValue())) {
        p.exact("annotations", Kind.UPDATE,
            "UPDATE annotations SET annotations = ? WHERE article_id = ?",
            "annotations of article " + id, Payloads.annotations(is.get(id), e.getValue()),
            Digests.key(id));
      }
    }

    // Entities.
    Map<String, Entity> entitiesWere = byId(before.entities(), Entity::id);
    Set<String> entitiesAre = new HashSet<>();
    for (Entity e : after.entities()) {
      entitiesAre.add(e.id());
      Entity b = entitiesWere.get(e.id());
      if (b == null) {
        p.exact("entities", Kind.INSERT, "INSERT INTO entities (id, entity) VALUES (?, ?)",
            "entity " + e.id(), Digests.key(e.id()), Payloads.entity(e));
      } else if (!b.equals(e)) {
        p.exact("entities", Kind.UPDATE, "UPDATE entities SET entity = ? WHERE id = ?",
            "entity " + e.id(), Payloads.entity(e), Digests.key(e.id()));
      }
    }
    for (Entity b : before.entities()) {
      if (!entitiesAre.contains(b.id())) {
        p.exact("entities", Kind.DELETE, "DELETE FROM entities WHERE id = ?", "entity " + b.id(),
            Digests.key(b.id()));
      }
    }

    // Stories: removed ones with everything that hangs on them.
    Map<String, Story> storiesWere = byId(before.stories(), Story::id);
    Map<String, Story> storiesAre = byId(after.stories(), Story::id);
    for (Story b : before.stories()) {
      if (!storiesAre.containsKey(b.id())) {
        String key = Digests.key(b.id());
        p.loose("story_articles", Kind.DELETE, "DELETE FROM story_articles WHERE story_id = ?", key);
        p.loose("story_aliases", Kind.DELETE, "DELETE FROM story_aliases WHERE story_id = ?", key);
        if (before.provenance().containsKey(b.id())) {
          p.exact("provenance", Kind.DELETE, "DELETE FROM provenance WHERE story_id = ?",
              "provenance of story " + b.id(), key);
        }
        if (before.reconciliation().containsKey(b.id())) {
          p.exact("reconciliation", Kind.DELETE, "DELETE FROM reconciliation WHERE story_id = ?",
              "reconciliation of story " + b.id(), key);
        }
        p.exact("stories", Kind.DELETE, "DELETE FROM stories WHERE id = ?", "story " + b.id(), key);
      }
    }
    // New and changed stories; a story's fingerprint changes with its articles or their texts.
    List<Story> toWrite = new ArrayList<>();
    Map<String, Boolean> fingerprintChanged = new HashMap<>();
    for (Story s : after.stories()) {
      Story b = storiesWere.get(s.id());
      boolean changed =
          b == null
              || !b.articles().equals(s.articles())
              || (!textChanged.isEmpty() && s.articles().stream().anyMatch(textChanged::contains));
      fingerprintChanged.put(s.id(), changed);
      if (changed || !b.equals(s)) {
        toWrite.add(s);
      }
    }
    Map<String, String> fingerprints = new HashMap<>();
    Function<String, String> fingerprint =
        id -> fingerprints.computeIfAbsent(id, k -> Digests.fingerprint(storiesAre.get(k), textSha));
    List<String> payloads = Payloads.stories(toWrite);
    for (int i = 0; i < toWrite.size(); i++) {
      Story s = toWrite.get(i);
      Story b = storiesWere.get(s.id());
      String key = Digests.key(s.id());
      if (b == null) {
        p.exact("stories", Kind.INSERT, "INSERT INTO stories (id, fingerprint, story) VALUES (?, ?, ?)",
            "story " + s.id(), key, fingerprint.apply(s.id()), payloads.get(i));
      } else {
        p.exact("stories", Kind.UPDATE, "UPDATE stories SET fingerprint = ?, story = ? WHERE id = ?",
            "story " + s.id(), fingerprint.apply(s.id()), payloads.get(i), key);
      }
      members(p, "story_articles", "article_id", s.id(),
          b == null ? List.of() : b.articles(), s.articles());
      members(p, "story_aliases", "alias", s.id(), b == null ? List.of() : b.aliases(), s.aliases());
    }
    // Their results.
    for (Story s : after.stories()) {
      boolean existed = storiesWere.containsKey(s.id());
      boolean changed = fingerprintChanged.get(s.id());
      results(p, "provenance", s.id(), changed, fingerprint,
          existed ? before.provenance().get(s.id()) : null, after.provenance().get(s.id()),
          Payloads::provenance);
      results(p, "reconciliation", s.id(), changed, fingerprint,
          existed ? before.reconciliation().get(s.id()) : null, after.reconciliation().get(s.id()),
          Payloads::reconciliation);
    }

    // Problems: a multiset; equal problems are told apart by their rank among them.
    Map<Problem, Integer> problemsWere = counts(before.problems());
    Map<Problem, Integer> problemsAre = counts(after.problems());
    for (Map.Entry<Problem, Integer> e : problemsWere.entrySet()) {
      for (int i = problemsAre.getOrDefault(e.getKey(), 0); i < e.getValue(); i++) {
        p.exact("problems", Kind.DELETE, "DELETE FROM problems WHERE id = ?",
            "problem " + e.getKey().message(), problemId(e.getKey(), i));
      }
    }
    List<Problem> newProblems = new ArrayList<>();
    List<String> newIds = new ArrayList<>();
    for (Map.Entry<Problem, Integer> e : problemsAre.entrySet()) {
      for (int i = problemsWere.getOrDefault(e.getKey(), 0); i < e.getValue(); i++) {
        newProblems.add(e.getKey());
        newIds.add(problemId(e.getKey(), i));
      }
    }
    List<String> problemPayloads = Payloads.problems(newProblems);
    for (int i = 0; i < newProblems.size(); i++) {
      Problem x = newProblems.get(i);
      p.exact("problems", Kind.INSERT,
          "INSERT INTO problems (id, source, stage, severity, problem) VALUES (?, ?, ?, ?, ?)",
          "problem " + x.message(), newIds.get(i), Digests.key(x.source()), Digests.key(x.stage()),
          x.severity().wireName(), problemPayloads.get(i));
    }

    // Inputs: every source an article or an ingest problem names, and every one given a hash.
    Set<String> sourcesWere = sources(before);
    Set<String> sourcesAre = sources(after);
    for (String s : sourcesWere) {
      if (!sourcesAre.contains(s)) {
        p.loose("inputs", Kind.DELETE, "DELETE FROM inputs WHERE source = ?", Digests.key(s));
      }
    }
    for (String s : sourcesAre) {
      if (!sourcesWere.contains(s) && !hashes.containsKey(s)) {
        // It may be there already: an input given a hash earlier that named nothing then.
        p.loose("inputs", Kind.INSERT,
            "INSERT INTO inputs (source, content_sha256) VALUES (?, NULL)"
                + " ON CONFLICT (source) DO NOTHING",
            Digests.key(s));
      }
    }
    for (Map.Entry<String, String> h : new TreeMap<>(hashes).entrySet()) {
      p.loose("inputs", sourcesWere.contains(h.getKey()) ? Kind.UPDATE : Kind.INSERT,
          "INSERT INTO inputs (source, content_sha256) VALUES (?, ?) ON CONFLICT (source) DO UPDATE"
              + " SET content_sha256 = excluded.content_sha256"
              + " WHERE inputs.content_sha256 IS DISTINCT FROM excluded.content_sha256",
          Digests.key(h.getKey()), h.getValue());
    }
  }

  /** The rows of one story's members or aliases that differ between {@code was} and {@code is}. */
  private static void members(
      Plan p, String table, String column, String story, List<String> was, List<String> is) {
    Set<String> before = new LinkedHashSet<>(was);
    Set<String> after = new LinkedHashSet<>(is);
    String key = Digests.key(story);
    for (String m : before) {
      if (!after.contains(m)) {
        p.exact(table, Kind.DELETE,
            "DELETE FROM " + table + " WHERE story_id = ? AND " + column + " = ?",
            table + " row " + m + " of story " + story, key, Digests.key(m));
      }
    }
    for (String m : after) {
      if (!before.contains(m)) {
        p.exact(table, Kind.INSERT,
            "INSERT INTO " + table + " (story_id, " + column + ") VALUES (?, ?)",
            table + " row " + m + " of story " + story, key, Digests.key(m));
      }
    }
  }

  /** One story's provenance or reconciliation: written when it or its story's articles changed. */
  private static <T> void results(
      Plan p,
      String table,
      String story,
      boolean fingerprintChanged,
      Function<String, String> fingerprint,
      T was,
      T is,
      Function<T, String> payload) {
    String key = Digests.key(story);
    String what = table + " of story " + story;
    if (is == null) {
      if (was != null) {
        p.exact(table, Kind.DELETE, "DELETE FROM " + table + " WHERE story_id = ?", what, key);
      }
    } else if (was == null) {
      p.exact(table, Kind.INSERT,
          "INSERT INTO " + table + " (story_id, fingerprint, " + table + ") VALUES (?, ?, ?)", what,
          key, fingerprint.apply(story), payload.apply(is));
    } else if (fingerprintChanged || !was.equals(is)) {
      p.exact(table, Kind.UPDATE,
          "UPDATE " + table + " SET fingerprint = ?, " + table + " = ? WHERE story_id = ?", what,
          fingerprint.apply(story), payload.apply(is), key);
    }
  }

  private static String problemId(Problem p, int rank) {
    return Digests.problem(p) + "#" + rank;
  }

  private static Map<Problem, Integer> counts(List<Problem> problems) {
    Map<Problem, Integer> out = new LinkedHashMap<>();
    problems.forEach(p -> out.merge(p, 1, Integer::sum));
    return out;
  }

  /** The inputs a state names: its articles' sources and its ingest problems' sources. */
  private static Set<String> sources(Report r) {
    Set<String> out = new LinkedHashSet<>();
    r.articles().forEach(a -> out.add(a.source()));
    r.problems().stream().filter(p -> p.stage().equals(INGEST)).forEach(p -> out.add(p.source()));
    return out;
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> out = new HashMap<>();
    items.forEach(t -> out.put(id.apply(t), t));
    return out;
  }

  /**
   * Refuses a state the store could not give back equal: lists out of the pipeline's order or with
   * an id twice, stories of articles it does not hold, articles in no story or in two, annotations
   * or results of records it does not hold, malformed hashes.
   */
  static void check(Report r, Map<String, String> hashes) {
    Set<String> articles = new HashSet<>();
    String last = null;
    for (Article a : r.articles()) {
      if (last != null && last.compareTo(a.id()) >= 0) {
        throw new IllegalArgumentException(
            "articles must be in id order, each once: '" + a.id() + "' comes after '" + last + "'");
      }
      last = a.id();
      articles.add(a.id());
    }
    last = null;
    for (Entity e : r.entities()) {
      if (last != null && last.compareTo(e.id()) >= 0) {
        throw new IllegalArgumentException(
            "entities must be in id order, each once: '" + e.id() + "' comes after '" + last + "'");
      }
      last = e.id();
    }
    Comparator<Story> order = STORY_ORDER;
    Story previous = null;
    Set<String> stories = new HashSet<>();
    Set<String> placed = new HashSet<>();
    for (Story s : r.stories()) {
      if (previous != null && order.compare(previous, s) >= 0) {
        throw new IllegalArgumentException(
            "stories must be in order of their first date (undated last), then id: '" + s.id()
                + "' comes after '" + previous.id() + "'");
      }
      if (!stories.add(s.id())) {
        throw new IllegalArgumentException("story '" + s.id() + "' appears twice");
      }
      previous = s;
      for (String a : s.articles()) {
        if (!articles.contains(a)) {
          throw new IllegalArgumentException(
              "story '" + s.id() + "' names article '" + a + "', which the state does not hold");
        }
        if (!placed.add(a)) {
          throw new IllegalArgumentException(
              "article '" + a + "' is in two stories (or twice in story '" + s.id() + "')");
        }
      }
    }
    if (placed.size() != articles.size()) {
      String lost = r.articles().stream().map(Article::id).filter(a -> !placed.contains(a)).findFirst().orElse("");
      throw new IllegalArgumentException("article '" + lost + "' is in no story");
    }
    for (int i = 1; i < r.problems().size(); i++) {
      if (r.problems().get(i - 1).compareTo(r.problems().get(i)) > 0) {
        throw new IllegalArgumentException(
            "problems must be in their natural order: '" + r.problems().get(i).message()
                + "' comes after '" + r.problems().get(i - 1).message() + "'");
      }
    }
    r.annotations().forEach((id, an) -> {
      if (!articles.contains(id) || !an.article().equals(id)) {
        throw new IllegalArgumentException("annotations under '" + id + "' are of no article the state holds by that id");
      }
    });
    r.provenance().forEach((id, pr) -> {
      if (!stories.contains(id) || !pr.story().equals(id)) {
        throw new IllegalArgumentException("provenance under '" + id + "' is of no story the state holds by that id");
      }
    });
    r.reconciliation().forEach((id, rc) -> {
      if (!stories.contains(id) || !rc.story().equals(id)) {
        throw new IllegalArgumentException("reconciliation under '" + id + "' is of no story the state holds by that id");
      }
    });
    hashes.forEach((source, sha) -> {
      if (sha == null || !SHA256.matcher(sha).matches()) {
        throw new IllegalArgumentException(
            "the hash of input '" + source + "' must be 64 lower-case hex digits (SHA-256): " + sha);
      }
    });
  }

  /** The order of stories in a state: first date (undated last), then id. */
  static final Comparator<Story> STORY_ORDER =
      Comparator.comparing((Story s) -> s.first().orElse("\uffff")).thenComparing(Story::id);

  // ---------------------------------------------------------------- reading

  @Override
  public Report load() {
    long[] read = new long[1];
    Report r =
        transaction(
            true,
            () -> {
              read[0] = readGeneration();
              return read();
            });
    generation = read[0];
    state = r;
    return r;
  }

  /** The state, read inside the current transaction. */
  private Report read() throws SQLException, IOException {
    long[] corpus = corpusRow();
    List<ObjectNode> articles = payloads("SELECT article FROM articles");
    Map<String, ObjectNode> annotations = keyed("SELECT article_id, annotations FROM annotations");
    List<ObjectNode> entities = payloads("SELECT entity FROM entities");
    List<ObjectNode> stories = payloads("SELECT story FROM stories");
    Map<String, ObjectNode> provenance = keyed("SELECT story_id, provenance FROM provenance");
    Map<String, ObjectNode> reconciliation =
        keyed("SELECT story_id, reconciliation FROM reconciliation");
    List<ObjectNode> problems = payloads("SELECT problem FROM problems");

    articles.sort(Comparator.comparing(n -> n.path("id").asText()));
    entities.sort(Comparator.comparing(n -> n.path("id").asText()));
    stories.sort(
        Comparator.comparing((ObjectNode n) -> n.path("first").isTextual() ? n.get("first").asText() : "\uffff")
            .thenComparing(n -> n.path("id").asText()));
    problems.sort(Comparator.comparing(JdbcStore::problem));

    Set<String> annotated = new HashSet<>();
    Set<String> traced = new HashSet<>();
    Set<String> reconciled = new HashSet<>();
    // The report as a tree, read as report.json would be (without writing and parsing it again).
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("schema", Report.SCHEMA);
    root.putObject("summary").put("inputs", corpus[0]);
    ArrayNode articleArray = root.putArray("articles");
    for (ObjectNode a : articles) {
      String id = a.path("id").asText();
      ObjectNode an = annotations.get(Digests.key(id));
      if (an != null) {
        annotated.add(id);
      }
      fill(a, Payloads.ANNOTATION_FIELDS, an);
      articleArray.add(a);
    }
    ArrayNode entityArray = root.putArray("entities");
    entities.forEach(entityArray::add);
    ArrayNode storyArray = root.putArray("stories");
    for (ObjectNode st : stories) {
      String id = st.path("id").asText();
      ObjectNode p = provenance.get(Digests.key(id));
      ObjectNode r = reconciliation.get(Digests.key(id));
      if (p != null) {
        traced.add(id);
      }
      if (r != null) {
        reconciled.add(id);
      }
      fill(st, Payloads.PROVENANCE_FIELDS, p);
      fill(st, Payloads.RECONCILIATION_FIELDS, r);
      storyArray.add(st);
    }
    ArrayNode problemArray = root.putArray("problems");
    problems.forEach(problemArray::add);
    Report r;
    try {
      r = new JsonReportReader().read(root);
    } catch (IOException e) {
      throw new StoreException(location + " does not read back as a report: " + e.getMessage(), e);
    }
    // report.json cannot tell an empty part from an absent one; the rows can.
    Map<String, Annotations> an = new TreeMap<>();
    for (String id : annotated) {
      an.put(id, r.annotations().getOrDefault(id,
          new Annotations(id, List.of(), List.of(), List.of(), List.of())));
    }
    Map<String, Provenance> pr = new TreeMap<>();
    for (String id : traced) {
      pr.put(id, r.provenance().getOrDefault(id,
          new Provenance(id, List.of(), List.of(), List.of(), List.of())));
    }
    Map<String, Reconciliation> rc = new TreeMap<>();
    for (String id : reconciled) {
      rc.put(id, r.reconciliation().getOrDefault(id,
          new Reconciliation(id, List.of(), List.of(), List.of(), List.of(), List.of())));
    }
    return new Report(r.inputs(), r.articles(), r.stories(), r.problems(), r.entities(), an, pr, rc);
  }

  /** Sets {@code fields} of {@code target} from {@code source}, empty lists without it. */
  private static void fill(ObjectNode target, List<String> fields, ObjectNode source) {
    for (String f : fields) {
      JsonNode v = source == null ? null : source.get(f);
      target.set(f, v == null ? Payloads.JSON.createArrayNode() : v);
    }
  }

  /** A problem's payload as the record, for ordering. */
  private static Problem problem(ObjectNode n) {
    return new Problem(
        n.path("source").asText(),
        n.path("location").asText(),
        n.path("stage").asText(),
        n.path("severity").asText().equals("error") ? Problem.Severity.ERROR : Problem.Severity.WARNING,
        n.path("message").asText());
  }

  private List<ObjectNode> payloads(String sql) throws SQLException {
    List<ObjectNode> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(Payloads.tree(rs.getString(1)));
      }
    }
    return out;
  }

  private Map<String, ObjectNode> keyed(String sql) throws SQLException {
    Map<String, ObjectNode> out = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), Payloads.tree(rs.getString(2)));
      }
    }
    return out;
  }

  /** {@code inputs} and {@code generation} of the corpus row. */
  private long[] corpusRow() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT inputs, generation FROM corpus WHERE id = 1")) {
      if (!rs.next()) {
        throw new StoreException(location + " has no corpus row: it is not a Triangulate corpus");
      }
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  private long readGeneration() throws SQLException {
    return corpusRow()[1];
  }

  @Override
  public Map<String, String> inputHashes() {
    return transaction(
        true,
        () -> {
          Map<String, String> out = new TreeMap<>();
          try (Statement s = connection.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT source, content_sha256 FROM inputs WHERE content_sha256 IS NOT NULL")) {
            while (rs.next()) {
              out.put(Digests.unkey(rs.getString(1)), rs.getString(2));
            }
          }
          return out;
        });
  }

  // ---------------------------------------------------------------- checking

  @Override
  public List<String> integrityCheck() {
    List<String> problems = new ArrayList<>();
    try {
      problems.addAll(engineCheck());
    } catch (SQLException e) {
      problems.add("the database's own check failed: " + e.getMessage());
      return problems;
    }
    try {
      problems.addAll(transaction(true, this::checkRows));
    } catch (StoreException | UncheckedIOException e) {
      problems.add("the rows could not be checked: " + e.getMessage());
    }
    return problems;
  }

  private List<String> checkRows() throws SQLException, IOException {
    List<String> out = new ArrayList<>();
    rows(out, "SELECT COUNT(*) FROM corpus HAVING COUNT(*) <> 1",
        r -> "the corpus table holds " + r.getLong(1) + " rows, not 1");
    rows(out,
        "SELECT sa.story_id, sa.article_id FROM story_articles sa"
            + " LEFT JOIN articles a ON a.id = sa.article_id WHERE a.id IS NULL",
        r -> "story " + r.getString(1) + " names article " + r.getString(2) + ", which is not in the corpus");
    rows(out,
        "SELECT sa.story_id, sa.article_id FROM story_articles sa"
            + " LEFT JOIN stories s ON s.id = sa.story_id WHERE s.id IS NULL",
        r -> "article " + r.getString(2) + " is a member of story " + r.getString(1) + ", which is not in the corpus");
    rows(out,
        "SELECT x.story_id, x.alias FROM story_aliases x"
            + " LEFT JOIN stories s ON s.id = x.story_id WHERE s.id IS NULL",
        r -> "alias " + r.getString(2) + " belongs to story " + r.getString(1) + ", which is not in the corpus");
    rows(out,
        "SELECT x.article_id FROM annotations x LEFT JOIN articles a ON a.id = x.article_id"
            + " WHERE a.id IS NULL",
        r -> "annotations belong to article " + r.getString(1) + ", which is not in the corpus");
    for (String table : List.of("provenance", "reconciliation")) {
      rows(out,
          "SELECT x.story_id FROM " + table + " x LEFT JOIN stories s ON s.id = x.story_id"
              + " WHERE s.id IS NULL",
          r -> table + " belongs to story " + r.getString(1) + ", which is not in the corpus");
      rows(out,
          "SELECT x.story_id FROM " + table + " x JOIN stories s ON s.id = x.story_id"
              + " WHERE x.fingerprint <> s.fingerprint",
          r -> "the " + table + " of story " + r.getString(1)
              + " was computed over other articles than the story's (its fingerprint differs)");
    }
    rows(out,
        "SELECT a.id, a.source FROM articles a LEFT JOIN inputs i ON i.source = a.source"
            + " WHERE i.source IS NULL",
        r -> "article " + r.getString(1) + " comes from input " + r.getString(2) + ", which is not in the corpus");
    rows(out,
        "SELECT a.id FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id"
            + " WHERE sa.article_id IS NULL",
        r -> "article " + r.getString(1) + " is in no story");
    rows(out,
        "SELECT article_id, COUNT(*) FROM story_articles GROUP BY article_id HAVING COUNT(*) > 1",
        r -> "article " + r.getString(1) + " is in " + r.getLong(2) + " stories");

    // What only the payloads can tell.
    Map<String, String> textShas = new HashMap<>();
    List<String> named = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, source, text_sha256, article FROM articles")) {
      while (rs.next()) {
        String key = rs.getString(1);
        textShas.put(key, rs.getString(3));
        ObjectNode a = parse(named, "article " + key, rs.getString(4));
        if (a == null) {
          continue;
        }
        if (!Digests.key(a.path("id").asText()).equals(key)) {
          named.add("article row " + key + " holds article " + a.path("id").asText());
        }
        if (!Digests.key(a.path("source").asText()).equals(rs.getString(2))) {
          named.add("article " + key + " says it comes from " + a.path("source").asText()
              + " but its row says " + rs.getString(2));
        }
        if (!Digests.sha256(a.path("text").asText()).equals(rs.getString(3))) {
          named.add("the text of article " + key + " does not have the hash its row records");
        }
      }
    }
    Map<String, Set<String>> members = memberRows("SELECT story_id, article_id FROM story_articles");
    Map<String, Set<String>> aliases = memberRows("SELECT story_id, alias FROM story_aliases");
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, fingerprint, story FROM stories")) {
      while (rs.next()) {
        String key = rs.getString(1);
        ObjectNode n = parse(named, "story " + key, rs.getString(3));
        if (n == null) {
          continue;
        }
        if (!Digests.key(n.path("id").asText()).equals(key)) {
          named.add("story row " + key + " holds story " + n.path("id").asText());
        }
        Set<String> listed = new HashSet<>();
        List<String> ids = new ArrayList<>();
        n.path("articles").forEach(x -> {
          listed.add(Digests.key(x.asText()));
          ids.add(x.asText());
        });
        if (!listed.equals(members.getOrDefault(key, Set.of()))) {
          named.add("story " + key + " lists other articles than its member rows");
        }
        Set<String> al = new HashSet<>();
        n.path("aliases").forEach(x -> al.add(Digests.key(x.asText())));
        if (!al.equals(aliases.getOrDefault(key, Set.of()))) {
          named.add("story " + key + " lists other aliases than its alias rows");
        }
        if (!ids.isEmpty() && ids.stream().allMatch(id -> textShas.containsKey(Digests.key(id)))) {
          Story bare = new Story(n.path("id").asText(), "", ids, java.util.Optional.empty(),
              java.util.Optional.empty(), List.of());
          String fp = Digests.fingerprint(bare, id -> textShas.get(Digests.key(id)));
          if (!fp.equals(rs.getString(2))) {
            named.add("the fingerprint of story " + key + " is not that of its articles and their texts");
          }
        }
      }
    }
    checkKeyed(named, "entities", "SELECT id, entity FROM entities");
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, problem FROM problems")) {
      while (rs.next()) {
        ObjectNode n = parse(named, "problem " + rs.getString(1), rs.getString(2));
        if (n != null && !rs.getString(1).startsWith(Digests.problem(problem(n)) + "#")) {
          named.add("problem row " + rs.getString(1) + " holds another problem: " + n.path("message").asText());
        }
      }
    }
    for (String table : List.of("annotations", "provenance", "reconciliation")) {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        while (rs.next()) {
          parse(named, table + " of " + rs.getString(1), rs.getString(table));
        }
      }
    }
    cap(out, named);
    if (searchProblem != null) {
      out.add("the search index could not be built when the corpus opened: " + searchProblem);
    }
    if (out.isEmpty()) {
      Report r;
      try {
        r = read();
      } catch (StoreException e) {
        out.add(e.getMessage());
        return out;
      }
      if (searchable) {
        out.addAll(SearchIndex.check(connection, r));
      }
    }
    return out;
  }

  private void checkKeyed(List<String> named, String table, String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ObjectNode n = parse(named, table + " row " + rs.getString(1), rs.getString(2));
        if (n != null && !Digests.key(n.path("id").asText()).equals(rs.getString(1))) {
          named.add(table + " row " + rs.getString(1) + " holds " + n.path("id").asText());
        }
      }
    }
  }

  private static ObjectNode parse(List<String> problems, String what, String payload) {
    try {
      return Payloads.tree(payload);
    } catch (StoreException e) {
      problems.add(what + ": " + e.getMessage());
      return null;
    }
  }

  private Map<String, Set<String>> memberRows(String sql) throws SQLException {
    Map<String, Set<String>> out = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
      }
    }
    return out;
  }

  interface RowText {
    String of(ResultSet r) throws SQLException;
  }

  /** One problem per row of {@code sql}, at most {@link #NAMED} named. */
  private void rows(List<String> out, String sql, RowText text) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        found.add(text.of(rs));
      }
    }
    cap(out, found);
  }

  private static void cap(List<String> out, List<String> found) {
    out.addAll(found.subList(0, Math.min(NAMED, found.size())));
    if (found.size() > NAMED) {
      out.add("... and " + (found.size() - NAMED) + " more like the last");
    }
  }

  // ---------------------------------------------------------------- transactions

  interface Work<T> {
    T run() throws SQLException, IOException;
  }

  /**
   * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws;
   * {@code snapshot} for a read that must see one state.
   */
  final <T> T transaction(boolean snapshot, Work<T> work) {
    try {
      if (snapshot) {
        beginSnapshot();
      }
      connection.setAutoCommit(false);
      try {
        T result = work.run();
        connection.commit();
        return result;
      } catch (SQLException | IOException | RuntimeException | Error e) {
        try {
          connection.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
        if (snapshot) {
          endSnapshot();
        }
      }
    } catch (SQLException e) {
      throw new StoreException(location + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StoreException(location + ": " + e.getMessage(), e);
    }
  }

  private int one(int count, String what) {
    if (count != 1) {
      throw new StoreException(location + ": " + what + " is missing");
    }
    return count;
  }

  // ---------------------------------------------------------------- statements

  enum Kind {
    DELETE,
    UPDATE,
    INSERT
  }

  /**
   * The statements of one transaction, batched by SQL and run deletes first, then updates, then
   * inserts (foreign keys are checked at commit, so the order is only for clarity).
   */
  private final class Plan {
    private final Map<String, Batch> batches = new LinkedHashMap<>();

    /** A statement that must change exactly one row: else the corpus is not what the caller says. */
    void exact(String table, Kind kind, String sql, String what, Object... values) {
      batch(table, kind, sql, true).add(what, values);
    }

    /** A statement that may change any number of rows. */
    void loose(String table, Kind kind, String sql, Object... values) {
      batch(table, kind, sql, false).add(null, values);
    }

    private Batch batch(String table, Kind kind, String sql, boolean exact) {
      return batches.computeIfAbsent(kind + " " + sql, k -> new Batch(table, kind, sql, exact));
    }

    void run(Writes.Counter counter) throws SQLException {
      try {
        for (Kind kind : Kind.values()) {
          for (Batch b : batches.values()) {
            if (b.kind == kind) {
              b.run(counter);
            }
          }
        }
      } finally {
        for (Batch b : batches.values()) {
          b.close();
        }
      }
    }
  }

  /** The rows of one statement, kept until their turn and then sent in batches. */
  private final class Batch {
    final String table;
    final Kind kind;
    final String sql;
    final boolean exact;
    final List<Object[]> rows = new ArrayList<>();
    final List<String> what = new ArrayList<>();
    PreparedStatement statement;

    Batch(String table, Kind kind, String sql, boolean exact) {
      this.table = table;
      this.kind = kind;
      this.sql = sql;
      this.exact = exact;
    }

    void add(String name, Object[] values) {
      rows.add(values);
      what.add(name);
    }

    void run(Writes.Counter counter) throws SQLException {
      statement = connection.prepareStatement(sql);
      int total = 0;
      for (int from = 0; from < rows.size(); from += BATCH) {
        int to = Math.min(rows.size(), from + BATCH);
        for (int i = from; i < to; i++) {
          Object[] values = rows.get(i);
          for (int j = 0; j < values.length; j++) {
            if (values[j] == null) {
              statement.setNull(j + 1, Types.VARCHAR);
            } else if (values[j] instanceof Long l) {
              statement.setLong(j + 1, l);
            } else {
              statement.setString(j + 1, (String) values[j]);
            }
          }
          statement.addBatch();
        }
        int[] counts = statement.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == Statement.SUCCESS_NO_INFO) {
            total += 1;
          } else {
            if (exact && counts[i] != 1) {
              throw new StoreException(
                  location + " does not hold the state this update starts from: "
                      + (kind == Kind.INSERT ? "could not add " : "found no ") + what.get(from + i)
                      + (kind == Kind.INSERT ? "" : " to " + kind.name().toLowerCase(java.util.Locale.ROOT)));
            }
            total += Math.max(0, counts[i]);
          }
        }
      }
      switch (kind) {
        case INSERT -> counter.inserted(table, total);
        case UPDATE -> counter.updated(table, total);
        case DELETE -> counter.deleted(table, total);
      }
    }

    void close() throws SQLException {
      if (statement != null) {
        statement.close();
      }
    }
  }
}
