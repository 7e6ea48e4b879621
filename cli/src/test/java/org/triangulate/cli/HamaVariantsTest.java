package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Ingester;
import org.triangulate.model.Article;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;

/**
 * The Hama articles, changed the ways real inputs are: re-encoded, with other line ends, truncated,
 * with noise. Ingest must give the same text where the change does not touch the words, and a clean
 * result or a clear problem where it does; never an exception.
 */
class HamaVariantsTest {

  private static final Ingester INGESTER = Components.ingester(IngestOptions.DEFAULT_MAX_BYTES);

  @Test
  void windows1252AndUtf16GiveTheSameArticleAsUtf8() throws IOException {
    for (Path file : Fixtures.hamaFiles()) {
      String text = read(file);
      Article utf8 = only(ingest(file, text.getBytes(StandardCharsets.UTF_8)));
      Article cp1252 = only(ingest(file, text.getBytes(Charset.forName("windows-1252"))));
      Article utf16 = only(ingest(file, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)));
      assertThat(cp1252.text()).as(file.toString()).isEqualTo(utf8.text());
      assertThat(cp1252.metadata()).isEqualTo(utf8.metadata());
      assertThat(utf16.text()).isEqualTo(utf8.text());
    }
  }

  @Test
  void lineEndsDoNotMatter() throws IOException {
    for (Path file : Fixtures.hamaFiles()) {
      String text = read(file);
      Article lf = only(ingest(file, text.getBytes(StandardCharsets.UTF_8)));
      Article crlf = only(ingest(file, text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
      Article cr = only(ingest(file, text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)));
      assertThat(crlf.text()).as(file.toString()).isEqualTo(lf.text());
      assertThat(cr.text()).isEqualTo(lf.text());
      assertThat(crlf.removed()).extracting(Removal::text).isEqualTo(lf.removed().stream().map(Removal::text).toList());
    }
  }

  @Test
  void truncationAtAnyCharacterGivesACleanArticleOrAClearProblem() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (Path file : Fixtures.hamaFiles()) {
      String text = read(file);
      for (int trial = 0; trial < 40; trial++) {
        int cut = random.nextInt(text.length() + 1);
        String prefix = text.substring(0, cut);
        IngestResult r = ingest(file, prefix.getBytes(StandardCharsets.UTF_8));
        String what = "seed " + seed + ", " + file.getFileName() + " cut at " + cut;
        assertThat(r.articles().size() + r.problems().size()).as(what).isPositive();
        for (Article a : r.articles()) {
          assertWellFormed(a, prefix, what);
        }
      }
    }
  }

  @Test
  void noiseNeverBreaksIngest() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String[] noise = {
      "\u0000", "\u0007", "\uFFFD", "\u00A0", "\t", "\n\n\n", "<script>alert(1)</script>", "\u202E",
      "Loading\u2026", "Credit: AP", "What do you think?", "\uD83D\uDE00", "  ", "\r"
    };
    for (Path file : Fixtures.hamaFiles()) {
      String text = read(file);
      for (int trial = 0; trial < 25; trial++) {
        StringBuilder sb = new StringBuilder(text);
        for (int k = 0; k < 1 + random.nextInt(8); k++) {
          sb.insert(random.nextInt(sb.length() + 1), noise[random.nextInt(noise.length)]);
        }
        String noisy = sb.toString();
        IngestResult r = ingest(file, noisy.getBytes(StandardCharsets.UTF_8));
        String what = "seed " + seed + ", " + file.getFileName() + " trial " + trial;
        assertThat(r.articles().size() + r.problems().size()).as(what).isPositive();
        for (Article a : r.articles()) {
          assertWellFormed(a, noisy, what);
        }
      }
    }
  }

  /** Every removal quotes the original at its offset; every repair's span quotes the text. */
  private static void assertWellFormed(Article a, String original, String what) {
    assertThat(a.text()).as(what).isNotBlank().doesNotStartWith(" ").doesNotEndWith(" ");
    for (Removal r : a.removed()) {
      assertThat(r.offset() + r.text().length()).as(what).isLessThanOrEqualTo(original.length());
      assertThat(original.substring(r.offset(), r.offset() + r.text().length()))
          .as("%s: removal at %d", what, r.offset())
          .isEqualTo(r.text());
    }
    for (Repair r : a.repairs()) {
      assertThat(r.span().of(a.text())).as(what).isEqualTo(r.replacement());
      assertThat(original.substring(r.offset(), r.offset() + r.original().length())).as(what).isEqualTo(r.original());
    }
  }

  private static IngestResult ingest(Path file, byte[] bytes) {
    return INGESTER.ingest(file.toString(), file.getFileName().toString(), bytes);
  }

  private static Article only(IngestResult r) {
    assertThat(r.articles()).as(r.problems().toString()).hasSize(1);
    return r.articles().get(0);
  }

  private static String read(Path file) throws IOException {
    return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
  }

}
