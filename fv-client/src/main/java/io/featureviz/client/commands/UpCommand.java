package io.featureviz.client.commands;

import io.featureviz.client.stack.PageLink;
import io.featureviz.client.stack.StackState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "up", description = "Starts the local stack (infra, storage-sink, job-api, "
    + "optimizer-worker) as background processes and prints the API URL and the page's "
    + "signed-in link.")
public final class UpCommand implements Callable<Integer> {

  @Mixin
  StackOptions options;

  @Override
  public Integer call() {
    StackState state = StackUp.ensure(options.stack());
    // stderr, so that scripts reading the URL from stdout are not disturbed
    System.err.println("api key: " + state.apiKey());
    System.err.println("page: " + PageLink.of(state));
    System.out.println(state.apiUrl());
    return 0;
  }
}
