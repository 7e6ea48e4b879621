package org.triangulate.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.triangulate.ingest.SourceLine;
import org.triangulate.model.ArticleMetadata;

/**
 * Properties that hold on any input: the accounting of every character, the format of the text, no
 * lost sentence under harmless noise, determinism across threads, and speed.
 *
 * <p>Random tests are seeded: {@code -Dtests.seed=N} replays a run; each failure names its seed.
 */
class TextCleanerPropertiesTest {

  private static final long SEED = Long.getLong("tests.seed", 20241205L);
  private static final TextCleaner CLEANER = new TextCleaner(HamaCorpus.words());

  /** Non-strong chrome: noise that must never cost an article sentence. */
  private static final List<String> NOISE_LINES =
      List.of(
          "Advertisement",
          "Share this article",
          "Sign up for our newsletter",
          "Follow us on Telegram",
          "Facebook Twitter WhatsApp Email",
          "Reply",
          "Like",
          "Loading…",
          "Credit: AP",
          "Photo: Reuters",
          "(AP Photo/Omar Sanadiki)",
          "Read more: Iran preparing to send troops to Syria",
          "© 2024 Example Media. All rights reserved.",
          "Skip to main content",
          "•",
          "in , ,");

  private static final String[] SPACES = {" ", "  ", "\t", "\u00A0", "\u2009", " \u00A0 "};
  private static final char[] CONTROLS = {
    '\u0000', '\u0007', '\u001B', '\u007F', '\u0090', '\u00AD', '\u200B', '\uFEFF', '\uFFFD'
  };

  static Stream<Arguments> variants() {
    List<Arguments> out = new ArrayList<>();
    for (Path p : HamaCorpus.files()) {
      String name = p.getFileName().toString().substring(0, 3);
      List.<Object[]>of(
              new Object[] {"as is", (UnaryOperator<String>) s -> s},
              new Object[] {"CRLF", (UnaryOperator<String>) s -> s.replace("\n", "\r\n")},
              new Object[] {"CR", (UnaryOperator<String>) s -> s.replace("\n", "\r")},
              new Object[] {"no final newline", (UnaryOperator<String>) String::stripTrailing},
              new Object[] {"BOM", (UnaryOperator<String>) s -> "\uFEFF" + s},
              new Object[] {
                "trailing spaces", (UnaryOperator<String>) s -> s.replace("\n", " \t\n")
              },
              new Object[] {"NBSP", (UnaryOperator<String>) s -> s.replace(" ", "\u00A0")},
              new Object[] {
                "double blank lines", (UnaryOperator<String>) s -> s.replace("\n", "\n\n")
              },
              new Object[] {"indented", (UnaryOperator<String>) s -> s.replace("\n", "\n   ")})
          .forEach(v -> out.add(Arguments.of(name + " " + v[0], p, v[1])));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void accountsForEveryCharacterOfEveryVariant(
      String name, Path file, UnaryOperator<String> variant) {
    String text = variant.apply(HamaCorpus.read(file));
    CleanedText c = CLEANER.clean(SourceLine.split(text), ArticleMetadata.EMPTY);
    Accounting.check(text, c);
    CleanedText plain =
        CLEANER.clean(SourceLine.split(HamaCorpus.read(file)), ArticleMetadata.EMPTY);
    assertThat(c.text()).as("text of the variant").isEqualTo(plain.text());
    assertThat(c.found()).isEqualTo(plain.found());
  }

  @Test
  void accountsForEveryCharacterUnderRandomNoise() {
    List<String> originals = HamaCorpus.files().stream().map(HamaCorpus::read).toList();
    for (int run = 0; run < 300; run++) {
      long seed = SEED + run;
      Random random = new Random(seed);
      String original = originals.get(random.nextInt(originals.size()));
      String noisy = noise(original, random, true);
      try {
        Accounting.check(noisy, CLEANER.clean(SourceLine.split(noisy), ArticleMetadata.EMPTY));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "failed with -Dtests.seed=" + seed + " (run " + run + "): " + e.getMessage(), e);
      }
    }
  }

  @Test
  void losesNoSentenceUnderHarmlessNoise() {
    List<String> originals = HamaCorpus.files().stream().map(HamaCorpus::read).toList();
    for (int run = 0; run < 300; run++) {
      long seed = SEED + 1_000_000 + run;
      Random random = new Random(seed);
      String original = originals.get(random.nextInt(originals.size()));
      String noisy = noise(original, random, false);
      String text =
          Accounting.nonSpace(CLEANER.clean(SourceLine.split(noisy), ArticleMetadata.EMPTY).text());
      for (String sentence : TextCleanerHamaTest.sentenceLines(original)) {
        assertThat(text)
            .as(
                "sentence kept under noise, -Dtests.seed=%d:%n%s%n--- noisy input:%n%s",
                seed, sentence, noisy)
            .contains(Accounting.nonSpace(sentence));
      }
      for (String line : NOISE_LINES) {
        assertThat(text)
            .as("noise line removed, -Dtests.seed=%d", seed)
            .doesNotContain(Accounting.nonSpace(line));
      }
    }
  }

  /** Fragments of every shape the rules know, and some they do not, for random pages. */
  private static final List<String> FRAGMENTS =
      List.of(
          "Rebels take Hama as the Syrian army withdraws",
          "By Jane Doe",
          "By Jane Doe | 5 December 2024",
          "Posted by admin on December 5, 2024",
          "Written by WebAdmin",
          "Jane Doe | Reuters",
          "Alameen Templeton",
          "date 2024-12-05 Syrian insurgents entered Hama on Thursday.",
          "date 2024-12-05",
          "Published: 5 December 2024",
          "Updated Thu 6 Dec 2024 10.20 GMT",
          "DAMASCUS, Syria (AP) — Rebels entered the city after days of fighting.",
          "The army said it had withdrawn from the city to protect civilians.",
          "Guterres called for a political process to end the bloodshed,",
          "asking all those with influence to do their part.",
          "So is Hama the site of the infamous 1982 massacrewhen forces besieged it.",
          "Smoke rises over Hama. Credit: AP",
          "(AP Photo/Omar Sanadiki)",
          "What is happening in Aleppo and how it can impact the conflict",
          "What do you think?",
          "Leave a Reply",
          "12 Comments",
          "10 thoughts on “Rebels take Hama”",
          "Upvote Downvote",
          "Like Reply Share",
          "500 Points",
          "0",
          "Loading…",
          "in , ,",
          "Home / World / Middle East",
          "News",
          "Reporting by Jane Doe; Editing by John Roe",
          "“",
          "—",
          "x",
          "By",
          "date",
          "Credit:",
          "(",
          "\u00A0\u0007\u200B",
          "a\u00ADb\uFFFDc\uFEFF");

  @Test
  void accountsForEveryCharacterOfRandomPages() {
    for (int run = 0; run < 2_000; run++) {
      long seed = SEED + 2_000_000 + run;
      Random random = new Random(seed);
      StringBuilder page = new StringBuilder();
      int lines = random.nextInt(30);
      for (int k = 0; k < lines; k++) {
        String fragment = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
        if (random.nextInt(5) == 0) {
          fragment = fragment.substring(random.nextInt(fragment.length() + 1));
        }
        page.append(random.nextInt(4) == 0 ? "  " : "").append(fragment);
        page.append(random.nextInt(3) == 0 ? "\n\n" : random.nextInt(5) == 0 ? "\r\n" : "\n");
      }
      String text = page.toString();
      try {
        Accounting.check(text, CLEANER.clean(SourceLine.split(text), ArticleMetadata.EMPTY));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "failed with -Dtests.seed=" + seed + " on:\n" + text + "\n" + e.getMessage(), e);
      }
    }
  }

  /**
   * Inserts chrome lines, blank lines, odd spaces and line ends; with {@code anywhere}, also
   * control characters at any position (inside words too), else only next to whitespace.
   */
  private static String noise(String original, Random random, boolean anywhere) {
    String[] lines = original.split("\n", -1);
    String eol =
        switch (random.nextInt(3)) {
          case 0 -> "\n";
          case 1 -> "\r\n";
          default -> "\r";
        };
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      if (random.nextInt(4) == 0) {
        String chrome = NOISE_LINES.get(random.nextInt(NOISE_LINES.size()));
        b.append(random.nextBoolean() ? eol : "")
            .append(chrome)
            .append(eol)
            .append(random.nextBoolean() ? eol : "");
      }
      StringBuilder l = new StringBuilder(line);
      int edits = random.nextInt(3);
      for (int e = 0; e < edits && l.length() > 0; e++) {
        int at = random.nextInt(l.length() + 1);
        if (random.nextBoolean()) {
          char c = CONTROLS[random.nextInt(CONTROLS.length)];
          if (anywhere) {
            l.insert(at, c);
          } else {
            int space = l.indexOf(" ", at);
            if (space >= 0) {
              l.insert(space, " " + c);
            }
          }
        } else {
          int space = l.indexOf(" ", at);
          if (space >= 0) {
            l.replace(space, space + 1, SPACES[random.nextInt(SPACES.length)]);
          }
        }
      }
      b.append(l).append(eol);
    }
    return b.toString();
  }

  @Test
  void givesTheSameResultOnEveryThread() throws Exception {
    List<String> inputs = HamaCorpus.files().stream().map(HamaCorpus::read).toList();
    List<CleanedText> expected =
        inputs.stream()
            .map(s -> CLEANER.clean(SourceLine.split(s), ArticleMetadata.EMPTY))
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<CleanedText>>> futures = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        futures.add(
            pool.submit(
                () -> {
                  List<CleanedText> out = new ArrayList<>();
                  for (int k = 0; k < 50; k++) {
                    out.clear();
                    for (String s : inputs) {
                      out.add(CLEANER.clean(SourceLine.split(s), ArticleMetadata.EMPTY));
                    }
                  }
                  return out;
                }));
      }
      for (Future<List<CleanedText>> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void staysLinearOnAdversarialLines() {
    StringBuilder page = new StringBuilder();
    page.append("A".repeat(200_000)).append('\n');
    page.append("WASHINGTON ".repeat(5_000)).append('\n');
    page.append("Credit: ".repeat(10_000)).append('\n');
    page.append("REUTERS/".repeat(10_000)).append("Name\n");
    page.append("(".repeat(10_000)).append("AP Photo/x").append(")".repeat(10_000)).append('\n');
    page.append("date 2024-12-05 ".repeat(5_000)).append('\n');
    page.append("By Jane ".repeat(5_000)).append('\n');
    page.append(", ".repeat(50_000)).append('\n');
    page.append("a".repeat(50_000)).append('\n');
    page.append("\u0007 ".repeat(50_000)).append('\n');
    page.append("News\n".repeat(20_000));
    page.append("0\n\n".repeat(20_000));
    page.append("Iran preparing to send troops to Syria\n".repeat(20_000));
    page.append("Leave a Reply\nThe army said it had withdrawn from the city.\n".repeat(10_000));
    String text = page.toString();
    CleanedText c =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), // a guard against catastrophic backtracking, not a speed test
            () -> CLEANER.clean(SourceLine.split(text), ArticleMetadata.EMPTY));
    Accounting.check(text, c);
  }
}
