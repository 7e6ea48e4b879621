package org.triangulate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.Report;
import org.triangulate.report.ReportJson;

/**
 * What every store must do, run against SQLite and against a real PostgreSQL: give back what was
 * saved, write only the rows an update changes, in one transaction that either lands whole or not
 * at all, refuse what it could not give back, find broken rows, and upgrade its schema.
 */
abstract class StoreContract {

  /** Primary-key columns of each table, for comparing row contents. */
  private static final Map<String, Integer> KEYS = new LinkedHashMap<>();

  static {
    for (String t : List.of("corpus", "inputs", "articles", "annotations", "entities", "stories",
        "provenance", "reconciliation", "problems")) {
      KEYS.put(t, 1);
    }
    KEYS.put("story_articles", 2);
    KEYS.put("story_aliases", 2);
  }

  static final Migrations WITH_V2 =
      new Migrations(List.of("classpath:db/migration", "classpath:db/upgrade-test"), "latest");

  private final List<CorpusStore> open = new ArrayList<>();

  /** Opens a new, empty corpus (each call a new one). */
  abstract CorpusStore create(Migrations migrations);

  /** Opens the corpus of the last {@link #create} again. */
  abstract CorpusStore reopen(Migrations migrations);

  /** A plain connection to the corpus of the last {@link #create}, foreign keys not enforced. */
  abstract Connection unguarded() throws SQLException;

  /** How many rows the database itself says {@code write} inserted, updated or deleted. */
  abstract long rowsTouched(CorpusStore store, Runnable write) throws SQLException;

  CorpusStore create() {
    return track(create(Migrations.CURRENT));
  }

  CorpusStore reopen() {
    return track(reopen(Migrations.CURRENT));
  }

  CorpusStore track(CorpusStore s) {
    open.add(s);
    return s;
  }

  @AfterEach
  void closeAll() {
    for (CorpusStore s : open) {
      try {
        s.close();
      } catch (StoreException e) {
        // Closed already.
      }
    }
  }

  // ---------------------------------------------------------------- reading back

  @Test
  void aNewCorpusIsEmptyAndSound() {
    CorpusStore store = create();
    assertThat(store.load()).isEqualTo(new Report(0, List.of(), List.of(), List.of()));
    assertThat(store.schemaVersion()).isEqualTo("1");
    assertThat(store.generation()).isZero();
    assertThat(store.integrityCheck()).isEmpty();
  }

  @Test
  void everyStateSavedLoadsBackEqualAndWritesTheSameReportJson() {
    List<Report> states = new ArrayList<>(Hama.growing());
    states.add(Hama.unreadable());
    Report last = states.get(3);
    // The states hold every part of a report.
    assertThat(last.stories()).isNotEmpty();
    assertThat(last.provenance().values()).anySatisfy(p -> assertThat(p.links()).isNotEmpty());
    assertThat(last.reconciliation().values()).anySatisfy(r -> assertThat(r.claims()).isNotEmpty());
    assertThat(last.entities()).hasSizeGreaterThan(5);
    assertThat(last.annotations().values()).anySatisfy(a -> assertThat(a.quotes()).isNotEmpty());
    assertThat(last.problems()).isNotEmpty();
    assertThat(Hama.unreadable().annotations()).hasSize(4);

    CorpusStore store = create();
    for (Report s : states) {
      store.save(s);
      Report back = store.load();
      assertThat(Hama.json(back)).isEqualTo(Hama.json(s));
      assertThat(back).isEqualTo(ReportJson.asWritten(s));
      assertThat(store.integrityCheck()).isEmpty();
    }
    store.close();
    CorpusStore again = reopen();
    assertThat(Hama.json(again.load())).isEqualTo(Hama.json(Hama.unreadable()));
    assertThat(again.load().annotations()).doesNotContainKey(Hama.articles().get(3).id());
    assertThat(again.generation()).isEqualTo(states.size());
  }

  // ---------------------------------------------------------------- updates

  @Test
  void anUpdateWritesOnlyTheRowsThatChanged() throws SQLException {
    List<Report> states = Hama.growing();
    CorpusStore store = create();
    store.save(states.get(0));
    for (int i = 0; i + 1 < states.size(); i++) {
      Report before = states.get(i);
      Report after = states.get(i + 1);
      Map<String, Map<String, String>> was = contents();
      Writes[] w = new Writes[1];
      long touched = rowsTouched(store, () -> w[0] = store.apply(before, after));
      Map<String, Map<String, String>> is = contents();
      Writes writes = w[0];

      // The database counted what the store says it wrote...
      assertThat(touched).as("rows the database changed").isEqualTo(writes.total());
      // ... and that is exactly the rows whose content differs: none rewritten as it was.
      for (String table : KEYS.keySet()) {
        Writes.Table t = writes.table(table);
        Map<String, String> a = was.get(table);
        Map<String, String> b = is.get(table);
        long inserted = b.keySet().stream().filter(k -> !a.containsKey(k)).count();
        long deleted = a.keySet().stream().filter(k -> !b.containsKey(k)).count();
        long updated = b.keySet().stream().filter(k -> a.containsKey(k) && !a.get(k).equals(b.get(k))).count();
        assertThat(new long[] {t.inserted(), t.updated(), t.deleted()})
            .as(table + " in step " + i + " (" + writes + ")")
            .containsExactly(inserted, updated, deleted);
      }
      // What the pipeline says changed, and no more.
      Pipeline.Changes c = Hama.change(i);
      assertThat(writes.table("articles")).isEqualTo(new Writes.Table(1, 0, 0));
      assertThat(writes.table("annotations")).isEqualTo(new Writes.Table(1, 0, 0));
      assertThat(writes.table("stories").inserted()).isEqualTo(c.newStories().size());
      assertThat(writes.table("stories").updated()).isEqualTo(c.grownStories().size());
      assertThat(writes.table("stories").deleted())
          .isEqualTo(c.merged().values().stream().mapToInt(List::size).sum());
      assertThat(writes.table("provenance").total() + writes.table("reconciliation").total())
          .isLessThanOrEqualTo(2 * (c.newStories().size() + c.grownStories().size())
              + 2 * writes.table("stories").deleted());
      assertThat(writes.table("problems").total()).isZero();
      assertThat(writes.table("corpus")).isEqualTo(new Writes.Table(0, 1, 0));
      assertThat((long) writes.total()).isLessThan(rows(is));

      assertThat(Hama.json(store.load())).isEqualTo(Hama.json(after));
      assertThat(store.integrityCheck()).isEmpty();
    }
  }

  @Test
  void anUpdateThatChangesNothingWritesOnlyTheGeneration() throws SQLException {
    Report state = Hama.growing().get(3);
    Report again = Hama.restoried(state);
    assertThat(again).isEqualTo(state);
    CorpusStore store = create();
    store.save(state);
    Writes[] w = new Writes[1];
    long touched = rowsTouched(store, () -> w[0] = store.apply(state, again));
    assertThat(w[0].total()).isEqualTo(1);
    assertThat(touched).isEqualTo(1);
    assertThat(store.generation()).isEqualTo(2);
  }

  @Test
  void anUpdateCanRemoveArticlesStoriesAndResults() {
    List<Report> states = Hama.growing();
    CorpusStore store = create();
    store.save(states.get(3));
    Writes w = store.apply(states.get(3), states.get(0));
    assertThat(w.table("articles").deleted()).isEqualTo(3);
    assertThat(Hama.json(store.load())).isEqualTo(Hama.json(states.get(0)));
    assertThat(store.integrityCheck()).isEmpty();
    // To a state the pipeline made in another run: other stories, an article without annotations.
    store.apply(states.get(0), Hama.unreadable());
    assertThat(store.load()).isEqualTo(ReportJson.asWritten(Hama.unreadable()));
    assertThat(store.integrityCheck()).isEmpty();
    store.apply(Hama.unreadable(), states.get(2));
    assertThat(store.load()).isEqualTo(ReportJson.asWritten(states.get(2)));
  }

  @Test
  void aStoryThatAbsorbedOthersKeepsItsAliases() {
    // As the pipeline records a merge: the story keeps its id and lists the absorbed ones.
    Report s = Hama.growing().get(3);
    Story story = s.stories().get(0);
    Story merged = story.withId(story.id(), List.of("s-0123456789abcdef", "s-fedcba9876543210"));
    Report after = new Report(s.inputs(), s.articles(), List.of(merged), s.problems(), s.entities(),
        s.annotations(), s.provenance(), s.reconciliation());
    CorpusStore store = create();
    store.save(s);
    Writes w = store.apply(s, after);
    assertThat(w.table("story_aliases")).isEqualTo(new Writes.Table(2, 0, 0));
    assertThat(w.table("stories")).isEqualTo(new Writes.Table(0, 1, 0));
    assertThat(w.table("provenance").total() + w.table("story_articles").total()).isZero();
    assertThat(store.load()).isEqualTo(ReportJson.asWritten(after));
    assertThat(store.integrityCheck()).isEmpty();
    Writes back = store.apply(after, s);
    assertThat(back.table("story_aliases")).isEqualTo(new Writes.Table(0, 0, 2));
    assertThat(Hama.json(store.load())).isEqualTo(Hama.json(s));
  }

  @Test
  void aWriterThatMissedAnotherWritersCommitConflictsAndWritesNothing() {
    List<Report> states = Hama.growing();
    CorpusStore a = create();
    a.save(states.get(0));
    CorpusStore b = reopen();
    a.apply(states.get(0), states.get(1));
    assertThatThrownBy(() -> b.apply(states.get(0), states.get(1)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("changed since this store last read or wrote it");
    assertThat(Hama.json(b.load())).isEqualTo(Hama.json(states.get(1)));
    b.apply(states.get(1), states.get(2));
    assertThatThrownBy(() -> a.apply(states.get(1), states.get(2))).isInstanceOf(ConflictException.class);
    assertThat(a.integrityCheck()).isEmpty();
    assertThat(a.generation()).isEqualTo(2);
    assertThat(b.generation()).isEqualTo(3);
  }

  @Test
  void anUpdateFromAStateTheCorpusDoesNotHoldWritesNothing() {
    List<Report> states = Hama.growing();
    CorpusStore store = create();
    store.save(states.get(0));
    assertThatThrownBy(() -> store.apply(states.get(2), states.get(3)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("does not hold the state this update starts from");
    assertThat(Hama.json(store.load())).isEqualTo(Hama.json(states.get(0)));
    assertThat(store.generation()).isEqualTo(1);
    assertThat(store.integrityCheck()).isEmpty();
  }

  @Test
  void refusesAStateItCouldNotGiveBackEqual() {
    Report s = Hama.growing().get(1);
    CorpusStore store = create();
    store.save(s);
    List<Article> reversed = new ArrayList<>(s.articles());
    java.util.Collections.reverse(reversed);
    Report outOfOrder = new Report(s.inputs(), reversed, s.stories(), s.problems(), s.entities(),
        s.annotations(), s.provenance(), s.reconciliation());
    assertThatThrownBy(() -> store.save(outOfOrder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("articles must be in id order");
    Story lost = new Story("s-lost", "lost", List.of("no-such-article"), Optional.empty(), Optional.empty(), List.of());
    List<Story> stories = new ArrayList<>(s.stories());
    stories.add(lost);
    Report dangling = new Report(s.inputs(), s.articles(), stories, s.problems(), s.entities(),
        s.annotations(), s.provenance(), s.reconciliation());
    assertThatThrownBy(() -> store.apply(s, dangling))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names article 'no-such-article'");
    assertThatThrownBy(() -> store.save(s, Map.of("x.txt", "not a hash")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 lower-case hex digits");
    assertThat(Hama.json(store.load())).isEqualTo(Hama.json(s));
    assertThat(store.generation()).isEqualTo(1);
  }

  @Test
  void inputHashesStayWithTheirInputs() {
    List<Report> states = Hama.growing();
    Article first = states.get(0).articles().get(0);
    Article added = states.get(1).articles().stream()
        .filter(a -> states.get(0).articles().stream().noneMatch(b -> b.id().equals(a.id())))
        .findFirst().orElseThrow();
    String h1 = Digests.sha256(first.text());
    String h2 = Digests.sha256(added.text());
    String rejected = "../examples/hama/rejected.bin";
    String h3 = Digests.sha256("rejected");
    CorpusStore store = create();
    store.save(states.get(0), Map.of(first.source(), h1));
    assertThat(store.inputHashes()).containsExactly(Map.entry(first.source(), h1));
    store.apply(states.get(0), states.get(1), Map.of(added.source(), h2, rejected, h3));
    assertThat(store.inputHashes())
        .containsOnly(Map.entry(first.source(), h1), Map.entry(added.source(), h2), Map.entry(rejected, h3));
    store.apply(states.get(1), states.get(0));
    assertThat(store.inputHashes()).containsOnly(Map.entry(first.source(), h1), Map.entry(rejected, h3));
    assertThat(store.integrityCheck()).isEmpty();
  }

  @Test
  void idsThatNeitherDatabaseTakesAsTheyAreRoundTrip() {
    List<Article> hama = Hama.articles();
    String[] odd = {"a\u0000nul", "b\\back\\0slash\\u0041", "c\uD800lone", "d\uDC00low 😀 pair"};
    List<Article> renamed = new ArrayList<>();
    for (int i = 0; i < odd.length; i++) {
      renamed.add(hama.get(i).withId(odd[i]));
    }
    try (Pipeline p = new Pipeline(
        new Pipeline.Components(() -> null, RuleAnnotator::new, WordVectors::new),
        new Pipeline.Options(1, true))) {
      Report s0 = p.analyze(3, renamed.subList(0, 3),
          List.of(Problem.error("odd\u0000\\source\uDBFF", "file", "ingest", "unreadable \u0000 \uD800")));
      Report s1 = p.add(s0, 1, renamed.subList(3, 4), List.of()).report();
      CorpusStore store = create();
      store.save(s0, Map.of("odd\u0000\\source\uDBFF", Digests.sha256("x")));
      assertThat(store.load()).isEqualTo(ReportJson.asWritten(s0));
      store.apply(s0, s1);
      assertThat(store.load()).isEqualTo(ReportJson.asWritten(s1));
      assertThat(store.inputHashes()).containsKey("odd\u0000\\source\uDBFF");
      assertThat(store.integrityCheck()).isEmpty();
    }
  }

  // ---------------------------------------------------------------- checking

  @Test
  void theIntegrityCheckFindsBrokenRows() throws SQLException {
    Report s = Hama.growing().get(3);
    String story = s.provenance().keySet().iterator().next();
    String article = s.articles().get(1).id();
    CorpusStore store = create();
    Map<String, String> breaks = new LinkedHashMap<>();
    breaks.put("UPDATE provenance SET fingerprint = 'stale' WHERE story_id = '" + story + "'",
        "the provenance of story " + story + " was computed over other articles");
    breaks.put("DELETE FROM articles WHERE id = '" + article + "'",
        "names article " + article + ", which is not in the corpus");
    breaks.put("UPDATE articles SET text_sha256 = '" + "0".repeat(64) + "' WHERE id = '" + article + "'",
        "the text of article " + article + " does not have the hash its row records");
    breaks.put("UPDATE stories SET story = '{\"id\": ' WHERE id = '" + s.stories().get(0).id() + "'",
        "is not valid JSON");
    breaks.put("INSERT INTO story_articles (story_id, article_id) VALUES ('" + story + "', '"
            + s.articles().get(0).id() + "x')",
        "lists other articles than its member rows");
    breaks.put("INSERT INTO story_aliases (story_id, alias) VALUES ('" + story + "', 's-gone')",
        "lists other aliases than its alias rows");
    breaks.put("DELETE FROM corpus", "the corpus table holds 0 rows, not 1");
    for (Map.Entry<String, String> b : breaks.entrySet()) {
      store.save(s);
      assertThat(store.integrityCheck()).isEmpty();
      try (Connection c = unguarded();
          Statement st = c.createStatement()) {
        st.executeUpdate(b.getKey());
      }
      assertThat(store.integrityCheck()).as(b.getKey()).anySatisfy(p -> assertThat(p).contains(b.getValue()));
      if (b.getKey().startsWith("DELETE FROM corpus")) {
        try (Connection c = unguarded();
            Statement st = c.createStatement()) {
          st.executeUpdate("INSERT INTO corpus (id, report_schema, inputs, generation) VALUES (1, 'triangulate.report/1', 0, 0)");
        }
      }
    }
  }

  // ---------------------------------------------------------------- migrations

  @Test
  void aCorpusOfAnEarlierSchemaUpgradesWhenItOpens() throws SQLException {
    List<Report> states = Hama.growing();
    CorpusStore v1 = create();
    assertThat(v1.schemaVersion()).isEqualTo("1");
    v1.save(states.get(1));
    v1.close();

    CorpusStore v2 = track(reopen(WITH_V2));
    assertThat(v2.schemaVersion()).isEqualTo("2");
    assertThat(Hama.json(v2.load())).isEqualTo(Hama.json(states.get(1)));
    assertThat(v2.integrityCheck()).isEmpty();
    v2.apply(states.get(1), states.get(2));
    try (Connection c = unguarded();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
      List<String> applied = new ArrayList<>();
      while (rs.next()) {
        applied.add(rs.getString(1) + ":" + rs.getBoolean(2));
      }
      assertThat(applied).containsExactly("1:true", "2:true");
    }
    try (Connection c = unguarded();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(fetched_at) FROM inputs")) {
      assertThat(rs.next()).isTrue();
    }
    v2.close();

    // This program knows only schema 1: it refuses the newer corpus rather than misread it.
    assertThatThrownBy(() -> track(reopen(Migrations.CURRENT)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 2, newer than this program knows (1)");
    CorpusStore again = track(reopen(WITH_V2));
    assertThat(Hama.json(again.load())).isEqualTo(Hama.json(states.get(2)));
  }

  // ---------------------------------------------------------------- helpers

  /** Every row of every table of the corpus, by table, then by primary key. */
  Map<String, Map<String, String>> contents() throws SQLException {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    try (Connection c = unguarded()) {
      for (Map.Entry<String, Integer> t : KEYS.entrySet()) {
        Map<String, String> rows = new HashMap<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + t.getKey())) {
          ResultSetMetaData m = rs.getMetaData();
          while (rs.next()) {
            StringBuilder key = new StringBuilder();
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= m.getColumnCount(); i++) {
              String v = rs.getString(i);
              if (i <= t.getValue()) {
                key.append(v).append('\u0001');
              }
              all.append(v).append('\u0001');
            }
            rows.put(key.toString(), all.toString());
          }
        }
        out.put(t.getKey(), rows);
      }
    }
    return out;
  }

  private static long rows(Map<String, Map<String, String>> contents) {
    return contents.values().stream().mapToLong(Map::size).sum();
  }
}
