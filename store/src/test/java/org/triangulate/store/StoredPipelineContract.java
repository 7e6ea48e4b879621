package org.triangulate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.model.Article;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.Report;

/**
 * The pipeline over a store ({@link StoredPipeline}), on each database: readings and vectors kept
 * in the corpus are not computed again by another process; two writers at once lose nothing (the
 * one that finds the corpus changed loads it again and redoes its add).
 */
abstract class StoredPipelineContract {

  /** A new, empty corpus. */
  abstract CorpusStore create();

  /** Another connection to the corpus {@link #create} made (another process would open one). */
  abstract CorpusStore open();

  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private StoredPipeline on(CorpusStore store) {
    Pipeline p =
        new Pipeline(
            new Pipeline.Components(
                () -> new Ingester(IngestOptions.basic()),
                () -> new RuleAnnotator(Set.of()),
                WordVectors::new,
                store.records()),
            new Pipeline.Options(1, true));
    closing.add(store);
    closing.add(p);
    return new StoredPipeline(store, p);
  }

  @Test
  void keptReadingsAndVectorsAreNotComputedAgainByAnotherProcess() {
    List<Article> a = Hama.articles();
    StoredPipeline first = on(create());
    Report one = first.analyze(5, a, List.of(), Map.of()).report();
    assertThat(first.pipeline().stats().counter("annotate.read")).isEqualTo(5);
    assertThat(first.pipeline().stats().counter("embed.embedded")).isPositive();
    assertThat(first.store().records().pending()).as("flushed with the commit").isZero();

    StoredPipeline second = on(open());
    Report two = second.analyze(5, a, List.of(), Map.of()).report();
    assertThat(second.pipeline().stats().counter("annotate.read")).isZero();
    assertThat(second.pipeline().stats().counter("annotate.kept")).isEqualTo(5);
    assertThat(Hama.json(two)).isEqualTo(Hama.json(one));

    // The per-story results were kept too; computed again from the kept vectors, they agree.
    Report recomputed = second.pipeline().restory(two, List.of(two.stories().get(0).id()));
    assertThat(second.pipeline().stats().counter("embed.embedded")).isZero();
    assertThat(Hama.json(recomputed)).isEqualTo(Hama.json(one));
  }

  @Test
  void aWriterThatFindsTheCorpusChangedRedoesItsAdd() {
    List<Article> a = Hama.articles();
    StoredPipeline base = on(create());
    base.analyze(2, a.subList(0, 2), List.of(), Map.of());
    StoredPipeline x = on(open());
    StoredPipeline y = on(open());
    x.state();
    y.state(); // both start from the same state
    StoredPipeline.Result rx = x.add(1, List.of(a.get(2)), List.of(), Map.of());
    StoredPipeline.Result ry = y.add(2, a.subList(3, 5), List.of(), Map.of());
    assertThat(rx.attempts()).isEqualTo(1);
    assertThat(ry.attempts()).as("y found x's commit, loaded again and redid its add").isEqualTo(2);
    try (CorpusStore check = open()) {
      assertThat(check.integrityCheck()).isEmpty();
      assertThat(check.load().articles()).extracting(Article::id)
          .containsExactlyElementsOf(a.stream().map(Article::id).toList());
    }
  }

  @Test
  void twoWritersAtOnceLoseNothing() throws Exception {
    List<Article> a = Hama.articles();
    on(create()).analyze(1, a.subList(0, 1), List.of(), Map.of());
    StoredPipeline x = on(open());
    StoredPipeline y = on(open());
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<StoredPipeline.Result> fx =
          pool.submit(() -> { start.await(); return x.add(2, a.subList(1, 3), List.of(), Map.of()); });
      Future<StoredPipeline.Result> fy =
          pool.submit(() -> { start.await(); return y.add(2, a.subList(3, 5), List.of(), Map.of()); });
      fx.get();
      fy.get();
    } finally {
      pool.shutdown();
    }
    try (CorpusStore check = open()) {
      assertThat(check.integrityCheck()).isEmpty();
      Report r = check.load();
      assertThat(r.articles()).extracting(Article::id)
          .containsExactlyElementsOf(a.stream().map(Article::id).toList());
      assertThat(r.stories().stream().mapToInt(s -> s.articles().size()).sum()).isEqualTo(5);
    }
  }
}
