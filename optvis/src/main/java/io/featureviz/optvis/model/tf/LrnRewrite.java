package io.featureviz.optvis.model.tf;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/**
 * Replaces every {@code LRN} node of a frozen GraphDef by basic ops computing the same values:
 * {@code x / (bias + alpha * sqr_sum)^beta}, where {@code sqr_sum} sums {@code x^2} over the
 * channels within {@code depth_radius}, clipped at the edges.
 *
 * <p>Why: TensorFlow's C++ gradient for LRN, the one {@link Graph#addGradients} uses, builds
 * {@code LRNGrad} without the op's {@code depth_radius}, {@code bias}, {@code alpha} and {@code
 * beta}, so it differentiates LRN at the default settings whatever the node says; and registered
 * gradients cannot be overridden from Java. Square, Conv2D, Mul, AddV2, Pow and RealDiv all have
 * correct built-in gradients.
 *
 * <p>The channel sum is a 1x1 Conv2D with a constant band filter, which needs the channel count
 * statically; it is read from shape inference on a scratch import of the unmodified graph.
 */
final class LrnRewrite {
  private LrnRewrite() {}

  private static final String LRN = "LRN";
  private static final AttrValue FLOAT = AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();

  /**
   * Returns {@code graph} with its LRN nodes rewritten; each LRN's name now names the final
   * division, so its consumers and exposed tensors are unchanged.
   *
   * @param input the tensor the network is fed through, as {@link NativeGraphImport} maps it
   */
  static GraphDef apply(GraphDef graph, TensorName input) {
    List<NodeDef> lrns = graph.getNodeList().stream().filter(n -> n.getOp().equals(LRN)).toList();
    if (lrns.isEmpty()) {
      return graph;
    }
    Map<String, Long> channels = channels(graph, input, lrns);
    GraphDef.Builder rewritten = graph.toBuilder().clearNode();
    for (NodeDef node : graph.getNodeList()) {
      if (node.getOp().equals(LRN)) {
        rewritten.addAllNode(basicOps(node, channels.get(node.getName())));
      } else {
        rewritten.addNode(node);
      }
    }
    return rewritten.build();
  }

  /** The channel count of each LRN's input, which equals its output's. */
  private static Map<String, Long> channels(GraphDef graph, TensorName input, List<NodeDef> lrns) {
    try (Graph scratch = new Graph()) {
      Placeholder<TFloat32> images = Ops.create(scratch)
          .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
      String prefix = NativeGraphImport.importInto(scratch, graph, "lrn_shapes", input,
          images.output());
      Map<String, Long> channels = new HashMap<>();
      for (NodeDef lrn : lrns) {
        Shape shape = scratch.operationOrThrow(prefix + "/" + lrn.getName()).output(0).shape();
        if (shape.isUnknown() || shape.numDimensions() != 4 || shape.size(3) < 0) {
          throw new ModelImportException("LRN node '" + lrn.getName() + "' has input shape "
              + shape + " with an unknown channel count; it must be static to rewrite the LRN,"
              + " whose built-in gradient is wrong");
        }
        channels.put(lrn.getName(), shape.size(3));
      }
      return channels;
    } catch (TensorFlowException e) {
      throw new ModelImportException(
          "cannot infer the channel counts of the graph's LRN nodes: " + e.getMessage(), e);
    }
  }

  private static List<NodeDef> basicOps(NodeDef lrn, long channels) {
    DataType type = lrn.getAttrOrDefault("T", FLOAT).getType();
    if (type != DataType.DT_FLOAT) {
      throw new ModelImportException("LRN node '" + lrn.getName() + "' is " + type
          + "; only float32 LRN is supported");
    }
    // Attributes equal to their defaults may be stripped from a GraphDef; these are TF's defaults.
    long radius = attr(lrn, "depth_radius", AttrValue.newBuilder().setI(5)).getI();
    float bias = attr(lrn, "bias", AttrValue.newBuilder().setF(1)).getF();
    float alpha = attr(lrn, "alpha", AttrValue.newBuilder().setF(1)).getF();
    float beta = attr(lrn, "beta", AttrValue.newBuilder().setF(0.5f)).getF();

    Nodes nodes = new Nodes(lrn);
    String x = lrn.getInput(0);
    String square = nodes.op("square", "Square", x);
    String band = nodes.constant("band", bandFilter((int) channels, radius), 1, 1, channels,
        channels);
    String sqrSum = nodes.add(nodes.node("sqr_sum", "Conv2D", square, band)
        .putAttr("strides", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
            .addAllI(List.of(1L, 1L, 1L, 1L))).build())
        .putAttr("padding", AttrValue.newBuilder().setS(ByteString.copyFromUtf8("VALID")).build()));
    String scaled = nodes.op("scaled", "Mul", sqrSum, nodes.constant("alpha", new float[] {alpha}));
    String base = nodes.op("base", "AddV2", scaled, nodes.constant("bias", new float[] {bias}));
    String denominator = nodes.op("denominator", "Pow", base,
        nodes.constant("beta", new float[] {beta}));
    nodes.op(null, "RealDiv", x, denominator);
    return nodes.all;
  }

  private static AttrValue attr(NodeDef node, String name, AttrValue.Builder fallback) {
    return node.getAttrOrDefault(name, fallback.build());
  }

  /** A [1, 1, C, C] filter summing, for output channel c, input channels c - r .. c + r. */
  private static float[] bandFilter(int channels, long radius) {
    float[] filter = new float[channels * channels];
    for (int in = 0; in < channels; in++) {
      for (int out = 0; out < channels; out++) {
        filter[in * channels + out] = Math.abs(in - out) <= radius ? 1 : 0;
      }
    }
    return filter;
  }

  /** Builds the float nodes replacing one LRN, named under it and placed on its device. */
  private static final class Nodes {
    private final NodeDef lrn;
    private final List<NodeDef> all = new ArrayList<>();

    Nodes(NodeDef lrn) {
      this.lrn = lrn;
    }

    /** A float op {@code lrn/fv_lrn/part}, or named as the LRN for {@code part == null}. */
    NodeDef.Builder node(String part, String op, String... inputs) {
      return bare(part, op).addAllInput(List.of(inputs)).putAttr("T", FLOAT);
    }

    private NodeDef.Builder bare(String part, String op) {
      String name = part == null ? lrn.getName() : lrn.getName() + "/fv_lrn/" + part;
      return NodeDef.newBuilder().setName(name).setOp(op).setDevice(lrn.getDevice());
    }

    String op(String part, String op, String... inputs) {
      return add(node(part, op, inputs));
    }

    String add(NodeDef.Builder node) {
      all.add(node.build());
      return node.getName();
    }

    String constant(String part, float[] values, long... dims) {
      TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
      for (long dim : dims) {
        shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
      }
      TensorProto tensor = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
          .setTensorShape(shape).addAllFloatVal(floats(values)).build();
      return add(bare(part, "Const").putAttr("dtype", FLOAT)
          .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build()));
    }

    private static List<Float> floats(float[] values) {
      List<Float> list = new ArrayList<>(values.length);
      for (float v : values) {
        list.add(v);
      }
      return list;
    }
  }
}
