package org.triangulate.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Gzip decompression with limits on what comes out, read as a stream, so that a compression bomb
 * (a small file that decompresses to gigabytes) costs at most the limit: never the memory or the
 * time of the whole decompressed stream.
 *
 * <ul>
 *   <li>A document ({@code .txt.gz}, {@code .html.gz}) may decompress to at most the size limit.
 *   <li>A container ({@code .jsonl.gz}) may decompress to any size, but once past {@link
 *       #RATIO_FLOOR} bytes it may not hold more than {@link #MAX_RATIO} decompressed bytes per
 *       compressed byte: news text compresses 3 to 10 times, a bomb a thousand times.
 * </ul>
 */
final class BoundedGzip {

  /** Decompressed bytes per compressed byte beyond which a stream is taken for a bomb. */
  static final int MAX_RATIO = 200;

  /** The ratio is checked only past this many decompressed bytes. */
  static final long RATIO_FLOOR = 16L << 20;

  /** Decompression went past a limit; the message says which, for a user. */
  static final class LimitException extends IOException {
    LimitException(String message) {
      super(message);
    }
  }

  private BoundedGzip() {}

  /**
   * Decompresses a document held in memory.
   *
   * @throws LimitException if it decompresses to more than {@code maxBytes}
   * @throws IOException if it is not valid gzip
   */
  static byte[] document(byte[] compressed, long maxBytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 1 << 16)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4, 1 << 20));
      byte[] buf = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new LimitException(
              String.format(
                  Locale.ROOT,
                  "the %,d-byte gzip file decompresses to more than %,d bytes, over the limit"
                      + " (raise it with --max-bytes); stopped reading there",
                  compressed.length,
                  maxBytes));
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** A decompressing stream over a container that stops with a {@link LimitException} at a bomb. */
  static InputStream container(InputStream compressed) throws IOException {
    Counting counting = new Counting(compressed);
    return new Ratio(new GZIPInputStream(counting, 1 << 16), counting);
  }

  /** Counts the bytes read from the compressed stream. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += Math.max(0, s);
      return s;
    }
  }

  /** Checks the ratio of decompressed to compressed bytes as the stream is read. */
  private static final class Ratio extends FilterInputStream {
    private final Counting compressed;
    private long out;

    Ratio(InputStream in, Counting compressed) {
      super(in);
      this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count(Math.max(0, s));
      return s;
    }

    private void count(long n) throws LimitException {
      out += n;
      if (out > RATIO_FLOOR && out > MAX_RATIO * Math.max(1, compressed.count)) {
        throw new LimitException(
            String.format(
                Locale.ROOT,
                "%,d compressed bytes decompress to more than %,d bytes (over %d times their size):"
                    + " a compression bomb, not news; stopped reading there",
                compressed.count,
                out,
                MAX_RATIO));
      }
    }
  }
}
