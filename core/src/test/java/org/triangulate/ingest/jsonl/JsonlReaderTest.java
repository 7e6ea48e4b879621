package org.triangulate.ingest.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.RawDocument;
import org.triangulate.model.Problem;

class JsonlReaderTest {

  private final List<RawDocument> docs = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  @BeforeEach
  void clear() {
    docs.clear();
    problems.clear();
  }

  private void readFixture() throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/fixtures/jsonl/mixed.jsonl"),
                StandardCharsets.UTF_8))) {
      new JsonlReader(10_000_000).read("mixed.jsonl", in, docs::add, problems::add);
    }
  }

  private void read(long max, String text) throws IOException {
    new JsonlReader(max)
        .read("t.jsonl", new BufferedReader(new StringReader(text)), docs::add, problems::add);
  }

  private RawDocument at(String location) {
    return docs.stream()
        .filter(d -> d.location().equals(Optional.of(location)))
        .findFirst()
        .orElseThrow();
  }

  private Problem problemAt(String location) {
    return problems.stream().filter(p -> p.location().equals(location)).findFirst().orElseThrow();
  }

  @Test
  void readsNewsPleaseFields() throws IOException {
    readFixture();
    RawDocument d = at("line 1");
    assertThat(d.format()).isEqualTo("jsonl");
    assertThat(d.html()).isFalse();
    assertThat(d.source()).isEqualTo("mixed.jsonl");
    assertThat(d.idHint())
        .contains("https://www.thenationalnews.com/news/mena/2024/12/05/syria-hama-rebels/");
    assertThat(d.content())
        .startsWith("Syrian insurgents have entered the central city of Hama")
        .doesNotContain("fourth-largest");
    var m = d.metadata();
    assertThat(m.title()).contains("Syrian insurgents enter Hama in blow to Assad");
    assertThat(m.byline()).contains("Sarah Hassan, Nada AlTaher");
    assertThat(m.outlet()).contains("www.thenationalnews.com");
    assertThat(m.published()).contains("2024-12-05");
    assertThat(m.modified()).contains("2024-12-05");
    assertThat(m.language()).contains("en");
    assertThat(m.url())
        .contains("https://www.thenationalnews.com/news/mena/2024/12/05/syria-hama-rebels/");
  }

  @Test
  void readsCcNewsFieldsWithNumericId() throws IOException {
    readFixture();
    RawDocument d = at("line 2");
    assertThat(d.idHint()).contains("17");
    assertThat(d.metadata().published()).contains("2024-12-05T15:20:11Z");
    assertThat(d.metadata().outlet()).contains("english.almayadeen.net");
    assertThat(d.metadata().language()).contains("en");
    assertThat(d.metadata().byline()).contains("Alameen Templeton");
  }

  @Test
  void readsNewsApiFieldsWithSourceObject() throws IOException {
    readFixture();
    RawDocument d = at("line 7");
    assertThat(d.idHint()).contains("https://www.middleeastmonitor.com/20241205-hama/");
    assertThat(d.metadata().outlet()).contains("Middle East Monitor");
    assertThat(d.metadata().published()).contains("2024-12-05T10:00:00Z");
    assertThat(d.content())
        .startsWith("Syrian insurgents have reportedly entered parts of the central city of Hama");
  }

  @Test
  void makesAnHtmlDocumentOfARecordWithOnlyRawHtml() throws IOException {
    readFixture();
    RawDocument d = at("line 8");
    assertThat(d.html()).isTrue();
    assertThat(d.content()).startsWith("<html lang=en>");
    assertThat(d.metadata().url()).contains("https://example.org/hama.html");
  }

  @Test
  void reportsMalformedLineAndGoesOn() throws IOException {
    readFixture();
    Problem p = problemAt("line 4");
    assertThat(p.rejected()).isTrue();
    assertThat(p.stage()).isEqualTo("ingest");
    assertThat(p.source()).isEqualTo("mixed.jsonl");
    assertThat(p.message())
        .startsWith("line 4 is not valid JSON: ")
        .contains("(column ")
        .doesNotContain("Source");
    assertThat(docs)
        .extracting(d -> d.location().orElseThrow())
        .containsExactly("line 1", "line 2", "line 7", "line 8", "line 10", "line 11");
  }

  @Test
  void reportsLineWithoutText() throws IOException {
    readFixture();
    assertThat(problemAt("line 5").message())
        .isEqualTo("line 5 has no text: expected one of text, maintext, body, content, article");
  }

  @Test
  void reportsJsonThatIsNotAnObject() throws IOException {
    readFixture();
    assertThat(problemAt("line 6").message())
        .isEqualTo("line 6 is JSON but not an object: it is an array");
  }

  @Test
  void reportsEmptyText() throws IOException {
    readFixture();
    assertThat(problemAt("line 9").message()).isEqualTo("line 9 has empty text (field \"text\")");
  }

  @Test
  void skipsBlankLinesSilentlyButCountsThem() throws IOException {
    readFixture();
    assertThat(problems).noneMatch(p -> p.location().equals("line 3"));
    assertThat(at("line 10").idHint()).contains("1_10ecb");
  }

  @Test
  void warnsAboutADateItCannotReadAndKeepsTheRecord() throws IOException {
    readFixture();
    Problem p = problemAt("line 11");
    assertThat(p.rejected()).isFalse();
    assertThat(p.message()).contains("\"date\"").contains("last Thursday");
    assertThat(at("line 11").metadata().published()).isEmpty();
    assertThat(problems).hasSize(5);
  }

  @Test
  void reportsAnOverlongLineAndReadsTheNext() throws IOException {
    String longText = "x".repeat(1_234_567);
    read(1_000_000, "{\"text\": \"" + longText + "\"}\n{\"id\": 2, \"text\": \"short\"}\n");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("line 1");
              assertThat(p.message())
                  .isEqualTo(
                      "line 1 is 1,234,579 characters, over the limit of 1,000,000 (--max-bytes)");
            });
    assertThat(docs).singleElement().satisfies(d -> assertThat(d.idHint()).contains("2"));
  }

  @Test
  void streamsALineFarOverTheLimitWithoutHoldingIt() throws IOException {
    long huge = 300_000_000L; // 600 MB as a String; the reader must not build it
    Reader endless =
        new Reader() {
          long left = huge;
          boolean tail;

          @Override
          public int read(char[] buf, int off, int len) {
            if (left == 0) {
              if (tail) {
                return -1;
              }
              tail = true;
              String rest = "\n{\"text\": \"after\"}";
              rest.getChars(0, rest.length(), buf, off);
              return rest.length();
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(buf, off, off + n, 'a');
            left -= n;
            return n;
          }

          @Override
          public void close() {}
        };
    new JsonlReader(1000).read("big.jsonl", new BufferedReader(endless), docs::add, problems::add);
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("300,000,000 characters"));
    assertThat(docs).singleElement().satisfies(d -> assertThat(d.location()).contains("line 2"));
  }

  @Test
  void acceptsCrLfLineEndsAndAByteOrderMark() throws IOException {
    read(
        1000,
        "\uFEFF{\"id\": \"a\", \"text\": \"one\"}\r\n\r\n"
            + "{\"id\": \"b\", \"body\": \"two\"}\r"
            + "{\"id\": \"c\", \"article\": [\"three\", \"four\"]}");
    assertThat(problems).isEmpty();
    assertThat(docs)
        .extracting(d -> d.location().orElseThrow())
        .containsExactly("line 1", "line 3", "line 4");
    assertThat(docs.get(2).content()).isEqualTo("three\n\nfour");
  }

  @Test
  void readsEpochDatesAndIdsFromAnyField() throws IOException {
    read(
        1000,
        "{\"_id\": {\"$oid\": \"65a1\"}, \"text\": \"t\", \"published\": 1733391660, \"modified\":"
            + " 1733391660000}\n");
    assertThat(docs)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.idHint()).contains("65a1");
              assertThat(d.metadata().published()).contains("2024-12-05T09:41:00Z");
              assertThat(d.metadata().modified()).contains("2024-12-05T09:41:00Z");
            });
  }

  @Test
  void readsTheEcbPlusDevelopmentSet() throws IOException {
    Path file = Path.of("../../shared/eval/ecbplus-dev/articles.jsonl");
    Assumptions.assumeTrue(Files.exists(file), "the ECB+ set is not on this machine");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      new JsonlReader(10_000_000).read(file.toString(), in, docs::add, problems::add);
    }
    assertThat(problems).isEmpty();
    assertThat(docs).hasSize(772);
    assertThat(docs.get(0).idHint()).contains("1_10ecb");
  }

  @Test
  void accountsForEveryNonBlankLineOnRandomInput() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String[] pieces = {
      "{",
      "}",
      "[",
      "]",
      "\"text\"",
      "\"id\"",
      ":",
      ",",
      "\"Hama\"",
      "1",
      "null",
      " ",
      "\\",
      "\"",
      "\u00e9",
      "\u0000",
      "\n",
      "\r"
    };
    for (int round = 0; round < 200; round++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(300); i > 0; i--) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      docs.clear();
      problems.clear();
      String input = s.toString();
      try {
        read(50, input);
        long nonBlank = input.lines().filter(l -> !l.isBlank()).count();
        long errors = problems.stream().filter(Problem::rejected).count();
        assertThat(docs.size() + errors).isEqualTo(nonBlank);
      } catch (RuntimeException | AssertionError e) {
        fail("seed " + seed + ", round " + round + ", input: " + input, e);
      }
    }
  }
}
