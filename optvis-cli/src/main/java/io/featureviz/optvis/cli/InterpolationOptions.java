package io.featureviz.optvis.cli;

import io.featureviz.contracts.render.InterpolationSpec;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code --interpolate A B} and {@code --frames N}: a render of frames morphing from objective A
 * to objective B with one shared layout, instead of {@code --objective} and {@code --batch}.
 */
final class InterpolationOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--interpolate", arity = "2", paramLabel = "OBJECTIVE",
      description = "Render frames from the first objective to the second, sharing one layout"
          + " (instead of --objective and --batch), e.g. --interpolate mixed4:97 mixed4:143.")
  List<String> ends;

  @Option(names = "--frames", paramLabel = "N",
      description = "Frames of --interpolate, both ends included (default: "
          + InterpolationSpec.DEFAULT_FRAMES + ").")
  Integer frames;

  /**
   * The interpolation asked for, or null; refuses {@code --frames} without it and
   * {@code --objective} or {@code --batch} with it as usage errors (exit status 2).
   */
  InterpolationSpec interpolation() {
    ParseResult parsed = command.commandLine().getParseResult();
    if (ends == null) {
      if (frames != null) {
        throw usage("--frames needs --interpolate A B");
      }
      return null;
    }
    for (String excluded : List.of("--objective", "--batch")) {
      if (parsed.hasMatchedOption(excluded)) {
        throw usage("--interpolate renders its own objectives and batch: drop " + excluded);
      }
    }
    int count = frames == null ? InterpolationSpec.DEFAULT_FRAMES : frames;
    OptionRanges.check(command, "--frames", count, InterpolationSpec.FRAMES);
    return new InterpolationSpec(ends.get(0), ends.get(1), count);
  }

  private ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
