package org.triangulate.ingest.html;

import org.triangulate.text.LanguageTag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.triangulate.ingest.Decoding;
import org.triangulate.ingest.SourceLine;
import org.triangulate.model.Removal;

class HtmlExtractorTest {

  private static final String NATIONAL_URL =
      "https://www.thenationalnews.com/news/mena/2024/12/05/syria-hama-rebels/";

  private final HtmlExtractor extractor = new HtmlExtractor();

  static String fixture(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static byte[] bytes(String name) {
    try (InputStream in = HtmlExtractorTest.class.getResourceAsStream("/fixtures/html/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HtmlPage newsPage() {
    return extractor.extract(fixture("news-page.html"), Optional.of(NATIONAL_URL));
  }

  private static String text(HtmlPage page) {
    return page.blocks().stream().map(SourceLine::text).collect(Collectors.joining("\n"));
  }

  private static List<String> removed(HtmlPage page, String reason) {
    return page.removed().stream()
        .filter(r -> r.reason().equals(reason))
        .map(Removal::text)
        .toList();
  }

  @Test
  void takesHeadlineFromJsonLd() {
    // og:title and <title> differ from the JSON-LD headline; JSON-LD wins.
    assertThat(newsPage().metadata().title())
        .contains("Syrian insurgents enter Hama in blow to Assad");
  }

  @Test
  void readsJsonLdAuthorsPublisherReferenceAndDates() {
    var m = newsPage().metadata();
    assertThat(m.byline()).contains("Sarah Hassan, Nada AlTaher");
    assertThat(m.outlet()).contains("The National");
    assertThat(m.published()).contains("2024-12-05T09:41:00Z");
    assertThat(m.modified()).contains("2024-12-05T14:02:00Z");
    assertThat(m.language()).contains("en");
  }

  @Test
  void resolvesRelativeCanonicalAgainstTheFetchUrl() {
    var page =
        extractor.extract(fixture("news-page.html"), Optional.of("https://mirror.example.org/a/b"));
    assertThat(page.metadata().url())
        .contains("https://mirror.example.org/news/mena/2024/12/05/syria-hama-rebels/");
  }

  @Test
  void takesOgUrlWhenCanonicalCannotBeResolved() {
    var page = extractor.extract(fixture("news-page.html"), Optional.empty());
    assertThat(page.metadata().url()).contains(NATIONAL_URL);
  }

  @Test
  void keepsTheArticleBodyInDocumentOrder() {
    var page = newsPage();
    String text = text(page);
    assertThat(page.blocks().get(0).text())
        .startsWith("Syrian insurgents have entered the central city of Hama");
    assertThat(text)
        .contains("Its leader, Al-Golani, publicly toured Aleppo")
        .contains("Our holy warriors are fighting fierce battles")
        .contains("Hama lies on the main highway between Aleppo and Damascus.");
    assertThat(text.indexOf("It marks another setback"))
        .isLessThan(text.indexOf("There, the Syrian National Army"));
    assertThat(page.blocks()).hasSize(18);
  }

  @Test
  void dropsFigureCaptions() {
    var page = newsPage();
    assertThat(text(page)).doesNotContain("Credit: AP");
    assertThat(removed(page, Removal.Reasons.CAPTION))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c).endsWith("Credit: AP"));
  }

  @Test
  void movesHeadlineAndBylineOutOfTheBody() {
    var page = newsPage();
    assertThat(removed(page, Removal.Reasons.TITLE))
        .containsExactly("Syrian insurgents enter Hama in blow to Assad");
    assertThat(removed(page, Removal.Reasons.BYLINE))
        .containsExactly("By Sarah Hassan and Nada AlTaher");
    assertThat(text(page)).doesNotContain("blow to Assad").doesNotContain("Sarah Hassan");
  }

  @Test
  void dropsShareBarRelatedLinksNewsletterAdsAndSiteChrome() {
    var page = newsPage();
    String text = text(page);
    assertThat(text)
        .doesNotContain("Share on")
        .doesNotContain("Rebels consolidate control of Aleppo")
        .doesNotContain("newsletter")
        .doesNotContain("Advertisement")
        .doesNotContain("Business")
        .doesNotContain("All rights reserved");
    assertThat(removed(page, Removal.Reasons.RELATED_LINK))
        .singleElement()
        .asString()
        .contains("Rebels consolidate");
    assertThat(removed(page, Removal.Reasons.BOILERPLATE))
        .anySatisfy(r -> assertThat(r).contains("Share on X"))
        .anySatisfy(r -> assertThat(r).contains("newsletter"))
        .contains("Advertisement");
    assertThat(removed(page, Removal.Reasons.MARKUP))
        .anySatisfy(r -> assertThat(r).contains("All rights reserved"));
  }

  @Test
  void dropsCommentSectionsAfterTheArticle() {
    var page = newsPage();
    assertThat(text(page)).doesNotContain("mark my words");
    assertThat(removed(page, Removal.Reasons.COMMENT_WIDGET))
        .singleElement()
        .asString()
        .contains("mark my words");
  }

  @Test
  void recordsOneRemovalPerDroppedElementInDocumentOrder() {
    var page = newsPage();
    String html = fixture("news-page.html");
    assertThat(page.removed()).hasSizeLessThan(20);
    assertThat(page.removed())
        .isSortedAccordingTo((a, b) -> Integer.compare(a.offset(), b.offset()));
    for (Removal r : page.removed()) {
      assertThat(html.charAt(r.offset()))
          .as("removal at %d starts a tag: %s", r.offset(), r)
          .isEqualTo('<');
    }
  }

  @Test
  void blockOffsetsPointAtTheirElementsInTheSource() {
    for (String name : List.of("news-page.html", "meta-only.html", "wordpress-comments.html")) {
      String html = fixture(name);
      var page = extractor.extract(html, Optional.empty());
      assertThat(page.blocks()).as(name).isNotEmpty();
      for (SourceLine b : page.blocks()) {
        assertThat(b.exact()).isFalse();
        String at = html.substring(b.offset());
        assertThat(at).as("%s block at %d", name, b.offset()).matches("(?s)<(p|li|blockquote)>.*");
        String firstWord = b.text().split(" ")[0];
        assertThat(at.substring(0, 200)).as(name).contains(firstWord.replace("&", "&amp;"));
      }
    }
  }

  @Test
  void readsMetaTagsWhenThereIsNoJsonLd() {
    var page =
        extractor.extract(
            fixture("meta-only.html"),
            Optional.of("https://www.middleeastmonitor.com/20241205-hama/"));
    var m = page.metadata();
    assertThat(m.title()).contains("Syrian insurgents reportedly enter Hama");
    assertThat(m.byline()).contains("Staff Writer");
    assertThat(m.outlet()).contains("Middle East Monitor");
    assertThat(m.published()).contains("2024-12-05");
    assertThat(m.language()).contains("en");
    assertThat(m.url()).contains("https://www.middleeastmonitor.com/20241205-hama/");
  }

  @Test
  void findsTheBodyByScoreWhenNothingMarksIt() throws IOException {
    var page = extractor.extract(fixture("meta-only.html"), Optional.empty());
    List<String> expected = fixtureLines("/work/main/examples/hama/004_caf67864382cb7e1.txt");
    assertThat(page.blocks()).extracting(SourceLine::text).containsExactlyElementsOf(expected);
    assertThat(removed(page, Removal.Reasons.TITLE))
        .containsExactly("Syrian insurgents reportedly enter Hama");
    assertThat(text(page)).doesNotContain("Gaza ceasefire").doesNotContain("Tags:");
  }

  private static List<String> fixtureLines(String path) throws IOException {
    return java.nio.file.Files.readAllLines(java.nio.file.Path.of(path), StandardCharsets.UTF_8)
        .stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  @Test
  void readsLenientJsonLdAndIgnoresMalformedScripts() {
    var page = extractor.extract(fixture("wordpress-comments.html"), Optional.empty());
    var m = page.metadata();
    assertThat(m.byline()).contains("Alameen Templeton");
    assertThat(m.published()).contains("2024-12-05T15:20:11Z");
    assertThat(m.outlet()).contains("Al Mayadeen English");
    assertThat(m.language()).contains("en");
  }

  @Test
  void dropsCommentWidgetsVotingAndRelatedPostsAfterTheArticle() {
    var page = extractor.extract(fixture("wordpress-comments.html"), Optional.empty());
    String text = text(page);
    assertThat(page.blocks().get(0).text()).startsWith("Hayat Tahrir al-Sham mercenaries");
    assertThat(page.blocks().get(page.blocks().size() - 1).text())
        .startsWith("“Even if the Russians");
    assertThat(text)
        .doesNotContain("Upvote", "Leave a Reply", "Iran preparing", "Written by", "in World");
    assertThat(removed(page, Removal.Reasons.COMMENT_WIDGET))
        .singleElement()
        .asString()
        .contains("Leave a Reply");
    assertThat(removed(page, Removal.Reasons.RELATED_LINK))
        .singleElement()
        .asString()
        .contains("Iran preparing to send troops");
    assertThat(removed(page, Removal.Reasons.BYLINE)).containsExactly("Alameen Templeton");
  }

  @Test
  void readsAWindows1252PageThroughDecoding() throws Exception {
    byte[] raw = bytes("windows-1252.html");
    var decoded = Decoding.decode("windows-1252.html", 0, raw, Optional.empty(), true);
    assertThat(decoded.charset()).isEqualTo("windows-1252");
    var page = extractor.extract(decoded.text(), Optional.empty());
    assertThat(page.metadata().title()).contains("Islamist insurgents enter Hama");
    assertThat(page.blocks()).hasSize(4);
    assertThat(page.blocks().get(0).text()).endsWith("Bashar al-Assad’s control of the country.");
    assertThat(page.blocks().get(2).text())
        .startsWith("“This victory will be vengeanceless and merciful,”");
  }

  @Test
  void returnsNoBlocksForAPageWithoutAnArticle() {
    StringBuilder html =
        new StringBuilder("<html><head><title>Home | News Site</title></head><body><nav><ul>");
    for (int i = 0; i < 30; i++) {
      html.append("<li><a href=/s").append(i).append(">Section ").append(i).append("</a></li>");
    }
    html.append("</ul></nav><div class=teasers><ul>");
    for (int i = 0; i < 20; i++) {
      html.append("<li><a href=/a")
          .append(i)
          .append(">Headline of another story number ")
          .append(i)
          .append(" today</a></li>");
    }
    html.append("</ul></div><footer>Copyright</footer></body></html>");
    var page = extractor.extract(html.toString(), Optional.empty());
    assertThat(page.blocks()).isEmpty();
    assertThat(page.metadata().title()).contains("Home | News Site");
  }

  @Test
  void survivesBrokenHtml() {
    String html =
        "<html><body><div class=article-body><h1>Hama falls<p>Rebels entered the city of Hama on"
            + " Thursday, the army said, after days of fighting.<p>The army said it withdrew <b>to"
            + " protect <i>civilians</b></i>.</div></div></span><p>Residents fled south towards"
            + " Homs, witnesses said, as the rebels advanced.<table><td>x";
    var page = extractor.extract(html, Optional.empty());
    assertThat(text(page))
        .contains("Rebels entered the city of Hama")
        .contains("to protect civilians");
  }

  @Test
  void gathersABodySplitIntoSeveralColumns() {
    String p =
        "<p>Rebels entered the city of Hama on Thursday, the army said, after days of heavy"
            + " fighting %d.</p>";
    StringBuilder html = new StringBuilder("<body><div class=page><section class=story>");
    for (int col = 0; col < 2; col++) {
      html.append("<div class=col><div class=inner>");
      for (int i = 0; i < 4; i++) {
        html.append(String.format(java.util.Locale.ROOT, p, col * 4 + i));
      }
      html.append("</div></div>");
    }
    html.append(
        "</section><div class=sidebar><a href=/a>Another story about something else"
            + " entirely</a></div></div></body>");
    var page = extractor.extract(html.toString(), Optional.empty());
    assertThat(page.blocks()).hasSize(8);
    assertThat(page.blocks().get(7).text()).endsWith("fighting 7.");
  }

  @Test
  void splitsLooseTextAtLineBreaks() {
    String html =
        "<div class=story-body>Rebels entered the city of Hama on Thursday, the army said, after"
            + " days of fighting.<br><br>The army said it had withdrawn, redeploying its forces"
            + " outside the city.<br>Residents fled south towards Homs, witnesses said.</div>";
    var page = extractor.extract(html, Optional.empty());
    assertThat(page.blocks())
        .extracting(SourceLine::text)
        .containsExactly(
            "Rebels entered the city of Hama on Thursday, the army said, after days of fighting.",
            "The army said it had withdrawn, redeploying its forces outside the city.",
            "Residents fled south towards Homs, witnesses said.");
  }

  @Test
  void fallsBackToJsonLdArticleBodyWhenTheMarkupHoldsNothing() {
    String html =
        "<html><head><script"
            + " type=\"application/ld+json\">[{\"@type\":\"WebSite\",\"name\":\"X\"},{\"@type\":[\"ReportageNewsArticle\"],\"headline\":\"Rebels"
            + " take Hama\",\"articleBody\":\"Rebels entered the city of Hama on Thursday after"
            + " days of fighting with government forces.\\n"
            + "\\n"
            + "The army said it had withdrawn to protect civilians, and took positions outside the"
            + " city.\\n"
            + "Residents fled south towards Homs, witnesses said, as the rebels advanced on the"
            + " city.\"}]</script></head><body><div id=root></div><noscript>Please enable"
            + " JavaScript</noscript></body></html>";
    var page = extractor.extract(html, Optional.empty());
    assertThat(page.metadata().title()).contains("Rebels take Hama");
    assertThat(page.blocks()).hasSize(3);
    assertThat(page.blocks().get(1).text()).startsWith("The army said");
    assertThat(html.substring(page.blocks().get(0).offset())).startsWith("<script");
  }

  @Test
  void prefersJsonLdPublisherOverSiteNameAndReadsTypeArrays() {
    String html =
        "<html><head><meta property=og:site_name content=Other><script"
            + " type=application/ld+json>{\"@context\":\"https://schema.org\",\"@type\":[\"NewsArticle\",\"Article\"],\"headline\":\"Rebels"
            + " take Hama\",\"author\":[\"Jane"
            + " Roe\",\"https://example.com/people/x\"],\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"Reuters\"},\"datePublished\":\"December"
            + " 5, 2024\",\"inLanguage\":\"fr-FR\"}</script></head><body><article><p>Rebels entered"
            + " the city of Hama on Thursday after days of fighting.</p></article></body></html>";
    var m = extractor.extract(html, Optional.empty()).metadata();
    assertThat(m.outlet()).contains("Reuters");
    assertThat(m.byline()).contains("Jane Roe");
    assertThat(m.published()).contains("2024-12-05");
    assertThat(m.language()).contains("fr");
  }

  @Test
  void keepsAWrapperWhoseClassNameLooksLikeChrome() {
    String html =
        "<article><div class=\"article-body social-enabled\"><p>Rebels entered the city of Hama on"
            + " Thursday after days of fighting.</p><p>The army said it had withdrawn to protect"
            + " civilians, and took positions outside the city.</p></div><div class=social-share><a"
            + " href=#>Share</a></div></article>";
    var page = extractor.extract(html, Optional.empty());
    assertThat(page.blocks()).hasSize(2);
    assertThat(removed(page, Removal.Reasons.BOILERPLATE)).containsExactly("Share");
  }

  @ParameterizedTest
  @CsvSource({
    "en-GB, en",
    "en_US, en",
    "EN, en",
    "eng, en",
    "fre, fr",
    "zh-Hant-TW, zh",
    "ar, ar",
  })
  void normalisesLanguageToThePrimarySubtag(String tag, String expected) {
    assertThat(LanguageTag.primary(tag)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"english", "", "und", "x-klingon", "12"})
  void rejectsWhatIsNotALanguageCode(String tag) {
    assertThat(LanguageTag.primary(tag)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "Rebels enter Hama | Reuters; Rebels enter Hama",
        "Rebels enter Hama - BBC News; Rebels enter Hama",
        "Syria - rebels enter the city of Hama; Syria - rebels enter the city of Hama",
        "Reuters | Rebels enter Hama; Rebels enter Hama",
        "Rebels enter Hama; Rebels enter Hama",
      })
  void stripsTheSiteNameFromTitles(String title, String expected) {
    assertThat(PageMetadata.stripSite(title, Optional.of("Reuters"), true)).isEqualTo(expected);
  }

  @Test
  void staysFastOnAHugePage() {
    StringBuilder html = new StringBuilder("<html><body><nav>");
    for (int i = 0; i < 2000; i++) {
      html.append("<a href=/n").append(i).append(">Section ").append(i).append("</a>");
    }
    html.append("</nav><div class=content>");
    for (int i = 0; i < 20_000; i++) {
      html.append("<div class=row><div class=cell><p>Paragraph ")
          .append(i)
          .append(
              ", with some words, commas, and <a href=/x>a link</a> to read about"
                  + " Hama.</p></div></div>");
    }
    html.append("</div></body></html>");
    String page = html.toString();
    HtmlPage result =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> extractor.extract(page, Optional.empty()));
    assertThat(result.blocks()).hasSizeGreaterThan(1000);
  }

  @Test
  void survivesElementsNestedDeeperThanTheCallStack() {
    String html =
        "<div class=article-body>"
            + "<div>".repeat(100_000)
            + "<p>Rebels entered the city of Hama on Thursday, the army said, after days of"
            + " fighting.</p>"
            + "<aside>Related</aside>".repeat(3)
            + "<div><p>The army said it had withdrawn to protect civilians.</p>".repeat(20_000);
    HtmlPage page =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> extractor.extract(html, Optional.empty()));
    assertThat(page.blocks()).hasSize(20_001);
    assertThat(removed(page, Removal.Reasons.MARKUP)).hasSize(3);
  }

  @Test
  void neverThrowsOnRandomTagSoup() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String[] pieces = {
      "<p>",
      "</p>",
      "<div class=article-body>",
      "</div>",
      "<article>",
      "</article>",
      "<h1>",
      "</h1>",
      "<br>",
      "<ul><li>",
      "</li></ul>",
      "<script>",
      "</script>",
      "<!--",
      "-->",
      "<figure><figcaption>",
      "</figcaption>",
      "<a href=x>",
      "</a>",
      "<table><tr><td>",
      "&amp;",
      "&#x",
      "<",
      ">",
      "\"",
      "'",
      "<meta property=og:title content=",
      "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":",
      "<html lang=",
      "<time datetime=",
      "Rebels entered Hama, the army said, ",
      "after days of fighting. ",
      "\r\n",
      "\u0000",
      "\uFFFD",
      "é",
    };
    for (int round = 0; round < 300; round++) {
      StringBuilder html = new StringBuilder();
      int n = random.nextInt(200);
      for (int i = 0; i < n; i++) {
        html.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = html.toString();
      try {
        HtmlPage page =
            extractor.extract(
                s, random.nextBoolean() ? Optional.empty() : Optional.of("http://x/y"));
        for (SourceLine b : page.blocks()) {
          assertThat(b.offset()).isBetween(0, Math.max(0, s.length() - 1));
          assertThat(b.text()).isNotBlank();
        }
        for (Removal r : page.removed()) {
          assertThat(r.offset()).isBetween(0, Math.max(0, s.length() - 1));
        }
      } catch (RuntimeException | AssertionError e) {
        fail("seed " + seed + ", round " + round + ", input: " + s, e);
      }
    }
  }
}
