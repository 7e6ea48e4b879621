package org.triangulate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.changes.CorpusChange;
import org.triangulate.model.Article;
import org.triangulate.model.Claim;
import org.triangulate.model.Story;
import org.triangulate.report.Report;

/**
 * What an add changed, on the real models: the five Hama articles, then an edited copy of one of
 * them in which Homs lies 60 km south of Hama instead of 40. The three reports that give the
 * distance agree before, so the claim is corroborated; after the add it is contested, and the
 * change says so and names the new article.
 *
 * <p>The copy also opens with a sentence of its own, and its id sorts before every other, so its
 * sentences come first and every claim of the story is numbered anew: the distance claim is
 * {@code #c31} before and {@code #c22} after. The change still finds it, by its assertions.
 */
class CorpusChangeHamaTest {

  private static final String SOURCE = "001_558042633266138b.txt";
  private static final String HOMS_40 = "Homs is located just 40 km (25 mi) south of Hama.";
  private static final String HOMS_60 = "Homs is located just 60 km (37 mi) south of Hama.";
  /** Sorts before {@code 000_5f845e8b32303230}: its sentences come first in the story. */
  private static final String VARIANT = "0000_variant";

  private static final String LEAD =
      "Residents said the streets of Hama were largely empty on Thursday evening as gunfire echoed"
          + " from the northern districts.\n";

  @TempDir static Path dir;

  private static Report before;
  private static Pipeline.Update update;
  private static CorpusChange change;

  @BeforeAll
  static void addAnEditedCopy() throws IOException {
    String original = Files.readString(RealPipeline.HAMA.resolve(SOURCE), StandardCharsets.UTF_8);
    assertThat(original).contains(HOMS_40);
    try (Pipeline p = RealPipeline.create(2)) {
      List<Article> hama = RealPipeline.hama(p);
      before = p.analyze(hama.size(), hama, List.of());
      Article variant = RealPipeline.text(p, dir, VARIANT, LEAD + original.replace(HOMS_40, HOMS_60));
      update = p.add(before, 1, List.of(variant), List.of());
    }
    change = CorpusChange.between(before, update.report(), update.changes());
  }

  /** The one claim of the state before whose assertions quote {@code sentence}. */
  private static Claim claimQuoting(Report r, String sentence) {
    Story s = r.stories().get(0);
    List<Claim> found =
        r.reconciliation().get(s.id()).claims().stream()
            .filter(
                c ->
                    c.assertions().stream()
                        .anyMatch(a -> a.span().of(text(r, a.article())).equals(sentence)))
            .toList();
    assertThat(found).as("claims quoting %s", sentence).hasSize(1);
    return found.get(0);
  }

  private static String text(Report r, String article) {
    return r.articles().stream()
        .filter(a -> a.id().equals(article))
        .findFirst()
        .orElseThrow()
        .text();
  }

  @Test
  void theDistanceClaimIsCorroboratedBefore() {
    Claim homs = claimQuoting(before, HOMS_40);
    assertThat(homs.status()).isEqualTo("corroborated");
    assertThat(homs.independentSources()).isEqualTo(2);
  }

  @Test
  void theClaimThatBecameContestedIsNamedWithTheNewArticle() {
    Claim was = claimQuoting(before, HOMS_40);
    assertThat(change.contested()).hasSize(1);
    CorpusChange.ContestedClaim x = change.contested().get(0);
    // Its words are now the variant's, whose sentences come first.
    assertThat(x.text()).isEqualTo(HOMS_60);
    assertThat(x.slot()).isEqualTo("distance: south Hama");
    assertThat(x.values()).extracting(CorpusChange.Value::value).containsExactly("60 km", "40 km");
    assertThat(x.values().get(0).articles()).containsExactly(VARIANT);
    assertThat(x.values().get(1).articles())
        .contains("001_558042633266138b")
        .doesNotContain(VARIANT);
    assertThat(x.articles()).containsExactly(VARIANT);
    assertThat(x.previous())
        .contains(
            new CorpusChange.Previous(
                before.stories().get(0).id(), was.id(), "corroborated", 2, "assertions"));
    // Renumbered: matching by id would have compared it with another claim.
    assertThat(x.claim()).isNotEqualTo(was.id());
    // The claim after the add holds the variant's edited sentence.
    Claim now =
        update.report().reconciliation().get(x.story()).claims().stream()
            .filter(c -> c.id().equals(x.claim()))
            .findFirst()
            .orElseThrow();
    assertThat(now.assertions())
        .anyMatch(
            a ->
                a.article().equals(VARIANT)
                    && a.span().of(text(update.report(), VARIANT)).equals(HOMS_60));
    assertThat(change.summary())
        .contains(
            "Claim 'Homs is located just 60 km (37 mi) south of Hama.' is now contested (distance:"
                + " south Hama: 60 km vs 40 km) after article 0000_variant; it was"
                + " corroborated");
  }

  @Test
  void theVariantJoinedTheHamaStory() {
    String story = before.stories().get(0).id();
    assertThat(change.articles()).containsExactly(VARIANT);
    assertThat(change.newStories()).isEmpty();
    assertThat(change.grownStories()).hasSize(1);
    assertThat(change.grownStories().get(0).id()).isEqualTo(story);
    assertThat(change.grownStories().get(0).added()).containsExactly(VARIANT);
    assertThat(change.grownStories().get(0).absorbed()).isEmpty();
  }

  @Test
  void aCopyOfAnArticleAddsNoIndependentSource() {
    // The variant copies 001, so it is one source with it: no claim gains one. (Its lead sentence
    // is a claim of its own, new and single-source.)
    assertThat(change.gainedSources()).isEmpty();
  }

  @Test
  void theChangeRoundTripsThroughJson() {
    String json = change.toJson();
    assertThat(CorpusChange.fromJson(json)).isEqualTo(change);
    assertThat(json).contains("\"matchedBy\": \"assertions\"").contains("\"60 km\"");
  }
}
