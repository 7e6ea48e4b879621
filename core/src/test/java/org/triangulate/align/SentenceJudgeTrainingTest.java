package org.triangulate.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.align.SentenceJudgeTraining.CrossValidation;
import org.triangulate.align.SentenceJudgeTraining.LabelledPair;

class SentenceJudgeTrainingTest {

  /** Pairs where the label follows word overlap: copies with one word changed, or unrelated. */
  static List<LabelledPair> toyPairs() {
    String[] subjects = {"The army", "The rebels", "The ministry", "The monitor", "State media", "The militants"};
    String[] verbs = {"entered", "left", "shelled", "surrounded", "described", "reached"};
    String[] places = {"Hama", "Homs", "Aleppo", "Damascus", "Idlib", "Latakia"};
    List<LabelledPair> out = new ArrayList<>();
    int k = 0;
    for (String s : subjects) {
      for (String v : verbs) {
        for (String p : places) {
          String a = s + " " + v + " the city of " + p + " after heavy fighting on the road.";
          if (k++ % 2 == 0) {
            out.add(new LabelledPair(a, s + " " + v + " the town of " + p + " after heavy fighting on the road.", true));
          } else {
            out.add(new LabelledPair(a, "Prices of " + p + " bread rose sharply as " + v + " traders left.", false));
          }
        }
      }
    }
    return out;
  }

  @Test
  void crossValidatesPerFoldWithStratifiedFolds() {
    List<LabelledPair> pairs = toyPairs();
    CrossValidation cv = SentenceJudgeTraining.crossValidate(pairs, null, 4, 7);
    assertThat(cv.folds()).hasSize(4);
    assertThat(cv.pooled().pairs()).isEqualTo(pairs.size());
    for (SentenceJudgeTraining.Fold f : cv.folds()) {
      assertThat(f.scores().truePositives() + f.scores().falseNegatives()).isEqualTo(pairs.size() / 8);
    }
    assertThat(cv.meanAccuracy()).isGreaterThan(0.95);
    assertThat(cv.meanF1()).isGreaterThan(0.95);
    assertThat(SentenceJudgeTraining.crossValidate(pairs, null, 4, 7)).isEqualTo(cv);
    assertThat(SentenceJudgeTraining.crossValidate(pairs, null, 4, 7, 3)).hasSize(3).first().isEqualTo(cv);
    assertThatThrownBy(() -> SentenceJudgeTraining.crossValidate(pairs, null, 1, 7)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trainsAJudgeAndPrintsItsWeights() {
    List<LabelledPair> pairs = toyPairs();
    SentenceJudge judge = SentenceJudgeTraining.train(pairs, null);
    assertThat(judge.judge(pairs.get(0).a(), pairs.get(0).b()).kind()).isNotEqualTo(SentenceJudge.Kind.NONE);
    assertThat(judge.judge(pairs.get(1).a(), pairs.get(1).b()).kind()).isEqualTo(SentenceJudge.Kind.NONE);
    Embedder constant =
        new Embedder() {
          @Override
          public List<float[]> embed(List<String> sentences) {
            List<float[]> out = new ArrayList<>();
            for (String s : sentences) {
              out.add(new float[] {1, 0});
            }
            return out;
          }

          @Override
          public int dimensions() {
            return 2;
          }
        };
    String java = SentenceJudgeTraining.javaSource(pairs, constant, "toy pairs");
    assertThat(java).contains("final class JudgeWeights").contains("static final JudgeModel LEXICAL").contains("static final JudgeModel EMBEDDING").contains("toy pairs");
  }

  @Test
  void scoresCountConfusions() {
    JudgeScores s = JudgeScores.empty().plus(true, true).plus(true, false).plus(false, true).plus(false, false).plus(true, true);
    assertThat(s).isEqualTo(new JudgeScores(2, 1, 1, 1));
    assertThat(s.accuracy()).isEqualTo(0.6);
    assertThat(s.precision()).isEqualTo(2.0 / 3);
    assertThat(s.recall()).isEqualTo(2.0 / 3);
    assertThat(s.f1()).isEqualTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(JudgeScores.empty().f1()).isZero();
  }
}
