package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triangulate.web.HeadlessChromium.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.model.Article;
import org.triangulate.pipeline.Pipeline;

/**
 * The search box and the "new since your last visit" box of the page {@code triangulate serve}
 * sends, in headless Chromium against the real app: a word of a Hama article is found and its
 * result opens the article with the words highlighted; a hostile query stays text; an article
 * another reader adds (POSTed by the test) is announced after a reload, with a badge on its
 * story's row, until "Mark as seen", which survives a reload; the reader's own additions through
 * the form are never announced. report.html has neither box and makes no request. The annotate
 * stage is off to keep the runtime modest. Any console error fails the test.
 */
class ServeSearchAndChangesBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ARTICLE_SPAN = Pattern.compile("^#article=([^&]+)&span=(\\d+)-(\\d+)$");
  private static final String BOX = "document.getElementById('changes')";
  /** True once the page's check of /api/changes answered. */
  private static final String CHECKED = "document.querySelector('#changes[data-generation]')";

  @TempDir Path tmp;

  @Test
  void searchesAndAnnouncesOtherReadersAdditionsUntilMarkedAsSeen() throws Exception {
    Path in = Fixtures.threeHamaReports(tmp);
    Path dir = tmp.resolve("corpus");
    List<AutoCloseable> closing = new ArrayList<>();
    org.triangulate.store.StoredPipeline corpus =
        RealPipeline.stored(dir, new Pipeline.Options(2, false), closing);
    ServeApp server = null;
    HeadlessChromium browser = null;
    try {
      server = ServeApp.start(
          corpus, List.of(in.toString()), dir, new PrintWriter(new StringWriter()), "127.0.0.1", 0);
      browser = HeadlessChromium.start(
          HeadlessChromium.binary(), Files.createDirectories(tmp.resolve("profile")));
      HeadlessChromium b = browser;
      String base = "http://127.0.0.1:" + server.port() + "/";
      HttpClient http = HttpClient.newHttpClient();
      b.viewport(1280, 900);

      // A first visit: the current generation is stored, nothing is announced.
      b.open(base + "#");
      b.waitFor("document.querySelector('#search form') && " + CHECKED);
      long first = get(http, base + "api/changes?since=0&limit=0").get("generation").asLong();
      assertThat(first).isPositive();
      assertThat(b.eval("localStorage.getItem('triangulate.seen')").asText())
          .isEqualTo(Long.toString(first));
      assertThat(b.eval(BOX + ".hidden").asBoolean()).isTrue();
      assertThat(b.eval("document.querySelectorAll('#app .change-mark').length").asInt()).isZero();
      assertThat(b.eval("document.querySelector('link[rel=alternate][type=\"application/atom+xml\"]')"
              + ".getAttribute('href')").asText())
          .isEqualTo("/feed.xml");
      assertThat(b.eval("document.querySelector('#search input[type=search]').labels[0].textContent")
              .asText())
          .isEqualTo("Search articles, claims, quotes and names");

      // A word of the Hama report 000 is found; its result opens the article with it highlighted.
      search(b, "vengeanceless");
      String status = "document.querySelector('#search [role=status]').textContent";
      assertThat(b.eval(status).asText()).matches("\\d+ results? for “vengeanceless”\\.");
      assertThat(b.eval("[...document.querySelectorAll('#search .search-hit mark')]"
              + ".map(m => m.textContent.toLowerCase())"))
          .extracting(JsonNode::asText)
          .contains("vengeanceless");
      int hits = b.eval("document.querySelectorAll('#search .search-hit').length").asInt();
      String spanHit = "#search .search-hit a[href*='&span=']";
      assertThat(b.eval("document.querySelector(" + js(spanHit) + ") !== null").asBoolean()).isTrue();
      b.click(spanHit);
      b.waitFor("location.hash.startsWith('#article=') && document.querySelector('#app .text .hit')");
      Matcher m = ARTICLE_SPAN.matcher(b.eval("location.hash").asText());
      assertThat(m.matches()).isTrue();
      String text = article(server, m.group(1)).text();
      String words = text.substring(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      assertThat(b.eval("document.querySelector('#app .text .hit').textContent").asText())
          .isEqualTo(words)
          .containsIgnoringCase("vengeanceless");
      assertThat(b.errors()).as("console errors after the search").isEmpty();

      // Back on the list, the query and its results are there again.
      b.eval("history.back()");
      b.waitFor("document.querySelector('#search .search-hit')");
      assertThat(b.eval("document.querySelector('#search input').value").asText())
          .isEqualTo("vengeanceless");
      assertThat(b.eval("document.querySelectorAll('#search .search-hit').length").asInt())
          .isEqualTo(hits);

      // A hostile query is text, in the box and in the answer.
      String hostile = "<img src=x onerror=\"window.__pwned=1\">";
      search(b, hostile);
      assertThat(b.eval(status).asText()).contains("“" + hostile + "”");
      assertThat(b.eval("document.querySelector('#search input').value").asText()).isEqualTo(hostile);
      b.eval("new Promise(r => setTimeout(r, 200))");
      assertThat(b.eval("document.querySelectorAll('#app img, #app [onerror]').length").asInt())
          .isZero();
      assertThat(b.eval("typeof window.__pwned").asText()).isEqualTo("undefined");

      // Another reader adds the Hama report 001: after a reload the box names its story, whose
      // row carries a badge.
      JsonNode added = post(http, base, Fixtures.hama("001"));
      String id = added.get("articles").get(0).get("id").asText();
      String story = added.get("articles").get(0).get("stories").get(0).asText();
      JsonNode changes = get(http, base + "api/changes?since=" + first);
      assertThat(changes.get("changes")).hasSize(1);
      JsonNode change = changes.get("changes").get(0);
      long second = change.get("generation").asLong();
      b.open(base + "#");
      b.waitFor(CHECKED + " && !" + BOX + ".hidden");
      assertThat(b.eval(BOX + ".textContent").asText())
          .startsWith("New since your last visit")
          .contains("Since your last visit: ")
          .contains(story);
      assertThat(b.eval("document.querySelector('#changes a[href=" + js("#story=" + story) + "]') !== null")
              .asBoolean())
          .isTrue();
      List<String> lines = texts(b, "#changes li");
      List<String> summary = new ArrayList<>();
      change.get("summary").forEach(x -> summary.add(x.asText()));
      assertThat(lines).hasSize(summary.size());
      for (int i = 0; i < lines.size(); i++) {
        assertThat(lines.get(i)).startsWith(summary.get(i));
      }
      String badge = isIn(change.get("change").get("newStories"), story) ? "new" : "new articles";
      String row = "#app tr[data-story=" + js(story) + "] .change-mark";
      List<String> badges = texts(b, row);
      assertThat(badges).contains(badge);
      if (change.get("change").get("contested").size() > 0) {
        assertThat(b.eval("document.querySelector('#changes .change-contested a[href^=\"#article=\"]')"
                + " !== null").asBoolean())
            .as("a newly contested claim links to the article that contests it")
            .isTrue();
      }
      assertThat(b.errors()).as("console errors on the announced list").isEmpty();

      // The reader adds the Hama report 004 through the form: that is not announced, but what the
      // other reader added still is.
      b.eval("document.querySelector('#add textarea').value = " + js(Fixtures.hama("004")));
      b.click("#add button[type=submit]");
      b.waitFor("/^Added 1 article/.test(document.querySelector('#add .add-result').textContent)");
      String own = server.report().articles().stream()
          .filter(a -> a.source().contains("pasted") && !a.id().equals(id))
          .findFirst()
          .orElseThrow()
          .id();
      long third = get(http, base + "api/changes?since=0&limit=0").get("generation").asLong();
      assertThat(third).isGreaterThan(second);
      b.open(base + "#");
      b.waitFor(CHECKED + " && !" + BOX + ".hidden");
      assertThat(texts(b, "#changes li")).hasSize(summary.size()).noneMatch(x -> x.contains(own));
      assertThat(b.eval("localStorage.getItem('triangulate.seen')").asText())
          .isEqualTo(Long.toString(first));
      assertThat(b.eval("localStorage.getItem('triangulate.own')").asText())
          .isEqualTo("[" + third + "]");
      assertThat(texts(b, row)).contains(badge);

      // "Mark as seen" clears the box and the badges, also after a reload.
      b.click("#changes button");
      b.waitFor(BOX + ".hidden");
      assertThat(b.eval("document.querySelectorAll('#app .change-mark').length").asInt()).isZero();
      assertThat(b.eval("localStorage.getItem('triangulate.seen')").asText())
          .isEqualTo(Long.toString(third));
      b.open(base + "#");
      b.waitFor(CHECKED);
      assertThat(b.eval(BOX + ".hidden").asBoolean()).isTrue();
      assertThat(b.eval("document.querySelectorAll('#app .change-mark').length").asInt()).isZero();

      // With nothing else unseen, the reader's own addition moves the stored generation on.
      String[] paragraphs = Fixtures.hama("001").split("\n+");
      String copy = "An edited copy of the Hama report.\n\n"
          + String.join("\n\n", List.of(paragraphs).subList(0, 5));
      b.eval("document.querySelector('#add textarea').value = " + js(copy));
      b.click("#add button[type=submit]");
      b.waitFor("/^Added 1 article/.test(document.querySelector('#add .add-result').textContent)");
      long fourth = get(http, base + "api/changes?since=0&limit=0").get("generation").asLong();
      assertThat(fourth).isGreaterThan(third);
      assertThat(b.eval("localStorage.getItem('triangulate.seen')").asText())
          .isEqualTo(Long.toString(fourth));
      assertThat(b.eval("localStorage.getItem('triangulate.own')").asText()).isEqualTo("[]");
      assertThat(b.eval(BOX + ".hidden").asBoolean()).isTrue();
      assertThat(b.errors()).as("console errors after the reader's additions").isEmpty();

      // A claim newly contested and one with a new source, in a change the page is made to see
      // (the Hama reports without the annotate stage have no claims): the counts, a link to the
      // article that contests the claim, a badge on the row. The change is one generation ahead of
      // the corpus, so once it is marked as seen the next visit finds a stored generation above
      // the current one and starts afresh, as for another corpus at this origin.
      String claimText = "Homs is located just 60 km (37 mi) south of Hama.";
      String contestedLine = "Claim '" + claimText + "' is now contested after article " + id;
      String gainedLine = "Claim 'Rebels entered Hama.' has 2 independent sources (was 1)";
      String fake = "{generation: g, committed: '2026-12-07T12:00:00Z', summary: ["
          + js(contestedLine) + ", " + js(gainedLine) + "], change: {schema: 'triangulate.change/1',"
          + " articles: [], newStories: [], grownStories: [], contested: [{story: " + js(story)
          + ", claim: " + js(story + "#c1") + ", text: " + js(claimText) + ", slot: 'distance',"
          + " values: [{value: '40 km', articles: [" + js(own) + "]}, {value: '60 km', articles: ["
          + js(id) + "]}], explanation: '60 km vs 40 km', articles: [" + js(id) + "],"
          + " previous: null}], gainedSources: [{story: " + js(story) + ", claim: "
          + js(story + "#c2") + ", text: 'Rebels entered Hama.', status: 'corroborated',"
          + " before: 1, after: 2, articles: [" + js(id) + "], previous: null}]}}";
      String script = b.call("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
              "(() => { const real = window.fetch; window.fetch = function (url, init) {"
                  + " const m = /^\\/api\\/changes\\?since=(\\d+)$/.exec(String(url));"
                  + " if (!m) { return real.apply(this, arguments); }"
                  + " const g = Number(m[1]) + 1;"
                  + " return Promise.resolve(new Response(JSON.stringify({generation: g, changes: ["
                  + fake + "]}), {status: 200, headers: {'Content-Type': 'application/json'}}));"
                  + " }; })()"))
          .get("identifier").asText();
      b.open(base + "#");
      b.waitFor(CHECKED + " && !" + BOX + ".hidden");
      assertThat(b.eval(BOX + ".textContent").asText())
          .contains("Since your last visit: 0 new stories, 0 stories with new articles,"
              + " 1 claim now contested, 1 claim with a new independent source.");
      assertThat(texts(b, "#changes li"))
          .satisfiesExactly(x -> assertThat(x).startsWith(contestedLine),
              x -> assertThat(x).startsWith(gainedLine));
      assertThat(b.eval("document.querySelector('#changes .change-contested a[href^=\"#article=\"]')"
              + ".getAttribute('href')").asText())
          .isEqualTo("#article=" + id);
      assertThat(texts(b, row)).containsExactly("newly contested");
      b.click("#changes button");
      b.waitFor(BOX + ".hidden");
      assertThat(b.eval("localStorage.getItem('triangulate.seen')").asText())
          .isEqualTo(Long.toString(fourth + 1));
      b.call("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", script));
      b.open(base + "#");
      b.waitFor(CHECKED);
      assertThat(b.eval(BOX + ".hidden").asBoolean()).isTrue();
      assertThat(b.eval("localStorage.getItem('triangulate.seen')").asText())
          .isEqualTo(Long.toString(fourth));
      assertThat(b.errors()).as("console errors with the made-up change").isEmpty();

      // report.html (offline) has neither box, links no feed and makes no request.
      Path html = tmp.resolve("report.html");
      try (OutputStream out = Files.newOutputStream(html)) {
        new HtmlReportWriter(false).write(server.report(), out);
      }
      b.open(html.toUri() + "#");
      b.waitFor("document.querySelector('#app h1')");
      b.eval("new Promise(r => setTimeout(r, 300))");
      assertThat(b.eval("document.querySelectorAll('#search, #changes, input[type=search], "
              + "link[rel=alternate], .change-mark').length").asInt())
          .isZero();
      assertThat(b.eval("performance.getEntriesByType('resource').length").asInt()).isZero();
      assertThat(b.errors()).as("console errors on report.html").isEmpty();
    } finally {
      if (browser != null) {
        browser.close();
      }
      if (server != null) {
        server.stop();
      }
      for (AutoCloseable c : closing) {
        c.close();
      }
    }
  }

  /** Types {@code query} into the search box, submits it and waits for the answer. */
  private static void search(HeadlessChromium b, String query) throws InterruptedException {
    b.eval("document.querySelector('#search input').value = " + js(query));
    b.click("#search button[type=submit]");
    b.waitFor("(s => s.includes(" + js(query) + ") && !s.startsWith('Searching'))"
        + "(document.querySelector('#search [role=status]').textContent)");
  }

  private static List<String> texts(HeadlessChromium b, String selector) {
    List<String> out = new ArrayList<>();
    b.eval("[...document.querySelectorAll(" + js(selector) + ")].map(e => e.textContent)")
        .forEach(x -> out.add(x.asText()));
    return out;
  }

  private static boolean isIn(JsonNode stories, String id) {
    for (JsonNode s : stories) {
      if (s.get("id").asText().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static Article article(ServeApp server, String id) {
    return server.report().articles().stream()
        .filter(a -> a.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no article " + id));
  }

  private static JsonNode get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as("GET " + url + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Adds {@code text} as another reader would, through the API; returns the 201 answer. */
  private static JsonNode post(HttpClient http, String base, String text) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create(base + "api/articles?title="
                + URLEncoder.encode("Another reader's copy", StandardCharsets.UTF_8)))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as("POST /api/articles: " + r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }
}
