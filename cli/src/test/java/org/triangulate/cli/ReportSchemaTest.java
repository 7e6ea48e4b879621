package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report and its documentation agree: every field the report writes is declared in {@code
 * docs/report.schema.json} and in the table of {@code docs/report.md}, every required field is
 * written, and the declared patterns hold.
 */
class ReportSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DOCS = Path.of("../docs");

  @TempDir Path tmp;

  @Test
  void theReportOfAMixedRunFollowsTheDocumentedSchema() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (Path p : Fixtures.hamaFiles()) {
      Files.copy(p, in.resolve(p.getFileName()));
    }
    Files.writeString(in.resolve("page.html"), Fixtures.html("Hama city falls", Fixtures.hama("002")));
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Path out = tmp.resolve("out");
    assertThat(Cli.run("analyze", in.toString(), "--out", out.toString()).exitCode()).isEqualTo(3);

    JsonNode schema = JSON.readTree(DOCS.resolve("report.schema.json").toFile());
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    String table = Files.readString(DOCS.resolve("report.md"));

    conforms(report, schema, schema, "report", table);
    assertThat(report.get("articles")).hasSize(6);
    assertThat(report.get("problems")).hasSize(1);
  }

  /** A small JSON Schema check: required, properties, type, const, enum, pattern, items, $ref. */
  private static void conforms(JsonNode value, JsonNode schema, JsonNode root, String path, String table) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      assertThat(ref).startsWith("#/$defs/");
      conforms(value, root.get("$defs").get(ref.substring("#/$defs/".length())), root, path, table);
    }
    if (schema.has("const")) {
      assertThat(value.asText()).as(path).isEqualTo(schema.get("const").asText());
    }
    if (schema.has("enum")) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(e -> allowed.add(e.asText()));
      assertThat(allowed).as(path).contains(value.asText());
    }
    if (schema.has("type")) {
      List<String> types = new ArrayList<>();
      if (schema.get("type").isArray()) {
        schema.get("type").forEach(t -> types.add(t.asText()));
      } else {
        types.add(schema.get("type").asText());
      }
      if (types.contains("number")) {
        types.add("integer"); // JSON Schema: every integer is a number
      }
      assertThat(types).as("type of %s", path).contains(typeOf(value));
    }
    if (schema.has("pattern") && value.isTextual()) {
      assertThat(value.asText()).as(path).matches(Pattern.compile(schema.get("pattern").asText()));
    }
    if (value.isObject() && schema.has("properties")) {
      if (schema.has("required")) {
        schema.get("required").forEach(r -> assertThat(value.has(r.asText())).as("%s has %s", path, r.asText()).isTrue());
      }
      value.fieldNames()
          .forEachRemaining(
              name -> {
                assertThat(schema.get("properties").has(name))
                    .as("%s.%s is declared in docs/report.schema.json", path, name)
                    .isTrue();
                assertThat(table).as("%s.%s is in the table of docs/report.md", path, name).contains("`" + name + "`");
                conforms(value.get(name), schema.get("properties").get(name), root, path + "." + name, table);
              });
    }
    if (value.isArray() && schema.has("items")) {
      int i = 0;
      for (JsonNode item : value) {
        conforms(item, schema.get("items"), root, path + "[" + i++ + "]", table);
      }
    }
  }

  private static String typeOf(JsonNode v) {
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isArray()) {
      return "array";
    }
    if (v.isObject()) {
      return "object";
    }
    return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
