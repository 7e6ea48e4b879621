package org.triangulate.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.triangulate.ingest.SourceLine;

/** One example for each list and shape of the lexicon, and lines it must not take. */
class ChromeLexiconTest {

  private static ChromeLexicon.Verdict match(String text) {
    return ChromeLexicon.match(new Line(new SourceLine(text, 0, true)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "What do you think? => comment-widget => true",
        "Leave a Reply => comment-widget => true",
        "Your email address will not be published. Required fields are marked * => comment-widget"
            + " => true",
        "GIPHY App Key not set. Please check settings => comment-widget => true",
        "Comments (12) => comment-widget => true",
        "12 Comments => comment-widget => true",
        "Upvote Downvote => comment-widget => true",
        "Loading… => comment-widget => false",
        "Loading... => comment-widget => false",
        "500 Points => comment-widget => false",
        "Like · Reply · 3 => comment-widget => false",
        "Advertisement => site-chrome => false",
        "Share this article => site-chrome => false",
        "Sign up for our newsletter => site-chrome => false",
        "Subscribe => site-chrome => false",
        "Follow us on Telegram and X => site-chrome => false",
        "Click here to read the full report => site-chrome => false",
        "© 2024 Example Media. All rights reserved. => site-chrome => false",
        "Example Media 2024, all rights reserved => site-chrome => false",
        "Facebook Twitter WhatsApp Email => site-chrome => false",
        "Home / World / Middle East => site-chrome => false",
        "in , , => site-chrome => false",
        "Posted in | by => site-chrome => false",
        "* * * => site-chrome => false",
        "Read more => site-chrome => false",
        "Read more: Iran preparing to send troops to Syria => related-link => false",
        "Related: Who are the rebels of HTS? => related-link => false"
      })
  void knowsChrome(String line, String reason, boolean strong) {
    assertThat(match(line)).isEqualTo(new ChromeLexicon.Verdict(reason, strong));
  }

  @Test
  void knowsLongCookieNotices() {
    String notice =
        "We use cookies and similar technologies to personalise content and ads, to provide social"
            + " media features and to analyse our traffic, and we share information about your use"
            + " of our site with our social media, advertising and analytics partners who may"
            + " combine it with other information that you have provided to them.";
    assertThat(match(notice)).isEqualTo(ChromeLexicon.SITE);
  }

  @Test
  void knowsLoneNumbersAsNumbers() {
    assertThat(match("0")).isSameAs(ChromeLexicon.NUMBER);
    assertThat(match("1.2K")).isSameAs(ChromeLexicon.NUMBER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Iran preparing to send troops to Syria",
        "Alameen Templeton",
        "Comments made by the minister angered the rebels.",
        "Share prices fell sharply in Damascus on Thursday.",
        "Subscribers to the service lost access on Thursday.",
        "Home to more than a million people, Hama is Syria's fourth city.",
        "Sites use cookies to track readers, the report said.",
        "What do you think the army will do next, he asked.",
        "In Hama, Homs and Aleppo, the rebels advanced."
      })
  void leavesArticleTextAlone(String line) {
    assertThat(match(line)).isNull();
  }

  @Test
  void rejectsUpperCasePrefixes() {
    assertThatThrownBy(() -> new Prefixes("Read more:")).hasMessageContaining("'Read more:'");
  }
}
