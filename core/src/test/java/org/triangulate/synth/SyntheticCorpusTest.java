package org.triangulate.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;

class SyntheticCorpusTest {

  private static List<Article> hama;

  @BeforeAll
  static void read() {
    Inputs.Expansion e = Inputs.expand(List.of("../examples/hama"), Path.of(""));
    hama = Corpus.ingest(e.inputs(), new Ingester(IngestOptions.basic()), org.triangulate.work.Workers.inline(), Corpus.Progress.none()).articles();
  }

  @Test
  void sameSeedSameCorpus() {
    List<SyntheticCorpus.Item> a = SyntheticCorpus.from(hama, 7, 3000).next(300);
    List<SyntheticCorpus.Item> b = SyntheticCorpus.from(hama, 7, 3000).next(300);
    assertThat(a).isEqualTo(b);
    assertThat(SyntheticCorpus.from(hama, 8, 3000).next(300)).isNotEqualTo(a);
  }

  @Test
  void makesManyEventsOfSkewedSizeAndRealisticLength() {
    List<SyntheticCorpus.Item> items = SyntheticCorpus.from(hama, 1, 3000).next(20_000);
    Map<String, Long> sizes =
        items.stream().collect(Collectors.groupingBy(SyntheticCorpus.Item::event, Collectors.counting()));
    double mean = items.size() / (double) sizes.size();
    assertThat(mean).isBetween(3.5, 8.0);
    assertThat(sizes.values().stream().filter(n -> n == 1).count()).isGreaterThan(sizes.size() / 5);
    assertThat(sizes.values().stream().mapToLong(Long::longValue).max().orElse(0)).isGreaterThan(20);
    double chars = items.stream().mapToInt(i -> i.article().text().length()).average().orElse(0);
    assertThat(chars).isBetween(2_500.0, 3_600.0);
    Set<String> ids = new HashSet<>();
    for (SyntheticCorpus.Item i : items) {
      assertThat(ids.add(i.article().id())).isTrue();
      assertThat(i.article().text()).isNotBlank().matches("\\p{ASCII}+");
      assertThat(i.article().metadata().published()).isPresent();
    }
  }

  @Test
  void eventsOfOneStoryShareTheirCastAndOthersDoNot() {
    List<SyntheticCorpus.Item> items = SyntheticCorpus.from(hama, 3, 3000).next(2_000);
    Set<String> sourceWords = new HashSet<>();
    for (Article a : hama) {
      sourceWords.addAll(List.of(a.text().split("[^\\p{L}]+")));
    }
    Map<String, Set<String>> namesByEvent = new HashMap<>();
    for (SyntheticCorpus.Item i : items) {
      Set<String> names = new HashSet<>();
      for (String w : i.article().text().split("[^\\p{L}]+")) {
        if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !sourceWords.contains(w)) {
          names.add(w);
        }
      }
      assertThat(names).as("the invented cast of %s", i.article().id()).isNotEmpty();
      namesByEvent.computeIfAbsent(i.event(), k -> new HashSet<>()).addAll(names);
    }
    // Two different events rarely share most of their names.
    List<Set<String>> sets = List.copyOf(namesByEvent.values());
    int similar = 0;
    for (int k = 1; k < sets.size(); k++) {
      Set<String> inter = new HashSet<>(sets.get(k - 1));
      inter.retainAll(sets.get(k));
      if (inter.size() * 2 > Math.min(sets.get(k).size(), sets.get(k - 1).size())) {
        similar++;
      }
    }
    assertThat(similar).isLessThan(sets.size() / 20);
  }
}
