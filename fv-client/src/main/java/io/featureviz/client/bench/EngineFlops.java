package io.featureviz.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The FLOPs of one render step of one image, as {@code ./fv bench} counts them in the engine's
 * graph (network forward and backward up to the objective's layer, plus everything around it).
 * A process of its own: the client carries no TensorFlow.
 */
public final class EngineFlops {

  private final Path repoRoot;

  public EngineFlops(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  /** GFLOP per step at batch 1 for an objective on channel 0 of {@code layer}. */
  public double gflopPerStep(String model, String layer, int size) {
    ProcessBuilder command = new ProcessBuilder(repoRoot.resolve("fv").toString(), "bench",
        "--model", model, "--size", Integer.toString(size), "--batch", "1", "--steps", "1",
        "--warmup", "0", "--redirect-relu-steps", "0", "--objective", layer + ":0", "--json")
        .directory(repoRoot.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process process = command.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("./fv bench failed for " + model + " " + layer + ": "
            + out);
      }
      JsonNode result = Json.mapper().readTree(out.strip().lines().reduce((a, b) -> b)
          .orElseThrow());
      return result.path("gflop_per_step").asDouble();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run ./fv bench", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
