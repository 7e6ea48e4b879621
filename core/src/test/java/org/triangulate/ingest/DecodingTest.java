package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Problem;

class DecodingTest {

  private static final String TEXT =
      "Syria\u2019s defence ministry said its forces had \u201Credeployed\u201D from Hama \u2014 caf\u00E9 r\u00E9sum\u00E9.";

  @Test
  void readsUtf8AsIs() throws Exception {
    Decoding.Decoded d = decode(TEXT.getBytes(StandardCharsets.UTF_8));
    assertThat(d.text()).isEqualTo(TEXT);
    assertThat(d.charset()).isEqualTo("UTF-8");
    assertThat(d.warnings()).isEmpty();
  }

  @Test
  void dropsTheByteOrderMark() throws Exception {
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertThat(decode(withBom).text()).isEqualTo(TEXT);
  }

  @Test
  void readsUtf16WithByteOrderMark() throws Exception {
    byte[] le = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE);
    assertThat(decode(le).text()).isEqualTo(TEXT);
    byte[] be = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16BE);
    assertThat(decode(be).text()).isEqualTo(TEXT);
  }

  @Test
  void readsWindows1252AndSaysSo() throws Exception {
    Decoding.Decoded d = decode(TEXT.getBytes(Charset.forName("windows-1252")));
    assertThat(d.text()).isEqualTo(TEXT);
    assertThat(d.charset()).isEqualTo("windows-1252");
    assertThat(d.warnings())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.message()).contains("not UTF-8").contains("windows-1252");
              assertThat(p.location()).isEqualTo("byte 5");
            });
  }

  @Test
  void readsLatin1AsWindows1252() throws Exception {
    String latin = "Les insurg\u00E9s sont entr\u00E9s \u00E0 Hama apr\u00E8s cinq jours de combats, a d\u00E9clar\u00E9 l'arm\u00E9e.";
    Decoding.Decoded d = decode(latin.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(d.text()).isEqualTo(latin);
    assertThat(d.warnings()).hasSize(1);
  }

  @Test
  void replacesAFewInvalidBytesInUtf8AndNamesTheFirst() throws Exception {
    byte[] good = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] bad = good.clone();
    bad[10] = (byte) 0xFF;
    Decoding.Decoded d = decode(bad);
    assertThat(d.charset()).isEqualTo("UTF-8");
    assertThat(d.text()).contains("\uFFFD").contains("\u201Credeployed\u201D");
    assertThat(d.warnings())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("1 invalid UTF-8 byte sequence, the first at byte 10"));
  }

  @Test
  void usesTheCharsetTheContainerDeclares() throws Exception {
    byte[] b = TEXT.getBytes(Charset.forName("windows-1252"));
    Decoding.Decoded d =
        Decoding.decode("x.html", 0, b, Optional.of("windows-1252"), true);
    assertThat(d.text()).isEqualTo(TEXT);
    assertThat(d.warnings()).isEmpty();
  }

  @Test
  void usesTheMetaCharsetOfAPage() throws Exception {
    String html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>" + TEXT + "</p></body></html>";
    Decoding.Decoded d =
        Decoding.decode("x.html", 0, html.getBytes(Charset.forName("windows-1252")), Optional.empty(), true);
    assertThat(d.text()).contains(TEXT);
    assertThat(d.charset()).isEqualTo("windows-1252");
  }

  @Test
  void rejectsAnEmptyInput() {
    assertThatThrownBy(() -> decode(new byte[0]))
        .isInstanceOfSatisfying(
            RejectedInputException.class,
            e -> assertThat(e.problem().message()).contains("empty"));
  }

  @Test
  void rejectsBinaryWithTheOffsetOfTheFirstNul() {
    byte[] b = "Hello there, this looks like text".getBytes(StandardCharsets.US_ASCII);
    b[7] = 0;
    assertThatThrownBy(() -> decode(b))
        .isInstanceOfSatisfying(
            RejectedInputException.class,
            e -> {
              assertThat(e.problem().location()).isEqualTo("byte 7");
              assertThat(e.problem().message()).contains("NUL byte at byte 7");
              assertThat(e.problem().rejected()).isTrue();
            });
  }

  @Test
  void rejectsKnownBinaryFormatsByTheirSignature() {
    byte[] pdf = "%PDF-1.7\n%\u00E2\u00E3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> decode(pdf))
        .isInstanceOfSatisfying(
            RejectedInputException.class,
            e -> assertThat(e.problem().message()).contains("PDF"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    assertThatThrownBy(() -> decode(png)).isInstanceOf(RejectedInputException.class);
  }

  @Test
  void rejectsControlCharacterNoiseWithoutNulBytes() {
    byte[] b = new byte[4096];
    new java.util.Random(7).nextBytes(b);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        b[i] = 1;
      }
    }
    assertThatThrownBy(() -> decode(b)).isInstanceOf(RejectedInputException.class);
  }

  @Test
  void rejectsWhiteSpaceOnly() {
    assertThatThrownBy(() -> decode(" \n\n\t \r\n".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(
            RejectedInputException.class,
            e -> assertThat(e.problem().message()).contains("white space"));
  }

  @Test
  void reportsOffsetsRelativeToTheFile() {
    byte[] b = "abc\u0000def".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> Decoding.decode("w.warc", 1000, b, Optional.empty(), true))
        .isInstanceOfSatisfying(
            RejectedInputException.class,
            e -> assertThat(e.problem().location()).isEqualTo("byte 1003"));
  }

  private static Decoding.Decoded decode(byte[] b) throws RejectedInputException {
    return Decoding.decode("test.txt", 0, b, Optional.empty(), false);
  }
}
