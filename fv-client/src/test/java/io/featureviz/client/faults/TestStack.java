package io.featureviz.client.faults;

import io.featureviz.client.FreshState;
import io.featureviz.client.jobs.JobsClient;
import io.featureviz.client.stack.InfraEndpoints;
import io.featureviz.client.stack.LocalStack;
import io.featureviz.client.stack.StackPorts;
import io.featureviz.client.stack.StackSettings;
import io.featureviz.client.stack.StackState;
import io.featureviz.client.sweeps.SweepsClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * A stack of real processes on free ports with two workers, for one test class, and the clients
 * a test checks it with: the API (with the stack's key), PostgreSQL and the bucket.
 */
final class TestStack implements AutoCloseable {

  final LocalStack stack;
  final StackState state;
  final JobsClient api;
  final SweepsClient sweeps;
  final StackDatabase database;
  final StackObjectStore objects;
  final Path logs;

  private TestStack(LocalStack stack, StackState state) {
    this.stack = stack;
    this.state = state;
    this.api = new JobsClient(state.apiUrl(), state.apiKey());
    this.sweeps = new SweepsClient(state.apiUrl(), state.apiKey());
    InfraEndpoints infra = InfraEndpoints.read(stack.settings().infraDir()).orElseThrow();
    this.database = new StackDatabase(infra);
    this.objects = new StackObjectStore(infra);
    this.logs = stack.settings().stateDir().resolve("logs");
  }

  /** Starts the stack in {@code stateDir}; {@code apiEnvironment} goes to job-api. */
  static TestStack start(String stateDir, Map<String, String> apiEnvironment) {
    StackSettings settings = new StackSettings(Path.of(System.getProperty("fv.repo.root")),
        FreshState.of(Path.of(stateDir)), Path.of(System.getProperty("fv.models.dir")),
        StackPorts.free(), 2).withApiEnvironment(apiEnvironment);
    LocalStack stack = new LocalStack(settings, line -> System.err.println("stack: " + line));
    try {
      return new TestStack(stack, stack.start());
    } catch (RuntimeException e) {
      stack.stop();
      throw e;
    }
  }

  /** Stops every process; for {@code @AfterAll}, so it also runs after a failed test. */
  @Override
  public void close() throws Exception {
    try {
      objects.close();
    } finally {
      stack.stop();
    }
  }
}
