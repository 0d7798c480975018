package io.featureviz.optvis.model.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** A frozen GraphDef with a [-1, 1] input range, imported into fresh optimization graphs. */
class FrozenGraphImportTest {

  private static final Shape BATCH = Shape.of(2, TinyConvNet.SIZE, TinyConvNet.SIZE, 3);
  private static final float[] IMAGES = Tensors.uniform(7, (int) BATCH.size());

  @TempDir static Path dir;
  private static TinyConvNet original;
  private static ImageModel model;

  @BeforeAll
  static void importModel() throws Exception {
    TensorFlowRuntime.ensureLoaded();
    original = TinyConvNet.withConstants();
    original.writeGraphDef(dir.resolve("tiny.pb"));
    Files.writeString(dir.resolve("labels.txt"), "a\nb\nc\nd\ne\n");
    Map<String, Object> json = MetadataFiles.forTinyNet("graphdef", -1, 1);
    json.put("labels", "labels.txt");
    model = UserModels.load(MetadataFiles.write(dir, json));
  }

  @AfterAll
  static void close() {
    original.close();
  }

  @Test
  void infoCarriesMetadataAndDiscoveredShapes() {
    ModelInfo info = model.info();
    assertEquals("tiny", info.id());
    assertEquals("graphdef", info.format());
    assertEquals(TinyConvNet.SIZE, info.inputSize());
    assertEquals(-1f, info.rangeMin());
    assertEquals(1f, info.rangeMax());
    assertEquals(List.of(new LayerInfo("conv1", 4, 16, 16), new LayerInfo("conv2", 6, 8, 8),
        new LayerInfo("logits", TinyConvNet.CLASSES, 1, 1)), info.layers());
    assertEquals(List.of("a", "b", "c", "d", "e"), info.labels());
    assertEquals(Optional.of("logits"), info.logitsLayer());
  }

  @Test
  void importedActivationsEqualTheOriginalOnRangeMappedImages() {
    Map<String, float[]> expected;
    try (TFloat32 mapped = Tensors.of(BATCH, Tensors.toRange(IMAGES, -1, 1))) {
      expected = original.activations(mapped);
    }
    Map<String, float[]> actual =
        ImportedActivations.of((tf, x) -> model.build(new NetworkBuilder(tf), x), BATCH, IMAGES);
    assertEquals(TinyConvNet.LAYERS, List.copyOf(actual.keySet()));
    expected.forEach((layer, values) ->
        assertArrayEquals(values, actual.get(layer), 1e-5f, layer));
  }

  @Test
  void buildsTwiceIntoOneGraphUnderDistinctNames() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> images = tf.placeholder(TFloat32.class);
      String first = model.build(new NetworkBuilder(tf), images).get("conv2").op().name();
      String second = model.build(new NetworkBuilder(tf), images).get("conv2").op().name();
      assertTrue(!first.equals(second), first + " vs " + second);
    }
  }

  @Test
  void gradientsFlowBackToTheCallersImagesAndMatchFiniteDifferences() {
    float[] direction = Tensors.toRange(Tensors.uniform(11, IMAGES.length), -1, 1);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> images = tf.placeholder(TFloat32.class);
      Operand<TFloat32> conv2 = model.build(new NetworkBuilder(tf), images).get("conv2");
      Operand<TFloat32> loss = tf.math.mean(conv2, tf.constant(new int[] {0, 1, 2, 3}));

      DirectionalDerivative d =
          DirectionalDerivative.of(graph, loss, images, BATCH, IMAGES, direction, 1e-3f);

      assertTrue(d.gradientL1() > 0, "gradient is zero");
      assertEquals(d.numeric(), d.analytic(), 0.02 * Math.abs(d.numeric()) + 1e-4,
          "directional derivative: " + d);
    }
  }
}
