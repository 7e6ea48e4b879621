package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.BriefSentence;
import org.triangulate.model.Claim;
import org.triangulate.model.Derivation;
import org.triangulate.model.Entity;
import org.triangulate.model.Framing;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Quote;
import org.triangulate.model.QuoteGroup;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Span;
import org.triangulate.model.Story;
import org.triangulate.model.TimelineEvent;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

class HtmlReportWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Markup, event handlers, a javascript: link, script ends, line separators and broken UTF-16. */
  static final String HOSTILE =
      "Officials said <script>alert(1)</script> was found in Hama.\n\n"
          + "<img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">click</a> "
          + "</script><script>alert(2)</script> <!-- <script> --> &amp; &lt;b&gt;\n\n"
          + "Line\u2028separator\u2029and lone surrogates \ud800 here \udc00 and \ud83d end "
          + "</SCRIPT ><svg onload=alert(3)> \u0000 nul.";

  static final String PLAIN =
      "Officials said the rebels were found in Hama. Rebels entered the city on Thursday.";

  static Report hostileReport() {
    ArticleMetadata evil =
        new ArticleMetadata(
            Optional.of("<script>alert('title')</script>"),
            Optional.of("<img src=x onerror=alert('byline')>"),
            Optional.of("</script><script>alert('outlet')</script>"),
            Optional.of("2024-12-05"),
            Optional.empty(),
            Optional.of("en"),
            Optional.of("javascript:alert('url')"),
            Optional.empty());
    Article a =
        new Article("a1", "evil.txt", Optional.empty(), "text", evil, HOSTILE, List.of(), List.of());
    Article b =
        new Article(
            "b2", "plain.txt", Optional.empty(), "text", ArticleMetadata.EMPTY, PLAIN, List.of(),
            List.of());
    Span s1 = new Span(0, HOSTILE.indexOf("Hama.") + 5);
    Span s2 = new Span(0, PLAIN.indexOf("Hama.") + 5);
    Story story =
        new Story(
            "s<1>&\"'",
            "</script><script>alert('story')</script>",
            List.of("a1", "b2"),
            Optional.of("2024-12-05"),
            Optional.of("2024-12-05"),
            List.of(new Story.Key("entity", "<b>Hama</b>", 1.0)));
    Link link =
        new Link(
            new Link.Passage("a1", s1),
            new Link.Passage("b2", s2),
            "edited",
            0.8,
            List.of(new Link.Edit("replace", new Span(15, 23), new Span(15, 26))));
    Derivation d =
        new Derivation(
            "a1", "b2", "copy", "known", 0.3, 0.9, 0.7,
            List.of(
                new Derivation.Evidence(
                    "links", "<script>alert('evidence')</script>", Optional.of("a1"),
                    Optional.of(s1))));
    Provenance p =
        new Provenance(story.id(), List.of(link), List.of(d), List.of(), List.of(List.of("a1", "b2")));
    Claim claim =
        new Claim(
            story.id() + "#c1",
            "<script>alert('claim')</script>",
            "contested",
            2,
            List.of(
                new Claim.Assertion("a1", s1, Optional.empty(), Optional.of("<i>1</i>")),
                new Claim.Assertion("b2", s2, Optional.empty(), Optional.of("2"))),
            Optional.of(
                new Claim.Contradiction(
                    "count: <script>", List.of(), "<img src=x onerror=alert('why')>", false)));
    Reconciliation r =
        new Reconciliation(
            story.id(),
            List.of(claim),
            List.of(
                new QuoteGroup(
                    story.id() + "#qg1", Optional.of("e<1>"), List.of("a1#q1"), 1, List.of())),
            List.of(
                new Framing(
                    "e<1>",
                    List.of(
                        new Framing.Label(
                            "a1", "<script>alert('term')</script>", 1, true, false, false, true,
                            List.of(new Span(15, 23)))))),
            List.of(
                new TimelineEvent(
                    "2024-12-05", "<script>alert('event')</script>", List.of("a1"),
                    List.of(new Link.Passage("a1", s1)))),
            List.of(
                new BriefSentence(
                    "<script>alert('brief')</script>", "contested", List.of(claim.id()))));
    Annotations an =
        new Annotations(
            "a1",
            List.of(),
            List.of(
                new Quote(
                    "a1#q1", new Span(15, 40), Optional.of("e<1>"), Optional.empty(),
                    Optional.empty())),
            List.of(),
            List.of());
    Entity e =
        new Entity("e<1>", "<script>alert('entity')</script>", "person", Optional.empty(),
            List.of(), List.of(), 1);
    return new Report(
        2,
        List.of(a, b),
        List.of(story),
        List.of(),
        List.of(e),
        Map.of("a1", an),
        Map.of(story.id(), p),
        Map.of(story.id(), r));
  }

  static String html(Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlReportWriter().write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static final String DATA_OPEN = "<script type=\"application/json\" id=\"data\">";

  /** The page with the data block's content cut out. */
  static String template(String html) {
    int b = html.indexOf(DATA_OPEN) + DATA_OPEN.length();
    int e = html.indexOf("</script>", b);
    return html.substring(0, b) + html.substring(e);
  }

  static String data(String html) {
    int b = html.indexOf(DATA_OPEN) + DATA_OPEN.length();
    return html.substring(b, html.indexOf("</script>", b));
  }

  @Test
  void hostileTextStaysInsideTheEscapedDataBlock() throws IOException {
    Report report = hostileReport();
    String html = html(report);
    String empty = html(new Report(0, List.of(), List.of(), List.of()));

    // Everything outside the data block is the fixed page: nothing of the report leaks there.
    assertThat(template(html)).isEqualTo(template(empty));
    // Exactly two script elements: the data block and the inline script, each closed once.
    assertThat(count(html.toLowerCase(java.util.Locale.ROOT), "<script")).isEqualTo(2);
    assertThat(count(html.toLowerCase(java.util.Locale.ROOT), "</script")).isEqualTo(2);
    String data = data(html);
    assertThat(data).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    assertThat(html).doesNotContain("<script>alert", "<img", "<svg", "onerror=alert(1)>");
    assertThat(data).contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
    assertThat(data).contains("javascript:alert(1)");
  }

  @Test
  void theDataBlockIsTheJsonReport() throws IOException {
    Report report = hostileReport();
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    new JsonReportWriter().write(report, json);
    JsonNode expected = JSON.readTree(json.toByteArray());
    JsonNode actual = JSON.readTree(data(html(report)));
    assertThat(actual).isEqualTo(expected);
    JsonNode text = actual.path("articles").get(0).path("text");
    // Byte for byte the article text, lone surrogates included (written as \\uD800 escapes).
    assertThat(text.asText()).isEqualTo(HOSTILE);
    assertThat(actual.path("stories").get(0).path("title").asText())
        .isEqualTo("</script><script>alert('story')</script>");
  }

  @Test
  void theContentSecurityPolicyHashesTheInlineScriptAndStyle() throws IOException {
    String html = html(hostileReport());
    Matcher csp =
        Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")
            .matcher(html);
    assertThat(csp.find()).isTrue();
    String policy = csp.group(1);
    assertThat(policy).startsWith("default-src 'none'; ");
    String style = between(html, "<style>", "</style>");
    String script = between(html, "</script>\n<script>", "</script>\n</body>");
    assertThat(style).isEqualTo(HtmlReportWriter.STYLE);
    assertThat(script).isEqualTo(HtmlReportWriter.SCRIPT);
    assertThat(policy)
        .contains("script-src 'sha256-" + sha256(script) + "'")
        .contains("style-src 'sha256-" + sha256(style) + "'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
    assertThat(policy).isEqualTo(HtmlReportWriter.contentSecurityPolicy());
  }

  @Test
  void theScriptNeverParsesMarkupAndLoadsNothing() throws IOException {
    String js = HtmlReportWriter.SCRIPT;
    assertThat(js)
        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
            "new Function", "XMLHttpRequest", "setAttribute('style'", ".style.");
    // The only requests are the app form's, to this origin's API (report.html's policy blocks
    // even those, and the script makes them only on the app page's marker).
    assertThat(js.split("fetch\\(", -1).length)
        .isEqualTo(js.split("fetch\\('/api/", -1).length)
        .isGreaterThan(1);
    assertThat(js.toLowerCase(java.util.Locale.ROOT)).doesNotContain("</script");
    assertThat(HtmlReportWriter.STYLE.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("</style", "@import", "url(");
    String page = template(html(hostileReport()));
    assertThat(page.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:", "src=");
  }

  @Test
  void onlyTheAppPageMayTalkToItsOriginAndShowsTheForm() throws IOException {
    String report = html(hostileReport());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlReportWriter(true).write(hostileReport(), out);
    String app = out.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .doesNotContain("<meta name=\"triangulate-app\"", "connect-src")
        .contains("content=\"" + HtmlReportWriter.contentSecurityPolicy() + "\"");
    assertThat(HtmlReportWriter.contentSecurityPolicy()).doesNotContain("connect-src");
    assertThat(HtmlReportWriter.contentSecurityPolicy(true))
        .contains("; connect-src 'self'; ")
        .isEqualTo(HtmlReportWriter.contentSecurityPolicy().replace("; base-uri", "; connect-src 'self'; base-uri"));
    String feed =
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Changes\" href=\"/feed.xml\">\n";
    assertThat(app)
        .contains("<meta name=\"triangulate-app\" content=\"1\">\n" + feed)
        .contains("content=\"" + HtmlReportWriter.contentSecurityPolicy(true) + "\"");
    assertThat(report.substring(0, report.indexOf("<style>"))).doesNotContain("feed.xml");
    // Apart from those three lines, the pages are the same.
    assertThat(app.replace("<meta name=\"triangulate-app\" content=\"1\">\n" + feed, "")
            .replace(HtmlReportWriter.contentSecurityPolicy(true), HtmlReportWriter.contentSecurityPolicy()))
        .isEqualTo(report);
  }

  @Test
  void theSameReportGivesTheSameBytes() throws IOException {
    assertThat(html(hostileReport())).isEqualTo(html(hostileReport()));
  }

  @Test
  void lineSeparatorsSplitAcrossWritesAreStillEscaped() throws IOException {
    // U+2028 is E2 80 A8 in UTF-8; around it stand other E2 sequences (U+2019, U+2014).
    String text = "it\u2019s \u2028\u2014\u2029\u2028 \u20ac";
    Article a =
        new Article("x", "x.txt", Optional.empty(), "text", ArticleMetadata.EMPTY, text, List.of(),
            List.of());
    String html = html(new Report(1, List.of(a), List.of(), List.of()));
    assertThat(data(html)).doesNotContain("\u2028", "\u2029").contains("\\u2028\u2014\\u2029\\u2028");
    assertThat(JSON.readTree(data(html)).path("articles").get(0).path("text").asText())
        .isEqualTo(text);
  }

  private static String between(String s, String open, String close) {
    int b = s.indexOf(open) + open.length();
    return s.substring(b, s.indexOf(close, b));
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static String sha256(String s) {
    try {
      return java.util.Base64.getEncoder()
          .encodeToString(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
