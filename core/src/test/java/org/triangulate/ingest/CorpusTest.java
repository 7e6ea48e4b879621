package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;

class CorpusTest {

  @Test
  void givesCollidingIdsSuffixesInSourceOrder() {
    List<Article> in =
        List.of(
            article("x", "b/x.txt", Optional.empty()),
            article("x", "a/x.txt", Optional.empty()),
            article("x~2", "c/x~2.txt", Optional.empty()),
            article("rec", "r.jsonl", Optional.of("line 10")),
            article("rec", "r.jsonl", Optional.of("line 9")));
    long seed = new Random().nextLong();
    List<Article> shuffled = new ArrayList<>(in);
    Collections.shuffle(shuffled, new Random(seed));
    List<Article> out = Corpus.uniqueIds(shuffled);
    assertThat(out)
        .as("seed %d", seed)
        .extracting(a -> a.id() + "=" + a.source() + a.location().map(l -> "#" + l).orElse(""))
        .containsExactly(
            "rec=r.jsonl#line 9",
            "rec~2=r.jsonl#line 10",
            "x=a/x.txt",
            "x~2=c/x~2.txt",
            "x~3=b/x.txt");
  }

  @Test
  void addedArticlesNeverTakeTheIdsOfArticlesAlreadyHeld() {
    List<Article> added =
        List.of(article("x", "new/x.txt", Optional.empty()), article("y", "new/y.txt", Optional.empty()));
    List<Article> out = Corpus.uniqueIds(java.util.Set.of("x", "x~2"), added);
    assertThat(out).extracting(Article::id).containsExactly("x~3", "y");
  }

  private static Article article(String id, String source, Optional<String> location) {
    return new Article(id, source, location, "text", ArticleMetadata.EMPTY, "Text of " + source, List.of(), List.of());
  }
}
