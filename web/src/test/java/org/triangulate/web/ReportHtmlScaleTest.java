package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triangulate.web.HeadlessChromium.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.web.HtmlReportWriter;

/**
 * report.html at scale, in headless Chromium: a report of 5,000 stories and a story of 500
 * articles, both built from the Hama report by replicating its articles under new ids (no NLP run
 * beyond the one Hama analysis). Asserts that the views stay bounded (pages of rows, a page of
 * matrix columns, a limited graph) and work; prints the load and render times the page measures.
 */
class ReportHtmlScaleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int COPIES = 100; // 100 copies of the five Hama articles: 500 articles
  private static final int GROUPS = 5; // claims, quote groups, timeline: five renamed sets
  private static final int STORIES = 5000;

  @RegisterExtension static final HeadlessChromium.PerClass CHROMIUM = new HeadlessChromium.PerClass();
  @TempDir static Path tmp;
  private static HeadlessChromium browser;
  private static JsonNode hama;

  @BeforeAll
  static void setUp() throws Exception {
    browser = CHROMIUM.browser();
    Path out = tmp.resolve("hama");
    RealPipeline.analyze(Fixtures.HAMA, out);
    hama = JSON.readTree(out.resolve("report.json").toFile());
  }

  private static List<String> ids() {
    List<String> ids = new ArrayList<>();
    hama.get("stories").get(0).get("articles").forEach(x -> ids.add(x.asText()));
    return ids;
  }

  /** {@code node} with every Hama article id renamed to its copy {@code k} (and the story id). */
  private static JsonNode copy(JsonNode node, int k, String storyId) throws Exception {
    String s = JSON.writeValueAsString(node);
    for (String id : ids()) {
      s = s.replace(id, id + "-" + k);
    }
    s = s.replace(hama.get("stories").get(0).get("id").asText(), storyId);
    return JSON.readTree(s);
  }

  private static ObjectNode article(int k, int i) throws Exception {
    ObjectNode a = (ObjectNode) copy(hama.get("articles").get(i), k, "");
    a.put("outlet", "Outlet " + k + "-" + i);
    a.put("title", "Copy " + k + " of Hama report " + i);
    a.put("text", a.get("text").asText() + "\n\nCopy " + k + ".");
    return a;
  }

  private static ObjectNode base(ArrayNode articles, ArrayNode stories) {
    ObjectNode r = hama.deepCopy();
    r.set("articles", articles);
    r.set("stories", stories);
    ObjectNode sm = (ObjectNode) r.get("summary");
    sm.put("articles", articles.size());
    sm.put("stories", stories.size());
    sm.put("inputs", articles.size());
    return r;
  }

  /** Items of the Hama story's {@code field}, in GROUPS sets, each spread over COPIES/GROUPS copies. */
  private static ArrayNode spread(String field, String suffixField, String sid, String... lists)
      throws Exception {
    ArrayNode out = JSON.createArrayNode();
    int per = COPIES / GROUPS;
    for (int g = 0; g < GROUPS; g++) {
      for (JsonNode item : hama.get("stories").get(0).get(field)) {
        ObjectNode first = (ObjectNode) copy(item, g * per, sid);
        if (suffixField != null) {
          first.put(suffixField, first.get(suffixField).asText() + "-" + g);
        }
        for (String list : lists) {
          ArrayNode all = JSON.createArrayNode();
          for (int k = g * per; k < (g + 1) * per; k++) {
            all.addAll((ArrayNode) copy(item.get(list), k, sid));
          }
          first.set(list, all);
        }
        out.add(first);
      }
    }
    return out;
  }

  private static Path bigStory() throws Exception {
    String sid = "s-big";
    JsonNode h = hama.get("stories").get(0);
    ArrayNode articles = JSON.createArrayNode();
    ObjectNode s = h.deepCopy();
    s.put("id", sid);
    ArrayNode ids = JSON.createArrayNode();
    for (String key : List.of("links", "derivations", "credits", "independentSources")) {
      s.set(key, JSON.createArrayNode());
    }
    ArrayNode framing = (ArrayNode) copy(h.get("framing"), 0, sid);
    for (int k = 0; k < COPIES; k++) {
      for (int i = 0; i < 5; i++) {
        articles.add(article(k, i));
        ids.add(ids().get(i) + "-" + k);
      }
      for (String key : List.of("links", "derivations", "credits", "independentSources")) {
        ((ArrayNode) s.get(key)).addAll((ArrayNode) copy(h.get(key), k, sid));
      }
      if (k > 0) {
        JsonNode f = copy(h.get("framing"), k, sid);
        for (int e = 0; e < framing.size(); e++) {
          ((ArrayNode) framing.get(e).get("labels")).addAll((ArrayNode) f.get(e).get("labels"));
        }
      }
    }
    s.set("articles", ids);
    s.set("framing", framing);
    s.set("claims", spread("claims", "id", sid, "assertions"));
    s.set("quoteGroups", spread("quoteGroups", "id", sid, "quotes"));
    s.set("timeline", spread("timeline", null, sid, "articles", "spans"));
    ArrayNode brief = (ArrayNode) copy(h.get("brief"), 0, sid);
    brief.forEach(b -> {
      ArrayNode cs = JSON.createArrayNode();
      b.get("claims").forEach(c -> cs.add(c.asText() + "-0"));
      ((ObjectNode) b).set("claims", cs);
    });
    s.set("brief", brief);
    return write("big", base(articles, JSON.createArrayNode().add(s)));
  }

  private static Path manyStories() throws Exception {
    JsonNode h = hama.get("stories").get(0);
    ArrayNode articles = JSON.createArrayNode();
    ArrayNode stories = JSON.createArrayNode();
    for (int n = 0; n < STORIES; n++) {
      int i = n % 5;
      ObjectNode a = article(n, i);
      for (String key : List.of("mentions", "quantities", "times")) {
        a.set(key, JSON.createArrayNode());
      }
      String id = a.get("id").asText();
      articles.add(a);
      ObjectNode s = JSON.createObjectNode();
      s.put("id", String.format("s-%05d", n));
      s.put("title", "Story " + (n * 7919 % STORIES) + ": " + h.get("title").asText());
      s.set("articles", JSON.createArrayNode().add(id));
      String day = String.format("2024-%02d-%02d", 1 + n % 12, 1 + n % 28);
      s.put("first", day);
      s.put("last", day);
      s.set("keys", JSON.createArrayNode());
      for (String key : List.of("links", "derivations", "credits", "quoteGroups", "framing",
          "timeline", "brief")) {
        s.set(key, JSON.createArrayNode());
      }
      s.set("independentSources", JSON.createArrayNode().add(JSON.createArrayNode().add(id)));
      ArrayNode claims = JSON.createArrayNode();
      for (JsonNode c : copy(h.get("claims"), n, s.get("id").asText())) {
        if (claims.size() >= n % 7) {
          break;
        }
        ArrayNode as = JSON.createArrayNode();
        c.get("assertions").forEach(x -> {
          if (x.get("article").asText().equals(id)) {
            as.add(x);
          }
        });
        if (!as.isEmpty()) {
          ((ObjectNode) c).set("assertions", as);
          claims.add(c);
        }
      }
      s.set("claims", claims);
      stories.add(s);
    }
    return write("many", base(articles, stories));
  }

  private static Path write(String name, JsonNode report) throws Exception {
    Path out = Files.createDirectories(tmp.resolve(name)).resolve("report.html");
    try (OutputStream o = Files.newOutputStream(out)) {
      new HtmlReportWriter().write(JSON.writeValueAsBytes(report), o);
    }
    return out;
  }

  private static int count(String selector) {
    return browser.eval("document.querySelectorAll(" + js(selector) + ").length").asInt();
  }

  /** Opens {@code page} and returns when the script has rendered (DOMContentLoaded), in ms. */
  private static double open(String url, String ready) throws Exception {
    browser.open(url);
    browser.waitFor(ready);
    return browser.eval("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
        .asDouble();
  }

  /** Goes to {@code hash} and returns the time the render and a layout took, in ms. */
  private static double go(String hash) {
    return browser.eval("new Promise(r => { const t0 = performance.now();"
        + " addEventListener('hashchange', () => { document.body.offsetHeight;"
        + " r(performance.now() - t0); }, { once: true }); location.hash = " + js(hash) + "; })")
        .asDouble();
  }

  @Test
  void aReportOfFiveThousandStoriesShowsAPageOfThemAndSorts() throws Exception {
    Path page = manyStories();
    browser.viewport(1280, 900);
    double load = open(page.toUri() + "#", "document.querySelector('#app tbody tr')");
    assertThat(count("#app table tbody tr")).isEqualTo(50);
    assertThat(browser.eval("document.querySelector('#app .pager').textContent").asText())
        .contains("(" + STORIES + ")");
    double sort = go("#sort=title");
    List<String> titles = new ArrayList<>();
    browser.eval("[...document.querySelectorAll('#app tbody tr td:first-child')]"
        + ".map(t => t.textContent)").forEach(t -> titles.add(t.asText()));
    assertThat(titles).hasSize(50);
    assertThat(browser.eval("(() => { const t = [...document.querySelectorAll("
        + "'#app tbody tr td:first-child')].map(t => t.textContent);"
        + " return t.every((x, i) => i === 0 || t[i - 1].localeCompare(x) <= 0); })()")
        .asBoolean()).as("titles in order").isTrue();
    assertThat(titles.get(0)).startsWith("Story 0:");
    double contested = go("#sort=contested");
    assertThat(count("#app table tbody tr")).isEqualTo(50);
    browser.click("#app .pager button:nth-of-type(2)");
    assertThat(browser.eval("document.querySelector('#app .pager').textContent").asText())
        .startsWith("PreviousNextpage 2 of 100");
    assertThat(count("#app *")).as("elements in the page").isLessThan(2000);
    System.out.printf("scale: %d stories, %.1f MB: load and first render %.0f ms,"
            + " sort by title %.0f ms, by contested claims %.0f ms%n",
        STORIES, Files.size(page) / 1e6, load, sort, contested);
  }

  @Test
  void aStoryOfFiveHundredArticlesRendersEverySectionInPages() throws Exception {
    Path page = bigStory();
    browser.viewport(1280, 900);
    double load = open(page.toUri() + "#", "document.querySelector('#app tbody tr')");
    double render = go("#story=s-big");
    for (String h2 : List.of("Brief", "Sources", "Derivation graph", "Claims", "Quotes",
        "Framing", "Timeline", "Compare two articles")) {
      assertThat(browser.eval("[...document.querySelectorAll('#app h2')]"
          + ".some(h => h.textContent === " + js(h2) + ")").asBoolean()).as(h2).isTrue();
    }
    // The sources table and the claims matrix show a page of rows, the matrix a page of columns.
    assertThat(count("#app table.sources tbody tr")).isEqualTo(50);
    int claims = GROUPS * hama.get("stories").get(0).get("claims").size();
    assertThat(count("table.matrix tbody tr")).isEqualTo(50);
    assertThat(count("table.matrix thead th")).isLessThanOrEqualTo(2 + 20);
    assertThat(browser.eval("document.querySelector('.col-pager').textContent").asText())
        .contains("(500)");
    assertThat(browser.eval("[...document.querySelectorAll('.pager')].map(p => p.textContent)"
        + ".join('|')").asText()).contains("(" + claims + ")");
    // The next page of columns shows the next sources.
    String firstColumn = browser.eval("document.querySelector('table.matrix thead th:nth-child(3)')"
        + ".textContent").asText();
    browser.click(".col-pager button:nth-of-type(2)");
    assertThat(browser.eval("document.querySelector('table.matrix thead th:nth-child(3)')"
        + ".textContent").asText()).isNotEqualTo(firstColumn);
    // The graph draws a bounded number of nodes and only non-independent edges, and says so.
    assertThat(count("svg.graph circle.node")).isBetween(2, 40);
    assertThat(count("svg.graph line.edge")).isPositive().isLessThan(200);
    assertThat(browser.eval("document.querySelector('svg.graph').closest('.scroll')"
        + ".previousElementSibling.textContent").asText()).contains("Drawn: 40 of the 500 articles");
    // Each group of related articles on its own small circle: the picture stays about a screen
    // wide, with every label inside it and no two edge labels on top of each other.
    assertThat(browser.eval("document.querySelector('svg.graph').viewBox.baseVal.width").asDouble())
        .isLessThanOrEqualTo(1300);
    ReportHtmlBrowserTest.assertGraphLabelsReadable(browser);
    if (System.getProperty("scale.screenshot") != null) {
      browser.eval("document.querySelector('svg.graph').scrollIntoView()");
      Files.write(Path.of(System.getProperty("scale.screenshot")), browser.screenshot());
    }
    int elements = count("#app *");
    assertThat(elements).as("elements in the story page").isLessThan(20000);
    assertThat(count("#app tr")).as("table rows in the story page").isLessThan(1000);

    // Side by side: two copies of 000 and 001.
    String a = ids().get(0) + "-7";
    String b = ids().get(1) + "-7";
    double side = go("#story=s-big&a=" + a + "&b=" + b);
    assertThat(count("#alignment .panes > div:nth-child(1) [data-link]")).isPositive();
    assertThat(count("#alignment .panes > div:nth-child(2) [data-link]")).isPositive();
    browser.click("#alignment .panes > div:nth-child(1) [data-first]");
    browser.waitFor("document.querySelector('#alignment .panes > div:nth-child(2) .l-focus')");
    System.out.printf("scale: a story of %d articles, %d claims, %.1f MB: load %.0f ms,"
            + " story page %.0f ms (%d elements), side by side %.0f ms%n",
        COPIES * 5, claims, Files.size(page) / 1e6, load, render, elements, side);
  }
}
