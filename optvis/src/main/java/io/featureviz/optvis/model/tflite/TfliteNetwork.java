package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A TFLite subgraph re-implemented in float32: its operators prepared for TensorFlow, which
 * tensor is the image input and which holds the logits.
 *
 * <p>Activation quantization is ignored: the weights are dequantized and every op computes in
 * float, the standard way to run a quantization-aware-trained model as the float net it mimics.
 * A final SOFTMAX is left out, so its input is the logits.
 */
final class TfliteNetwork {

  private record ConstantValue(float[] values, long[] shape) {}

  private final TfliteTensor input;
  private final InputRange inputRange;
  private final List<GraphOp> ops;
  private final Map<Integer, ConstantValue> constants;
  private final TfliteTensor logits;

  private TfliteNetwork(TfliteTensor input, InputRange inputRange, List<GraphOp> ops,
      Map<Integer, ConstantValue> constants, TfliteTensor logits) {
    this.input = input;
    this.inputRange = inputRange;
    this.ops = List.copyOf(ops);
    this.constants = Map.copyOf(constants);
    this.logits = logits;
  }

  static TfliteNetwork prepare(TfliteModelFile file) throws TfliteFormatException {
    TfliteTensor input = imageInput(file);
    List<GraphOp> ops = new ArrayList<>();
    Map<Integer, ConstantValue> constants = new HashMap<>();
    Set<Integer> available = new HashSet<>(Set.of(input.index()));
    TfliteTensor softmaxInput = null;
    for (TfliteOperator op : file.operators()) {
      OperatorInputs in = new OperatorInputs(op, file);
      if (op.name().equals("SOFTMAX")) {
        softmaxInput = finalSoftmaxInput(in, file);
        continue;
      }
      GraphOp graphOp = prepare(in);
      for (int index : graphOp.inputs()) {
        TfliteTensor tensor = file.tensor(index);
        if (tensor.isConstant()) {
          constants.put(index, new ConstantValue(TensorValues.floats(tensor),
              Arrays.stream(tensor.shape()).asLongStream().toArray()));
        } else if (!available.contains(index)) {
          throw new TfliteFormatException(op.name() + " reads tensor '" + tensor.name()
              + "' before any operator computes it");
        }
      }
      ops.add(graphOp);
      available.add(graphOp.output());
    }
    return new TfliteNetwork(input, InputRange.of(input), ops, constants,
        softmaxInput != null ? softmaxInput : classScores(file));
  }

  private static GraphOp prepare(OperatorInputs in) throws TfliteFormatException {
    return switch (in.op().name()) {
      case "CONV_2D" -> Conv2dOp.prepare(in);
      case "DEPTHWISE_CONV_2D" -> DepthwiseConv2dOp.prepare(in);
      case "ADD" -> AddOp.prepare(in);
      case "AVERAGE_POOL_2D" -> AveragePool2dOp.prepare(in);
      case "RESHAPE" -> ReshapeOp.prepare(in);
      default -> throw new TfliteFormatException("unsupported TFLite op " + in.op().name());
    };
  }

  private static TfliteTensor imageInput(TfliteModelFile file) throws TfliteFormatException {
    int[] inputs = file.inputs();
    if (inputs.length != 1) {
      throw new TfliteFormatException("expected one image input, found " + inputs.length);
    }
    TfliteTensor input = file.tensor(inputs[0]);
    int[] shape = input.shape();
    if (shape.length != 4 || shape[1] != shape[2] || shape[3] != 3) {
      throw new TfliteFormatException("input '" + input.name() + "' has shape "
          + Arrays.toString(shape) + ", not a square RGB image [batch, size, size, 3]");
    }
    return input;
  }

  /** Softmax only turns the logits into probabilities, so only a final one may be dropped. */
  private static TfliteTensor finalSoftmaxInput(OperatorInputs in, TfliteModelFile file)
      throws TfliteFormatException {
    int output = in.output().index();
    if (Arrays.stream(file.outputs()).noneMatch(o -> o == output)) {
      throw new TfliteFormatException("SOFTMAX inside the network is not supported");
    }
    return in.input(0);
  }

  /** Without a final softmax, a [batch, classes] output is taken as the class scores. */
  private static TfliteTensor classScores(TfliteModelFile file) {
    return Arrays.stream(file.outputs())
        .mapToObj(file::tensor)
        .filter(t -> t.shape().length == 2)
        .findFirst()
        .orElse(null);
  }

  TfliteTensor input() {
    return input;
  }

  InputRange inputRange() {
    return inputRange;
  }

  /** The tensor holding pre-softmax class scores, or null when the model is no classifier. */
  TfliteTensor logits() {
    return logits;
  }

  /** Indices of the tensors the operators compute, in execution order. */
  List<Integer> computedTensors() {
    return ops.stream().map(GraphOp::output).toList();
  }

  /**
   * Adds the network to a graph.
   *
   * @param images NHWC images with values in [0, 1]
   * @return every computed tensor's value by tensor index
   */
  Map<Integer, Operand<TFloat32>> build(NetworkBuilder net, Operand<TFloat32> images) {
    Ops tf = net.tf();
    Map<Integer, Operand<TFloat32>> values = new HashMap<>();
    float span = inputRange.max() - inputRange.min();
    values.put(input.index(), tf.math.add(
        tf.math.mul(images, tf.constant(span)), tf.constant(inputRange.min())));
    constants.forEach((index, constant) ->
        values.put(index, OperatorInputs.constant(tf, constant.values(), constant.shape())));
    for (GraphOp op : ops) {
      List<Operand<TFloat32>> inputs = Arrays.stream(op.inputs()).mapToObj(values::get).toList();
      values.put(op.output(), op.build(net, inputs));
    }
    return values;
  }
}
