package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.triangulate.changes.CorpusChange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Atom feed of what each generation changed, read back with the JDK's namespace-aware XML
 * parser: the elements RFC 4287 requires, stable ids, links to the report page, and escaping of
 * text that XML cannot hold as it is.
 */
class AtomFeedTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String S = "s-b9fcced1e3aacab9";
  private static final String TITLE =
      "Islamist rebels have seized the Syrian city of Hama in a battle to seize a vital post on the"
          + " road to…";
  private static final URI PAGE = URI.create("http://127.0.0.1:7070");
  private static final URI SELF = URI.create("http://127.0.0.1:7070/feed.atom");

  /**
   * Generation 7: an edited copy of the Hama article 001, 005_variant, made the Homs distance
   * contested (as {@code triangulate add} finds it).
   */
  static CorpusChange hamaVariant() {
    return new CorpusChange(
        List.of("005_variant"),
        List.of(),
        List.of(new CorpusChange.GrownStory(S, TITLE, List.of(), List.of("005_variant"))),
        List.of(
            new CorpusChange.ContestedClaim(
                S,
                S + "#c31",
                "Homs is located just 40 km (25 mi) south of Hama.",
                "distance: south Hama",
                List.of(
                    new CorpusChange.Value(
                        "40 km",
                        List.of(
                            "001_558042633266138b",
                            "002_cd28b6654e9fce99",
                            "003_fa5c466642b5d1e0")),
                    new CorpusChange.Value("60 km", List.of("005_variant"))),
                "The sources disagree on a distance: \"40 km\" against \"60 km\" (005_variant).",
                List.of("005_variant"),
                Optional.of(
                    new CorpusChange.Previous(S, S + "#c31", "corroborated", 2, "assertions")))),
        List.of());
  }

  /** Generation 6: a new story of one article. */
  static CorpusChange flood() {
    return new CorpusChange(
        List.of("flood"),
        List.of(
            new CorpusChange.NewStory(
                "s-flood",
                "Floods force thousands from homes in northern Italy",
                List.of("flood"))),
        List.of(),
        List.of(),
        List.of());
  }

  private static final List<AtomFeed.Generation> GENERATIONS =
      List.of(
          new AtomFeed.Generation(6, Instant.parse("2024-12-05T10:00:00Z"), flood()),
          new AtomFeed.Generation(7, Instant.parse("2024-12-05T11:30:00.250Z"), hamaVariant()));

  private static byte[] write(AtomFeed feed, List<AtomFeed.Generation> generations)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    feed.write(generations, out);
    return out.toByteArray();
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  /** The element children of {@code e} named {@code name} in the Atom namespace. */
  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c
          && ATOM.equals(c.getNamespaceURI())
          && name.equals(c.getLocalName())) {
        out.add(c);
      }
    }
    return out;
  }

  private static Element only(Element e, String name) {
    List<Element> found = children(e, name);
    assertThat(found).as("atom:%s in atom:%s", name, e.getLocalName()).hasSize(1);
    return found.get(0);
  }

  private static List<String> links(Element e, String rel) {
    return children(e, "link").stream()
        .filter(l -> (l.hasAttribute("rel") ? l.getAttribute("rel") : "alternate").equals(rel))
        .map(l -> l.getAttribute("href"))
        .toList();
  }

  /** RFC 4287's requirements of the feed and of each entry. */
  private static void assertValidAtom(Document d) {
    Element feed = d.getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(feed.getLocalName()).isEqualTo("feed");
    URI.create(only(feed, "id").getTextContent()); // an IRI
    assertThat(only(feed, "id").getTextContent()).startsWith("urn:uuid:");
    only(feed, "title");
    OffsetDateTime.parse(only(feed, "updated").getTextContent()); // an RFC 3339 date-time
    assertThat(only(only(feed, "author"), "name").getTextContent()).isNotBlank();
    assertThat(links(feed, "self")).hasSize(1);
    Set<String> ids = new HashSet<>();
    for (Element entry : children(feed, "entry")) {
      String id = only(entry, "id").getTextContent();
      assertThat(ids.add(id)).as("entry id %s is unique", id).isTrue();
      URI.create(id);
      only(entry, "title");
      OffsetDateTime.parse(only(entry, "updated").getTextContent());
      // Either content, or an alternate link; no more than one alternate per type.
      assertThat(children(entry, "content").size() + links(entry, "alternate").size()).isPositive();
      assertThat(links(entry, "alternate")).hasSizeLessThanOrEqualTo(1);
      assertThat(children(entry, "summary")).hasSizeLessThanOrEqualTo(1);
      for (Element content : children(entry, "content")) {
        if ("xhtml".equals(content.getAttribute("type"))) {
          List<Element> divs = new ArrayList<>();
          for (Node n = content.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
              divs.add(el);
            }
          }
          assertThat(divs).hasSize(1);
          assertThat(divs.get(0).getNamespaceURI()).isEqualTo(XHTML);
          assertThat(divs.get(0).getLocalName()).isEqualTo("div");
        }
      }
    }
  }

  @Test
  void writesAValidFeedWithAnEntryPerGenerationNewestFirst() throws Exception {
    Document d = parse(write(new AtomFeed(PAGE, SELF, "Hama corpus"), GENERATIONS));
    assertValidAtom(d);
    Element feed = d.getDocumentElement();
    assertThat(only(feed, "title").getTextContent()).isEqualTo("Hama corpus");
    assertThat(only(feed, "updated").getTextContent()).isEqualTo("2024-12-05T11:30:00.250Z");
    assertThat(links(feed, "self")).containsExactly("http://127.0.0.1:7070/feed.atom");
    assertThat(links(feed, "alternate")).containsExactly("http://127.0.0.1:7070/");
    List<Element> entries = children(feed, "entry");
    assertThat(entries)
        .extracting(e -> only(e, "title").getTextContent())
        .containsExactly(
            "Generation 7: Claim 'Homs is located just 40 km (25 mi) south of Hama.' is now"
                + " contested (distance: south Hama: 40 km vs 60 km) after article"
                + " 005_variant; it was corroborated (and 1 more)",
            "Generation 6: New story 'Floods force thousands from homes in northern Italy'"
                + " (s-flood): article flood");
  }

  @Test
  void theEntryNamesTheContestedClaimAndTheArticleAndLinksToThem() throws Exception {
    Document d = parse(write(new AtomFeed(PAGE, SELF, "Hama corpus"), GENERATIONS));
    Element entry = children(d.getDocumentElement(), "entry").get(0);
    assertThat(only(entry, "updated").getTextContent()).isEqualTo("2024-12-05T11:30:00.250Z");
    assertThat(links(entry, "alternate")).containsExactly("http://127.0.0.1:7070/#story=" + S);
    String content = only(entry, "content").getTextContent();
    assertThat(content)
        .contains("Homs is located just 40 km (25 mi) south of Hama.")
        .contains("40 km vs 60 km")
        .contains("005_variant")
        .contains("Article 005_variant joined story");
    assertThat(only(entry, "summary").getTextContent().split("\n")).hasSize(2);
    List<String> hrefs = new ArrayList<>();
    var anchors = only(entry, "content").getElementsByTagNameNS(XHTML, "a");
    for (int i = 0; i < anchors.getLength(); i++) {
      hrefs.add(((Element) anchors.item(i)).getAttribute("href"));
    }
    assertThat(hrefs)
        .contains(
            "http://127.0.0.1:7070/#story=" + S, "http://127.0.0.1:7070/#article=005_variant");
  }

  @Test
  void idsAreStableNameBasedUuids() throws Exception {
    AtomFeed feed = new AtomFeed(PAGE, SELF, "Hama corpus");
    byte[] once = write(feed, GENERATIONS);
    assertThat(write(feed, List.of(GENERATIONS.get(1), GENERATIONS.get(0)))).isEqualTo(once);
    Document d = parse(once);
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, 'http://127.0.0.1:7070/') and '...#generation=7'.
    assertThat(only(d.getDocumentElement(), "id").getTextContent())
        .isEqualTo("urn:uuid:2bb663b4-ae91-5b1a-9cb6-a21109c29e35");
    assertThat(only(children(d.getDocumentElement(), "entry").get(0), "id").getTextContent())
        .isEqualTo("urn:uuid:c8eeeaae-6784-59b8-afcb-eeea38bebcf0");
    // The same generation alone keeps its id; another address is another feed.
    Document alone = parse(write(feed, List.of(GENERATIONS.get(1))));
    assertThat(only(children(alone.getDocumentElement(), "entry").get(0), "id").getTextContent())
        .isEqualTo("urn:uuid:c8eeeaae-6784-59b8-afcb-eeea38bebcf0");
    Document elsewhere =
        parse(
            write(new AtomFeed(URI.create("https://news.example/hama/"), SELF, "x"), GENERATIONS));
    assertThat(only(elsewhere.getDocumentElement(), "id").getTextContent())
        .isNotEqualTo("urn:uuid:2bb663b4-ae91-5b1a-9cb6-a21109c29e35");
  }

  @Test
  void hostileTextIsEscapedOrReplaced() throws Exception {
    String hostile =
        "<script>alert(1)</script> & \"q\" ]]> \u0000nul \u0008bs \ud800lone \udc00 \uffff"
            + " \r\n ok \ud83d\ude00";
    CorpusChange c =
        new CorpusChange(
            List.of("a&b<1>"),
            List.of(new CorpusChange.NewStory("s-<x>&\"", hostile, List.of("a&b<1>"))),
            List.of(),
            List.of(),
            List.of());
    byte[] xml =
        write(
            new AtomFeed(PAGE, SELF, hostile),
            List.of(new AtomFeed.Generation(1, Instant.parse("2024-12-05T10:00:00Z"), c)));
    Document d = parse(xml);
    assertValidAtom(d);
    Element feed = d.getDocumentElement();
    String title = only(feed, "title").getTextContent();
    assertThat(title)
        .isEqualTo(
            "<script>alert(1)</script> & \"q\" ]]> \ufffdnul \ufffdbs \ufffdlone \ufffd \ufffd"
                + " \r\n ok \ud83d\ude00");
    Element entry = only(feed, "entry");
    assertThat(only(entry, "content").getElementsByTagNameNS("*", "script").getLength()).isZero();
    assertThat(links(entry, "alternate"))
        .containsExactly("http://127.0.0.1:7070/#story=s-%3Cx%3E%26%22");
    assertThat(only(entry, "content").getTextContent()).contains("article a&b<1>");
  }

  /** Random text in every field: the feed always parses, and says what it was given. */
  @Test
  void anyTextGivesWellFormedXml() throws Exception {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    for (int i = 0; i < 100; i++) {
      String text = random(r);
      CorpusChange c =
          new CorpusChange(
              List.of(text),
              List.of(new CorpusChange.NewStory(text, text, List.of(text))),
              List.of(new CorpusChange.GrownStory(text + "g", text, List.of(text), List.of(text))),
              List.of(),
              List.of());
      byte[] xml =
          write(
              new AtomFeed(PAGE, SELF, text),
              List.of(new AtomFeed.Generation(1 + i, Instant.ofEpochSecond(i), c)));
      Document d;
      try {
        d = parse(xml);
      } catch (Exception e) {
        throw new AssertionError(
            "seed " + seed + ": " + e + "\n" + new String(xml, StandardCharsets.UTF_8), e);
      }
      assertThat(only(d.getDocumentElement(), "title").getTextContent())
          .as("seed %d", seed)
          .isEqualTo(AtomFeed.sanitised(text));
    }
  }

  private static String random(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(30);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> b.append((char) r.nextInt(0x20));
        case 1 -> b.append("<>&\"']]>\r\n\t".charAt(r.nextInt(11)));
        case 2 -> b.append((char) (0xd800 + r.nextInt(0x800)));
        default -> b.append((char) (0x20 + r.nextInt(0x10000 - 0x20)));
      }
    }
    return b.toString();
  }

  @Test
  void aFeedWithoutGenerationsIsValid() throws Exception {
    Document d = parse(write(new AtomFeed(PAGE, SELF, "Empty corpus"), List.of()));
    assertValidAtom(d);
    assertThat(only(d.getDocumentElement(), "updated").getTextContent())
        .isEqualTo("1970-01-01T00:00:00Z");
    assertThat(children(d.getDocumentElement(), "entry")).isEmpty();
  }

  @Test
  void aGenerationWithNothingOfNoteStillHasItsEntry() throws Exception {
    CorpusChange none = new CorpusChange(List.of(), List.of(), List.of(), List.of(), List.of());
    Document d =
        parse(
            write(
                new AtomFeed(PAGE, SELF, "Hama corpus"),
                List.of(new AtomFeed.Generation(3, Instant.parse("2024-12-05T10:00:00Z"), none))));
    assertValidAtom(d);
    Element entry = only(d.getDocumentElement(), "entry");
    assertThat(only(entry, "title").getTextContent())
        .isEqualTo("Generation 3: nothing of note changed");
    assertThat(links(entry, "alternate")).containsExactly("http://127.0.0.1:7070/");
  }

  @Test
  void refusesBadArguments() {
    assertThatThrownBy(() -> new AtomFeed(URI.create("/relative"), SELF, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/relative");
    assertThatThrownBy(() -> new AtomFeed(URI.create("http://h/#story=1"), SELF, "x"))
        .hasMessageContaining("fragment");
    assertThatThrownBy(() -> new AtomFeed(PAGE, URI.create("ftp://h/feed"), "x"))
        .hasMessageContaining("ftp://h/feed");
    AtomFeed feed = new AtomFeed(PAGE, SELF, "x");
    AtomFeed.Generation g = GENERATIONS.get(0);
    assertThatThrownBy(() -> write(feed, List.of(g, g))).hasMessageContaining("generation 6");
    assertThatThrownBy(() -> new AtomFeed.Generation(0, Instant.EPOCH, flood()))
        .hasMessageContaining("0");
  }
}
