package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.annotate.Annotated;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.group.GroupOptions;
import org.triangulate.group.StoryGrouper;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Framing;
import org.triangulate.model.Provenance;
import org.triangulate.model.Span;
import org.triangulate.model.Story;
import org.triangulate.reconcile.Framings;
import org.triangulate.reconcile.StoryEvidence;

/**
 * Framing on real news that is not about a war: the ECB+ development set, read, grouped, annotated
 * and traced as a run does. By default three topics (11 Turkmenistan's parliament, 12 Somali
 * pirates, 18 an office shooting: about 70 articles, where "regime", "attackers", "insurgents" and
 * "gunman" occur); {@code -Dframing.ecb.all=true} takes all 772 articles (some ten minutes), and
 * {@code -Dframing.ecb.dump=FILE} writes every label with its context for a precision check.
 */
class FramingEcbPlusTest {

  private static final Path ECB = Path.of("../../shared/eval/ecbplus-dev/articles.jsonl");
  private static final Set<String> TOPICS = Set.of("11", "12", "18");

  @TempDir Path tmp;

  @Test
  void labelsEveryStoryWithoutErrorAndEverySpanHoldsItsTerm() throws IOException {
    Assumptions.assumeTrue(Files.exists(ECB), "needs ../shared/eval beside the project");
    Path input = ECB;
    if (!Boolean.getBoolean("framing.ecb.all")) {
      input = tmp.resolve("articles.jsonl");
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(ECB, StandardCharsets.UTF_8)) {
        int at = line.indexOf("\"id\": \"") + 7;
        if (at >= 7 && TOPICS.contains(line.substring(at, line.indexOf('_', at)))) {
          lines.add(line);
        }
      }
      Files.write(input, lines, StandardCharsets.UTF_8);
    }
    Inputs.Expansion ex = Inputs.expand(List.of(input.toString()), Path.of(""));
    IngestResult r =
        Corpus.ingest(
            ex.inputs(),
            Components.ingester(IngestOptions.DEFAULT_MAX_BYTES),
            2,
            Corpus.Progress.none());
    List<Story> stories = new StoryGrouper(GroupOptions.defaults()).group(r.articles());
    Annotated annotated =
        Components.annotator().annotate(r.articles(), ReferenceDates.of(r.articles(), stories), 2);
    Map<String, Provenance> provenance =
        Runs.provenance(r.articles(), stories, annotated.entities(), 2);
    Map<String, Article> byId =
        r.articles().stream().collect(Collectors.toMap(Article::id, Function.identity()));
    Map<String, Entity> entities =
        annotated.entities().stream().collect(Collectors.toMap(Entity::id, Function.identity()));

    StringBuilder dump = new StringBuilder();
    int labels = 0;
    int loaded = 0;
    for (Story s : stories) {
      List<Article> articles = s.articles().stream().map(byId::get).toList();
      Provenance p =
          provenance.getOrDefault(
              s.id(), new Provenance(s.id(), List.of(), List.of(), List.of(), List.of()));
      List<Framing> framings =
          Framings.of(new StoryEvidence(s, articles, annotated.byArticle(), entities, p));
      List<Article> reversed = new ArrayList<>(articles);
      java.util.Collections.reverse(reversed);
      assertThat(Framings.of(new StoryEvidence(s, reversed, annotated.byArticle(), entities, p)))
          .as("story %s in reverse order", s.id())
          .isEqualTo(framings);
      for (Framing f : framings) {
        assertThat(entities.get(f.entity()).type()).isIn("person", "organization");
        for (Framing.Label l : f.labels()) {
          labels++;
          loaded += l.loaded() ? 1 : 0;
          assertThat(s.articles()).contains(l.article());
          assertThat(l.term()).isNotBlank().isEqualTo(l.term().strip());
          String text = byId.get(l.article()).text();
          for (Span sp : l.spans()) {
            String head = l.term().toLowerCase(Locale.ROOT).replaceAll(".*[ -]", "");
            assertThat(sp.of(text).toLowerCase(Locale.ROOT).replace('’', '\''))
                .as("%s in %s", l.term(), l.article())
                .contains(head.replaceAll("(man|y|\\.)$", ""));
            int b = Math.max(0, sp.begin() - 60);
            int e = Math.min(text.length(), sp.end() + 40);
            dump.append(
                String.join(
                    "\t",
                    f.entity(),
                    l.article(),
                    l.term(),
                    (l.loaded() ? "loaded " : "") + (l.inQuote() ? "in-quote " : "")
                        + (l.distinctive() ? "distinctive" : ""),
                    (text.substring(b, sp.begin()) + "[[" + sp.of(text) + "]]"
                            + text.substring(sp.end(), e))
                        .replaceAll("\\s+", " ")));
            dump.append('\n');
          }
        }
      }
    }
    String file = System.getProperty("framing.ecb.dump", "");
    if (!file.isBlank()) {
      Files.writeString(Path.of(file), dump.toString(), StandardCharsets.UTF_8);
    }
    System.out.printf(
        Locale.ROOT,
        "ECB+ framing: %d articles, %d stories, %d labels, %d loaded%n",
        r.articles().size(),
        stories.size(),
        labels,
        loaded);
    assertThat(labels).isGreaterThan(0);
  }
}
