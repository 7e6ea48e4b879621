package org.triangulate.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The JSON form of a change: its exact layout, the round trip, and errors on bad input. */
class CorpusChangeJsonTest {

  private static final String S = "s-b9fcced1e3aacab9";

  /** The change the Hama variant makes (see CorpusChangeTest), with one item of every kind. */
  static final CorpusChange HAMA =
      new CorpusChange(
          List.of("005-variant", "006"),
          List.of(
              new CorpusChange.NewStory(
                  "s-71d2", "Floods force thousands from homes", List.of("006"))),
          List.of(
              new CorpusChange.GrownStory(
                  S,
                  "Islamist insurgents have entered Hama",
                  List.of("s-2c5e"),
                  List.of("005-variant"))),
          List.of(
              new CorpusChange.ContestedClaim(
                  S,
                  S + "#c31",
                  "Homs is located just 40 km (25 mi) south of Hama.",
                  "distance: south Hama",
                  List.of(
                      new CorpusChange.Value("40 km", List.of("001", "003")),
                      new CorpusChange.Value("60 km", List.of("005-variant"))),
                  "The sources give 40 km and 60 km.",
                  List.of("005-variant"),
                  Optional.of(
                      new CorpusChange.Previous(S, S + "#c31", "corroborated", 2, "assertions")))),
          List.of(
              new CorpusChange.GainedSource(
                  S,
                  S + "#c8",
                  "Hama is also the scene of a notorious massacre in 1982.",
                  "corroborated",
                  3,
                  4,
                  List.of("005-variant"),
                  new CorpusChange.Previous(S, S + "#c7", "corroborated", 3, "text"))));

  @Test
  void writesFieldsInTheDocumentedOrder() {
    assertThat(HAMA.toJson())
        .isEqualTo(
            """
            {
              "schema": "triangulate.change/1",
              "articles": [
                "005-variant",
                "006"
              ],
              "newStories": [
                {
                  "id": "s-71d2",
                  "title": "Floods force thousands from homes",
                  "articles": [
                    "006"
                  ]
                }
              ],
              "grownStories": [
                {
                  "id": "s-b9fcced1e3aacab9",
                  "title": "Islamist insurgents have entered Hama",
                  "absorbed": [
                    "s-2c5e"
                  ],
                  "added": [
                    "005-variant"
                  ]
                }
              ],
              "contested": [
                {
                  "story": "s-b9fcced1e3aacab9",
                  "claim": "s-b9fcced1e3aacab9#c31",
                  "text": "Homs is located just 40 km (25 mi) south of Hama.",
                  "slot": "distance: south Hama",
                  "values": [
                    {
                      "value": "40 km",
                      "articles": [
                        "001",
                        "003"
                      ]
                    },
                    {
                      "value": "60 km",
                      "articles": [
                        "005-variant"
                      ]
                    }
                  ],
                  "explanation": "The sources give 40 km and 60 km.",
                  "articles": [
                    "005-variant"
                  ],
                  "previous": {
                    "story": "s-b9fcced1e3aacab9",
                    "claim": "s-b9fcced1e3aacab9#c31",
                    "status": "corroborated",
                    "independentSources": 2,
                    "matchedBy": "assertions"
                  }
                }
              ],
              "gainedSources": [
                {
                  "story": "s-b9fcced1e3aacab9",
                  "claim": "s-b9fcced1e3aacab9#c8",
                  "text": "Hama is also the scene of a notorious massacre in 1982.",
                  "status": "corroborated",
                  "before": 3,
                  "after": 4,
                  "articles": [
                    "005-variant"
                  ],
                  "previous": {
                    "story": "s-b9fcced1e3aacab9",
                    "claim": "s-b9fcced1e3aacab9#c7",
                    "status": "corroborated",
                    "independentSources": 3,
                    "matchedBy": "text"
                  }
                }
              ]
            }
            """);
  }

  @Test
  void roundTripsAndWritesTheSameBytesAgain() {
    assertThat(CorpusChange.fromJson(HAMA.toJson())).isEqualTo(HAMA);
    assertThat(CorpusChange.fromJson(HAMA.toJson()).toJson()).isEqualTo(HAMA.toJson());
    CorpusChange none = new CorpusChange(List.of(), List.of(), List.of(), List.of(), List.of());
    assertThat(CorpusChange.fromJson(none.toJson())).isEqualTo(none);
  }

  @Test
  void aNewContestedClaimHasPreviousNull() {
    CorpusChange.ContestedClaim x = HAMA.contested().get(0);
    CorpusChange c =
        new CorpusChange(
            List.of("005-variant"),
            List.of(),
            List.of(),
            List.of(
                new CorpusChange.ContestedClaim(
                    x.story(),
                    x.claim(),
                    x.text(),
                    x.slot(),
                    x.values(),
                    x.explanation(),
                    x.articles(),
                    Optional.empty())),
            List.of());
    assertThat(c.toJson()).contains("\"previous\": null");
    assertThat(CorpusChange.fromJson(c.toJson())).isEqualTo(c);
  }

  /** Any text survives the trip: quotes, backslashes, controls, lone surrogates, line breaks. */
  @Test
  void roundTripsAnyText() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      String text = randomText(random);
      CorpusChange c =
          new CorpusChange(
              List.of(text),
              List.of(new CorpusChange.NewStory(text, text, List.of(text))),
              List.of(),
              List.of(),
              List.of());
      assertThat(CorpusChange.fromJson(c.toJson())).as("seed %d", seed).isEqualTo(c);
    }
  }

  private static String randomText(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(20);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> b.append((char) r.nextInt(0x20));
        case 1 -> {
          String odd = "\"\\/’“”\u2028\u2029";
          b.append(odd.charAt(r.nextInt(odd.length())));
        }
        case 2 -> b.append((char) (0xd800 + r.nextInt(0x800)));
        default -> b.appendCodePoint(0x20 + r.nextInt(0x10000 - 0x20));
      }
    }
    return b.toString();
  }

  @Test
  void badInputNamesTheFieldAndTheItem() {
    String json = HAMA.toJson();
    assertThatThrownBy(() -> CorpusChange.fromJson(json.replace("triangulate.change/1", "x/2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema")
        .hasMessageContaining("x/2");
    assertThatThrownBy(() -> CorpusChange.fromJson(json.replace("\"slot\"", "\"slat\"")))
        .hasMessage("contested[0]: 'slot' is missing");
    assertThatThrownBy(
            () -> CorpusChange.fromJson(json.replace("\"before\": 3", "\"before\": \"3\"")))
        .hasMessage("gainedSources[0]: 'before' must be a whole number >= 0, not string");
    assertThatThrownBy(
            () ->
                CorpusChange.fromJson(
                    json.replace("\"matchedBy\": \"text\"", "\"matchedBy\": \"id\"")))
        .hasMessageContaining("gainedSources[0].previous")
        .hasMessageContaining("matchedBy must be assertions or text: id");
    assertThatThrownBy(() -> CorpusChange.fromJson(json.replace("\"after\": 4", "\"after\": 2")))
        .hasMessage("gainedSources[0]: a claim that gained sources has 0 <= before < after: 3, 2");
    assertThatThrownBy(() -> CorpusChange.fromJson(json + "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> CorpusChange.fromJson("[]"))
        .hasMessage("the change must be a JSON object, not array");
    assertThatThrownBy(() -> CorpusChange.fromJson(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Every field the JSON form writes is documented in docs/report.md's section on changes. */
  @Test
  void everyFieldIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("../docs/report.md"), StandardCharsets.UTF_8);
    String section = doc.substring(doc.indexOf("schema `triangulate.change/1`"));
    Set<String> names = new TreeSet<>();
    collect(new ObjectMapper().readTree(HAMA.toJson()), names);
    assertThat(names).hasSizeGreaterThan(20);
    for (String name : names) {
      assertThat(section).as("field %s", name).contains("`" + name + "`");
    }
  }

  private static void collect(JsonNode node, Set<String> names) {
    node.fields().forEachRemaining(e -> names.add(e.getKey()));
    node.forEach(child -> collect(child, names));
  }

  @Test
  void fieldsItDoesNotKnowAreIgnored() {
    String json = HAMA.toJson().replaceFirst("\\{\n", "{\n  \"later\": {\"x\": [1]},\n");
    assertThat(CorpusChange.fromJson(json)).isEqualTo(HAMA);
  }
}
