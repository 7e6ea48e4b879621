package org.triangulate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.triangulate.eval.ClusterScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code triangulate score --gold GOLD.tsv REPORT.json}: scores a report's stories against gold. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the stories of a report against a gold grouping: adjusted Rand index (ARI) and",
      "B-cubed precision, recall and F1.",
      "",
      "GOLD is tab-separated with a header line; it needs a column 'id' (the article ids of the",
      "report) and the column named by --column (default 'event'): articles belong together exactly",
      "when that column is equal, as in ../shared/eval/ecbplus-dev/gold.tsv."
    },
    sortOptions = false)
final class ScoreCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPORT", description = "A report.json written by analyze.")
  Path report;

  @Option(names = "--gold", required = true, paramLabel = "GOLD", description = "The gold TSV.")
  Path gold;

  @Option(
      names = "--column",
      paramLabel = "NAME",
      defaultValue = "event",
      description = "The gold column that names the group (default: ${DEFAULT-VALUE}).")
  String column;

  @Override
  public Integer call() throws IOException {
    Map<String, String> goldLabels = readGold();
    Map<String, String> predicted = readStories();
    ClusterScores s = ClusterScores.of(predicted, goldLabels);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "items %d (in gold but not in the report: %d; in the report but not in gold: %d)%n",
        s.items(),
        s.missing(),
        s.extra());
    out.printf(Locale.ROOT, "gold groups %d, predicted stories %d%n",
        goldLabels.values().stream().distinct().count(),
        predicted.values().stream().distinct().count());
    out.printf(Locale.ROOT, "ARI %.4f%n", s.ari());
    out.printf(
        Locale.ROOT,
        "B-cubed precision %.4f recall %.4f F1 %.4f%n",
        s.precision(),
        s.recall(),
        s.f1());
    out.flush();
    return 0;
  }

  private Map<String, String> readGold() throws IOException {
    List<String> lines = Files.readAllLines(gold, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "the gold file is empty: " + gold);
    }
    List<String> header = List.of(strip(lines.get(0)).split("\t", -1));
    int id = header.indexOf("id");
    int label = header.indexOf(column);
    if (id < 0 || label < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "the gold file " + gold + " needs columns 'id' and '" + column + "'; its header is " + header);
    }
    Map<String, String> labels = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split("\t", -1);
      if (f.length <= Math.max(id, label)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), gold + " line " + (i + 1) + " has " + f.length + " columns");
      }
      labels.put(f[id].strip(), f[label].strip());
    }
    return labels;
  }

  private Map<String, String> readStories() throws IOException {
    JsonNode root = new ObjectMapper().readTree(report.toFile());
    JsonNode stories = root == null ? null : root.get("stories");
    if (stories == null || !stories.isArray()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), report + " is not a Triangulate report: it has no \"stories\" array");
    }
    Map<String, String> labels = new HashMap<>();
    for (JsonNode story : stories) {
      String sid = story.get("id").asText();
      for (JsonNode a : story.get("articles")) {
        labels.put(a.asText(), sid);
      }
    }
    return labels;
  }

  private static String strip(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
