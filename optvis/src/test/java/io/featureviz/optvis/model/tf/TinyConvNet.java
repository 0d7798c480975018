package io.featureviz.optvis.model.tf;

import io.featureviz.optvis.runtime.Sessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * A small classifier built with the Java ops, standing in for a user's model: conv1 (3x3, 4
 * channels) + ReLU, 2x2 max pool, conv2 (3x3, 6 channels) + ReLU, global mean, dense logits (5
 * classes). Weights are seeded random values held as constants (a frozen GraphDef), as TF1
 * reference variables (the only kind TensorFlow Java's SavedModel exporter saves) or as resource
 * variables (what TF2 graphs use).
 */
final class TinyConvNet implements AutoCloseable {

  static final int SIZE = 16;
  static final int CLASSES = 5;
  static final List<String> LAYERS = List.of("conv1", "conv2", "logits");
  static final Map<String, String> TENSORS =
      Map.of("conv1", "conv1/Relu:0", "conv2", "conv2/Relu:0", "logits", "logits:0");

  /** How a weight lives in the graph. */
  private interface Weights {
    /** Creates weight {@code name} in the scope {@code tf} of {@code layer}. */
    Operand<TFloat32> create(Ops tf, String layer, String name, Shape shape, float[] values);
  }

  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();

  static TinyConvNet withConstants() {
    return new TinyConvNet((tf, layer, name, shape, values) ->
        constant(tf.withName(name), shape, values));
  }

  static TinyConvNet withReferenceVariables() {
    return new TinyConvNet((tf, layer, name, shape, values) ->
        tf.withName(name).variable(constant(tf, shape, values)));
  }

  static TinyConvNet withResourceVariables() {
    return new TinyConvNet(TinyConvNet::resourceVariable);
  }

  private TinyConvNet(Weights weights) {
    Ops tf = Ops.create(graph);
    Random random = new Random(42);
    input = tf.withName("input")
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIZE, SIZE, 3)));
    Operand<TFloat32> conv1 = conv(tf, "conv1", input, 3, 4, weights, random);
    Operand<TFloat32> pool = tf.withName("pool").nn.maxPool(conv1,
        tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
    Operand<TFloat32> conv2 = conv(tf, "conv2", pool, 4, 6, weights, random);
    Operand<TFloat32> mean = tf.withName("gap").math.mean(conv2, tf.constant(new int[] {1, 2}));
    Ops dense = tf.withSubScope("dense");
    Operand<TFloat32> kernel =
        weights.create(dense, "dense", "kernel", Shape.of(6, CLASSES), values(random, 6 * CLASSES));
    Operand<TFloat32> bias =
        weights.create(dense, "dense", "bias", Shape.of(CLASSES), values(random, CLASSES));
    Operand<TFloat32> logits =
        tf.withName("logits").math.add(tf.linalg.matMul(mean, kernel), bias);
    outputs.put("conv1", conv1);
    outputs.put("conv2", conv2);
    outputs.put("logits", logits);
    session = Sessions.open(graph);
    session.initialize();
  }

  private static Operand<TFloat32> conv(Ops tf, String name, Operand<TFloat32> x, int in, int out,
      Weights weights, Random random) {
    Ops layer = tf.withSubScope(name);
    Operand<TFloat32> kernel = weights.create(layer, name, "kernel", Shape.of(3, 3, in, out),
        values(random, 9 * in * out));
    Operand<TFloat32> bias =
        weights.create(layer, name, "bias", Shape.of(out), values(random, out));
    Operand<TFloat32> conv = layer.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
    return layer.withName("Relu").nn.relu(layer.nn.biasAdd(conv, bias));
  }

  private static float[] values(Random random, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextGaussian() * 0.5f;
    }
    return values;
  }

  private static Operand<TFloat32> constant(Ops tf, Shape shape, float[] values) {
    return tf.constant(shape, DataBuffers.of(values, true, false));
  }

  private static Operand<TFloat32> resourceVariable(Ops tf, String layer, String name,
      Shape shape, float[] values) {
    VarHandleOp handle = tf.withName(name).varHandleOp(TFloat32.class, shape,
        VarHandleOp.sharedName(layer + "/" + name));
    tf.withInitScope().assignVariableOp(handle, constant(tf.withInitScope(), shape, values));
    return tf.withName(name + "_read").readVariableOp(handle, TFloat32.class);
  }

  /** Every layer's activations on {@code images}, fed straight to the input placeholder. */
  Map<String, float[]> activations(TFloat32 images) {
    Session.Runner runner = session.runner().feed(input, images);
    outputs.values().forEach(runner::fetch);
    Map<String, float[]> activations = new LinkedHashMap<>();
    try (Result result = runner.run()) {
      int i = 0;
      for (String layer : outputs.keySet()) {
        activations.put(layer, Tensors.floats((TFloat32) result.get(i++)));
      }
    }
    return activations;
  }

  GraphDef graphDef() {
    return graph.toGraphDef();
  }

  Session session() {
    return session;
  }

  void writeGraphDef(Path file) throws IOException {
    Files.write(file, graphDef().toByteArray());
  }

  void exportSavedModel(Path dir) throws IOException {
    Signature.Builder signature = Signature.builder().input("images", input);
    outputs.forEach(signature::output);
    SavedModelBundle.exporter(dir.toString())
        .withFunction(SessionFunction.create(signature.build(), session))
        .export();
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
