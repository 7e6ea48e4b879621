package org.triangulate.align;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.triangulate.align.SentenceJudgeTraining.LabelledPair;

/**
 * Reads tab-separated sentence pairs in the layout of the Microsoft Research Paraphrase Corpus:
 * {@code Quality  #1 ID  #2 ID  #1 String  #2 String}, UTF-8 with or without a byte order mark,
 * LF or CRLF line ends, a header line (recognised by its first column not being a label or by
 * naming {@code Quality}). The label column may be empty or {@code ?} for unlabelled pairs. A
 * line that does not fit is reported with its number and skipped.
 */
public final class SentencePairs {

  private SentencePairs() {}

  /** One pair as read: its ids, sentences and gold label (null if unlabelled). */
  public record Pair(int line, String id1, String id2, String a, String b, Boolean label) {
    public LabelledPair labelled() {
      if (label == null) {
        throw new IllegalStateException("line " + line + " has no label");
      }
      return new LabelledPair(a, b, label);
    }
  }

  /** What was read: the pairs and one message per line that was skipped. */
  public record Read(List<Pair> pairs, List<String> problems) {
    public Read {
      pairs = List.copyOf(pairs);
      problems = List.copyOf(problems);
    }

    /** The labelled pairs, in order. */
    public List<LabelledPair> labelled() {
      List<LabelledPair> out = new ArrayList<>();
      for (Pair p : pairs) {
        if (p.label() != null) {
          out.add(p.labelled());
        }
      }
      return out;
    }
  }

  public static Read read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    }
  }

  /** Reads from {@code in}; {@code name} prefixes the messages. */
  public static Read read(BufferedReader in, String name) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (number == 1 && (f[0].strip().equalsIgnoreCase("quality") || !isLabel(f[0]))) {
        continue; // the header
      }
      if (f.length != 5) {
        problems.add(name + " line " + number + ": expected 5 tab-separated columns, found " + f.length);
        continue;
      }
      String label = f[0].strip();
      if (!isLabel(label)) {
        problems.add(name + " line " + number + ": the label is '" + label + "', not 0, 1, ? or empty");
        continue;
      }
      if (f[3].isBlank() || f[4].isBlank()) {
        problems.add(name + " line " + number + ": a sentence is empty");
        continue;
      }
      Boolean gold = label.equals("1") ? Boolean.TRUE : label.equals("0") ? Boolean.FALSE : null;
      pairs.add(new Pair(number, f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(), gold));
    }
    return new Read(pairs, problems);
  }

  private static boolean isLabel(String s) {
    String t = s.strip();
    return t.equals("0") || t.equals("1") || t.equals("?") || t.isEmpty();
  }
}
