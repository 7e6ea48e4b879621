package org.triangulate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.store.CorpusStore;
import org.triangulate.store.StoredPipeline;
import org.triangulate.web.ServeApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code triangulate serve [--port N] [--host H] [--out DIR] [PATH...]}: parses the options, builds
 * the pipeline and starts the web app ({@link ServeApp}, in the web module) on it, prints its
 * address and waits for Ctrl-C.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the corpus in DIR/corpus.db (or the database of --db) as a local web app, after",
      "adding the PATHs whose content it does not hold yet: the same page as report.html at /,",
      "the report as JSON at /api/report, the stories at /api/stories and /api/stories/{id}.",
      "POST /api/articles adds an article (a text/plain body, with ?title= if wanted, or a",
      "multipart upload in the field 'file', in any format analyze reads): it is kept in the",
      "corpus and in DIR/added/, and only the stories it changes are analysed again. Story ids",
      "survive restarts.",
      "",
      "Listens on 127.0.0.1 only unless --host says otherwise. Stops on Ctrl-C."
    },
    sortOptions = false)
final class ServeCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files, folders or globs to read.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "H",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Anything else lets"
              + " other machines read the corpus and add to it.")
  String host;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "triangulate-corpus",
      description =
          "Where the corpus (corpus.db) and the added articles (added/) are kept between starts"
              + " (default: ${DEFAULT-VALUE}).")
  Path out;

  @CommandLine.Mixin StoreOption store;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads to work with (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      defaultValue = "10000000",
      description = "Largest file or record to read, in bytes (default: ${DEFAULT-VALUE}).")
  long maxBytes;

  @Option(names = "--no-annotate", description = "Skip the annotate stage (faster, fewer findings).")
  boolean noAnnotate;

  @Option(
      names = "--outlet",
      paramLabel = "PATTERN=NAME",
      description =
          "The outlet of added articles that name none: PATTERN is a web domain or a glob over"
              + " file names and ids, as for analyze. Repeatable.")
  List<String> outlets = new java.util.ArrayList<>();

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile ServeApp app;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535: " + port);
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1: " + workers);
    }
    if (maxBytes < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-bytes must be >= 1: " + maxBytes);
    }
    org.triangulate.ingest.Outlets outletRules = RunOptions.outlets(spec, outlets);
    PrintWriter stdout = spec.commandLine().getOut();
    // The command owns the pipeline: it closes it once the app has stopped.
    // A server answers each POST within about a minute, whatever the article: a tighter budget.
    Pipeline.Options po =
        new Pipeline.Options(
            workers, !noAnnotate, java.time.Duration.ofSeconds(60), java.time.Duration.ofMinutes(2));
    try (CorpusStore corpus = store.open(out);
        Pipeline pipeline = Components.pipeline(po, maxBytes, corpus.records(), outletRules)) {
      ServeApp app =
          ServeApp.start(
              new StoredPipeline(corpus, pipeline), paths, out, spec.commandLine().getErr(), host, port);
      this.app = app;
      Thread hook = new Thread(this::stop, "triangulate-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      String shown = app.address().getAddress().isAnyLocalAddress() ? host : app.address().getHostString();
      if (shown.contains(":")) {
        shown = "[" + shown + "]";
      }
      stdout.println("Serving http://" + shown + ":" + app.port() + "/");
      stdout.flush();
      stopped.await();
      app.stop(); // stop() may have come before the app was up; stopped before the pipeline closes
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is what stopped it
      }
    }
    return 0;
  }

  /** Stops the server and lets {@link #call} return (Ctrl-C, or a test). */
  void stop() {
    ServeApp a = app;
    if (a != null) {
      a.stop();
    }
    stopped.countDown();
  }
}
