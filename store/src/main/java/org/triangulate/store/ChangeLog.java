package org.triangulate.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The change log (table {@code changes}): the JSON a caller gave with a save or an apply, kept
 * under the generation that commit produced, in the same transaction. The store does not read
 * the JSON; it only checks that it is JSON.
 */
final class ChangeLog {

  /**
   * {@code committed_at}: ISO-8601 UTC with exactly six decimals, so that the text sorts as the
   * instants do.
   */
  static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private ChangeLog() {}

  /**
   * Refuses a change that is not one JSON value (nothing after it but white space), or that holds
   * an unpaired surrogate (which neither database can keep).
   *
   * @throws IllegalArgumentException naming where it is not JSON
   */
  static void check(String change) {
    if (change == null) {
      throw new IllegalArgumentException("a change must be JSON text, not null");
    }
    for (int i = 0; i < change.length(); i++) {
      char c = change.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < change.length()
          && Character.isLowSurrogate(change.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "a change must be valid Unicode: an unpaired surrogate at index " + i);
      }
    }
    try (JsonParser p = Payloads.JSON.getFactory().createParser(change)) {
      if (p.nextToken() == null) {
        throw new IllegalArgumentException("a change must be JSON text: it is empty");
      }
      p.skipChildren();
      JsonToken after = p.nextToken();
      if (after != null) {
        throw new IllegalArgumentException(
            "a change must be one JSON value: more follows at " + p.currentLocation().getCharOffset());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("a change must be JSON text: " + e.getMessage(), e);
    }
  }

  /** Records {@code change} as generation {@code generation}'s, committed at {@code at}. */
  static int insert(Connection c, long generation, Instant at, String change) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO changes (generation, committed_at, change) VALUES (?, ?, ?)")) {
      s.setLong(1, generation);
      s.setString(2, INSTANT.format(at));
      s.setString(3, change);
      return s.executeUpdate();
    }
  }

  /** The changes of generations after {@code generation}, in order, at most {@code limit}. */
  static List<StoredChange> since(Connection c, long generation, int limit) throws SQLException {
    return read(c, "SELECT generation, committed_at, change FROM changes WHERE generation > ?"
        + " ORDER BY generation LIMIT ?", s -> s.setLong(1, generation), limit);
  }

  /**
   * The changes committed after {@code instant} (to the microsecond) by their writers' clocks, in
   * order of generation, at most {@code limit}.
   */
  static List<StoredChange> after(Connection c, Instant instant, int limit) throws SQLException {
    return read(c, "SELECT generation, committed_at, change FROM changes WHERE committed_at > ?"
        + " ORDER BY generation LIMIT ?", s -> s.setString(1, INSTANT.format(instant)), limit);
  }

  interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private static List<StoredChange> read(Connection c, String sql, Binder binder, int limit)
      throws SQLException {
    List<StoredChange> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      s.setInt(2, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Instant at;
          try {
            at = Instant.parse(rs.getString(2));
          } catch (DateTimeParseException e) {
            throw new StoreException(
                "change " + rs.getLong(1) + " has a commit time that is not ISO-8601: " + rs.getString(2), e);
          }
          out.add(new StoredChange(rs.getLong(1), at, rs.getString(3)));
        }
      }
    }
    return out;
  }

  /** {@code at} as {@code committed_at} keeps it. */
  static Instant kept(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
