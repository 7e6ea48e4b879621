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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Framing;
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
    List<StoryEvidence> all = HamaEvidence.all(input);

    StringBuilder dump = new StringBuilder();
    int labels = 0;
    int loaded = 0;
    for (StoryEvidence ev : all) {
      Story s = ev.story();
      Map<String, Entity> entities = ev.entities();
      List<Framing> framings = Framings.of(ev);
      List<Article> reversed = new ArrayList<>(ev.articles());
      java.util.Collections.reverse(reversed);
      assertThat(
              Framings.of(
                  new StoryEvidence(s, reversed, ev.annotations(), entities, ev.provenance())))
          .as("story %s in reverse order", s.id())
          .isEqualTo(framings);
      for (Framing f : framings) {
        assertThat(entities.get(f.entity()).type()).isIn("person", "organization");
        for (Framing.Label l : f.labels()) {
          labels++;
          loaded += l.loaded() ? 1 : 0;
          assertThat(s.articles()).contains(l.article());
          assertThat(l.term()).isNotBlank().isEqualTo(l.term().strip());
          String text = ev.article(l.article()).text();
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
        all.stream().mapToInt(e -> e.articles().size()).sum(),
        all.size(),
        labels,
        loaded);
    assertThat(labels).isGreaterThan(0);
  }
}
