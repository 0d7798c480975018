package io.featureviz.optvis.cli;

import io.featureviz.contracts.objective.ObjectiveSyntaxException;
import io.featureviz.contracts.transform.TransformSyntaxException;
import io.featureviz.optvis.model.tf.ModelImportException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fv} command line of the engine. */
@Command(name = "fv", mixinStandardHelpOptions = true, version = "featureviz 0.1",
    description = "Feature visualization: optimize images that excite units of image networks.",
    subcommands = {RenderCommand.class, ScoreCommand.class, ModelsCommand.class,
        LayersCommand.class, BenchCommand.class, PanelCommand.class, ExamplesCommand.class,
        ClassifyCommand.class, ExplainCommand.class, ExplainBenchCommand.class})
public final class FvCli {

  /** Exit status for bad input: a wrong flag, objective, model or file. */
  static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    CommandLine cli = new CommandLine(new FvCli());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("fv " + commandLine.getCommandName() + ": " + describe(e));
      return e instanceof IllegalArgumentException || e instanceof UncheckedIOException
          || e instanceof java.io.IOException || e instanceof ModelImportException
          ? BAD_INPUT : 1;
    });
    return cli.execute(args);
  }

  private static String describe(Exception e) {
    if (e instanceof ObjectiveSyntaxException syntax) {
      return "invalid objective\n" + syntax.formatted();
    }
    if (e instanceof TransformSyntaxException syntax) {
      return "invalid transforms\n" + syntax.formatted();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
