package io.featureviz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.featureviz.client.stack.LocalStack;
import io.featureviz.client.stack.PageLink;
import io.featureviz.client.stack.StackPorts;
import io.featureviz.client.stack.StackSettings;
import io.featureviz.client.stack.StackState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * job-api's page in a real headless chromium: {@code src/test/e2e/page.e2e.mjs} (Playwright)
 * submits a job from the form, watches its frames arrive, finds it in the history, sweeps a layer
 * from the model page (live progress, thumbnails) and finds the sweep in the layer's atlas, finds a
 * channel's dataset examples in the built-in and an uploaded image set,
 * uploads a model that a worker imports (IMPORTING, then READY) and a malformed one (FAILED with
 * its reason), explains a photo (classes, heatmap, its dictionary, neuron groups, channel
 * pictures rendered in a batched job) and shows an interpolation as a strip, against a stack of real processes; it opens the signed-in link {@code ./fv up} prints, and the
 * bare page of a browser without a key. Screenshots go to {@code target/screenshots}.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class WebPageTest {

  private static final Path E2E = Path.of("src/test/e2e");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path STATE = Path.of("target/web-test");
  private static LocalStack stack;
  private static StackState state;

  @BeforeAll
  static void startStack() throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "skipped: no " + CHROMIUM + " (install it with `apt-get install -y chromium`)");
    if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"));
    }
    // a fresh database each run: the model page must find no sweep of an earlier run
    StackSettings settings = new StackSettings(Path.of(System.getProperty("fv.repo.root")),
        FreshState.of(STATE), Path.of(System.getProperty("fv.models.dir")),
        StackPorts.free(), 1);
    stack = new LocalStack(settings, line -> System.err.println("stack: " + line));
    state = stack.start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void pageSubmitsFollowsListsFillsAnAtlasFindsExamplesImportsModelsExplainsAndInterpolates() throws IOException, InterruptedException {
    assertEquals(0, run(List.of("node", "page.e2e.mjs", state.apiUrl(),
        Path.of("target/screenshots").toAbsolutePath().toString(),
        stack.settings().photosDir().toString(), stack.settings().modelsDir().toString()),
        Map.of("FV_API_KEY", state.apiKey(), "FV_PAGE_LINK", PageLink.of(state))),
        "the browser script failed; its output is above, screenshots in target/screenshots");
    // the link's key rode in the fragment, which no request carries
    String apiLog = Files.readString(Path.of(state.component("job-api").log()));
    assertFalse(apiLog.contains(state.apiKey()), "job-api's log holds the API key");
  }

  /** Runs a command in the e2e folder, its output into the test's. */
  private static int run(List<String> command) throws IOException, InterruptedException {
    return run(command, Map.of());
  }

  private static int run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(E2E.toFile()).inheritIO();
    builder.environment().putAll(environment);
    return builder.start().waitFor();
  }
}
