package org.triangulate.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.triangulate.ingest.SourceLine;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;

/** The acceptance criteria on the five bundled reports of the capture of Hama. */
class TextCleanerHamaTest {

  private static final TextCleaner CLEANER = new TextCleaner(HamaCorpus.words());

  /** The lines of the corpus that are chrome or captions, as the brief lists them. */
  private static final Set<String> LISTED_CHROME =
      Set.of(
          "What is happening in Aleppo and how it can impact the Syrian conflict",
          "Syrian rebels groups have taken advantage of a weakening of Bashar Al Assad's support"
              + " from Iran and Russia. Credit: AP",
          "Smoke billowing in the edges Hama as rebel forces fight Syria's military. Credit: AP",
          "in , ,",
          "Hama city falls to HTS as Syrian army flees",
          "Alameen Templeton",
          "What do you think?",
          "500 Points",
          "Upvote Downvote",
          "Written by WebAdmin",
          "Comments",
          "Leave a Reply",
          "Your email address will not be published. Required fields are marked *",
          "GIPHY App Key not set. Please check settings",
          "Loading…",
          "0",
          "Iran preparing to send troops to Syria",
          "Netanyahu corruption trial must proceed, court rules");

  private static CleanedText clean(String prefix) {
    return CLEANER.clean(SourceLine.split(HamaCorpus.read(prefix)), ArticleMetadata.EMPTY);
  }

  static Stream<Path> files() {
    return HamaCorpus.files().stream();
  }

  @Test
  void corpusHasFiveReports() {
    assertThat(HamaCorpus.files()).hasSize(5);
  }

  // 000

  @Test
  void keepsFirstLineThatIsAFullSentenceAsLead() {
    CleanedText c = clean("000");
    assertThat(c.found().title()).isEmpty();
    assertThat(c.text()).startsWith("Islamist insurgents have entered the Syrian city of Hama");
  }

  @Test
  void removesRelatedLinkHeadlineBetweenParagraphs() {
    CleanedText c = clean("000");
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text)
        .containsExactly(
            tuple(
                Removal.Reasons.RELATED_LINK,
                "What is happening in Aleppo and how it can impact the Syrian conflict"));
    assertThat(c.text()).doesNotContain("What is happening in Aleppo");
  }

  @Test
  void keepsStrayPeriodThatEndsAParagraph() {
    assertThat(clean("000").text())
        .contains("from areas they had controlled for years. .\n\nIn his opinion,");
  }

  @Test
  void keepsBlankLineSeparatedParagraphs() {
    long lines = HamaCorpus.read("000").lines().filter(l -> !l.isBlank()).count();
    assertThat(clean("000").text().split("\n\n")).hasSize((int) lines - 1); // less the link
  }

  // 001

  @Test
  void joinsSentenceSplitAcrossTwoLines() {
    CleanedText c = clean("001");
    assertThat(c.text())
        .contains("to end the bloodshed, asking “all those with influence")
        .doesNotContain("bloodshed,\n");
    assertThat(c.repairs())
        .filteredOn(r -> r.reason().equals(Repair.Reasons.JOINED_LINE))
        .singleElement()
        .satisfies(r -> assertThat(r.span().of(c.text())).isEqualTo(" "));
  }

  @Test
  void splitsGluedWordsWhenTheWordListKnowsBothHalves() {
    CleanedText c = clean("001");
    String original = HamaCorpus.read("001");
    assertThat(c.text())
        .contains("the infamous 1982 massacre when forces")
        .doesNotContain("massacrewhen");
    assertThat(c.repairs())
        .filteredOn(r -> r.reason().equals(Repair.Reasons.SPLIT_WORDS))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.original()).isEqualTo("massacrewhen");
              assertThat(r.replacement()).isEqualTo("massacre when");
              assertThat(r.offset()).isEqualTo(original.indexOf("massacrewhen"));
              assertThat(r.span().of(c.text())).isEqualTo("massacre when");
            });
  }

  @Test
  void makesEachLineAParagraphWhenLinesAreParagraphs() {
    CleanedText c = clean("001");
    long lines = HamaCorpus.read("001").lines().filter(l -> !l.isBlank()).count();
    assertThat(c.text().split("\n\n")).hasSize((int) lines - 1); // one pair joined
    assertThat(c.found().title()).isEmpty();
    assertThat(c.removed()).isEmpty();
  }

  // 002

  @Test
  void removesGluedDateMarkerAndKeepsTheSentence() {
    CleanedText c = clean("002");
    assertThat(c.found().published()).contains("2024-12-05");
    assertThat(c.removed())
        .filteredOn(r -> r.reason().equals(Removal.Reasons.METADATA))
        .extracting(Removal::text, Removal::offset)
        .containsExactly(tuple("date 2024-12-05", 1));
    assertThat(c.text()).startsWith("Syrian insurgents have entered the central city of Hama");
    assertThat(c.found().title()).isEmpty();
  }

  @Test
  void removesPhotoCaptionsThatEndInACredit() {
    CleanedText c = clean("002");
    assertThat(c.removed())
        .filteredOn(r -> r.reason().equals(Removal.Reasons.CAPTION))
        .extracting(Removal::text)
        .containsExactly(
            "Syrian rebels groups have taken advantage of a weakening of Bashar Al Assad's support"
                + " from Iran and Russia. Credit: AP",
            "Smoke billowing in the edges Hama as rebel forces fight Syria's military. Credit: AP");
    assertThat(c.text()).doesNotContain("Credit: AP");
    assertThat(c.removed()).hasSize(3);
  }

  // 003

  @Test
  void removesTemplateResidueAtTheTop() {
    assertThat(clean("003").removed().get(0))
        .isEqualTo(new Removal(Removal.Reasons.SITE_CHROME, "in , ,", 0));
  }

  @Test
  void takesHeadlineForTitleAndLoneNameUnderItForByline() {
    CleanedText c = clean("003");
    assertThat(c.found().title()).contains("Hama city falls to HTS as Syrian army flees");
    assertThat(c.found().byline()).contains("Alameen Templeton");
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text)
        .contains(
            tuple(Removal.Reasons.TITLE, "Hama city falls to HTS as Syrian army flees"),
            tuple(Removal.Reasons.BYLINE, "Alameen Templeton"));
    assertThat(c.text()).startsWith("Hayat Tahrir al-Sham mercenaries have entered");
  }

  @Test
  void dropsCommentWidgetsAfterArticle() {
    CleanedText c = clean("003");
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text)
        .containsExactly(
            tuple(Removal.Reasons.SITE_CHROME, "in , ,"),
            tuple(Removal.Reasons.TITLE, "Hama city falls to HTS as Syrian army flees"),
            tuple(Removal.Reasons.BYLINE, "Alameen Templeton"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "What do you think?"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "500 Points"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "Upvote Downvote"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "Written by WebAdmin"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "Comments"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "Leave a Reply"),
            tuple(
                Removal.Reasons.COMMENT_WIDGET,
                "Your email address will not be published. Required fields are marked *"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "GIPHY App Key not set. Please check settings"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "Loading…"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "0"),
            tuple(Removal.Reasons.RELATED_LINK, "Iran preparing to send troops to Syria"),
            tuple(
                Removal.Reasons.RELATED_LINK,
                "Netanyahu corruption trial must proceed, court rules"));
  }

  @Test
  void doesNotTakeCmsAccountForByline() {
    CleanedText c = clean("003");
    assertThat(c.found().byline()).contains("Alameen Templeton");
    assertThat(c.text()).doesNotContain("WebAdmin");
  }

  @Test
  void keepsLastParagraphBeforeCommentBlock() {
    assertThat(clean("003").text())
        .endsWith(
            "“Even if the Russians and Iranian or Iranian-backed forces get more involved, they’re"
                + " still limited by their own wars. It feels unlikely to reach the level of"
                + " support we’ve seen previously.”");
  }

  // 004

  @Test
  void leavesCleanArticleUntouched() {
    String original = HamaCorpus.read("004");
    CleanedText c = clean("004");
    assertThat(c.removed()).isEmpty();
    assertThat(c.repairs()).isEmpty();
    assertThat(c.found()).isEqualTo(ArticleMetadata.EMPTY);
    assertThat(c.text()).isEqualTo(String.join("\n\n", original.strip().split("\n")));
  }

  // all five

  @ParameterizedTest
  @MethodSource("files")
  void accountsForEveryCharacter(Path file) {
    String original = HamaCorpus.read(file);
    Accounting.check(original, CLEANER.clean(SourceLine.split(original), ArticleMetadata.EMPTY));
  }

  @ParameterizedTest
  @MethodSource("files")
  void losesNoSentenceOfArticleText(Path file) {
    String original = HamaCorpus.read(file);
    String text =
        Accounting.nonSpace(
            CLEANER.clean(SourceLine.split(original), ArticleMetadata.EMPTY).text());
    List<String> lost = new ArrayList<>();
    for (String sentence : sentenceLines(original)) {
      if (!text.contains(Accounting.nonSpace(sentence))) {
        lost.add(sentence);
      }
    }
    assertThat(lost).as("sentence-like lines missing from the text of " + file).isEmpty();
  }

  @Test
  void splitsNoOtherWordOfTheCorpus() {
    List<Repair> splits = new ArrayList<>();
    for (Path p : HamaCorpus.files()) {
      CLEANER.clean(SourceLine.split(HamaCorpus.read(p)), ArticleMetadata.EMPTY).repairs().stream()
          .filter(r -> r.reason().equals(Repair.Reasons.SPLIT_WORDS))
          .forEach(splits::add);
    }
    assertThat(splits).extracting(Repair::original).containsExactly(HamaCorpus.GLUED);
  }

  /**
   * Lines of the original that end as a sentence does (. ” " ? !) and are not listed chrome; a
   * glued date marker is not part of the sentence it precedes.
   */
  static List<String> sentenceLines(String original) {
    List<String> out = new ArrayList<>();
    for (String raw : original.split("\r\n|\r|\n")) {
      String line = raw.strip();
      if (line.isEmpty() || LISTED_CHROME.contains(line)) {
        continue;
      }
      char last = line.charAt(line.length() - 1);
      if (".”\"?!".indexOf(last) >= 0) {
        out.add(line.replaceFirst("^date \\d{4}-\\d{2}-\\d{2} ", ""));
      }
    }
    return out;
  }
}
