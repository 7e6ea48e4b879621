package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.align.SentenceJudge;
import org.triangulate.model.Article;
import org.triangulate.model.Quote;
import org.triangulate.model.QuoteGroup;
import org.triangulate.reconcile.QuoteGroups;
import org.triangulate.reconcile.StoryEvidence;

/**
 * Quote groups over ECB+ dev stories (tokenised text with `` and '' quotes, wrong speakers, quotes
 * that run across the attribution): every story is grouped without error and every group keeps the
 * contract, whatever the order of the articles. Only topics {@link #TOPICS} (65 of 772 articles),
 * since annotating and aligning the whole set takes about eight minutes on two cores.
 */
class QuoteGroupsEcbPlusTest {

  private static final Path ECB = Path.of("../../shared/eval/ecbplus-dev/articles.jsonl");

  /** Topics rich in quotes: a trial, the Oscars host, the Chargers. */
  private static final Set<String> TOPICS = Set.of("3", "4", "35");

  private static final Set<String> KINDS = Set.of("wording", "speaker", "unattributed");

  @Test
  void everyStoryIsGroupedWithinTheContract(@TempDir Path dir) throws IOException {
    Assumptions.assumeTrue(Files.exists(ECB), "needs ../shared/eval beside the project");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(ECB, StandardCharsets.UTF_8)) {
      String id = line.substring(line.indexOf("\"id\": \"") + 7);
      if (TOPICS.contains(id.substring(0, id.indexOf('_')))) {
        lines.add(line);
      }
    }
    Path subset = dir.resolve("articles.jsonl");
    Files.write(subset, lines, StandardCharsets.UTF_8);
    List<StoryEvidence> stories = evidence(subset);
    SentenceJudge judge = Components.judge();

    int quotes = 0;
    int joined = 0;
    for (StoryEvidence ev : stories) {
      List<QuoteGroup> groups = QuoteGroups.group(ev, judge);
      checkContract(ev, groups);
      for (QuoteGroup g : groups) {
        quotes += g.quotes().size();
        joined += g.quotes().size() > 1 ? 1 : 0;
      }
      List<Article> reversed = new ArrayList<>(ev.articles());
      Collections.reverse(reversed);
      StoryEvidence shuffled =
          new StoryEvidence(ev.story(), reversed, ev.annotations(), ev.entities(), ev.provenance());
      assertThat(QuoteGroups.group(shuffled, judge)).as(ev.story().id()).isEqualTo(groups);
    }
    assertThat(stories).hasSizeGreaterThanOrEqualTo(4);
    assertThat(quotes).isGreaterThan(150); // 204 when written
    assertThat(joined).as("groups of more than one quote").isGreaterThan(20); // 31 when written
  }

  private static void checkContract(StoryEvidence ev, List<QuoteGroup> groups) {
    Map<String, Quote> byId = new java.util.HashMap<>();
    for (Article a : ev.articles()) {
      ev.annotations(a.id()).quotes().forEach(q -> byId.put(q.id(), q));
    }
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      QuoteGroup g = groups.get(i);
      assertThat(g.id()).isEqualTo(ev.story().id() + "#qg" + (i + 1));
      assertThat(g.quotes()).isNotEmpty();
      seen.addAll(g.quotes());
      Set<String> speakers = new HashSet<>();
      g.quotes().forEach(q -> byId.get(q).speaker().ifPresent(speakers::add));
      g.speaker().ifPresent(s -> assertThat(speakers).as(g.id()).contains(s));
      assertThat(g.speaker().isPresent()).isEqualTo(!speakers.isEmpty());
      assertThat(g.variants()).as(g.id()).isBetween(1, g.quotes().size());
      for (QuoteGroup.Flag f : g.flags()) {
        assertThat(f.kind()).isIn(KINDS);
        assertThat(g.quotes()).as(g.id()).containsAll(f.quotes());
        assertThat(f.detail()).isNotBlank();
      }
      if (g.variants() == 1) {
        assertThat(g.flags()).extracting(QuoteGroup.Flag::kind).doesNotContain("wording");
      }
    }
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(byId.keySet());
  }

  /** The evidence of every story the articles form, through the real pipeline. */
  private static List<StoryEvidence> evidence(Path input) {
    return HamaEvidence.all(input);
  }
}
