package org.triangulate.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The input formats ingest reads, told from the file name and, failing that, the first bytes. */
public enum InputFormat {
  TEXT("text"),
  HTML("html"),
  JSONL("jsonl"),
  WARC("warc");

  private final String wireName;

  InputFormat(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in reports ({@code Article.format}). */
  public String wireName() {
    return wireName;
  }

  /**
   * Tells the format of an input from its name ({@code .txt .html .htm .xhtml .jsonl .ndjson .warc
   * .warc.gz}, also {@code .jsonl.gz}) and, for other names, from its first bytes.
   */
  public static InputFormat of(String fileName, byte[] head, int headLength) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".warc") || n.endsWith(".arc")) {
      return WARC;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return JSONL;
    }
    if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml") || n.endsWith(".shtml")) {
      return HTML;
    }
    if (n.endsWith(".txt") || n.endsWith(".text")) {
      return TEXT;
    }
    return sniff(head, headLength);
  }

  private static InputFormat sniff(byte[] head, int length) {
    String s = new String(head, 0, Math.min(length, 1024), StandardCharsets.ISO_8859_1);
    if (s.startsWith("\u00EF\u00BB\u00BF")) {
      s = s.substring(3);
    }
    s = s.stripLeading();
    if (s.startsWith("WARC/")) {
      return WARC;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<?xml")
        || (lower.startsWith("<") && (lower.contains("<body") || lower.contains("<head")))) {
      return HTML;
    }
    if (s.startsWith("{")) {
      return JSONL;
    }
    return TEXT;
  }
}
