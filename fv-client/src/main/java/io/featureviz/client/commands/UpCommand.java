package io.featureviz.client.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "up", description = "Starts the local stack (infra, storage-sink, job-api, "
    + "optimizer-worker) as background processes and prints the API URL.")
public final class UpCommand implements Callable<Integer> {

  @Mixin
  StackOptions options;

  @Override
  public Integer call() {
    System.out.println(StackUp.ensure(options.stack()).apiUrl());
    return 0;
  }
}
