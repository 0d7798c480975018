package io.featureviz.optvis.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.featureviz.optvis.testing.GraphRun;
import io.featureviz.optvis.transform.RandomSource;
import io.featureviz.optvis.transform.TransformList;
import io.featureviz.optvis.transform.TransformedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The engine's warp kernel ({@code src/main/c/projective_warp.c}) against TensorFlow's own, run
 * side by side in one graph: the same bits, for every interpolation and fill mode, transforms
 * per image or shared, projective ones with points at infinity, channel counts other than 3.
 */
class ProjectiveWarpKernelTest {

  private static final float FILL = 0.375f;

  @Test
  void theKernelsAreBuiltAndLoadedWhereACompilerIs() {
    // A machine without one builds no library and renders the same bytes on TensorFlow's
    // kernels (src/main/c/build.sh): nothing to compare there.
    assumeTrue(compilerOnPath(), "no C compiler: the build leaves the kernels out");
    TensorFlowRuntime.ensureLoaded();
    assertTrue(NativeKernels.class.getClassLoader()
        .getResource("io/featureviz/optvis/runtime/libfvkernels.so") != null,
        "libfvkernels.so is not on the class path, though the build had a C compiler");
    assertTrue(NativeKernels.loaded(), "libfvkernels.so did not load (see the log)");
  }

  /** What build.sh looks for: $CC, else gcc. */
  private static boolean compilerOnPath() {
    String compiler = System.getenv().getOrDefault("CC", "gcc");
    if (compiler.contains(File.separator)) {
      return Files.isExecutable(Path.of(compiler));
    }
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, compiler)));
  }

  @ParameterizedTest(name = "{0} {1}, batch {2}, {3} channels, shared {4}")
  @CsvSource({
      "BILINEAR, CONSTANT, 3, 3, false", "BILINEAR, NEAREST, 3, 3, false",
      "BILINEAR, REFLECT, 2, 3, true", "BILINEAR, WRAP, 2, 3, false",
      "NEAREST, CONSTANT, 2, 3, false", "NEAREST, NEAREST, 1, 3, true",
      "NEAREST, REFLECT, 2, 3, false", "NEAREST, WRAP, 2, 3, false",
      "BILINEAR, CONSTANT, 2, 1, false", "BILINEAR, NEAREST, 2, 4, false",
      "BILINEAR, REFLECT, 1, 5, true", "NEAREST, CONSTANT, 2, 2, false"})
  void theWarpGivesTensorFlowsBitsForEveryMode(String interpolation, String fillMode, int batch,
      int channels, boolean shared) {
    assertSameBits(interpolation, fillMode, batch, channels, shared, 61, 70, 57, 83,
        interpolation.hashCode() * 31L + fillMode.hashCode() + batch);
  }

  /**
   * A render's warp at 224 px: large enough that the kernel's helper threads write rows too
   * (rows go to whichever thread claims them first, differently at each run). Repeated, as a
   * row written twice or not at all would show only at some runs.
   */
  @Test
  void aWarpSharedBetweenThreadsGivesTensorFlowsBits() {
    for (int run = 0; run < 4; run++) {
      assertSameBits("BILINEAR", "CONSTANT", 2, 3, false, 224, 224, 236, 236, run);
    }
  }

  private static void assertSameBits(String interpolation, String fillMode, int batch,
      int channels, boolean shared, int height, int width, int outHeight, int outWidth,
      long seed) {
    TensorFlowRuntime.ensureLoaded();
    assumeTrue(NativeKernels.loaded(), "no kernels to compare (see the first test)");
    Random random = new Random(seed);
    float[] pixels = new float[batch * height * width * channels];
    for (int i = 0; i < pixels.length; i++) {
      // Some subnormal: TensorFlow flushes them to zero on its threads, the helpers must too.
      pixels[i] = i % 97 == 0 ? 1e-39f : random.nextFloat() * 2 - 1;
    }
    int matrices = shared ? 1 : batch;
    float[] transforms = new float[matrices * 8];
    for (int b = 0; b < matrices; b++) {
      double angle = Math.toRadians(random.nextDouble() * 40 - 20);
      double scale = 0.6 + random.nextDouble() * 0.9;
      transforms[b * 8] = (float) (Math.cos(angle) / scale);
      transforms[b * 8 + 1] = (float) (-Math.sin(angle) / scale);
      transforms[b * 8 + 2] = (float) (random.nextDouble() * 60 - 30);
      transforms[b * 8 + 3] = (float) (Math.sin(angle) / scale);
      transforms[b * 8 + 4] = (float) (Math.cos(angle) / scale);
      transforms[b * 8 + 5] = (float) (random.nextDouble() * 60 - 30);
      // A projective row for every other image: the plane's horizon crosses the output.
      if (b % 2 == 1) {
        transforms[b * 8 + 6] = -1f / 40;
        transforms[b * 8 + 7] = 0.002f;
      }
    }
    List<float[]> outputs = GraphRun.fetch((tf, trainables) -> {
      Operand<TFloat32> images = tf.constant(Shape.of(batch, height, width, channels),
          DataBuffers.of(pixels));
      Operand<TFloat32> matrix = tf.constant(Shape.of(matrices, 8), DataBuffers.of(transforms));
      Operand<TInt32> outputShape = tf.constant(new int[] {outHeight, outWidth});
      return List.of(warp(tf, images, matrix, outputShape, interpolation, fillMode, false),
          warp(tf, images, matrix, outputShape, interpolation, fillMode, true));
    });
    float[] stock = outputs.get(0);
    float[] engine = outputs.get(1);
    assertEquals(batch * outHeight * outWidth * channels, stock.length);
    assertEquals(stock.length, engine.length);
    int filled = 0;
    for (int i = 0; i < stock.length; i++) {
      if (Float.floatToRawIntBits(stock[i]) != Float.floatToRawIntBits(engine[i])) {
        throw new AssertionError("element " + i + ": TensorFlow " + stock[i] + ", engine "
            + engine[i]);
      }
      filled += stock[i] == FILL ? 1 : 0;
    }
    // Points of the image and points filled, so that both paths were compared.
    assertTrue(filled < stock.length * 9 / 10, "almost all filled: " + filled);
    if ("CONSTANT".equals(fillMode)) {
      assertTrue(filled > 0, "no point outside the image");
    }
  }

  @Test
  void renderTransformsAndTheirGradientRunOnTheEnginesKernel() {
    TensorFlowRuntime.ensureLoaded();
    assumeTrue(NativeKernels.loaded(), "no kernels to compare (see the first test)");
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image = tf.placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(1, 64, 64, 3)));
      TransformedImage transformed = TransformList.STANDARD.apply(tf,
          new TransformedImage(image, 1, 64, 64), new RandomSource(tf, 1, tf.constant(3L)));
      graph.addGradients(tf.reduceSum(transformed.images(), tf.constant(new int[] {0, 1, 2, 3}))
          .asOutput(), new Output<?>[] {image.output()});
      List<GraphOperation> warps = new ArrayList<>();
      for (Iterator<GraphOperation> ops = graph.operations(); ops.hasNext(); ) {
        GraphOperation op = ops.next();
        if (op.type().equals("ImageProjectiveTransformV3")) {
          warps.add(op);
        }
      }
      assertEquals(2, warps.size(), "the warp and its gradient");
      for (GraphOperation warp : warps) {
        assertEquals(NativeKernels.LABEL, warp.attributes().getAttrString("_kernel"),
            warp.name());
      }
    }
  }

  private static Operand<TFloat32> warp(Ops tf, Operand<TFloat32> images,
      Operand<TFloat32> transforms, Operand<TInt32> outputShape, String interpolation,
      String fillMode, boolean engine) {
    var builder = tf.scope().opBuilder("ImageProjectiveTransformV3",
            engine ? "EngineWarp" : "StockWarp")
        .addInput(images.asOutput())
        .addInput(transforms.asOutput())
        .addInput(outputShape.asOutput())
        .addInput(tf.constant(FILL).asOutput())
        .setAttr("dtype", DataType.DT_FLOAT)
        .setAttr("interpolation", interpolation)
        .setAttr("fill_mode", fillMode);
    return RawOps.typed((engine ? NativeKernels.select(builder) : builder).build().output(0));
  }
}
