package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.pipeline.Pipeline;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The web app over the corpus store, for people who watch a corpus: an added article that contests
 * a corroborated claim is named, with the claim, by {@code /api/changes} and {@code /feed.xml};
 * {@code /api/search} finds its words with their span; story ids survive a restart.
 */
class ServeChangesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String HOMS_40 = "Homs is located just 40 km (25 mi) south of Hama.";
  private static final String HOMS_60 = "Homs is located just 60 km (37 mi) south of Hama.";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @TempDir Path tmp;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private ServeApp start(Path dir) throws Exception {
    return ServeApp.start(
        RealPipeline.stored(dir, new Pipeline.Options(2, true), closing),
        List.of(Fixtures.HAMA.toString()),
        dir,
        new PrintWriter(new StringWriter()),
        "127.0.0.1",
        0);
  }

  private HttpResponse<String> get(ServeApp app, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anArticleThatContestsACorroboratedClaimIsInTheChangesAndTheFeed() throws Exception {
    Path dir = tmp.resolve("corpus");
    String original = Fixtures.hama("001");
    assertThat(original).contains(HOMS_40);
    String variant =
        "Residents said the streets of Hama were largely empty on Thursday evening as gunfire"
            + " echoed from the northern districts.\n"
            + original.replace(HOMS_40, HOMS_60);
    String storyId;
    String articleId;
    try (ServeApp app = start(dir)) {
      JsonNode before = MAPPER.readTree(get(app, "/api/changes").body());
      long generation = before.path("generation").asLong();
      assertThat(generation).as("the start added the Hama folder").isPositive();
      storyId = MAPPER.readTree(get(app, "/api/stories").body()).get(0).path("id").asText();

      HttpResponse<String> added =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/articles"))
                  .header("Content-Type", "text/plain; charset=utf-8")
                  .POST(HttpRequest.BodyPublishers.ofString(variant, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      JsonNode answer = MAPPER.readTree(added.body());
      articleId = answer.path("articles").get(0).path("id").asText();
      assertThat(answer.path("changed").path("grownStories").toString()).contains(storyId);

      // /api/changes: the one commit since, naming the claim, its values and the article.
      JsonNode changes = MAPPER.readTree(get(app, "/api/changes?since=" + generation).body());
      assertThat(changes.path("generation").asLong()).isEqualTo(generation + 1);
      assertThat(changes.path("changes")).hasSize(1);
      JsonNode change = changes.path("changes").get(0).path("change");
      assertThat(change.path("articles").toString()).isEqualTo("[\"" + articleId + "\"]");
      JsonNode contested = null;
      for (JsonNode c : change.path("contested")) {
        if (c.path("text").asText().contains("Homs")) {
          contested = c;
        }
      }
      assertThat(contested).as(change.toString()).isNotNull();
      assertThat(contested.path("articles").toString()).contains(articleId);
      assertThat(contested.path("previous").path("status").asText()).isEqualTo("corroborated");
      assertThat(contested.path("values").toString()).contains("60 km").contains("40 km");
      assertThat(changes.path("changes").get(0).path("summary").toString())
          .contains("is now contested")
          .contains(articleId);
      assertThat(MAPPER.readTree(get(app, "/api/changes?since=" + (generation + 1)).body()).path("changes"))
          .isEmpty();
      assertThat(get(app, "/api/changes?since=-1").statusCode()).isEqualTo(400);
      assertThat(get(app, "/api/changes?limit=abc").statusCode()).isEqualTo(400);

      // /feed.xml: a valid Atom document whose newest entry names the claim and the article.
      HttpResponse<String> feed = get(app, "/feed.xml");
      assertThat(feed.statusCode()).isEqualTo(200);
      assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      Document doc =
          f.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
      Element root = doc.getDocumentElement();
      assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
      assertThat(root.getLocalName()).isEqualTo("feed");
      for (String required : List.of("id", "title", "updated")) {
        assertThat(root.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isPositive();
      }
      NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
      assertThat(entries.getLength()).isGreaterThanOrEqualTo(2);
      Element newest = (Element) entries.item(0);
      assertThat(newest.getTextContent())
          .contains("Claim 'Homs is located just")
          .contains("is now contested (distance: south Hama: 40 km vs 60 km) after article " + articleId);

      // /api/search: the new article's words, with their span in its text.
      JsonNode hits = MAPPER.readTree(get(app, "/api/search?q=" + java.net.URLEncoder.encode("\"60 km\"", StandardCharsets.UTF_8)).body());
      JsonNode hit = null;
      for (JsonNode h : hits.path("hits")) {
        if (h.path("kind").asText().equals("article") && h.path("article").asText().equals(articleId)) {
          hit = h;
        }
      }
      assertThat(hit).as(hits.toString()).isNotNull();
      int b = hit.path("span").get(0).asInt();
      int e = hit.path("span").get(1).asInt();
      JsonNode article = MAPPER.readTree(get(app, "/api/report").body()).path("articles");
      String text = null;
      for (JsonNode a : article) {
        if (a.path("id").asText().equals(articleId)) {
          text = a.path("text").asText();
        }
      }
      assertThat(text.substring(b, e)).isEqualTo("60 km");
      assertThat(get(app, "/api/search?q=%3Cscript%3E%22%27%20OR%201%3D1%20--").statusCode()).isEqualTo(200);
      assertThat(get(app, "/api/search?q=Hama&limit=100000").statusCode()).isEqualTo(400);
    }

    // A restart over the same corpus: the story keeps its id and nothing is read again.
    Files.createDirectories(dir);
    try (ServeApp again = start(dir)) {
      JsonNode stories = MAPPER.readTree(get(again, "/api/stories").body());
      assertThat(stories).hasSize(1);
      assertThat(stories.get(0).path("id").asText()).isEqualTo(storyId);
      assertThat(stories.get(0).path("articles").asInt()).isEqualTo(6);
      assertThat(MAPPER.readTree(get(again, "/api/stories/" + storyId).body()).path("articles").toString())
          .contains(articleId);
    }
  }
}
