package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triangulate.web.HeadlessChromium.js;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.pipeline.Pipeline;

/**
 * The page {@code triangulate serve} sends, in headless Chromium: its add-an-article form posts a
 * hostile article pasted with a hostile headline, the stories update in place, the new article
 * shows its markup as text and runs none of it; a file the reader rejects shows the server's
 * message. The annotate stage is off to keep the runtime modest. Any console error but the
 * network log of that expected 400 fails the test.
 */
class ServeBrowserTest {

  @TempDir Path tmp;

  @Test
  void theFormAddsAHostileArticleAndTheStoriesUpdateWithoutRunningIt() throws Exception {
    Path in = Fixtures.threeHamaReports(tmp);
    Path dir = tmp.resolve("corpus");

    List<AutoCloseable> closing = new java.util.ArrayList<>();
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

      // The story list, with the form under it.
      b.viewport(1280, 900);
      b.open(base + "#");
      b.waitFor("document.querySelector('#add form')");
      assertThat(b.eval("document.querySelectorAll('#app tbody tr').length").asInt())
          .isEqualTo(server.report().stories().size())
          .isPositive();
      String summary = "document.querySelector('#app h1 + p').textContent";
      assertThat(b.eval(summary).asText()).startsWith("3 articles in ");
      int storiesBefore = server.report().stories().size();

      // Paste a hostile copy of the Hama report, with a hostile headline, and click Add.
      String title = "Hostile <script>window.__pwned=1</script> copy of the Hama report";
      String markup = "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> "
          + "<a href=\"javascript:window.__pwned=1\">x</a>";
      String[] paragraphs = Fixtures.hama("001").split("\n+");
      String text = markup + "\n\n" + String.join("\n\n", List.of(paragraphs).subList(0, 5));
      b.eval("(() => { document.querySelector('#add input[name=title]').value = " + js(title)
          + "; document.querySelector('#add textarea').value = " + js(text) + "; })()");
      b.click("#add button[type=submit]");
      b.waitFor("/^Added 1 article/.test(document.querySelector('#add .add-result').textContent)");

      // The view was drawn again from /api/report: one more article, and it joined a story.
      assertThat(b.eval(summary).asText()).startsWith("4 articles in ");
      assertThat(server.report().articles()).hasSize(4);
      assertThat(b.eval("document.querySelectorAll('#app tbody tr').length").asInt())
          .isEqualTo(server.report().stories().size());
      String id = server.report().articles().stream()
          .filter(a -> a.source().contains("pasted"))
          .findFirst()
          .orElseThrow()
          .id();
      String storyOf = server.report().stories().stream()
          .filter(s -> s.articles().contains(id))
          .findFirst()
          .orElseThrow()
          .id();
      assertThat(server.report().stories()).hasSizeLessThanOrEqualTo(storiesBefore + 1);
      assertThat(b.eval("[...document.querySelectorAll('#add .add-result a')]"
              + ".map(a => a.getAttribute('href'))"))
          .extracting(x -> x.asText())
          .containsExactly("#article=" + id, "#story=" + storyOf);
      assertThat(b.eval("typeof window.__pwned").asText()).isEqualTo("undefined");
      assertThat(b.errors()).as("console errors after adding").isEmpty();

      // The result links to the article; it shows the headline and markup as text.
      b.click("#add .add-result a[href^='#article=']");
      b.waitFor("location.hash === " + js("#article=" + id) + " && document.querySelector('#app .text')");
      b.eval("new Promise(r => setTimeout(r, 200))");
      assertThat(b.eval("typeof window.__pwned").asText()).isEqualTo("undefined");
      assertThat(b.eval("document.querySelector('#app h1').textContent").asText()).isEqualTo(title);
      assertThat(b.eval("document.querySelector('#app .text').textContent").asText())
          .contains(markup)
          .contains(paragraphs[0]);
      assertThat(b.eval("document.querySelectorAll('#app script, #app img, #app iframe, "
              + "#app [onerror], #app a[href^=\"javascript:\" i]').length").asInt())
          .isZero();
      assertThat(b.eval("document.querySelector('#add') === null").asBoolean())
          .as("the form is on the story list only")
          .isTrue();
      assertThat(b.errors()).as("console errors on the article").isEmpty();

      // A file the reader rejects: the server's 400 message, which quotes the file, is shown as
      // text; nothing is added.
      b.open(base + "#");
      b.waitFor("document.querySelector('#add form')");
      Path bad = tmp.resolve("broken.warc");
      Files.write(bad, "WARC/1.0\r\n<b>x</b><img src=x>\r\n\r\n"
          .getBytes(StandardCharsets.UTF_8));
      int root = b.call("DOM.getDocument", Map.of()).path("root").path("nodeId").asInt();
      int fileNode = b.call("DOM.querySelector",
              Map.of("nodeId", root, "selector", "#add input[type=file]"))
          .path("nodeId").asInt();
      b.call("DOM.setFileInputFiles", Map.of("nodeId", fileNode, "files", List.of(bad.toString())));
      b.click("#add button[type=submit]");
      b.waitFor("/^Not added \\(400\\): /.test(document.querySelector('#add .add-result').textContent)");
      assertThat(b.eval("document.querySelector('#add .add-result').textContent").asText())
          .contains("broken.warc", "<b>x</b><img src=x>");
      assertThat(b.eval("document.querySelectorAll('#add .add-result :not(p)').length")
              .asInt())
          .isZero();
      assertThat(b.eval(summary).asText()).startsWith("4 articles in ");
      assertThat(server.report().articles()).hasSize(4);
      assertThat(b.eval("typeof window.__pwned").asText()).isEqualTo("undefined");
      assertThat(b.errors())
          .as("console errors but the network log of the expected 400")
          .allMatch(e -> e.startsWith("log[network]:") && e.contains("400"));
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
}
