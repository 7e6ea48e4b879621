package org.triangulate.store;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.triangulate.report.JsonReportReader;
import org.triangulate.report.Report;

/**
 * The process {@link CrashTest} kills: opens a corpus (a SQLite file, or a PostgreSQL URL) and
 * moves it round a cycle of states for ever, one {@link CorpusStore#apply} per step, printing
 * {@code committed <generation>} after each commit. The state of generation {@code g} is state
 * {@code (g - 1) mod n} of the cycle.
 *
 * <p>Arguments: the corpus, then the states as report.json files.
 */
public final class CrashWriter {

  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    List<Report> states = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      try (InputStream in = Files.newInputStream(Path.of(args[i]))) {
        states.add(new JsonReportReader().read(in));
      }
    }
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    try (CorpusStore store =
        args[0].startsWith("jdbc:")
            ? PostgresStore.open(args[0], Map.of(), Migrations.CURRENT)
            : SqliteStore.open(Path.of(args[0]))) {
      out.println("ready " + store.generation());
      int n = states.size();
      while (true) {
        int i = (int) ((store.generation() - 1) % n);
        store.apply(states.get(i), states.get((i + 1) % n));
        out.println("committed " + store.generation());
      }
    }
  }
}
