package io.featureviz.optvis.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The built-in inception_v3 against the TensorFlow.js reference run of the original model. */
class TfjsInceptionV3Test {

  private static TfjsLayersModel model;
  private static ReferenceFixture fixture;
  /** Every exposed layer's output for the fixture's input, from one forward pass. */
  private static Map<String, ReferenceFixture.Array> outputs;

  @BeforeAll
  static void loadAndRun() {
    TensorFlowRuntime.ensureLoaded();
    model = TfjsLayersModel.builtIn("inception_v3");
    fixture = new ReferenceFixture();
    outputs = run(fixture.input());
  }

  @Test
  void describesTheImageNetTrunk() {
    ModelInfo info = model.info();
    assertEquals("inception_v3", info.id());
    assertEquals("tfjs-layers", info.format());
    assertEquals(299, info.inputSize());
    // nsfwjs feeds this model pixels / 255.
    assertEquals(0f, info.rangeMin());
    assertEquals(1f, info.rangeMax());
    assertTrue(info.labels().isEmpty());
    assertTrue(info.logitsLayer().isEmpty());
    // Keras InceptionV3 at 299 px.
    assertEquals(List.of(
        new LayerInfo("mixed0", 256, 35, 35),
        new LayerInfo("mixed1", 288, 35, 35),
        new LayerInfo("mixed2", 288, 35, 35),
        new LayerInfo("mixed3", 768, 17, 17),
        new LayerInfo("mixed4", 768, 17, 17),
        new LayerInfo("mixed5", 768, 17, 17)), info.layers());
  }

  @Test
  void catalogSizesMatchTheGraphOutputsAt299Pixels() {
    assertEquals(6, outputs.size());
    for (LayerInfo layer : model.info().layers()) {
      assertEquals(Shape.of(1, layer.height(), layer.width(), layer.channels()),
          outputs.get(layer.name()).shape(), layer.name());
    }
  }

  /**
   * Relative error of a layer: max |java - reference| / max |reference| over all its elements,
   * so that near-zero activations do not inflate it.
   */
  @Test
  void agreesWithTensorFlowJsAtMixed2AndMixed5() {
    for (String name : List.of("mixed2", "mixed5")) {
      ReferenceFixture.Array reference = fixture.layer(name);
      float[] actual = outputs.get(name).values();
      assertEquals(reference.values().length, actual.length, name);
      double maxDifference = 0;
      double maxReference = 0;
      for (int i = 0; i < actual.length; i++) {
        maxDifference = Math.max(maxDifference, Math.abs(actual[i] - reference.values()[i]));
        maxReference = Math.max(maxReference, Math.abs(reference.values()[i]));
      }
      double relativeError = maxDifference / maxReference;
      System.out.printf("%s: max |java - tfjs| = %.3g, max |tfjs| = %.3g, relative error %.3g%n",
          name, maxDifference, maxReference, relativeError);
      assertTrue(maxReference > 0.1, name + " reference is all but zero");
      assertTrue(relativeError < 1e-3, name + " relative error " + relativeError);
    }
  }

  private static Map<String, ReferenceFixture.Array> run(ReferenceFixture.Array input) {
    try (Graph g = new Graph(); Session session = Sessions.open(g);
        TFloat32 images = TFloat32.tensorOf(input.shape(), DataBuffers.of(input.values()))) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> placeholder = tf.placeholder(TFloat32.class);
      Map<String, Operand<TFloat32>> layers = model.build(new NetworkBuilder(tf), placeholder);
      Session.Runner runner = session.runner().feed(placeholder, images);
      List<String> names = new ArrayList<>(layers.keySet());
      names.forEach(name -> runner.fetch(layers.get(name)));
      Map<String, ReferenceFixture.Array> arrays = new LinkedHashMap<>();
      try (Result result = runner.run()) {
        for (int i = 0; i < names.size(); i++) {
          arrays.put(names.get(i), array((TFloat32) result.get(i)));
        }
      }
      return arrays;
    }
  }

  private static ReferenceFixture.Array array(TFloat32 tensor) {
    float[] values = new float[Math.toIntExact(tensor.shape().size())];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return new ReferenceFixture.Array(tensor.shape(), values);
  }
}
