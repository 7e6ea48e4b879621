package org.triangulate.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.triangulate.ingest.SourceLine;
import org.triangulate.ingest.WordList;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;

/** The cleaning rules, each on a small made-up page. */
class TextCleanerRulesTest {

  private static final String P1 =
      "Syrian insurgents entered the central city of Hama on Thursday after days of fighting with"
          + " government forces.";
  private static final String P2 =
      "The army said it had withdrawn from the city to protect the lives of the civilians living"
          + " there.";
  private static final String P3 =
      "Hama is one of the few cities that remained under full government control during the war.";
  private static final String HEADLINE = "Rebels take Hama as the Syrian army withdraws";

  private static final TextCleaner CLEANER = new TextCleaner(WordList.empty());

  private static CleanedText clean(String text) {
    return clean(text, ArticleMetadata.EMPTY);
  }

  private static CleanedText clean(String text, ArticleMetadata known) {
    CleanedText c = CLEANER.clean(SourceLine.split(text), known);
    Accounting.check(text, c);
    return c;
  }

  private static String paragraphs(String... p) {
    return String.join("\n\n", p);
  }

  // line ends

  @Test
  void handlesCrlfLineEnds() {
    String lf = HamaCorpus.read("003");
    String crlf = lf.replace("\n", "\r\n");
    CleanedText a = clean(lf);
    CleanedText b = clean(crlf);
    assertThat(b.text()).isEqualTo(a.text());
    assertThat(b.found()).isEqualTo(a.found());
    assertThat(b.removed())
        .extracting(Removal::text)
        .isEqualTo(a.removed().stream().map(Removal::text).toList());
    assertThat(b.removed().get(3).offset()).isEqualTo(crlf.indexOf("What do you think?"));
  }

  @Test
  void writesTheCrlfOfAJoinedLineAsItsOriginal() {
    String text =
        "Guterres called for a process to end the bloodshed,\r\nasking all to do their part.";
    assertThat(clean(text).repairs())
        .extracting(Repair::reason, Repair::original, Repair::offset)
        .containsExactly(tuple(Repair.Reasons.JOINED_LINE, "\r\n", text.indexOf('\r')));
  }

  @Test
  void handlesFileWithoutTrailingNewline() {
    String text = HEADLINE + "\n\n" + P1 + "\n" + P2;
    CleanedText without = clean(text);
    CleanedText with = clean(text + "\n");
    assertThat(without.text()).isEqualTo(paragraphs(P1, P2)).isEqualTo(with.text());
    assertThat(without.found().title()).contains(HEADLINE);
  }

  @Test
  void emptyInputGivesEmptyText() {
    CleanedText c = CLEANER.clean(List.of(), ArticleMetadata.EMPTY);
    assertThat(c.text()).isEmpty();
    assertThat(c.removed()).isEmpty();
    assertThat(c.found()).isEqualTo(ArticleMetadata.EMPTY);
    assertThat(clean("\n \n\t\n").text()).isEmpty();
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> new TextCleaner(null)).hasMessageContaining("words");
    assertThatThrownBy(() -> CLEANER.clean(null, ArticleMetadata.EMPTY))
        .hasMessageContaining("lines");
    assertThatThrownBy(() -> CLEANER.clean(List.of(), null)).hasMessageContaining("known");
  }

  // headline

  @Test
  void takesShortFirstLineBeforeABlankLineForTitle() {
    CleanedText c = clean(paragraphs(HEADLINE, P1, P2));
    assertThat(c.found().title()).contains(HEADLINE);
    assertThat(c.removed()).containsExactly(new Removal(Removal.Reasons.TITLE, HEADLINE, 0));
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
  }

  @Test
  void takesHeadlineEndingInAQuestionMark() {
    assertThat(clean(paragraphs("Is this the end for Bashar al-Assad?", P1, P2)).found().title())
        .contains("Is this the end for Bashar al-Assad?");
  }

  @Test
  void doesNotTakeFirstLineEndingInAPeriodForTitle() {
    CleanedText c = clean(paragraphs("Rebels take the city of Hama.", P1));
    assertThat(c.found().title()).isEmpty();
    assertThat(c.text()).startsWith("Rebels take the city of Hama.");
  }

  @Test
  void doesNotTakeFirstHalfOfASplitSentenceForTitle() {
    CleanedText c =
        clean("Rebels say they have taken the city\nof Hama after five days of heavy fighting.");
    assertThat(c.found().title()).isEmpty();
    assertThat(c.text())
        .isEqualTo(
            "Rebels say they have taken the city of Hama after five days of heavy fighting.");
  }

  @Test
  void removesKnownTitleFromTheFirstLineWithoutLookingForAHeadline() {
    ArticleMetadata known = ArticleMetadata.EMPTY.withTitle(Optional.of(HEADLINE));
    CleanedText c = clean(paragraphs(HEADLINE, P1), known);
    assertThat(c.removed()).extracting(Removal::reason).containsExactly(Removal.Reasons.TITLE);
    assertThat(c.found().title()).isEmpty();
    assertThat(c.text()).isEqualTo(P1);
  }

  @Test
  void removesKnownTitleThatCarriesASiteSuffix() {
    ArticleMetadata known =
        ArticleMetadata.EMPTY.withTitle(Optional.of(HEADLINE + " | Example News"));
    assertThat(clean(paragraphs(HEADLINE, P1), known).text()).isEqualTo(P1);
  }

  @Test
  void keepsHeadlineShapedFirstLineWhenTheKnownTitleDiffers() {
    ArticleMetadata known =
        ArticleMetadata.EMPTY.withTitle(Optional.of("Another story altogether"));
    CleanedText c = clean(paragraphs(HEADLINE, P1), known);
    assertThat(c.removed()).isEmpty();
    assertThat(c.text()).isEqualTo(paragraphs(HEADLINE, P1));
  }

  @Test
  void removesNavigationAboveTheHeadlineAndKeepsTheStandfirst() {
    String standfirst = "Government forces withdraw after days of fighting as rebels advance south";
    String page =
        String.join(
            "\n",
            "Skip to main content",
            "Print subscriptions",
            "Example News - Back to home",
            "News",
            "Opinion",
            "World",
            "",
            HEADLINE,
            standfirst,
            "",
            "Rebel fighters in Hama on Thursday. Photograph: Omar Haj Kadour/AFP/Getty Images",
            "William Christou in Beirut",
            "Thu 5 Dec 2024 18.20 GMT",
            "Share",
            "",
            P1,
            "",
            P2);
    CleanedText c = clean(page);
    assertThat(c.text()).isEqualTo(paragraphs(standfirst, P1, P2));
    assertThat(c.found().title()).contains(HEADLINE);
    assertThat(c.found().byline()).contains("William Christou in Beirut");
    assertThat(c.found().published()).contains("2024-12-05");
    assertThat(c.removed())
        .extracting(Removal::reason)
        .containsExactly(
            Removal.Reasons.SITE_CHROME,
            Removal.Reasons.SITE_CHROME,
            Removal.Reasons.SITE_CHROME,
            Removal.Reasons.SITE_CHROME,
            Removal.Reasons.SITE_CHROME,
            Removal.Reasons.SITE_CHROME,
            Removal.Reasons.TITLE,
            Removal.Reasons.CAPTION,
            Removal.Reasons.BYLINE,
            Removal.Reasons.METADATA,
            Removal.Reasons.SITE_CHROME);
  }

  @Test
  void removesNavigationRunsWhenThereIsNoHeadline() {
    CleanedText c = clean(String.join("\n", "News", "Opinion", "Middle East", P1, P2));
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
    assertThat(c.removed())
        .extracting(Removal::reason)
        .containsOnly(Removal.Reasons.SITE_CHROME)
        .hasSize(3);
  }

  @Test
  void keepsASingleShortLineAboveTheLeadWithoutAHeadline() {
    assertThat(clean(String.join("\n", "Syria latest", P1)).text())
        .isEqualTo(paragraphs("Syria latest", P1));
  }

  @Test
  void removesTopicListsAndMenusAfterTheArticle() {
    CleanedText c =
        clean(
            paragraphs(
                P1,
                P2,
                "Explore more on these topics",
                "Syria",
                "Middle East and north Africa",
                "Share"));
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
  }

  @Test
  void keepsWireCreditsAfterTheArticle() {
    String credits = "Reporting by Jane Doe in Beirut; Editing by John Roe";
    assertThat(clean(paragraphs(P1, P2, credits, "Share", "Our Standards")).text())
        .isEqualTo(paragraphs(P1, P2, credits));
  }

  // bylines

  @Test
  void takesByLineUnderTheHeadlineForByline() {
    CleanedText c = clean(paragraphs(HEADLINE, "By Jane Doe", P1, P2));
    assertThat(c.found().byline()).contains("Jane Doe");
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text)
        .containsExactly(
            tuple(Removal.Reasons.TITLE, HEADLINE), tuple(Removal.Reasons.BYLINE, "By Jane Doe"));
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
  }

  @Test
  void takesByLineAtTheVeryTopForByline() {
    CleanedText c = clean("By Jane Doe and John Roe in Beirut\n" + P1 + "\n" + P2);
    assertThat(c.found().byline()).contains("Jane Doe and John Roe in Beirut");
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
  }

  @Test
  void takesWrittenByPersonNearTheTopForByline() {
    CleanedText c = clean(paragraphs(HEADLINE, "Written by Jane Doe", P1));
    assertThat(c.found().byline()).contains("Jane Doe");
    assertThat(c.text()).isEqualTo(P1);
  }

  @Test
  void takesPipedBylineForBylineAndOutlet() {
    CleanedText c = clean(paragraphs(HEADLINE, "Jane Doe | Reuters", P1));
    assertThat(c.found().byline()).contains("Jane Doe");
    assertThat(c.found().outlet()).contains("Reuters");
    assertThat(c.text()).isEqualTo(P1);
  }

  @Test
  void doesNotTakeCmsAccountNearTheTopForByline() {
    CleanedText c = clean(paragraphs(HEADLINE, "Written by admin", P1));
    assertThat(c.found().byline()).isEmpty();
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text)
        .contains(tuple(Removal.Reasons.COMMENT_WIDGET, "Written by admin"));
  }

  @Test
  void doesNotTakeASentenceStartingWithByForByline() {
    String sentence = "By Thursday evening, rebels had reached the centre of the city.";
    CleanedText c = clean(paragraphs(sentence, P1, "By then the army had gone"));
    assertThat(c.found().byline()).isEmpty();
    assertThat(c.text()).isEqualTo(paragraphs(sentence, P1, "By then the army had gone"));
  }

  @Test
  void doesNotTakeLoneNameForBylineWithoutAHeadlineAbove() {
    CleanedText c = clean(paragraphs(P1, "Alameen Templeton", P2));
    assertThat(c.found().byline()).isEmpty();
    assertThat(c.text()).contains("Alameen Templeton");
  }

  @Test
  void takesByLineAfterTheArticleForByline() {
    CleanedText c =
        clean(
            paragraphs(
                "BEIRUT (AP) — " + P1,
                P2,
                "By BASSEM MROUE and ABBY SEWELL",
                "Updated 6:20 PM GMT+1, December 5, 2024",
                "Share"));
    assertThat(c.text()).isEqualTo(paragraphs("BEIRUT (AP) — " + P1, P2));
    assertThat(c.found().byline()).contains("BASSEM MROUE and ABBY SEWELL");
    assertThat(c.found().modified()).contains("2024-12-05");
    assertThat(c.found().dateline()).contains("BEIRUT");
  }

  @Test
  void readsTheDateOfAPostedByAccountLine() {
    CleanedText c = clean(paragraphs(HEADLINE, "Posted by admin on December 5, 2024", P1));
    assertThat(c.found().byline()).isEmpty();
    assertThat(c.found().published()).contains("2024-12-05");
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text)
        .contains(tuple(Removal.Reasons.METADATA, "Posted by admin on December 5, 2024"));
  }

  @Test
  void readsTheDateThatEndsAByline() {
    CleanedText c = clean(paragraphs(HEADLINE, "By Jane Doe | 5 December 2024", P1));
    assertThat(c.found().byline()).contains("Jane Doe");
    assertThat(c.found().published()).contains("2024-12-05");
  }

  // dates and datelines

  @Test
  void removesDateLinesNearTheTopAsMetadata() {
    CleanedText c =
        clean(
            HEADLINE
                + "\nUpdated Thu 6 Dec 2024 10.20 GMT\nPublished: 5 December 2024\n\n"
                + paragraphs(P1, P2));
    assertThat(c.found().published()).contains("2024-12-05");
    assertThat(c.found().modified()).contains("2024-12-06");
    assertThat(c.removed())
        .filteredOn(r -> r.reason().equals(Removal.Reasons.METADATA))
        .extracting(Removal::text)
        .containsExactly("Updated Thu 6 Dec 2024 10.20 GMT", "Published: 5 December 2024");
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "December 5, 2024|2024-12-05",
        "Thu 5 Dec 2024 10.20 GMT|2024-12-05",
        "date 2024-12-05|2024-12-05",
        "Posted on 05/12/2024|",
        "5 December 2024 at 10:20 am|2024-12-05"
      })
  void removesDateLineAtTheTopAndReadsItsDate(String line, String iso) {
    CleanedText c = clean(paragraphs(line, P1));
    assertThat(c.found().published()).isEqualTo(Optional.ofNullable(iso));
    assertThat(c.removed()).containsExactly(new Removal(Removal.Reasons.METADATA, line, 0));
    assertThat(c.text()).isEqualTo(P1);
  }

  @Test
  void keepsBareDateLineInTheBody() {
    CleanedText c = clean(paragraphs(P1, "December 5, 2024", P2));
    assertThat(c.text()).isEqualTo(paragraphs(P1, "December 5, 2024", P2));
    assertThat(c.found().published()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'WASHINGTON — '|WASHINGTON",
        "'BEIRUT (Reuters) - '|BEIRUT",
        "'DAMASCUS, Syria (AP) — '|'DAMASCUS, Syria'",
        "'NEW YORK, Dec 5 (Reuters) - '|NEW YORK",
        "'Beirut, Lebanon (CNN) — '|'Beirut, Lebanon'",
        "'BEIRUT, Dec 5, 2024 (Reuters) - '|BEIRUT"
      })
  void readsDatelineWithoutRemovingIt(String dateline, String place) {
    String first = dateline + P1;
    CleanedText c = clean(paragraphs(HEADLINE, first, P2));
    assertThat(c.found().dateline()).contains(place);
    assertThat(c.text()).isEqualTo(paragraphs(first, P2));
  }

  @Test
  void datesTheArticleFromADatelineThatGivesTheYear() {
    CleanedText withYear = clean(paragraphs(HEADLINE, "BEIRUT, Dec 5, 2024 (Reuters) - " + P1, P2));
    assertThat(withYear.found().published()).contains("2024-12-05");
    CleanedText withoutYear = clean(paragraphs(HEADLINE, "BEIRUT, Dec 5 (Reuters) - " + P1, P2));
    assertThat(withoutYear.found().published()).isEmpty();
  }

  @Test
  void keepsALongSentenceWhosePeriodWasLost() {
    String lost = "The bandits lost nerve on seeing the helicopter and the warships and attempted to flee";
    CleanedText c = clean(paragraphs(P1, lost, P2));
    assertThat(c.text()).contains(lost);
    CleanedText link = clean(paragraphs(P1, "What is happening in Aleppo and how it can impact the Syrian conflict", P2));
    assertThat(link.removed()).extracting(Removal::reason).containsExactly(Removal.Reasons.RELATED_LINK);
  }

  @Test
  void keepsLongLinesAboveTheHeadlineAsText() {
    String bullet =
        "Two plainclothes NYPD officers shot and killed a 16-year-old Brooklyn resident after police say he pointed a gun at officers on Saturday";
    CleanedText c = clean(paragraphs("World", bullet, HEADLINE, P1, P2));
    assertThat(c.text()).as(c.removed().toString()).contains(bullet);
    assertThat(c.removed()).extracting(Removal::text).contains("World");
  }

  @Test
  void findsNoDatelineInAnOrdinaryFirstSentence() {
    assertThat(
            clean(paragraphs("The UN said more than 280,000 people had fled. - Reports", P1))
                .found()
                .dateline())
        .isEmpty();
    assertThat(clean(P1).found().dateline()).isEmpty();
  }

  // captions and credits

  @Test
  void removesCaptionAtTheStart() {
    String caption = "Rebel fighters ride through Hama on Thursday. (AP Photo/Ghaith Alsayed)";
    CleanedText c = clean(paragraphs(caption, HEADLINE, P1, P2));
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text)
        .containsExactly(
            tuple(Removal.Reasons.CAPTION, caption), tuple(Removal.Reasons.TITLE, HEADLINE));
    assertThat(c.found().title()).contains(HEADLINE);
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Credit: AP|credit",
        "Photo: Reuters|credit",
        "(AP Photo/Omar Sanadiki)|credit",
        "AFP via Getty Images|credit",
        "REUTERS/Mahmoud Hassano|credit",
        "Smoke rises over Hama. Photograph: Omar Haj Kadour/AFP/Getty Images|caption",
        "Fighters in Hama on Thursday. REUTERS/Mahmoud Hassano|caption",
        "Rebels celebrate in the streets of Hama Ghaith Alsayed/AP|caption",
        "Image: Rebels celebrate in the streets of Hama on Thursday.|caption",
        "Rebels celebrate in the city, AFP via Getty Images|caption"
      })
  void removesCaptionsAndCredits(String line, String reason) {
    CleanedText c = clean(paragraphs(P1, line, P2));
    assertThat(c.removed()).containsExactly(new Removal(reason, line, P1.length() + 2));
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
  }

  @Test
  void keepsSentencesThatMentionPhotosOrAgencies() {
    String a = "He posted a photo: the city centre was in flames and the streets were empty.";
    String b = "The pictures were sold to Getty Images.";
    String d = "The poll was run by Ipsos/Reuters.";
    assertThat(clean(paragraphs(P1, a, b, d, P2)).text()).isEqualTo(paragraphs(P1, a, b, d, P2));
  }

  // chrome

  @Test
  void keepsArticleAfterCommentChromeInTheMiddle() {
    CleanedText c =
        clean(
            paragraphs(
                P1,
                "Leave a comment",
                "12 Comments",
                "Share this article",
                P2,
                "Advertisement",
                P3));
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2, P3));
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text)
        .containsExactly(
            tuple(Removal.Reasons.COMMENT_WIDGET, "Leave a comment"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "12 Comments"),
            tuple(Removal.Reasons.SITE_CHROME, "Share this article"),
            tuple(Removal.Reasons.SITE_CHROME, "Advertisement"));
  }

  @Test
  void dropsCommentsFollowedByReplyButtons() {
    CleanedText c =
        clean(
            paragraphs(
                P1,
                P2,
                "3 Comments",
                "John Smith",
                "December 5, 2024 at 10:20 am",
                "Great reporting, thanks for keeping us informed about all this.",
                "Reply",
                "Jane Roe",
                "This is all propaganda and nothing more than that.",
                "Like Reply Share"));
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
    assertThat(c.removed())
        .extracting(Removal::reason)
        .containsOnly(Removal.Reasons.COMMENT_WIDGET);
  }

  @Test
  void opensTheCommentBlockAtAWordPressCommentHeading() {
    CleanedText c =
        clean(
            paragraphs(
                P1,
                P2,
                "10 thoughts on “Rebels take Hama”",
                "Mike",
                "December 5, 2024 at 11:02 pm",
                "Good riddance to the regime, at long last.",
                "Reply"));
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
  }

  @Test
  void removesEverythingFromAnAllChromeFile() {
    String page =
        String.join(
            "\n",
            "Skip to main content",
            "Home / World / Middle East",
            "Share this article",
            "Facebook Twitter WhatsApp Email",
            "Advertisement",
            "Leave a Reply",
            "0",
            "Loading…",
            "Sign up for our newsletter",
            "© 2024 Example Media. All rights reserved.");
    CleanedText c = clean(page);
    assertThat(c.text()).isEmpty();
    assertThat(c.removed()).hasSize(10);
    assertThat(c.found()).isEqualTo(ArticleMetadata.EMPTY);
  }

  @Test
  void removesShareRowsNewsletterAndCookieLines() {
    String cookies =
        "We use cookies to improve your experience on our site. By continuing to browse you agree"
            + " to our use of cookies and our privacy policy, which you can read at any time.";
    CleanedText c =
        clean(
            paragraphs(
                P1,
                "Facebook Twitter WhatsApp Email",
                "Sign up for our newsletter",
                cookies,
                "Follow us on Telegram",
                "•",
                P2));
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
    assertThat(c.removed())
        .extracting(Removal::reason)
        .containsOnly(Removal.Reasons.SITE_CHROME)
        .hasSize(5);
  }

  @Test
  void removesReadMoreLinksAsRelatedLinks() {
    CleanedText c =
        clean(paragraphs(P1, "Read more: Iran preparing to send troops to Syria", "Read more", P2));
    assertThat(c.removed())
        .extracting(Removal::reason)
        .containsExactly(Removal.Reasons.RELATED_LINK, Removal.Reasons.SITE_CHROME);
  }

  @Test
  void removesRunsOfRelatedLinksBetweenParagraphs() {
    CleanedText c =
        clean(
            paragraphs(
                P1, "Iran preparing to send troops to Syria", "Who are the rebels of HTS", P2));
    assertThat(c.removed())
        .extracting(Removal::reason)
        .containsOnly(Removal.Reasons.RELATED_LINK)
        .hasSize(2);
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
  }

  @Test
  void neverTakesASentenceForARelatedLink() {
    assertThat(clean(paragraphs(P1, "The army fled.", P2)).text())
        .isEqualTo(paragraphs(P1, "The army fled.", P2));
  }

  @Test
  void keepsShortLineAtTheEndWithoutCommentBlock() {
    String end = "Reporting by Jane Doe; editing by John Roe";
    assertThat(clean(paragraphs(P1, P2, end)).text()).isEqualTo(paragraphs(P1, P2, end));
  }

  @Test
  void removesLoneNumbersOnlyNextToChrome() {
    CleanedText c = clean(paragraphs(P1, "1982", P2, "Share", "12", P3));
    assertThat(c.text()).isEqualTo(paragraphs(P1, "1982", P2, P3));
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text)
        .containsExactly(
            tuple(Removal.Reasons.SITE_CHROME, "Share"),
            tuple(Removal.Reasons.COMMENT_WIDGET, "12"));
  }

  // joining

  @Test
  void joinsSentenceAcrossAnAdvertisement() {
    CleanedText c =
        clean(
            "The army said it had withdrawn from the city of Hama to\n\n"
                + "Advertisement\n\n"
                + "protect the lives of civilians.");
    assertThat(c.text())
        .isEqualTo(
            "The army said it had withdrawn from the city of Hama to protect the lives of"
                + " civilians.");
    assertThat(c.repairs()).extracting(Repair::reason).containsExactly(Repair.Reasons.JOINED_LINE);
  }

  @Test
  void doesNotJoinLinesThatEndASentence() {
    String second = "the next line starts in lower case but follows a full stop.";
    CleanedText c = clean(P1 + "\n" + second);
    assertThat(c.text()).isEqualTo(paragraphs(P1, second));
    assertThat(c.repairs()).isEmpty();
  }

  @Test
  void doesNotJoinLineFollowedByCapitalisedLine() {
    CleanedText c =
        clean("Guterres called for a political process,\nAsking all those with influence to help.");
    assertThat(c.text()).contains("\n\n");
  }

  // characters

  @Test
  void removesControlCharactersAndNormalisesSpaces() {
    String text =
        "\uFEFFSyrian\u00A0insurgents  entered\tthe city\u0007 of Hama on Thursday.\u0000\n";
    CleanedText c = clean(text);
    assertThat(c.text()).isEqualTo("Syrian insurgents entered the city of Hama on Thursday.");
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::text, Removal::offset)
        .containsExactly(
            tuple(Removal.Reasons.CONTROL, "\uFEFF", 0),
            tuple(Removal.Reasons.CONTROL, "\u0007", text.indexOf('\u0007')),
            tuple(Removal.Reasons.CONTROL, "\u0000", text.indexOf('\u0000')));
  }

  @Test
  void removesControlCharactersInsideARemovedLineWithTheLine() {
    String text = P1 + "\n\nAdvert\u0007isement\n\n" + P2;
    CleanedText c = clean(text);
    assertThat(c.removed())
        .containsExactly(
            new Removal(Removal.Reasons.SITE_CHROME, "Advert\u0007isement", P1.length() + 2));
  }

  @Test
  void usesTheLineOffsetForInexactLines() {
    List<SourceLine> blocks =
        List.of(
            new SourceLine(HEADLINE, 100, false),
            new SourceLine("Advertisement", 500, false),
            new SourceLine(P1, 600, false),
            new SourceLine("Share this article", 900, false),
            new SourceLine(P2, 1000, false));
    CleanedText c = CLEANER.clean(blocks, ArticleMetadata.EMPTY);
    assertThat(c.text()).isEqualTo(paragraphs(P1, P2));
    assertThat(c.removed())
        .extracting(Removal::reason, Removal::offset)
        .containsExactly(
            tuple(Removal.Reasons.TITLE, 100),
            tuple(Removal.Reasons.SITE_CHROME, 500),
            tuple(Removal.Reasons.SITE_CHROME, 900));
  }

  // glued words

  @Test
  void splitsNothingWithTheEmptyWordList() {
    String text = "So is Hama the site of the infamous 1982 massacrewhen forces besieged the city.";
    assertThat(clean(text).text()).isEqualTo(text);
  }

  @Test
  void recordsEachSplitWithItsSpanInTheText() {
    TextCleaner cleaner =
        new TextCleaner(WordList.of(java.util.Set.of("massacre", "when", "forces", "city")));
    String text = "The massacrewhen forces took the city, “massacrewhen”.";
    CleanedText c = cleaner.clean(SourceLine.split(text), ArticleMetadata.EMPTY);
    Accounting.check(text, c);
    assertThat(c.text()).isEqualTo("The massacre when forces took the city, “massacre when”.");
    assertThat(c.repairs())
        .extracting(Repair::offset)
        .containsExactly(text.indexOf("massacrewhen"), text.lastIndexOf("massacrewhen"));
  }
}
