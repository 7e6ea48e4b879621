package org.triangulate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Story;

/** Key columns and fingerprints. */
class DigestsTest {

  @Test
  void keysAreIdsUnlessAnIdHoldsWhatADatabaseCannotTakeAndTheyAreOneToOne() {
    for (String id : List.of("000_5f845e8b32303230", "person/bashar-al-assad", "s-168e2ce1b324bbe2",
        "https://example.com/a?b=1", "😀 paired", "الرقة")) {
      assertThat(Digests.key(id)).isEqualTo(id);
    }
    List<String> odd = List.of("a\u0000b", "a\\0b", "a\\\\0b", "x\uD800", "x\\uD800", "\uDC00y",
        "\uD83D", "\uD83D\uDE00\uD83D", "end\\", "\\u00");
    for (String id : odd) {
      String key = Digests.key(id);
      assertThat(key).doesNotContain("\u0000");
      // UTF-8 holds it as it is: no unpaired surrogate left.
      byte[] utf8 = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(new String(utf8, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(key);
      assertThat(Digests.unkey(key)).isEqualTo(id);
    }
    assertThat(odd.stream().map(Digests::key).distinct()).hasSize(odd.size());
  }

  @Test
  void aFingerprintDependsOnTheArticlesAndTheirTextsOnly() {
    Map<String, String> texts = Map.of("a", Digests.sha256("one"), "b", Digests.sha256("two"));
    Story ab = new Story("s-1", "x", List.of("a", "b"), Optional.empty(), Optional.empty(), List.of());
    Story ba = new Story("s-2", "y", List.of("b", "a"), Optional.of("2024-12-05"), Optional.empty(), List.of());
    assertThat(Digests.fingerprint(ab, texts::get)).isEqualTo(Digests.fingerprint(ba, texts::get));
    Map<String, String> edited = Map.of("a", Digests.sha256("one"), "b", Digests.sha256("two!"));
    assertThat(Digests.fingerprint(ab, edited::get)).isNotEqualTo(Digests.fingerprint(ab, texts::get));
    assertThat(Digests.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
