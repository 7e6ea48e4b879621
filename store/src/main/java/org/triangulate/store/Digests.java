package org.triangulate.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;

/** The hashes the store keeps, and the form ids take in key columns. */
final class Digests {

  private Digests() {}

  /** The SHA-256 of {@code text}'s UTF-8 bytes, in lower-case hex. */
  static String sha256(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * What a story's per-story results were computed from: the SHA-256 over its article ids, sorted,
   * each with the SHA-256 of its text ({@code id TAB sha NL} per article). Results whose fingerprint
   * is not their story's were computed over other articles or other texts.
   *
   * @param textSha the SHA-256 of an article's text, by article id
   */
  static String fingerprint(Story story, Function<String, String> textSha) {
    List<String> ids = new ArrayList<>(story.articles());
    ids.sort(null);
    MessageDigest sha = digest();
    for (String id : ids) {
      sha.update(key(id).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\t');
      sha.update(textSha.apply(id).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** A problem's identity without its position: the SHA-256 over its fields. */
  static String problem(Problem p) {
    MessageDigest sha = digest();
    for (String field :
        List.of(p.source(), p.location(), p.stage(), p.severity().wireName(), p.message())) {
      sha.update(key(field).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * {@code id} as a key column holds it: unchanged, unless it holds a backslash, a NUL (which
   * PostgreSQL's text refuses) or an unpaired surrogate (which UTF-8 cannot encode); those become
   * {@code \\}, {@code \0} and {@code \}{@code uXXXX}. Different ids give different keys.
   */
  static String key(String id) {
    int n = id.length();
    int i = 0;
    while (i < n && !special(id, i)) {
      i += Character.isHighSurrogate(id.charAt(i)) ? 2 : 1;
    }
    if (i >= n) {
      return id;
    }
    StringBuilder out = new StringBuilder(n + 8).append(id, 0, i);
    while (i < n) {
      char c = id.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == 0) {
        out.append("\\0");
      } else if (Character.isSurrogate(c) && !paired(id, i)) {
        out.append(String.format("\\u%04X", (int) c));
      } else if (Character.isHighSurrogate(c)) {
        out.append(c).append(id.charAt(i + 1));
        i++;
      } else {
        out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  /** The id a key column holds: the inverse of {@link #key}. */
  static String unkey(String key) {
    if (key.indexOf('\\') < 0) {
      return key;
    }
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '\\' || i + 1 >= key.length()) {
        out.append(c);
      } else if (key.charAt(i + 1) == '0') {
        out.append('\0');
        i++;
      } else if (key.charAt(i + 1) == 'u' && i + 6 <= key.length()) {
        out.append((char) Integer.parseInt(key.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(key.charAt(i + 1));
        i++;
      }
    }
    return out.toString();
  }

  private static boolean special(String s, int i) {
    char c = s.charAt(i);
    return c == '\\' || c == 0 || (Character.isSurrogate(c) && !paired(s, i));
  }

  /** Whether the surrogate at {@code i} is the high half of a pair (its low half follows). */
  private static boolean paired(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
