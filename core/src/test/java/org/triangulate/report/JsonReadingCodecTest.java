package org.triangulate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.model.Problem;
import org.triangulate.model.Quantity;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;

/** A kept reading reads back equal to the one written: every field, every double exactly. */
class JsonReadingCodecTest {

  /** The first lines of a Hama report, as the models read them (entities, a quote, numbers, a time). */
  private static final String TEXT =
      "Syrian rebels said on Thursday they had entered Hama, the country's fourth-largest city,"
          + " after \"fierce battles\" with government forces, about 210 km (130 mi) north of Damascus.";

  private static ArticleReading reading() {
    int hama = TEXT.indexOf("Hama");
    int quote = TEXT.indexOf("fierce battles");
    int km = TEXT.indexOf("210 km");
    int thursday = TEXT.indexOf("Thursday");
    return new ArticleReading(
        "002_cd28b6654e9fce99",
        true,
        List.of(
            new ArticleReading.LocalEntity(0, "organization", Optional.empty(), Optional.empty(), Optional.empty()),
            new ArticleReading.LocalEntity(
                1, "place", Optional.of("city"), Optional.of("place/hama"), Optional.of("Hama"))),
        List.of(
            new ArticleReading.LocalMention(0, new Span(0, 13), "description", "Syrian rebels"),
            new ArticleReading.LocalMention(1, new Span(hama, hama + 4), "name", "Hama")),
        List.of(
            new ArticleReading.LocalQuote(
                new Span(quote, quote + 14), 0, Optional.of(new Span(14, 18)), Optional.of(new Span(0, 13))),
            new ArticleReading.LocalQuote(new Span(quote, quote + 6), -1, Optional.empty(), Optional.empty())),
        List.of(
            new Quantity(
                new Span(km, km + 6), 210, "km", "about", Optional.of(1.0 / 3), Optional.empty(),
                Optional.of("distance"), 210_000.000_000_1, "m"),
            new Quantity(
                new Span(km, km + 3), 3.0, "", "exact", Optional.of(1e-7), Optional.of(1e21),
                Optional.empty(), 3.0, "")),
        List.of(
            new TimeRef(
                new Span(thursday, thursday + 8), "2024-12-05", "day", Optional.of("2024-12-06"),
                Optional.of("published")),
            new TimeRef(new Span(thursday, thursday + 8), "XXXX-WXX-4", "day", Optional.empty(), Optional.empty())),
        List.of(
            Problem.warning("hama/002.txt", "char 90", "annotate", "text is long; a \"cut\" \uD800 here")));
  }

  @Test
  void aReadingReadsBackEqual() throws IOException {
    ArticleReading r = reading();
    String json = JsonReadingCodec.write(r);
    assertThat(JsonReadingCodec.read(json)).isEqualTo(r);
    assertThat(JsonReadingCodec.write(JsonReadingCodec.read(json))).isEqualTo(json);
    assertThat(json).contains("\"annotated\":true").contains("\"speaker\":-1");
  }

  @Test
  void aFailedReadingReadsBackEqual() throws IOException {
    ArticleReading r =
        ArticleReading.failed("x", Problem.warning("x.txt", "article x", "annotate", "could not"));
    assertThat(JsonReadingCodec.read(JsonReadingCodec.write(r))).isEqualTo(r);
  }

  @Test
  void aDamagedReadingIsRefusedNamingTheField() {
    String json = JsonReadingCodec.write(reading());
    assertThatThrownBy(() -> JsonReadingCodec.read(json.substring(0, json.length() / 2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> JsonReadingCodec.read(json.replace("\"entity\":1", "\"entity\":7")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("002_cd28b6654e9fce99")
        .hasMessageContaining("names no entity");
    assertThatThrownBy(() -> JsonReadingCodec.read(json.replace("\"unit\":\"km\"", "\"unit\":3")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'unit'");
  }
}
