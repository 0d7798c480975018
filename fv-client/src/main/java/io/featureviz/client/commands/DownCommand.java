package io.featureviz.client.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "down", description = "Stops what `up` started, by PID; data stay in the state directory.")
public final class DownCommand implements Callable<Integer> {

  @Mixin
  StackOptions options;

  @Override
  public Integer call() {
    options.stack().stop();
    System.err.println("fv: stack stopped");
    return 0;
  }
}
