package io.featureviz.contracts.render;

import java.util.Map;

/**
 * How much memory a worker's process needs to render one job, from the peak resident sizes
 * {@code ./fv bench} measured (one JVM per case, CPU natives of TensorFlow 2.16.2, the render
 * graph plus the bench's own forward-backward graph, so a little above a worker's render). The
 * peak grows linearly with the pixels of the batch, {@code size * size * batch}, on a base of
 * the JVM, the natives and the loaded model:
 *
 * <pre>
 * peak RSS, MiB        128/1  128/4  224/1  224/4  512/1  512/4
 * mobilenet_v2          606    688    657    878    972   2122
 * inception_v3         1073   1007    916   1138   1288   2037
 * </pre>
 *
 * Each fit below lies on or above its row. Models not measured (uploads, the other catalog
 * entries) get the larger of the two estimates. The job API refuses a job whose estimate exceeds the workers' budget
 * ({@code fv.limits.render-memory}); the deployments size the workers' memory from it.
 */
public final class RenderMemory {

  private static final long MIB = 1L << 20;

  /** A fit over one row of the table: a base and the growth per pixel of the batch. */
  private record Fit(long baseMib, long bytesPerPixel) {

    long bytes(long pixels) {
      return baseMib * MIB + bytesPerPixel * pixels;
    }
  }

  private static final Map<String, Fit> MEASURED = Map.of(
      "mobilenet_v2", new Fit(610, 1540),
      "inception_v3", new Fit(1080, 980));

  private RenderMemory() {}

  /** The estimated peak resident size, in bytes, of a worker rendering this job. */
  public static long estimateBytes(String model, int size, int batch) {
    long pixels = (long) size * size * batch;
    Fit fit = MEASURED.get(model);
    return fit != null ? fit.bytes(pixels)
        : MEASURED.values().stream().mapToLong(f -> f.bytes(pixels)).max().orElseThrow();
  }

  /** {@code bytes} in whole MiB, rounded up: how estimates and budgets are reported. */
  public static long mebibytes(long bytes) {
    return (bytes + MIB - 1) / MIB;
  }
}
