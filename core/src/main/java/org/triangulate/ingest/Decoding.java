package org.triangulate.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.model.Problem;

/**
 * Turns the bytes of an input into text, and says how.
 *
 * <p>The order of evidence: a byte-order mark; the charset the container declares (an HTTP header
 * in a WARC record); for HTML, a {@code <meta charset>} in the first 2,048 bytes; valid UTF-8;
 * UTF-8 with a few invalid sequences (replaced with U+FFFD, with a warning naming the first); and
 * last a legacy 8-bit charset chosen by ICU's detector, windows-1252 when it cannot tell. Bytes
 * that are not text (NUL bytes, control characters, the signatures of PDF, ZIP, images) reject the
 * input.
 */
public final class Decoding {

  /** The decoded text, the charset it was read as, and warnings about what was repaired. */
  public record Decoded(String text, String charset, List<Problem> warnings) {
    public Decoded {
      warnings = List.copyOf(warnings);
    }
  }

  private static final String STAGE = "ingest";
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");

  private Decoding() {}

  /**
   * Decodes {@code bytes}.
   *
   * @param source the input, for problems
   * @param baseOffset the offset of {@code bytes} in the source file, for problem locations
   * @param declared a charset the container declares, if any
   * @param html whether the bytes are an HTML page (then a meta charset is looked for)
   * @throws RejectedInputException when the bytes are empty or not text
   */
  public static Decoded decode(
      String source, long baseOffset, byte[] bytes, Optional<String> declared, boolean html)
      throws RejectedInputException {
    if (bytes.length == 0) {
      throw new RejectedInputException(
          Problem.error(source, location(baseOffset), STAGE, "the input is empty (0 bytes)"));
    }
    Optional<String> signature = binarySignature(bytes);
    if (signature.isPresent()) {
      throw new RejectedInputException(
          Problem.error(
              source,
              location(baseOffset),
              STAGE,
              "this is a " + signature.get() + " file, not text, HTML, JSONL or WARC"));
    }
    List<Problem> warnings = new ArrayList<>();
    // Byte-order marks.
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return utf8(source, baseOffset, bytes, 3, warnings);
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      Charset cs = bytes[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
      String text = new String(bytes, 2, bytes.length - 2, cs);
      return checked(source, baseOffset, new Decoded(text, cs.name(), warnings));
    }
    long nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      throw new RejectedInputException(
          Problem.error(
              source,
              location(baseOffset + nul),
              STAGE,
              "binary content: a NUL byte at byte " + (baseOffset + nul) + "; this is not a text file"));
    }
    Optional<Charset> named = declared.flatMap(Decoding::charset);
    if (named.isEmpty() && html) {
      named = metaCharset(bytes);
    }
    if (named.isPresent() && !named.get().equals(StandardCharsets.UTF_8)) {
      Charset cs = named.get();
      if (cs.equals(StandardCharsets.ISO_8859_1) || cs.name().equals("US-ASCII")) {
        // As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252.
        cs = Charset.forName("windows-1252");
      }
      return checked(source, baseOffset, new Decoded(new String(bytes, cs), cs.name(), warnings));
    }
    Utf8Scan scan = Utf8Scan.of(bytes);
    if (scan.invalid == 0 || named.isPresent() || scan.validMultiByte >= scan.invalid * 2) {
      if (scan.invalid > 0) {
        warnings.add(
            Problem.warning(
                source,
                location(baseOffset + scan.firstInvalid),
                STAGE,
                scan.invalid
                    + " invalid UTF-8 byte sequence"
                    + (scan.invalid == 1 ? "" : "s")
                    + ", the first at byte "
                    + (baseOffset + scan.firstInvalid)
                    + "; each was replaced with U+FFFD"));
      }
      return utf8(source, baseOffset, bytes, 0, warnings);
    }
    Charset legacy = detectLegacy(bytes);
    warnings.add(
        Problem.warning(
            source,
            location(baseOffset + scan.firstInvalid),
            STAGE,
            "not UTF-8 (the first invalid byte is at byte "
                + (baseOffset + scan.firstInvalid)
                + "); read as "
                + legacy.name()));
    return checked(
        source, baseOffset, new Decoded(new String(bytes, legacy), legacy.name(), warnings));
  }

  private static Decoded utf8(
      String source, long baseOffset, byte[] bytes, int skip, List<Problem> warnings)
      throws RejectedInputException {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    String text;
    try {
      text = dec.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder threw", e);
    }
    return checked(source, baseOffset, new Decoded(text, "UTF-8", warnings));
  }

  /** Rejects decoded text that is mostly control characters: a binary file without NUL bytes. */
  private static Decoded checked(String source, long baseOffset, Decoded d)
      throws RejectedInputException {
    String t = d.text();
    int control = 0;
    int firstControl = -1;
    int n = Math.min(t.length(), 65_536);
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
          || (c >= 0x7F && c < 0xA0)
          || c == '\uFFFD') {
        control++;
        if (firstControl < 0) {
          firstControl = i;
        }
      }
    }
    if (n > 0 && control * 10 > n) {
      throw new RejectedInputException(
          Problem.error(
              source,
              location(baseOffset),
              STAGE,
              "binary content: "
                  + (control * 100 / n)
                  + "% of the first "
                  + n
                  + " characters are control or undecodable characters; this is not a text file"));
    }
    if (t.isBlank()) {
      throw new RejectedInputException(
          Problem.error(source, location(baseOffset), STAGE, "the input holds only white space"));
    }
    return d;
  }

  private static Charset detectLegacy(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    for (CharsetMatch m : detector.detectAll()) {
      String name = m.getName();
      if (name.startsWith("UTF") || name.startsWith("ISO-2022") || m.getConfidence() < 20) {
        continue;
      }
      Optional<Charset> cs = charset(name);
      if (cs.isPresent()) {
        Charset c = cs.get();
        if (c.equals(StandardCharsets.ISO_8859_1)) {
          return Charset.forName("windows-1252");
        }
        return c;
      }
    }
    return Charset.forName("windows-1252");
  }

  private static Optional<Charset> metaCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? charset(m.group(1)) : Optional.empty();
  }

  static Optional<Charset> charset(String name) {
    try {
      return Optional.of(Charset.forName(name.strip().toLowerCase(Locale.ROOT)));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> binarySignature(byte[] b) {
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return Optional.of("PDF");
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return Optional.of("ZIP");
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return Optional.of("PNG image");
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("JPEG image");
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return Optional.of("GIF image");
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return Optional.of("gzip-compressed");
    }
    if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
      return Optional.of("executable (ELF)");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static long indexOf(byte[] b, byte v) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  static String location(long byteOffset) {
    return "byte " + byteOffset;
  }

  /** Counts valid multi-byte sequences and invalid bytes in one pass. */
  private static final class Utf8Scan {
    int validMultiByte;
    int invalid;
    long firstInvalid = -1;

    static Utf8Scan of(byte[] b) {
      Utf8Scan s = new Utf8Scan();
      CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder();
      ByteBuffer in = ByteBuffer.wrap(b);
      CharBuffer out = CharBuffer.allocate(4096);
      while (true) {
        CoderResult r = dec.decode(in, out, true);
        if (r.isOverflow()) {
          out.clear();
          continue;
        }
        if (r.isError()) {
          if (s.firstInvalid < 0) {
            s.firstInvalid = in.position();
          }
          s.invalid++;
          in.position(in.position() + r.length());
          continue;
        }
        break;
      }
      for (int i = 0; i < b.length; i++) {
        int v = b[i] & 0xFF;
        if (v >= 0xC2 && v <= 0xF4) {
          int need = v >= 0xF0 ? 3 : v >= 0xE0 ? 2 : 1;
          boolean ok = i + need < b.length;
          for (int k = 1; ok && k <= need; k++) {
            ok = (b[i + k] & 0xC0) == 0x80;
          }
          if (ok) {
            s.validMultiByte++;
            i += need;
          }
        }
      }
      return s;
    }
  }
}
