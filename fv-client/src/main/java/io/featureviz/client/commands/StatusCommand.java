package io.featureviz.client.commands;

import io.featureviz.client.Json;
import io.featureviz.client.stack.StackStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", description = "Each component's PID, liveness, health and URL, as JSON; "
    + "exit status 0 when everything runs, 3 otherwise.")
public final class StatusCommand implements Callable<Integer> {

  @Mixin
  StackOptions options;

  @Option(names = "--json", description = "One line of JSON (default: indented).")
  boolean oneLine;

  @Override
  public Integer call() {
    StackStatus status = options.stack().status();
    System.out.println(Json.write(status, oneLine));
    return status.running() ? 0 : 3;
  }
}
