package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintableTest {

  @TempDir Path dir;

  @Test
  void controlCharactersAreEscapedAndTheRestKept() {
    assertThat(Printable.of("a\nb\r\tc\u001b[31m\u202eevil\u2028x Ḥamā \\ ok"))
        .isEqualTo("a\\nb\\r\\tc\\u001b[31m\\u202eevil\\u2028x Ḥamā \\ ok");
    assertThat(Printable.of("plain")).isSameAs("plain");
  }

  /** A file name holding a newline cannot forge a line of the command's output. */
  @Test
  void aFileNameWithANewlinePrintsOnOneLine() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(in.resolve("empty\nrejected: forged.txt"), new byte[0]);
    Files.writeString(
        in.resolve("good.txt"),
        "Rebels enter Hama\n\nRebels entered the Syrian city of Hama on Thursday, the army said.\n");
    Cli r = Cli.run("analyze", in.toString(), "--out", dir.resolve("out").toString(), "--no-annotate");
    assertThat(r.exitCode()).isEqualTo(Main.EXIT_REJECTED);
    assertThat(r.err().lines().filter(l -> l.startsWith("rejected:"))).hasSize(1);
    assertThat(r.err()).contains("empty\\nrejected: forged.txt");
    assertThat(r.out().lines()).hasSize(1);
  }
}
