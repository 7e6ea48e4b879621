package org.triangulate.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.triangulate.model.Article;
import org.triangulate.model.Claim;
import org.triangulate.model.Derivation;
import org.triangulate.model.Entity;
import org.triangulate.model.Link;
import org.triangulate.model.Problem;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;
import org.triangulate.report.Report;

/**
 * The job's tables, one Parquet folder each under the output folder: {@code articles}, {@code
 * stories}, {@code links}, {@code derivations}, {@code claims}, {@code entities} and {@code
 * problems}. Columns carry the report.json fields of the same names (docs/parquet.md lists them);
 * offsets are the report's: Java {@code String} indices into the article's {@code text}, half-open.
 */
final class ParquetTables {

  static final List<String> TABLES =
      List.of("articles", "stories", "links", "derivations", "claims", "entities", "problems");

  private ParquetTables() {}

  static void write(SparkSession spark, Report r, String out, int partitions) {
    Map<String, String> storyOf = new HashMap<>();
    for (Story s : r.stories()) {
      s.articles().forEach(a -> storyOf.put(a, s.id()));
    }
    List<Row> articles = new ArrayList<>();
    for (Article a : r.articles()) {
      articles.add(
          RowFactory.create(
              a.id(),
              storyOf.get(a.id()),
              a.source(),
              a.location().orElse(null),
              a.format(),
              a.metadata().title().orElse(null),
              a.metadata().byline().orElse(null),
              a.metadata().outlet().orElse(null),
              a.metadata().published().orElse(null),
              a.metadata().url().orElse(null),
              a.metadata().language().orElse(null),
              a.metadata().dateline().orElse(null),
              a.text()));
    }
    write(
        spark,
        articles,
        schema(
            "id", "story", "source", "location", "format", "title", "byline", "outlet", "published",
            "url", "language", "dateline", "text"),
        out,
        "articles",
        partitions);

    List<Row> stories = new ArrayList<>();
    for (Story s : r.stories()) {
      stories.add(
          RowFactory.create(
              s.id(),
              s.title(),
              s.first().orElse(null),
              s.last().orElse(null),
              s.articles().size(),
              s.articles().toArray(new String[0]),
              s.aliases().toArray(new String[0])));
    }
    write(
        spark,
        stories,
        new StructType(
            new StructField[] {
              field("id"), field("title"), field("first"), field("last"),
              DataTypes.createStructField("size", DataTypes.IntegerType, false),
              DataTypes.createStructField(
                  "articles", DataTypes.createArrayType(DataTypes.StringType), false),
              DataTypes.createStructField(
                  "aliases", DataTypes.createArrayType(DataTypes.StringType), false)
            }),
        out,
        "stories",
        partitions);

    List<Row> links = new ArrayList<>();
    List<Row> derivations = new ArrayList<>();
    for (Provenance p : r.provenance().values()) {
      for (Link l : p.links()) {
        links.add(
            RowFactory.create(
                p.story(), l.a().article(), l.a().span().begin(), l.a().span().end(),
                l.b().article(), l.b().span().begin(), l.b().span().end(), l.kind(), l.score()));
      }
      for (Derivation d : p.derivations()) {
        derivations.add(
            RowFactory.create(
                p.story(), d.from(), d.to(), d.kind(), d.direction(), d.coverageFrom(),
                d.coverageTo(), d.confidence()));
      }
    }
    write(
        spark,
        links,
        new StructType(
            new StructField[] {
              field("story"), field("a_article"), intField("a_begin"), intField("a_end"),
              field("b_article"), intField("b_begin"), intField("b_end"), field("kind"),
              doubleField("score")
            }),
        out,
        "links",
        partitions);
    write(
        spark,
        derivations,
        new StructType(
            new StructField[] {
              field("story"), field("from"), field("to"), field("kind"), field("direction"),
              doubleField("coverage_from"), doubleField("coverage_to"), doubleField("confidence")
            }),
        out,
        "derivations",
        partitions);

    List<Row> claims = new ArrayList<>();
    for (Reconciliation c : r.reconciliation().values()) {
      for (Claim cl : c.claims()) {
        claims.add(
            RowFactory.create(
                c.story(),
                cl.id(),
                cl.text(),
                cl.status(),
                cl.independentSources(),
                cl.assertions().stream().map(Claim.Assertion::article).distinct().toArray(String[]::new)));
      }
    }
    write(
        spark,
        claims,
        new StructType(
            new StructField[] {
              field("story"), field("id"), field("text"), field("status"),
              intField("independent_sources"),
              DataTypes.createStructField(
                  "articles", DataTypes.createArrayType(DataTypes.StringType), false)
            }),
        out,
        "claims",
        partitions);

    List<Row> entities = new ArrayList<>();
    for (Entity e : r.entities()) {
      entities.add(
          RowFactory.create(
              e.id(), e.name(), e.type(), e.subtype().orElse(null),
              e.aliases().toArray(new String[0]), e.mentions()));
    }
    write(
        spark,
        entities,
        new StructType(
            new StructField[] {
              field("id"), field("name"), field("type"), field("subtype"),
              DataTypes.createStructField(
                  "aliases", DataTypes.createArrayType(DataTypes.StringType), false),
              intField("mentions")
            }),
        out,
        "entities",
        partitions);

    List<Row> problems = new ArrayList<>();
    for (Problem p : r.problems()) {
      problems.add(
          RowFactory.create(
              p.source(), p.location(), p.stage(), p.severity().name().toLowerCase(java.util.Locale.ROOT),
              p.message()));
    }
    write(
        spark,
        problems,
        schema("source", "location", "stage", "severity", "message"),
        out,
        "problems",
        partitions);
  }

  private static void write(
      SparkSession spark, List<Row> rows, StructType schema, String out, String table, int partitions) {
    spark
        .createDataFrame(rows, schema)
        .coalesce(Math.max(1, Math.min(partitions, 1 + rows.size() / 10_000)))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(out + "/" + table);
  }

  private static StructType schema(String... names) {
    StructField[] f = new StructField[names.length];
    for (int i = 0; i < names.length; i++) {
      f[i] = field(names[i]);
    }
    return new StructType(f);
  }

  private static StructField field(String name) {
    return DataTypes.createStructField(name, DataTypes.StringType, true);
  }

  private static StructField intField(String name) {
    return DataTypes.createStructField(name, DataTypes.IntegerType, false);
  }

  private static StructField doubleField(String name) {
    return DataTypes.createStructField(name, DataTypes.DoubleType, false);
  }
}
