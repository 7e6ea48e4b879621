package org.triangulate.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.triangulate.model.Story;

/**
 * A {@link Story} as it travels from the task that clusters its block to the driver. Fragments of
 * report.json cannot carry it: a report names no story whose articles it does not hold, and the
 * articles stay on the executors.
 */
record StoryRow(
    String id,
    String title,
    String[] articles,
    String first,
    String last,
    String[] keyKinds,
    String[] keyTexts,
    double[] keyWeights,
    String[] aliases)
    implements Serializable {

  static StoryRow of(Story s) {
    int k = s.keys().size();
    String[] kinds = new String[k];
    String[] texts = new String[k];
    double[] weights = new double[k];
    for (int i = 0; i < k; i++) {
      kinds[i] = s.keys().get(i).kind();
      texts[i] = s.keys().get(i).text();
      weights[i] = s.keys().get(i).weight();
    }
    return new StoryRow(
        s.id(),
        s.title(),
        s.articles().toArray(String[]::new),
        s.first().orElse(null),
        s.last().orElse(null),
        kinds,
        texts,
        weights,
        s.aliases().toArray(String[]::new));
  }

  Story story() {
    List<Story.Key> keys = new ArrayList<>(keyKinds.length);
    for (int i = 0; i < keyKinds.length; i++) {
      keys.add(new Story.Key(keyKinds[i], keyTexts[i], keyWeights[i]));
    }
    return new Story(
        id,
        title,
        List.of(articles),
        Optional.ofNullable(first),
        Optional.ofNullable(last),
        keys,
        List.of(aliases));
  }
}
