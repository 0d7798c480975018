package io.featureviz.optvis.cli;

import io.featureviz.contracts.render.NumberRange;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Refuses an option's value outside its range as a usage error: exit status 2, as the API's 400. */
final class OptionRanges {

  private OptionRanges() {}

  static void check(CommandSpec command, String option, Number value, NumberRange range) {
    range.refusal(option, value).ifPresent(message -> {
      throw new ParameterException(command.commandLine(), message);
    });
  }
}
