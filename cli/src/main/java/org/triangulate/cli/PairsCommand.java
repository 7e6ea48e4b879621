package org.triangulate.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.triangulate.align.Embedder;
import org.triangulate.align.JudgeScores;
import org.triangulate.align.SentenceJudge;
import org.triangulate.align.SentenceJudgeTraining;
import org.triangulate.align.SentencePairs;
import org.triangulate.nlp.embed.MiniLmEmbedder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code triangulate pairs FILE}: judges sentence pairs (verbatim, edited, paraphrase or none). */
@Command(
    name = "pairs",
    mixinStandardHelpOptions = true,
    description = {
      "Judges whether the two sentences of each pair say the same thing, and how: verbatim (the",
      "same words), edited (the same sentence with a few words changed), paraphrase (the same",
      "content in other words) or none.",
      "",
      "FILE is tab-separated in the layout of the Microsoft Research Paraphrase Corpus: a header,",
      "then 'Quality  #1 ID  #2 ID  #1 String  #2 String' (Quality 1 paraphrase, 0 not, empty or",
      "? unknown). Lines that do not fit are reported on stderr and skipped.",
      "",
      "Writes '#1 ID  #2 ID  kind  score' (and the gold label, when the file has labels) as TSV,",
      "then prints accuracy, precision, recall and F1 of 'kind is not none' against the labels to",
      "stderr. With --cv N it also cross-validates the training of the judge on FILE's labelled",
      "pairs, and prints accuracy and F1 per fold and their means.",
      "",
      "Exit codes: 0 ok, 1 failure, 2 usage error, 3 finished but some lines were skipped."
    },
    sortOptions = false)
final class PairsCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The sentence pairs (TSV).")
  Path file;

  @Option(names = "--out", paramLabel = "F", description = "Write the TSV to F instead of stdout.")
  Path out;

  @Option(
      names = "--cv",
      paramLabel = "N",
      description = "Also run N-fold cross-validation of the training on the labelled pairs.")
  Integer folds;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "The seed that deals the pairs into folds (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--repeat",
      paramLabel = "R",
      defaultValue = "1",
      description = "Repeat the cross-validation R times, with the seeds S, S+1, ... (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(
      names = "--no-embeddings",
      description = "Judge on the words alone, without the sentence embedding model.")
  boolean noEmbeddings;

  @Option(
      names = "--write-weights",
      paramLabel = "JAVA",
      hidden = true,
      description = "Train on all labelled pairs and write the source of JudgeWeights to JAVA.")
  Path writeWeights;

  @Override
  public Integer call() throws IOException {
    if (folds != null && folds < 2) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cv must be >= 2: " + folds);
    }
    if (repeats < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be >= 1: " + repeats);
    }
    if (writeWeights != null && noEmbeddings) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--write-weights needs the embeddings");
    }
    PrintWriter err = spec.commandLine().getErr();
    SentencePairs.Read read;
    try {
      read = SentencePairs.read(file);
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
    }
    for (String problem : read.problems()) {
      err.println("triangulate pairs: skipped " + problem);
    }
    List<SentencePairs.Pair> pairs = read.pairs();
    if (pairs.isEmpty()) {
      err.println("triangulate pairs: " + file + " has no sentence pairs");
      err.flush();
      return 1;
    }
    List<SentenceJudgeTraining.LabelledPair> training = read.labelled();
    if (folds != null && training.size() < folds) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--cv " + folds + " needs at least " + folds + " labelled pairs; " + file + " has " + training.size());
    }
    Embedder embedder = noEmbeddings ? null : embedAll(pairs, err);
    SentenceJudge judge = embedder == null ? SentenceJudge.lexical() : new SentenceJudge(embedder);
    boolean labelled = pairs.stream().anyMatch(p -> p.label() != null);
    JudgeScores scores = JudgeScores.empty();
    Map<SentenceJudge.Kind, Integer> kinds = new EnumMap<>(SentenceJudge.Kind.class);
    try (Writer w = output()) {
      w.write("#1 ID\t#2 ID\tkind\tscore" + (labelled ? "\tlabel" : "") + "\n");
      for (SentencePairs.Pair p : pairs) {
        SentenceJudge.Judgement j = judge.judge(p.a(), p.b());
        kinds.merge(j.kind(), 1, Integer::sum);
        w.write(p.id1() + "\t" + p.id2() + "\t" + j.kind().wireName() + "\t"
            + String.format(Locale.ROOT, "%.4f", j.score()));
        if (labelled) {
          w.write("\t" + (p.label() == null ? "" : p.label() ? "1" : "0"));
        }
        w.write("\n");
        if (p.label() != null) {
          scores = scores.plus(j.kind() != SentenceJudge.Kind.NONE, p.label());
        }
      }
    }
    err.printf(Locale.ROOT, "pairs %d (labelled %d), skipped lines %d, %s%n",
        pairs.size(), scores.pairs(), read.problems().size(),
        embedder == null ? "words only" : "with embeddings");
    StringBuilder k = new StringBuilder("kinds");
    for (SentenceJudge.Kind kind : SentenceJudge.Kind.values()) {
      k.append(' ').append(kind.wireName()).append(' ').append(kinds.getOrDefault(kind, 0));
    }
    err.println(k);
    if (scores.pairs() > 0) {
      err.println("against the labels: " + format(scores));
    }
    if (folds != null) {
      crossValidate(training, embedder, err);
    }
    if (writeWeights != null) {
      String provenance = file.getFileName() + " (" + training.size() + " labelled pairs), with "
          + "all-MiniLM-L6-v2-q embeddings";
      Files.writeString(writeWeights, SentenceJudgeTraining.javaSource(training, embedder, provenance));
      err.println("wrote " + writeWeights);
    }
    err.flush();
    return read.problems().isEmpty() ? 0 : Main.EXIT_REJECTED;
  }

  private void crossValidate(
      List<SentenceJudgeTraining.LabelledPair> training, Embedder embedder, PrintWriter err) {
    List<SentenceJudgeTraining.CrossValidation> runs =
        SentenceJudgeTraining.crossValidate(training, embedder, folds, seed, repeats);
    String how = embedder == null ? "words only" : "with embeddings";
    double accuracy = 0;
    double f1 = 0;
    for (int r = 0; r < runs.size(); r++) {
      SentenceJudgeTraining.CrossValidation cv = runs.get(r);
      err.printf(Locale.ROOT, "%d-fold cross-validation (seed %d, %s):%n", folds, seed + r, how);
      for (SentenceJudgeTraining.Fold f : cv.folds()) {
        err.printf(Locale.ROOT, "  fold %2d: %s, threshold %.3f%n", f.fold(), format(f.scores()), f.threshold());
      }
      err.printf(Locale.ROOT, "  mean accuracy %.4f F1 %.4f%n", cv.meanAccuracy(), cv.meanF1());
      accuracy += cv.meanAccuracy() / runs.size();
      f1 += cv.meanF1() / runs.size();
    }
    if (runs.size() > 1) {
      err.printf(Locale.ROOT, "mean of %d cross-validations: accuracy %.4f F1 %.4f%n", runs.size(), accuracy, f1);
    }
  }

  private static String format(JudgeScores s) {
    return String.format(Locale.ROOT, "accuracy %.4f precision %.4f recall %.4f F1 %.4f (n %d)",
        s.accuracy(), s.precision(), s.recall(), s.f1(), s.pairs());
  }

  /**
   * Embeds each distinct sentence once, and returns an embedder that answers from those vectors
   * (and embeds anything else).
   */
  private static Embedder embedAll(List<SentencePairs.Pair> pairs, PrintWriter err) {
    Set<String> distinct = new LinkedHashSet<>();
    for (SentencePairs.Pair p : pairs) {
      distinct.add(p.a());
      distinct.add(p.b());
    }
    List<String> sentences = new ArrayList<>(distinct);
    err.println("triangulate pairs: embedding " + sentences.size() + " sentences");
    err.flush();
    MiniLmEmbedder model = MiniLmEmbedder.get();
    List<float[]> vectors = model.embed(sentences);
    Map<String, float[]> known = new HashMap<>();
    for (int i = 0; i < sentences.size(); i++) {
      known.put(sentences.get(i), vectors.get(i));
    }
    return new Embedder() {
      @Override
      public List<float[]> embed(List<String> batch) {
        List<float[]> outv = new ArrayList<>(batch.size());
        for (String s : batch) {
          float[] v = known.get(s);
          outv.add(v != null ? v : model.embed(s));
        }
        return outv;
      }

      @Override
      public int dimensions() {
        return model.dimensions();
      }
    };
  }

  private Writer output() throws IOException {
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      return new Writer() {
        @Override
        public void write(char[] cbuf, int off, int len) {
          stdout.write(cbuf, off, len);
        }

        @Override
        public void flush() {
          stdout.flush();
        }

        @Override
        public void close() {
          stdout.flush();
        }
      };
    }
    BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    return w;
  }
}
