package org.triangulate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code triangulate} command line. */
@Command(
    name = "triangulate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Reads many news reports and shows, story by story, who reported what, who copied whom,",
      "where the sources agree and where they contradict each other."
    },
    subcommands = {
      AnalyzeCommand.class,
      AddCommand.class,
      ScoreCommand.class,
      BenchCommand.class,
      PairsCommand.class,
      ServeCommand.class,
      SparkCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Exit code: finished, but some inputs were rejected (each is listed in the report). */
  public static final int EXIT_REJECTED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and for tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(Main::usageError);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          PrintWriter err = cmd.getErr();
          err.println("triangulate: " + Printable.of(e.getMessage()));
          err.flush();
          return CommandLine.ExitCode.SOFTWARE;
        });
    return cl;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("triangulate: " + Printable.of(e.getMessage()));
    err.println("See 'triangulate help" + subcommandPath(cmd) + "'.");
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  private static String subcommandPath(CommandLine cmd) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cmd; c.getParent() != null; c = c.getParent()) {
      sb.insert(0, " " + c.getCommandName());
    }
    return sb.toString();
  }

  /** Reads the version from the jar's manifest, else says it is a development build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"triangulate " + (v == null ? "development build" : v)};
    }
  }
}
