package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.triangulate.align.Embedder;
import org.triangulate.align.JudgeScores;
import org.triangulate.align.SentenceJudge;
import org.triangulate.align.SentenceJudgeTraining;
import org.triangulate.align.SentenceJudgeTraining.CrossValidation;
import org.triangulate.align.SentenceJudgeTraining.LabelledPair;
import org.triangulate.align.SentencePairs;
import org.triangulate.nlp.embed.MiniLmEmbedder;

/**
 * The target on the Microsoft Research Paraphrase Corpus training set: 10-fold
 * cross-validation of the judge's training, with embeddings, at 78% accuracy or more.
 *
 * <p>The run with the command line's default seed (42) is held to the target. The fold
 * assignment moves the result by a few tenths of a point (seeds 42 to 51: 77.8% to 78.2%, mean
 * 78.0%), so the mean of those ten runs is printed too, and held to 77.5%.
 */
class PairsCrossValidationTest {

  private static final Path MSRP = Path.of("../../shared/eval/msrp-train/msr_paraphrase_train.txt");

  @Test
  void reachesTheTargetOnMsrpTrain() throws IOException {
    Assumptions.assumeTrue(Files.exists(MSRP), "needs ../shared/eval beside the project");
    SentencePairs.Read read = SentencePairs.read(MSRP);
    List<LabelledPair> pairs = read.labelled();
    assertThat(read.problems()).isEmpty();
    assertThat(pairs).hasSize(4076);

    Embedder embedder = cached(pairs, MiniLmEmbedder.get());
    List<CrossValidation> runs = SentenceJudgeTraining.crossValidate(pairs, embedder, 10, 42, 10);
    double accuracy = runs.stream().mapToDouble(CrossValidation::meanAccuracy).average().orElseThrow();
    double f1 = runs.stream().mapToDouble(CrossValidation::meanF1).average().orElseThrow();
    StringBuilder folds = new StringBuilder();
    for (SentenceJudgeTraining.Fold f : runs.get(0).folds()) {
      folds.append(String.format(Locale.ROOT, " %.4f/%.4f", f.scores().accuracy(), f.scores().f1()));
    }
    System.out.printf(Locale.ROOT,
        "MSRP train, 10-fold CV with embeddings: seed 42 accuracy %.4f F1 %.4f (folds acc/F1:%s); mean of 10 seeds accuracy %.4f F1 %.4f%n",
        runs.get(0).meanAccuracy(), runs.get(0).meanF1(), folds, accuracy, f1);
    assertThat(runs.get(0).meanAccuracy()).isGreaterThanOrEqualTo(0.78);
    assertThat(runs.get(0).meanF1()).isGreaterThan(0.83);
    assertThat(accuracy).isGreaterThanOrEqualTo(0.775);

    // The shipped judge is the one training on all pairs gives.
    SentenceJudge shipped = new SentenceJudge(embedder);
    SentenceJudge trained = SentenceJudgeTraining.train(pairs, embedder);
    JudgeScores s = JudgeScores.empty();
    int same = 0;
    for (LabelledPair p : pairs) {
      SentenceJudge.Judgement a = shipped.judge(p.a(), p.b());
      SentenceJudge.Judgement b = trained.judge(p.a(), p.b());
      same += a.kind() == b.kind() && Math.abs(a.score() - b.score()) < 1e-6 ? 1 : 0;
      s = s.plus(a.kind() != SentenceJudge.Kind.NONE, p.paraphrase());
    }
    System.out.printf(Locale.ROOT, "MSRP train, shipped judge on its own training data: accuracy %.4f F1 %.4f%n", s.accuracy(), s.f1());
    assertThat(same).isEqualTo(pairs.size());
  }

  /** Embeds each distinct sentence once. */
  private static Embedder cached(List<LabelledPair> pairs, Embedder model) {
    java.util.LinkedHashSet<String> distinct = new java.util.LinkedHashSet<>();
    pairs.forEach(p -> {
      distinct.add(p.a());
      distinct.add(p.b());
    });
    List<String> sentences = List.copyOf(distinct);
    List<float[]> vectors = model.embed(sentences);
    Map<String, float[]> known = new HashMap<>();
    for (int i = 0; i < sentences.size(); i++) {
      known.put(sentences.get(i), vectors.get(i));
    }
    return new Embedder() {
      @Override
      public List<float[]> embed(List<String> batch) {
        return batch.stream().map(s -> known.containsKey(s) ? known.get(s) : model.embed(List.of(s)).get(0)).toList();
      }

      @Override
      public int dimensions() {
        return model.dimensions();
      }
    };
  }
}
