package org.triangulate.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.triangulate.ingest.html.HtmlExtractor;
import org.triangulate.ingest.html.HtmlPage;
import org.triangulate.ingest.jsonl.JsonlReader;
import org.triangulate.ingest.text.CleanedText;
import org.triangulate.ingest.text.TextCleaner;
import org.triangulate.ingest.warc.WarcArticleReader;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Problem;
import org.triangulate.model.Removal;

/**
 * The ingest stage for one input: reads a text, HTML, JSONL or WARC file and returns its articles,
 * cleaned, with their metadata, and its problems. Bad input never throws: it becomes a {@link
 * Problem} naming the source and the position, and whatever else the input holds is still read.
 *
 * <p>Ids returned here are per input (a file's stem, a record's id or URL); {@link Corpus} makes
 * them unique across a run. Thread-safe: one instance serves all threads.
 */
public final class Ingester {

  static final String STAGE = "ingest";
  private static final int HEAD = 8192;
  private static final int MAX_PROBLEMS_PER_INPUT = 1000;

  private final IngestOptions options;
  private final TextCleaner cleaner;
  private final HtmlExtractor html = new HtmlExtractor();

  public Ingester(IngestOptions options) {
    this.options = options;
    this.cleaner = new TextCleaner(options.words());
  }

  /** Reads one file. {@code source} is the name the user gave it, used in the report. */
  public IngestResult ingest(Path file, String source) {
    Collector out = new Collector(source, options.outlets());
    try {
      long size = Files.size(file);
      String name = file.getFileName() == null ? source : file.getFileName().toString();
      byte[] head = new byte[HEAD];
      int headLength;
      try (InputStream in = Files.newInputStream(file)) {
        headLength = in.readNBytes(head, 0, HEAD);
      }
      InputFormat format = InputFormat.of(name, head, headLength);
      if (size == 0) {
        out.problem(Problem.error(source, "file", STAGE, "the file is empty (0 bytes)"));
      } else if (format == InputFormat.WARC || format == InputFormat.JSONL) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
          readContainer(format, name, source, in, out);
        }
      } else if (size > options.maxBytes()) {
        out.problem(Problem.error(source, "file", STAGE, tooLarge("the file", size)));
      } else {
        byte[] bytes = Files.readAllBytes(file);
        if (isGzipName(name)) {
          bytes = gunzip(source, bytes, out);
        }
        if (bytes != null) {
          readDocumentBytes(format, source, stem(name), bytes, out);
        }
      }
    } catch (NoSuchFileException e) {
      out.problem(Problem.error(source, "file", STAGE, "no such file"));
    } catch (IOException e) {
      out.problem(Problem.error(source, "file", STAGE, "cannot read the file: " + message(e)));
    }
    return out.result();
  }

  /**
   * Reads an input held in memory (an upload, a Spark record). {@code name} is its file name, which
   * tells the format and gives the id of a single-article input.
   */
  public IngestResult ingest(String source, String name, byte[] bytes) {
    Collector out = new Collector(source, options.outlets());
    InputFormat format = InputFormat.of(name, bytes, Math.min(bytes.length, HEAD));
    try {
      if (bytes.length == 0) {
        out.problem(Problem.error(source, "file", STAGE, "the input is empty (0 bytes)"));
      } else if (format == InputFormat.WARC || format == InputFormat.JSONL) {
        readContainer(format, name, source, new ByteArrayInputStream(bytes), out);
      } else if (bytes.length > options.maxBytes()) {
        out.problem(Problem.error(source, "file", STAGE, tooLarge("the input", bytes.length)));
      } else {
        byte[] b = isGzipName(name) ? gunzip(source, bytes, out) : bytes;
        if (b != null) {
          readDocumentBytes(format, source, stem(name), b, out);
        }
      }
    } catch (IOException e) {
      out.problem(Problem.error(source, "file", STAGE, "cannot read the input: " + message(e)));
    }
    return out.result();
  }

  /**
   * Reads a file from a stream (a file of a Hadoop file system, say), as {@link #ingest(Path,
   * String)} reads a local one, with the same problems: a WARC or JSONL file is read as it streams,
   * so its size is not bounded by memory; any other file is read into memory, up to the size limit.
   * The stream is not closed.
   *
   * @param size the file's length in bytes
   */
  public IngestResult ingest(String source, String name, InputStream stream, long size) {
    Collector out = new Collector(source, options.outlets());
    try {
      InputStream in = new BufferedInputStream(stream, 1 << 16);
      in.mark(HEAD);
      byte[] head = in.readNBytes(HEAD);
      in.reset();
      InputFormat format = InputFormat.of(name, head, head.length);
      if (size == 0) {
        out.problem(Problem.error(source, "file", STAGE, "the file is empty (0 bytes)"));
      } else if (format == InputFormat.WARC || format == InputFormat.JSONL) {
        readContainer(format, name, source, in, out);
      } else if (size > options.maxBytes()) {
        out.problem(Problem.error(source, "file", STAGE, tooLarge("the file", size)));
      } else {
        byte[] bytes = in.readAllBytes();
        if (isGzipName(name)) {
          bytes = gunzip(source, bytes, out);
        }
        if (bytes != null) {
          readDocumentBytes(format, source, stem(name), bytes, out);
        }
      }
    } catch (IOException e) {
      out.problem(Problem.error(source, "file", STAGE, "cannot read the file: " + message(e)));
    }
    return out.result();
  }

  private void readContainer(
      InputFormat format, String name, String source, InputStream in, Collector out)
      throws IOException {
    if (format == InputFormat.WARC) {
      new WarcArticleReader(options.maxBytes())
          .read(source, in, doc -> article(doc, stem(name), out), out::problem);
      return;
    }
    InputStream raw = in;
    if (isGzipName(name)) {
      raw = BoundedGzip.container(in);
    }
    raw = raw.markSupported() ? raw : new BufferedInputStream(raw, 1 << 16);
    raw.mark(HEAD);
    byte[] head = raw.readNBytes(HEAD);
    raw.reset();
    int nul = indexOfNul(head);
    if (nul >= 0) {
      out.problem(
          Problem.error(
              source,
              "byte " + nul,
              STAGE,
              "binary content: a NUL byte at byte " + nul + "; this is not a JSONL file"));
      return;
    }
    ReportingUtf8Reader utf8 = new ReportingUtf8Reader(raw, source);
    try (BufferedReader reader = new BufferedReader(utf8, 1 << 16)) {
      new JsonlReader(options.maxBytes())
          .read(source, reader, doc -> article(doc, stem(name), out), out::problem);
    } catch (EOFException e) {
      out.problem(
          Problem.error(source, "file", STAGE, "the compressed file ends early: " + message(e)));
    } catch (BoundedGzip.LimitException e) {
      out.problem(Problem.error(source, "file", STAGE, e.getMessage()));
    } finally {
      utf8.warnings().forEach(out::problem);
    }
  }

  private void readDocumentBytes(
      InputFormat format, String source, String stem, byte[] bytes, Collector out) {
    boolean isHtml = format == InputFormat.HTML;
    Decoding.Decoded decoded;
    try {
      decoded = Decoding.decode(source, 0, bytes, Optional.empty(), isHtml);
    } catch (RejectedInputException e) {
      out.problem(e.problem());
      return;
    }
    decoded.warnings().forEach(out::problem);
    article(
        new RawDocument(
            source,
            Optional.empty(),
            Optional.empty(),
            format.wireName(),
            decoded.text(),
            isHtml,
            ArticleMetadata.EMPTY),
        stem,
        out);
  }

  /** Cleans one document into an article, or reports why it holds none. */
  private void article(RawDocument doc, String stem, Collector out) {
    String where = doc.location().orElse("file");
    CleanedText cleaned;
    ArticleMetadata metadata;
    List<Removal> removed = new ArrayList<>();
    if (doc.html()) {
      HtmlPage page = html.extract(doc.content(), doc.metadata().url());
      metadata = page.metadata().orElse(doc.metadata());
      removed.addAll(page.removed());
      if (page.blocks().isEmpty()) {
        out.problem(
            Problem.error(
                doc.source(), where, STAGE, "no article text found in the page"
                    + metadata.url().map(u -> " " + u).orElse("")));
        return;
      }
      cleaned = cleaner.clean(page.blocks(), metadata);
    } else {
      metadata = doc.metadata();
      cleaned = cleaner.clean(SourceLine.split(doc.content()), metadata);
    }
    removed.addAll(cleaned.removed());
    removed.sort(Comparator.comparingInt(Removal::offset));
    if (cleaned.text().isBlank()) {
      out.problem(
          Problem.error(
              doc.source(),
              where,
              STAGE,
              "no article text left after cleaning ("
                  + removed.size()
                  + " part"
                  + (removed.size() == 1 ? "" : "s")
                  + " removed as page chrome)"));
      return;
    }
    metadata = metadata.orElse(cleaned.found());
    Optional<String> detected = options.languages().detect(cleaned.text());
    if (detected.isPresent()) {
      metadata = metadata.withLanguage(detected);
    }
    String id =
        doc.idHint().orElseGet(() -> doc.location().isEmpty() ? stem : stem + ":" + where.replace(' ', '-'));
    out.article(
        new Article(
            id,
            doc.source(),
            doc.location(),
            doc.format(),
            metadata,
            cleaned.text(),
            removed,
            cleaned.repairs()));
  }

  private byte[] gunzip(String source, byte[] bytes, Collector out) {
    try {
      return BoundedGzip.document(bytes, options.maxBytes());
    } catch (BoundedGzip.LimitException e) {
      out.problem(Problem.error(source, "file", STAGE, e.getMessage()));
      return null;
    } catch (IOException e) {
      out.problem(
          Problem.error(source, "file", STAGE, "cannot decompress the gzip file: " + message(e)));
      return null;
    }
  }

  private String tooLarge(String what, long size) {
    return String.format(
        Locale.ROOT,
        "%s is %,d bytes, over the limit of %,d bytes (raise it with --max-bytes)",
        what,
        size,
        options.maxBytes());
  }

  private static boolean isGzipName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** The file name without its extensions: {@code 000_x.txt} gives {@code 000_x}. */
  static String stem(String name) {
    String n = name;
    if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static int indexOfNul(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  static String message(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** Gathers one input's articles and problems; caps the problems one input can produce. */
  private static final class Collector {
    private final String source;
    private final Outlets outlets;
    private final List<Article> articles = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int dropped;

    Collector(String source, Outlets outlets) {
      this.source = source;
      this.outlets = outlets;
    }

    void article(Article a) {
      articles.add(outlets.apply(a));
    }

    void problem(Problem p) {
      if (problems.size() < MAX_PROBLEMS_PER_INPUT) {
        problems.add(p);
      } else {
        dropped++;
      }
    }

    IngestResult result() {
      if (dropped > 0) {
        problems.add(
            Problem.error(
                source,
                "file",
                STAGE,
                dropped
                    + " more problems in this input are not listed (the first "
                    + MAX_PROBLEMS_PER_INPUT
                    + " are)"));
      }
      return new IngestResult(articles, problems);
    }
  }
}
