package org.triangulate.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Claim;
import org.triangulate.model.Entity;
import org.triangulate.model.Quote;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Span;
import org.triangulate.report.Report;

/**
 * The full-text index over a corpus (table {@code search_entries}, one row per searchable thing,
 * and the database's own index over its {@code terms}): what an entry of each kind holds, which
 * entries a change of state adds, changes and removes, how a query runs on each database, and how
 * its rows become {@link SearchHit}s.
 *
 * <p>An entry's {@code terms} are the terms of {@link SearchText} joined by spaces, so both
 * databases index the same words. The hits are worked out again in Java from the payloads, which
 * gives the words' offsets and the snippet, and drops the rare row a database matched that the
 * words do not (PostgreSQL's parser may split a term the Java reading keeps whole).
 */
final class SearchIndex {

  /**
   * The version of what {@link SearchText} makes of a text. A corpus whose index was built with
   * another (or never: {@code 0}, as migration 3 leaves it) is rebuilt when it opens.
   */
  static final int FORMAT = 1;

  /** Characters a snippet aims at. */
  static final int SNIPPET = 200;

  static final String DELETE = "DELETE FROM search_entries WHERE kind = ? AND item = ?";

  /** Adds or replaces an entry, so that an index out of step with the rows never stops a write. */
  static final String UPSERT =
      "INSERT INTO search_entries (kind, item, story_id, article_id, span_begin, span_end, terms)"
          + " VALUES (?, ?, ?, ?, CAST(? AS INTEGER), CAST(? AS INTEGER), ?)"
          + " ON CONFLICT (kind, item) DO UPDATE SET story_id = excluded.story_id,"
          + " article_id = excluded.article_id, span_begin = excluded.span_begin,"
          + " span_end = excluded.span_end, terms = excluded.terms";

  private SearchIndex() {}

  /**
   * One searchable thing.
   *
   * @param kind one of {@link SearchHit#KINDS}
   * @param item its id (a quote's {@code <article>#q<n>})
   * @param story a claim's story (articles and quotes find theirs through {@code story_articles})
   * @param article the article whose text {@code span} is in; for an article, itself
   * @param span the part of the article's text indexed; empty for an article (its title and whole
   *     text) and for a claim whose words are not found in its articles' texts
   * @param terms what the databases index
   */
  record Entry(
      String kind,
      String item,
      Optional<String> story,
      Optional<String> article,
      Optional<Span> span,
      String terms) {

    Key key() {
      return new Key(kind, item);
    }

    Object[] values() {
      return new Object[] {
        kind,
        Digests.key(item),
        story.map(Digests::key).orElse(null),
        article.map(Digests::key).orElse(null),
        span.map(s -> (Object) (long) s.begin()).orElse(null),
        span.map(s -> (Object) (long) s.end()).orElse(null),
        terms
      };
    }
  }

  record Key(String kind, String item) {}

  /** A statement on {@code search_entries}: an upsert (insert or update) or a delete. */
  record Write(JdbcStore.Kind kind, String sql, Object[] values) {}

  // ---------------------------------------------------------------- entries of a state

  /** Every entry of {@code r}. */
  static Map<Key, Entry> entries(Report r) {
    Map<String, Article> articles = byId(r.articles(), Article::id);
    Map<Key, Entry> out = new LinkedHashMap<>();
    r.articles().forEach(a -> article(out, a));
    r.annotations().forEach((id, an) -> quotes(out, articles.get(id), an));
    r.entities().forEach(e -> entity(out, e));
    r.reconciliation().values().forEach(rc -> claims(out, rc, articles));
    return out;
  }

  /**
   * The statements that turn the entries of {@code before} into those of {@code after}, touching
   * only what changed: articles added, removed or changed in title or text; the quotes of
   * annotations that changed or of articles whose text did; entities that changed; the claims of
   * reconciliations that changed or that cite an article whose text changed, came or went.
   */
  static List<Write> writes(Report before, Report after) {
    Map<String, Article> was = byId(before.articles(), Article::id);
    Map<String, Article> is = byId(after.articles(), Article::id);
    Map<Key, Entry> old = new HashMap<>();
    Map<Key, Entry> now = new HashMap<>();

    Set<String> textChanged = new TreeSet<>();
    for (String id : union(was.keySet(), is.keySet())) {
      Article b = was.get(id);
      Article a = is.get(id);
      if (!Objects.equals(b, a)) {
        article(old, b);
        article(now, a);
        if (b == null || a == null || !b.text().equals(a.text())) {
          textChanged.add(id);
        }
      }
    }
    for (String id : union(before.annotations().keySet(), after.annotations().keySet())) {
      Annotations b = before.annotations().get(id);
      Annotations a = after.annotations().get(id);
      if (!Objects.equals(b, a) || textChanged.contains(id)) {
        quotes(old, was.get(id), b);
        quotes(now, is.get(id), a);
      }
    }
    Map<String, Entity> entitiesWere = byId(before.entities(), Entity::id);
    Map<String, Entity> entitiesAre = byId(after.entities(), Entity::id);
    for (String id : union(entitiesWere.keySet(), entitiesAre.keySet())) {
      if (!Objects.equals(entitiesWere.get(id), entitiesAre.get(id))) {
        entity(old, entitiesWere.get(id));
        entity(now, entitiesAre.get(id));
      }
    }
    for (String id : union(before.reconciliation().keySet(), after.reconciliation().keySet())) {
      Reconciliation b = before.reconciliation().get(id);
      Reconciliation a = after.reconciliation().get(id);
      if (!Objects.equals(b, a) || cites(b, textChanged) || cites(a, textChanged)) {
        claims(old, b, was);
        claims(now, a, is);
      }
    }
    return diff(old, now);
  }

  /** The statements that turn {@code old} into {@code now}: only entries that differ. */
  static List<Write> diff(Map<Key, Entry> old, Map<Key, Entry> now) {
    List<Write> out = new ArrayList<>();
    for (Key k : keys(old.keySet(), now.keySet())) {
      Entry b = old.get(k);
      Entry a = now.get(k);
      if (a == null) {
        out.add(new Write(JdbcStore.Kind.DELETE, DELETE, new Object[] {k.kind(), Digests.key(k.item())}));
      } else if (b == null) {
        out.add(new Write(JdbcStore.Kind.INSERT, UPSERT, a.values()));
      } else if (!a.equals(b)) {
        out.add(new Write(JdbcStore.Kind.UPDATE, UPSERT, a.values()));
      }
    }
    return out;
  }

  private static boolean cites(Reconciliation r, Set<String> articles) {
    if (r == null || articles.isEmpty()) {
      return false;
    }
    for (Claim c : r.claims()) {
      for (Claim.Assertion a : c.assertions()) {
        if (articles.contains(a.article())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void article(Map<Key, Entry> out, Article a) {
    if (a == null) {
      return;
    }
    String terms = articleWords(a.metadata().title().orElse(""), a.text()).terms();
    put(out, new Entry(SearchHit.ARTICLE, a.id(), Optional.empty(), Optional.of(a.id()), Optional.empty(), terms));
  }

  /** An article's words: its title (segment 0), then its text (segment 1). */
  private static SearchText.Words articleWords(String title, String text) {
    return new SearchText.Words().add(title).add(text);
  }

  private static void quotes(Map<Key, Entry> out, Article a, Annotations an) {
    if (a == null || an == null) {
      return;
    }
    for (Quote q : an.quotes()) {
      Span s = clamp(q.span(), a.text());
      String terms = new SearchText.Words().add(a.text(), s.begin(), s.end()).terms();
      put(out, new Entry(SearchHit.QUOTE, q.id(), Optional.empty(), Optional.of(a.id()), Optional.of(s), terms));
    }
  }

  private static void entity(Map<Key, Entry> out, Entity e) {
    if (e == null) {
      return;
    }
    String terms = new SearchText.Words().add(entityText(e.name(), e.aliases())).terms();
    put(out, new Entry(SearchHit.ENTITY, e.id(), Optional.empty(), Optional.empty(), Optional.empty(), terms));
  }

  /** What an entity's entry indexes and its snippet shows: its name, then its aliases. */
  static String entityText(String name, List<String> aliases) {
    return aliases.isEmpty() ? name : name + " (" + String.join(", ", aliases) + ")";
  }

  private static void claims(Map<Key, Entry> out, Reconciliation r, Map<String, Article> articles) {
    if (r == null) {
      return;
    }
    for (Claim c : r.claims()) {
      Optional<String> article = Optional.empty();
      Optional<Span> span = Optional.empty();
      String terms = null;
      String t = c.text();
      for (Claim.Assertion x : c.assertions()) {
        Article a = articles.get(x.article());
        if (a == null || t.isEmpty()) {
          continue;
        }
        if (article.isEmpty()) {
          article = Optional.of(a.id());
        }
        int at = a.text().indexOf(t, Math.max(0, x.span().begin() - t.length()));
        if (at >= 0 && at <= x.span().end()) {
          article = Optional.of(a.id());
          span = Optional.of(new Span(at, at + t.length()));
          terms = new SearchText.Words().add(a.text(), at, at + t.length()).terms();
          break;
        }
      }
      if (terms == null) {
        if (article.isEmpty() && !c.assertions().isEmpty()) {
          article = Optional.of(c.assertions().get(0).article());
        }
        terms = new SearchText.Words().add(t).terms();
      }
      put(out, new Entry(SearchHit.CLAIM, c.id(), Optional.of(r.story()), article, span, terms));
    }
  }

  private static void put(Map<Key, Entry> out, Entry e) {
    out.putIfAbsent(e.key(), e);
  }

  private static Span clamp(Span s, String text) {
    int end = Math.min(s.end(), text.length());
    return new Span(Math.min(s.begin(), end), end);
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> out = new HashMap<>();
    items.forEach(t -> out.put(id.apply(t), t));
    return out;
  }

  private static <T extends Comparable<T>> Set<T> union(Set<T> a, Set<T> b) {
    Set<T> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<Key> keys(Set<Key> a, Set<Key> b) {
    Set<Key> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }

  // ---------------------------------------------------------------- the index's state

  /** The {@link #FORMAT} the index was last built in; 0 when never. */
  static int format(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT format FROM search_state WHERE id = 1")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * What is out of step between the index and the rows of {@code r}: entries missing, entries of
   * nothing the corpus holds, entries whose terms or places are not what the rows give, counted by
   * kind, with the first few named.
   */
  static List<String> check(Connection c, Report r) throws SQLException {
    List<String> out = new ArrayList<>();
    int format = format(c);
    if (format != FORMAT) {
      out.add("the search index was built in format " + format + ", not " + FORMAT
          + ": it is rebuilt when the corpus opens, or by rebuildSearchIndex()");
      return out;
    }
    Map<Key, Entry> expected = entries(r);
    Map<String, int[]> counts = new TreeMap<>();
    List<String> named = new ArrayList<>();
    Set<Key> seen = new java.util.HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT kind, item, story_id, article_id, span_begin, span_end, terms FROM search_entries")) {
      while (rs.next()) {
        String kind = rs.getString(1);
        String item = Digests.unkey(rs.getString(2));
        Key key = new Key(kind, item);
        seen.add(key);
        Entry want = expected.get(key);
        if (want == null) {
          counts.computeIfAbsent(kind, k -> new int[3])[1]++;
          named.add(kind + " " + item + " (indexed, but not in the corpus)");
          continue;
        }
        int b = rs.getInt(5);
        Optional<Span> span = rs.wasNull() ? Optional.empty() : Optional.of(new Span(Math.max(0, b), Math.max(b, rs.getInt(6))));
        Entry has = new Entry(kind, item, Optional.ofNullable(rs.getString(3)).map(Digests::unkey),
            Optional.ofNullable(rs.getString(4)).map(Digests::unkey), span, rs.getString(7));
        if (!has.equals(want)) {
          counts.computeIfAbsent(kind, k -> new int[3])[2]++;
          named.add(kind + " " + item + " (indexed otherwise than its rows read)");
        }
      }
    }
    for (Key k : expected.keySet()) {
      if (!seen.contains(k)) {
        counts.computeIfAbsent(k.kind(), x -> new int[3])[0]++;
        named.add(k.kind() + " " + k.item() + " (not indexed)");
      }
    }
    if (!counts.isEmpty()) {
      StringBuilder s = new StringBuilder("the search index is out of step with the rows:");
      counts.forEach((kind, n) -> s.append(' ').append(kind).append("s ").append(n[0]).append(" missing, ")
          .append(n[1]).append(" extra, ").append(n[2]).append(" stale;"));
      s.append(" for example ").append(String.join(", ", named.subList(0, Math.min(3, named.size()))));
      s.append(" (rebuildSearchIndex() rebuilds it)");
      out.add(s.toString());
    }
    return out;
  }

  // ---------------------------------------------------------------- querying

  /** How each database runs a query over {@code search_entries}: ranked, ties by kind then id. */
  enum Dialect {
    /**
     * FTS5 over the terms (tokenizer {@code ascii}: the terms hold no separators but the spaces
     * between them), each phrase quoted, ranked by {@code bm25}.
     */
    SQLITE {
      @Override
      String sql(SearchText.Query q) {
        return "SELECT " + COLUMNS + " FROM (SELECT e.kind, e.item, e.story_id, e.article_id,"
            + " e.span_begin, e.span_end, m.rank"
            + " FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ?) m"
            + " JOIN search_entries e ON e.id = m.rowid ORDER BY m.rank, e.kind, e.item LIMIT ?) best"
            + " ORDER BY best.rank, best.kind, best.item";
      }

      @Override
      int bind(PreparedStatement s, SearchText.Query q, int limit) throws SQLException {
        List<String> phrases = new ArrayList<>();
        for (List<String> p : q.phrases()) {
          phrases.add('"' + String.join(" ", p).replace("\"", "\"\"") + '"');
        }
        s.setString(1, String.join(" AND ", phrases));
        s.setInt(2, limit);
        return 2;
      }
    },

    /**
     * A {@code tsvector} of the terms (configuration {@code simple}: no stemming, no stop words,
     * lower case, so it keeps the terms as they are) under a GIN index; each phrase is a {@code
     * phraseto_tsquery('simple', ...)} of its terms, all joined by {@code &&}, ranked by {@code
     * ts_rank}; ties in byte order (collation {@code "C"}), as SQLite's.
     */
    POSTGRESQL {
      @Override
      String sql(SearchText.Query q) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < q.phrases().size(); i++) {
          parts.add("phraseto_tsquery('simple', ?)");
        }
        String tsquery = "(" + String.join(" && ", parts) + ")";
        return "SELECT " + COLUMNS + " FROM (SELECT e.kind, e.item, e.story_id, e.article_id,"
            + " e.span_begin, e.span_end, ts_rank(e.terms_vector, " + tsquery + ") AS rank"
            + " FROM search_entries e WHERE e.terms_vector @@ " + tsquery
            + " ORDER BY rank DESC, e.kind COLLATE \"C\", e.item COLLATE \"C\" LIMIT ?) best"
            + " ORDER BY best.rank DESC, best.kind COLLATE \"C\", best.item COLLATE \"C\"";
      }

      @Override
      int bind(PreparedStatement s, SearchText.Query q, int limit) throws SQLException {
        int i = 1;
        for (int round = 0; round < 2; round++) {
          for (List<String> p : q.phrases()) {
            s.setString(i++, String.join(" ", p));
          }
        }
        s.setInt(i, limit);
        return i;
      }
    };

    /**
     * What a query gives of the best rows: the entry, and the story of its article through its
     * membership (a claim's own story is on its row), looked up for those rows only.
     */
    private static final String COLUMNS =
        "best.kind, best.item, best.story_id, best.article_id, best.span_begin, best.span_end,"
            + " (SELECT MIN(sa.story_id) FROM story_articles sa WHERE sa.article_id = best.article_id)";

    abstract String sql(SearchText.Query q);

    abstract int bind(PreparedStatement s, SearchText.Query q, int limit) throws SQLException;
  }

  /** A row the database found, before it is checked and shown. */
  private record Found(
      String kind, String item, Optional<String> story, Optional<String> article, Optional<Span> span) {}

  /** The hits of {@code q}, best first, at most {@code limit}; inside the caller's transaction. */
  static List<SearchHit> search(Connection c, Dialect dialect, SearchText.Query q, int limit)
      throws SQLException {
    List<Found> found = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(dialect.sql(q))) {
      dialect.bind(s, q, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String kind = rs.getString(1);
          String claimStory = rs.getString(3);
          Optional<String> story = Optional.ofNullable(claimStory != null ? claimStory : rs.getString(7));
          int b = rs.getInt(5);
          Optional<Span> span = Optional.empty();
          if (!rs.wasNull()) {
            int e = rs.getInt(6);
            if (b >= 0 && e >= b) {
              span = Optional.of(new Span(b, e));
            }
          }
          found.add(new Found(kind, Digests.unkey(rs.getString(2)), story.map(Digests::unkey),
              Optional.ofNullable(rs.getString(4)).map(Digests::unkey), span));
        }
      }
    }
    Map<String, Set<String>> wanted = new HashMap<>();
    for (Found f : found) {
      switch (f.kind()) {
        case SearchHit.ARTICLE -> want(wanted, ARTICLE_SQL, f.item());
        case SearchHit.ENTITY -> want(wanted, ENTITY_SQL, f.item());
        default -> {
          if (f.span().isPresent() && f.article().isPresent()) {
            want(wanted, ARTICLE_SQL, f.article().get());
          } else if (f.kind().equals(SearchHit.CLAIM) && f.story().isPresent()) {
            want(wanted, CLAIMS_SQL, f.story().get());
          }
        }
      }
    }
    Map<String, Map<String, ObjectNode>> payloads = new HashMap<>();
    for (Map.Entry<String, Set<String>> w : wanted.entrySet()) {
      payloads.put(w.getKey(), payloads(c, w.getKey(), w.getValue()));
    }
    List<SearchHit> hits = new ArrayList<>();
    for (Found f : found) {
      hit(f, q, payloads).ifPresent(hits::add);
    }
    return hits;
  }

  private static void want(Map<String, Set<String>> wanted, String sql, String id) {
    wanted.computeIfAbsent(sql, k -> new TreeSet<>()).add(id);
  }

  /**
   * The payloads of key {@code ids}, by id ({@code sql} selects key and payload and ends with
   * {@code IN }); a damaged one is left out, and shows no hit (the integrity check names it).
   */
  private static Map<String, ObjectNode> payloads(Connection c, String sql, Set<String> ids)
      throws SQLException {
    Map<String, ObjectNode> out = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement s = c.prepareStatement(sql + "(" + marks + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          s.setString(i + 1, Digests.key(chunk.get(i)));
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            try {
              out.put(Digests.unkey(rs.getString(1)), Payloads.tree(rs.getString(2)));
            } catch (StoreException e) {
              // Left out: see above.
            }
          }
        }
      }
    }
    return out;
  }

  private static final String ARTICLE_SQL = "SELECT id, article FROM articles WHERE id IN ";
  private static final String ENTITY_SQL = "SELECT id, entity FROM entities WHERE id IN ";
  private static final String CLAIMS_SQL =
      "SELECT story_id, reconciliation FROM reconciliation WHERE story_id IN ";

  /** The hit of one row: its words found again in what it indexes; empty when they are not there. */
  private static Optional<SearchHit> hit(
      Found f, SearchText.Query q, Map<String, Map<String, ObjectNode>> payloads) {
    String text;
    SearchText.Words words;
    boolean inArticle;
    String title = null;
    switch (f.kind()) {
      case SearchHit.ARTICLE -> {
        Optional<ObjectNode> a = payload(payloads, ARTICLE_SQL, f.item());
        if (a.isEmpty()) {
          return Optional.empty();
        }
        text = a.get().path("text").asText();
        JsonNode t = a.get().get("title");
        title = t != null && t.isTextual() ? t.asText() : "";
        words = articleWords(title, text);
        inArticle = true;
      }
      case SearchHit.QUOTE, SearchHit.CLAIM -> {
        if (f.span().isPresent() && f.article().isPresent()) {
          Optional<ObjectNode> a = payload(payloads, ARTICLE_SQL, f.article().get());
          if (a.isEmpty()) {
            return Optional.empty();
          }
          text = a.get().path("text").asText();
          Span s = clamp(f.span().get(), text);
          words = new SearchText.Words().add(text, s.begin(), s.end());
          inArticle = true;
        } else if (f.kind().equals(SearchHit.CLAIM) && f.story().isPresent()) {
          text = claimText(payload(payloads, CLAIMS_SQL, f.story().get()), f.item());
          if (text == null) {
            return Optional.empty();
          }
          words = new SearchText.Words().add(text);
          inArticle = false;
        } else {
          return Optional.empty();
        }
      }
      case SearchHit.ENTITY -> {
        Optional<ObjectNode> e = payload(payloads, ENTITY_SQL, f.item());
        if (e.isEmpty()) {
          return Optional.empty();
        }
        List<String> aliases = new ArrayList<>();
        e.get().path("aliases").forEach(x -> aliases.add(x.asText()));
        text = entityText(e.get().path("name").asText(), aliases);
        words = new SearchText.Words().add(text);
        inArticle = false;
      }
      default -> {
        return Optional.empty();
      }
    }
    List<SearchText.Word> list = words.list();
    List<int[]> occurrences = occurrences(list, q);
    BitSet phrases = new BitSet();
    occurrences.forEach(o -> phrases.set(o[0]));
    if (phrases.cardinality() != q.phrases().size()) {
      return Optional.empty();
    }
    // Where to show it: an article's text when the words are there, else its title.
    String shown = text;
    boolean spanInArticle = inArticle;
    if (title != null) {
      int bodyStart = words.segmentStart(1);
      List<int[]> body = occurrences.stream().filter(o -> o[1] >= bodyStart).toList();
      List<int[]> inTitle = occurrences.stream().filter(o -> o[2] <= bodyStart).toList();
      if (!body.isEmpty()) {
        occurrences = body;
      } else if (!inTitle.isEmpty()) {
        occurrences = inTitle;
        shown = title;
        spanInArticle = false;
      } else {
        // Only a phrase that runs from the title into the text: show the text's start.
        Snippet start = snippet(text, new Span(0, 0), List.of());
        return Optional.of(new SearchHit(f.kind(), f.item(), f.story(), f.article(), Optional.empty(),
            start.text(), start.marks()));
      }
    }
    int[] best = best(occurrences, list);
    Span span = new Span(list.get(best[0]).begin(), list.get(best[1] - 1).end());
    List<Span> marked = new ArrayList<>();
    for (int[] o : occurrences) {
      marked.add(new Span(list.get(o[1]).begin(), list.get(o[2] - 1).end()));
    }
    Snippet snippet = snippet(shown, span, marked);
    return Optional.of(new SearchHit(f.kind(), f.item(), f.story(), f.article(),
        spanInArticle ? Optional.of(span) : Optional.empty(), snippet.text(), snippet.marks()));
  }

  private static Optional<ObjectNode> payload(
      Map<String, Map<String, ObjectNode>> payloads, String sql, String id) {
    return Optional.ofNullable(payloads.getOrDefault(sql, Map.of()).get(id));
  }

  private static String claimText(Optional<ObjectNode> reconciliation, String claim) {
    if (reconciliation.isEmpty()) {
      return null;
    }
    for (JsonNode c : reconciliation.get().path("claims")) {
      if (c.path("id").asText().equals(claim)) {
        return c.path("text").asText();
      }
    }
    return null;
  }

  /**
   * Every place a phrase of {@code q} occurs in {@code words}: {@code {phrase, first word, end
   * word}}, in text order.
   */
  static List<int[]> occurrences(List<SearchText.Word> words, SearchText.Query q) {
    Map<String, List<Integer>> at = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      at.computeIfAbsent(words.get(i).term(), k -> new ArrayList<>()).add(i);
    }
    List<int[]> out = new ArrayList<>();
    for (int p = 0; p < q.phrases().size(); p++) {
      List<String> terms = q.phrases().get(p);
      for (int i : at.getOrDefault(terms.get(0), List.of())) {
        int j = 1;
        while (j < terms.size() && i + j < words.size() && words.get(i + j).term().equals(terms.get(j))) {
          j++;
        }
        if (j == terms.size()) {
          out.add(new int[] {p, i, i + j});
        }
      }
    }
    out.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[2], b[2]));
    return out;
  }

  /**
   * The best matching words: the shortest run (in characters, the earliest of equal ones) that
   * holds an occurrence of every phrase occurring in {@code occurrences}; {@code {first word, end
   * word}}.
   */
  static int[] best(List<int[]> occurrences, List<SearchText.Word> words) {
    BitSet all = new BitSet();
    occurrences.forEach(o -> all.set(o[0]));
    int k = all.cardinality();
    int[] best = null;
    int bestLength = Integer.MAX_VALUE;
    for (int l = 0; l < occurrences.size(); l++) {
      BitSet covered = new BitSet();
      int end = 0;
      for (int r = l; r < occurrences.size(); r++) {
        covered.set(occurrences.get(r)[0]);
        end = Math.max(end, occurrences.get(r)[2]);
        if (covered.cardinality() == k) {
          int length = words.get(end - 1).end() - words.get(occurrences.get(l)[1]).begin();
          if (length < bestLength) {
            bestLength = length;
            best = new int[] {occurrences.get(l)[1], end};
          }
          break;
        }
      }
    }
    return best;
  }

  /** A snippet and the marked words in it. */
  record Snippet(String text, List<Span> marks) {}

  /**
   * About {@link #SNIPPET} characters of {@code text} around {@code span} (from its start when it
   * is longer), cut at spaces where one is near, never inside a surrogate pair; control characters
   * and unpaired surrogates as spaces; {@code …} where it was cut. {@code marks} are the words to
   * mark, as offsets into {@code text}.
   */
  static Snippet snippet(String text, Span span, List<Span> marks) {
    int from;
    int to;
    if (span.length() >= SNIPPET) {
      from = span.begin();
      to = Math.min(text.length(), from + SNIPPET);
    } else {
      int extra = SNIPPET - span.length();
      from = Math.max(0, span.begin() - extra / 2);
      to = Math.min(text.length(), from + SNIPPET);
      from = Math.max(0, Math.min(from, to - SNIPPET));
      from = snapForward(text, from, span.begin());
      to = snapBack(text, to, span.end());
    }
    if (from > 0 && from < text.length() && Character.isLowSurrogate(text.charAt(from))
        && Character.isHighSurrogate(text.charAt(from - 1))) {
      from++;
    }
    if (to > 0 && to < text.length() && Character.isLowSurrogate(text.charAt(to))
        && Character.isHighSurrogate(text.charAt(to - 1))) {
      to--;
    }
    StringBuilder s = new StringBuilder();
    String before = from > 0 ? "…" : "";
    s.append(before);
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (Character.isHighSurrogate(ch) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
        s.append(ch).append(text.charAt(++i));
      } else {
        s.append(Character.isISOControl(ch) || Character.isSurrogate(ch) ? ' ' : ch);
      }
    }
    if (to < text.length()) {
      s.append('…');
    }
    List<Span> out = new ArrayList<>();
    for (Span m : marks) {
      if (m.begin() >= from && m.end() <= to) {
        Span shifted = m.shift(before.length() - from);
        if (!out.isEmpty() && out.get(out.size() - 1).end() > shifted.begin()) {
          Span last = out.remove(out.size() - 1);
          shifted = new Span(last.begin(), Math.max(last.end(), shifted.end()));
        }
        out.add(shifted);
      }
    }
    return new Snippet(s.toString(), out);
  }

  /** {@code at}, moved forward past the next space when that is within 20 characters and before {@code limit}. */
  private static int snapForward(String text, int at, int limit) {
    if (at == 0) {
      return 0;
    }
    for (int i = at; i < Math.min(limit, at + 20); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return at;
  }

  /** {@code at}, moved back to the previous space when that is within 20 characters and after {@code limit}. */
  private static int snapBack(String text, int at, int limit) {
    if (at >= text.length()) {
      return text.length();
    }
    for (int i = at; i > Math.max(limit, at - 20); i--) {
      if (Character.isWhitespace(text.charAt(i - 1))) {
        return i - 1;
      }
    }
    return at;
  }
}
