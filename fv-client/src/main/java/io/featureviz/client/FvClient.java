package io.featureviz.client;

import io.featureviz.client.commands.CancelCommand;
import io.featureviz.client.commands.DemoCommand;
import io.featureviz.client.commands.DownCommand;
import io.featureviz.client.commands.StackBenchCommand;
import io.featureviz.client.commands.StatusCommand;
import io.featureviz.client.commands.SubmitCommand;
import io.featureviz.client.commands.SweepBenchCommand;
import io.featureviz.client.commands.SweepCommand;
import io.featureviz.client.commands.SweepsCommand;
import io.featureviz.client.commands.UpCommand;
import io.featureviz.client.commands.UploadModelCommand;
import io.featureviz.client.jobs.ApiProblemException;
import io.featureviz.client.stack.StackStartException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./fv up|down|status|submit|sweep|sweeps|cancel|upload-model|demo|stack-bench|sweep-bench}:
 * the local stack and its job API.
 */
@Command(name = "fv", mixinStandardHelpOptions = true,
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, SubmitCommand.class,
        SweepCommand.class, SweepsCommand.class, CancelCommand.class, UploadModelCommand.class,
        DemoCommand.class, StackBenchCommand.class, SweepBenchCommand.class},
    description = "Runs the featureviz stack locally, submits jobs and sweeps, cancels them, and"
        + " uploads models to it.")
public final class FvClient {

  /** Exit status when the API refused a request (problem+json). */
  static final int REFUSED = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as {@code main} runs it, exit statuses included. */
  public static CommandLine commandLine() {
    return new CommandLine(new FvClient()).setExecutionExceptionHandler(FvClient::report);
  }

  /** Failures the user can act on are one readable message; anything else keeps its stack trace. */
  private static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (!(e instanceof ApiProblemException || e instanceof StackStartException
        || e instanceof UncheckedIOException)) {
      throw e;
    }
    System.err.println("fv " + command.getCommandName() + ": " + e.getMessage());
    return e instanceof ApiProblemException ? REFUSED : 1;
  }
}
