package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triangulate.web.HeadlessChromium.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: headless Chromium (installed from Debian's packages when missing)
 * opens the report {@code analyze} would write ({@link RealPipeline#analyze}) and is driven over the DevTools protocol. Any error in
 * the browser console fails the test.
 *
 * <p>With {@code -Dscreenshot.update=true} it also writes docs/hama-report.png for the README.
 */
class ReportHtmlBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ARTICLE_ROUTE =
      Pattern.compile("^#article=([^&]+)&span=(\\d+)-(\\d+)$");

  @RegisterExtension static final HeadlessChromium.PerClass CHROMIUM = new HeadlessChromium.PerClass();
  @TempDir static Path tmp;
  private static HeadlessChromium browser;

  @BeforeAll
  static void setUp() {
    browser = CHROMIUM.browser();
  }

  private static Path analyze(Path input, String name) throws Exception {
    Path out = tmp.resolve(name);
    return RealPipeline.analyze(input, out);
  }

  private static String url(Path out, String route) {
    return out.resolve("report.html").toUri() + route;
  }

  private static int count(String selector) {
    return browser.eval("document.querySelectorAll(" + js(selector) + ").length").asInt();
  }

  private static String text(String selector) {
    return browser.eval("document.querySelector(" + js(selector) + ").textContent").asText();
  }

  /** "article@begin-end" of a JSON object with an article and a span. */
  private static String spanKey(JsonNode x) {
    JsonNode span = x.get("span");
    return x.get("article").asText() + "@" + span.get(0).asInt() + "-" + span.get(1).asInt();
  }

  private static void assertNoErrors(String where) {
    assertThat(browser.errors()).as("browser console errors on " + where).isEmpty();
  }

  @Test
  void theHamaReportShowsItsStoryGraphClaimsAlignmentAndClicksThroughToTheWords() throws Exception {
    Path out = analyze(Fixtures.HAMA, "hama");
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    JsonNode story = report.get("stories").get(0);
    String sid = story.get("id").asText();

    // The story list shows the one story, with its five articles.
    browser.viewport(1280, 900);
    browser.open(url(out, "#"));
    String storyLink = "a[href=\"#story=" + sid + "\"]";
    browser.waitFor("document.querySelector(" + js(storyLink) + ")");
    assertThat(count("#app tbody tr")).isEqualTo(1);
    assertThat(text(storyLink)).isEqualTo(story.get("title").asText());
    assertThat(text("#app tbody tr td.num")).isEqualTo("5");
    assertNoErrors("the story list");

    // Clicking it opens the story page: the derivation graph, one edge per derivation drawn.
    browser.click(storyLink);
    browser.waitFor("document.querySelector('svg.graph')");
    assertThat(browser.eval("location.hash").asText()).isEqualTo("#story=" + sid);
    int drawn = 0;
    List<String> kinds = new ArrayList<>();
    for (JsonNode d : story.get("derivations")) {
      if (!d.get("kind").asText().equals("independent")) {
        drawn++;
        kinds.add(d.get("kind").asText());
      }
    }
    assertThat(drawn).isPositive();
    assertThat(count("svg.graph line.edge")).isEqualTo(drawn);
    assertThat(count("svg.graph circle.node")).isGreaterThanOrEqualTo(2);
    List<String> labels = new ArrayList<>();
    browser
        .eval("[...document.querySelectorAll('svg.graph text.edge-label')].map(t => t.textContent)")
        .forEach(t -> labels.add(t.asText()));
    assertThat(labels).containsExactlyInAnyOrderElementsOf(kinds);
    assertThat(browser.eval("document.querySelector('svg.graph').getBoundingClientRect().width")
            .asDouble())
        .isGreaterThan(100);
    // Every label lies inside the picture, and no two edge labels overlap.
    ReportHtmlBrowserTest.assertGraphLabelsReadable(browser);

    // Contested claims come first in the matrix, with a source that gives a competing value.
    // 50 claims to a page, with buttons for the rest.
    int claims = story.get("claims").size();
    assertThat(count("table.matrix tbody tr")).isEqualTo(Math.min(claims, 50));
    if (claims > 50) {
      assertThat(text("table.matrix + .pager, .scroll:has(table.matrix) + .pager"))
          .contains("(" + claims + ")");
    }
    assertThat(text("table.matrix tbody tr:first-child .badge")).isEqualTo("contested");
    assertThat(count("table.matrix tbody tr:first-child td.cell-contradicts a")).isPositive();
    assertNoErrors("the story page");

    // Articles go by their labels (no outlet here: the readable part of the file name), the id on
    // hover; the page says how outlets could be given, and once which reports have no date.
    List<String> names = new ArrayList<>();
    browser
        .eval("[...document.querySelectorAll('table.sources tbody tr td:first-child a')].map(a => a.textContent + '|' + a.title)")
        .forEach(t -> names.add(t.asText()));
    List<String> expected = new ArrayList<>();
    for (JsonNode id : story.get("articles")) {
      expected.add(id.asText().substring(0, 3) + "|" + id.asText());
    }
    assertThat(names).containsExactlyElementsOf(expected);
    assertThat(text("p.hint")).contains("No article here names its outlet").contains("--outlet PATTERN=NAME");
    assertThat(text("p.undated")).startsWith("No publication date: 000, 001, 003, 004.");
    String visible = browser.eval("document.querySelector('#app').innerText").asText();
    for (JsonNode id : story.get("articles")) {
      assertThat(visible).as("the story page shows no article id").doesNotContain(id.asText());
    }

    if (Boolean.getBoolean("screenshot.update")) {
      // The sources, the derivation graph and the head of the claims matrix.
      browser.eval("[...document.querySelectorAll('#app h2')]"
          + ".find(h => h.textContent === 'Sources').scrollIntoView()");
      Files.write(Path.of("../docs/hama-report.png"), browser.screenshot());
    }
    byte[] png = browser.screenshot();
    ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertThat(header.getInt()).as("screenshot width").isEqualTo(1280);
    assertThat(header.getInt()).as("screenshot height").isEqualTo(900);

    // A contradicting value cell clicks through to exactly the words that state the value.
    String first = browser.eval("document.querySelector('table.matrix tbody tr:first-child "
        + "td.claim a').textContent").asText();
    JsonNode claim = null;
    for (JsonNode c : story.get("claims")) {
      if (c.get("text").asText().equals(first)) {
        claim = c;
        break;
      }
    }
    assertThat(claim).as("the first row's claim in report.json").isNotNull();
    assertThat(claim.get("status").asText()).isEqualTo("contested");
    Set<String> claimSpans = new HashSet<>();
    for (JsonNode a : claim.get("assertions")) {
      claimSpans.add(spanKey(a));
    }
    String valueCell = "table.matrix tbody tr:first-child td.cell-contradicts a";
    String value = text(valueCell).replaceFirst("^✗ ", "");
    Set<String> valueSpans = new HashSet<>();
    for (JsonNode v : claim.get("contradiction").get("values")) {
      if (v.get("value").asText().equals(value)) {
        for (JsonNode s : v.get("spans")) {
          valueSpans.add(spanKey(s));
        }
      }
    }
    assertThat(valueSpans).as("the words that state " + value).isNotEmpty();
    String hit = clickThrough(report, valueCell, valueSpans);
    assertThat(hit).isNotBlank();

    // So does the claim itself: its first assertion, highlighted in its article.
    browser.open(url(out, "#story=" + sid));
    browser.waitFor("document.querySelector('table.matrix')");
    JsonNode firstAssertion = claim.get("assertions").get(0);
    String claimHit =
        clickThrough(report, "table.matrix tbody tr:first-child td.claim a", claimSpans);
    assertThat(browser.eval("location.hash").asText())
        .isEqualTo("#article=" + firstAssertion.get("article").asText() + "&span="
            + firstAssertion.get("span").get(0) + "-" + firstAssertion.get("span").get(1));
    assertThat(claimHit).isNotBlank();

    // The side-by-side view of 000 and 001 marks every link between them, and the word edits.
    String a = story.get("articles").get(0).asText();
    String b = story.get("articles").get(1).asText();
    assertThat(a).startsWith("000_");
    assertThat(b).startsWith("001_");
    int links = 0;
    int edits = 0;
    for (JsonNode l : story.get("links")) {
      Set<String> pair =
          Set.of(l.get("a").get("article").asText(), l.get("b").get("article").asText());
      if (pair.equals(Set.of(a, b))) {
        links++;
        edits += l.get("edits").size();
      }
    }
    assertThat(links).isPositive();
    assertThat(edits).isPositive();
    browser.open(url(out, "#story=" + sid + "&a=" + a + "&b=" + b));
    browser.waitFor("document.querySelector('#alignment .panes')");
    for (int pane = 1; pane <= 2; pane++) {
      String root = "#alignment .panes > div:nth-child(" + pane + ") ";
      assertThat(browser.eval("new Set([...document.querySelectorAll(" + js(root + "[data-link]")
              + ")].map(e => e.getAttribute('data-link'))).size").asInt())
          .as("linked passages in pane " + pane)
          .isEqualTo(links);
      assertThat(count(root + ".e-replace, " + root + ".e-insert, " + root + ".e-delete"))
          .as("word edits in pane " + pane)
          .isPositive();
    }
    // Clicking a passage on the left focuses its counterpart on the right.
    String left = "#alignment .panes > div:nth-child(1) [data-first]";
    String linkId =
        browser.eval("document.querySelector(" + js(left) + ").getAttribute('data-link')").asText();
    browser.click(left);
    browser.waitFor("document.querySelector('#alignment .panes > div:nth-child(2) "
        + "[data-link=\"" + linkId + "\"].l-focus')");
    assertNoErrors("the alignment view");
  }

  /**
   * Clicks the link {@code selector} on a story page, which must lead to an article view with one
   * highlight holding exactly the words of one of {@code allowed} spans; returns those words.
   */
  private static String clickThrough(JsonNode report, String selector, Set<String> allowed)
      throws InterruptedException {
    browser.click(selector);
    browser.waitFor(
        "location.hash.startsWith('#article=') && document.querySelector('#app .text')");
    String hash = browser.eval("location.hash").asText();
    Matcher m = ARTICLE_ROUTE.matcher(hash);
    assertThat(m.matches()).as(hash).isTrue();
    String article = m.group(1);
    int begin = Integer.parseInt(m.group(2));
    int end = Integer.parseInt(m.group(3));
    assertThat(allowed)
        .as("the spans the finding cites")
        .contains(article + "@" + begin + "-" + end);
    String text = null;
    for (JsonNode x : report.get("articles")) {
      if (x.get("id").asText().equals(article)) {
        text = x.get("text").asText();
      }
    }
    assertThat(text).as("article " + article + " in report.json").isNotNull();
    assertThat(count("#app .text .hit")).isEqualTo(1);
    String hit = text("#app .text .hit");
    assertThat(hit).isEqualTo(text.substring(begin, end));
    // The whole text is there, around the highlight.
    assertThat(text("#app .text")).isEqualTo(text);
    assertNoErrors(hash);
    return hit;
  }

  @Test
  void aHostileArticleRendersAsTextAndRunsNoScript() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("hostile-in"));
    Path hama = Fixtures.hamaFiles().get(0);
    Files.copy(hama, in.resolve(hama.getFileName()));
    String[] paragraphs = Fixtures.hama("000").split("\n\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String title = "Hostile <script>window.__pwned=1</script> copy of the Hama report";
    String markup = "<img src=x onerror=\"window.__pwned=1\"> "
        + "<a href=\"javascript:window.__pwned=1\">x</a> "
        + "</script><script>window.__pwned=2</script> <svg onload=\"window.__pwned=3\"></svg>";
    bytes.writeBytes(
        (title + "\n\n" + markup + "\n\nBroken Unicode: ").getBytes(StandardCharsets.UTF_8));
    // Invalid UTF-8 (a stray byte order mark, a bad continuation, an overlong form, a lone
    // surrogate, a cut-off sequence) around a right-to-left override and a line separator.
    bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, ' ', (byte) 0xc3, '(', ' ', (byte) 0xc0,
        (byte) 0xaf, ' ', (byte) 0xed, (byte) 0xa0, (byte) 0x80, ' '});
    bytes.writeBytes("\u202e reversed \u2028 end ".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xe2, (byte) 0x80, '\n', '\n'});
    String hama4 = String.join("\n\n", List.of(paragraphs).subList(0, 4));
    bytes.writeBytes(hama4.getBytes(StandardCharsets.UTF_8));
    Files.write(in.resolve("hostile.txt"), bytes.toByteArray());

    Path out = analyze(in, "hostile-out");
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    JsonNode hostileArticle = null;
    for (JsonNode x : report.get("articles")) {
      if (x.get("source").asText().endsWith("hostile.txt")) {
        hostileArticle = x;
      }
    }
    assertThat(hostileArticle).isNotNull();
    String hostile = hostileArticle.get("id").asText();
    String sid = null;
    String other = null;
    for (JsonNode s : report.get("stories")) {
      List<String> ids = new ArrayList<>();
      s.get("articles").forEach(x -> ids.add(x.asText()));
      if (ids.contains(hostile)) {
        sid = s.get("id").asText();
        other = ids.stream().filter(x -> !x.equals(hostile)).findFirst().orElse(null);
      }
    }
    assertThat(sid).isNotNull();
    assertThat(other).as("the hostile copy joins the Hama article's story").isNotNull();

    List<String> routes = List.of(
        "#",
        "#story=" + sid,
        "#story=" + sid + "&a=" + other + "&b=" + hostile,
        "#article=" + hostile,
        "#article=" + hostile + "&span=0-20");
    for (String route : routes) {
      browser.open(url(out, route));
      browser.waitFor("document.querySelector('#app h1, #app h2')");
      // Give any injected handler (an image error, an svg load) the time to fire.
      browser.eval("new Promise(r => setTimeout(r, 200))");
      assertThat(browser.eval("typeof window.__pwned").asText()).as(route).isEqualTo("undefined");
      assertThat(count("#app script, #app img, #app svg:not(.graph), #app iframe, #app [onerror], "
              + "#app [onload], #app a[href^=\"javascript:\" i]"))
          .as("markup from the article on " + route)
          .isZero();
      assertThat(browser.eval("document.getElementById('app').textContent").asText())
          .as(route)
          .contains(route.equals("#") ? "Stories" : "<script>window.__pwned=");
      assertNoErrors(route);
    }
    // The article view shows the markup as text, and the title as the heading.
    assertThat(text("#app h1")).isEqualTo(title);
    assertThat(text("#app .text"))
        .isEqualTo(hostileArticle.get("text").asText())
        .contains(markup);

    // The console check can fail: an inline script added now breaks the page's policy, which
    // blocks it and reports the violation as an error.
    browser.eval("(() => { const s = document.createElement('script');"
        + " s.textContent = 'window.__pwned = 4'; document.body.appendChild(s); })()");
    browser.eval("new Promise(r => setTimeout(r, 200))");
    assertThat(browser.eval("typeof window.__pwned").asText()).isEqualTo("undefined");
    assertThat(browser.errors()).anyMatch(e -> e.contains("Content Security Policy"));
    browser.clearErrors();
  }

  /** Every label of the derivation graph lies inside the picture, and no two edge labels overlap. */
  static void assertGraphLabelsReadable(HeadlessChromium browser) {
    assertThat(browser.eval("(() => { const g = document.querySelector('svg.graph');"
            + " const v = g.viewBox.baseVal;"
            + " return [...g.querySelectorAll('text')].map(t => t.getBBox())"
            + ".filter(b => b.x < v.x || b.y < v.y || b.x + b.width > v.x + v.width"
            + " || b.y + b.height > v.y + v.height).length; })()").asInt())
        .as("labels outside the graph")
        .isZero();
    assertThat(browser.eval("(() => { const b = [...document.querySelectorAll('svg.graph "
            + "text.edge-label')].map(t => t.getBBox()); let n = 0;"
            + " b.forEach((p, i) => b.slice(i + 1).forEach(q => { if (p.x < q.x + q.width"
            + " && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height) n++; }));"
            + " return n; })()").asInt())
        .as("overlapping edge labels")
        .isZero();
  }
}
