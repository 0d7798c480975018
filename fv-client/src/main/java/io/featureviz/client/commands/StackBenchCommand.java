package io.featureviz.client.commands;

import io.featureviz.client.Json;
import io.featureviz.client.bench.StackBench;
import io.featureviz.client.jobs.JobSpec;
import io.featureviz.client.stack.LocalStack;
import io.featureviz.client.stack.StackPorts;
import io.featureviz.client.stack.StackSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stack-bench", description = "Starts a stack of its own (free ports, state in "
    + "--state), runs one job through it --runs times and prints timings and memory as JSON.")
public final class StackBenchCommand implements Callable<Integer> {

  @Option(names = "--state", defaultValue = ".fv/bench", description = "Default: ${DEFAULT-VALUE}.")
  Path stateDir;

  @Option(names = "--model", defaultValue = "mobilenet_v2") String model;
  @Option(names = "--objective", defaultValue = "softmax:goldfish") String objective;
  @Option(names = "--size", defaultValue = "128") int size;
  @Option(names = "--steps", defaultValue = "64") int steps;
  @Option(names = "--runs", defaultValue = "2", description = "The first pays for loading the model.")
  int runs;

  @Override
  public Integer call() throws InterruptedException {
    StackSettings defaults = StackSettings.forRepository(Path.of("").toAbsolutePath());
    // a stack of its own, so that `up` is measured from nothing and a running stack is left alone
    StackSettings settings = new StackSettings(defaults.repoRoot(), stateDir,
        defaults.modelsDir(), StackPorts.free(), 1);
    JobSpec job = JobSpec.of(model, objective).withSize(size)
        .withSteps(steps, List.of(steps / 4, steps / 2, 3 * steps / 4, steps));
    LocalStack stack = new LocalStack(settings, line -> System.err.println("fv: " + line));
    System.out.println(Json.write(new StackBench(stack).run(job, runs), false));
    return 0;
  }
}
