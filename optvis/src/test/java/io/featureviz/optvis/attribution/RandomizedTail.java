package io.featureviz.optvis.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.model.tf.ModelMetadata;
import io.featureviz.optvis.model.tf.UserModels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
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
 * A classifier with every weight after one layer re-initialized at random (Adebayo et al. 2018's
 * cascading randomization), the least invasive way: the model is built into a graph, exported as
 * a frozen GraphDef, each float constant that only the layers after L read gets random values of
 * the same shape, mean and spread, and the result is loaded back as a user's graphdef model.
 */
final class RandomizedTail {

  private static final String INPUT = "input";

  private RandomizedTail() {}

  static ImageModel of(ImageModel model, String layer, long seed, Path dir) throws IOException {
    ModelInfo info = model.info();
    String logitsLayer = info.logitsLayer().orElseThrow();
    int size = info.inputSize();
    GraphDef randomized;
    String cut;
    String logits;
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input = tf.withName(INPUT)
          .placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 3)));
      Map<String, Operand<TFloat32>> layers =
          model.build(new NetworkBuilder(tf.withSubScope("model")), input);
      Output<TFloat32> cutOutput = layers.get(layer).asOutput();
      Output<TFloat32> logitsOutput = layers.get(logitsLayer).asOutput();
      cut = cutOutput.op().name() + ":" + cutOutput.index();
      logits = logitsOutput.op().name() + ":" + logitsOutput.index();
      GraphDef frozen = graph.toGraphDef();
      Set<String> tail = ancestors(frozen, logitsOutput.op().name());
      tail.removeAll(ancestors(frozen, cutOutput.op().name()));
      GraphDef.Builder builder = frozen.toBuilder();
      Random random = new Random(seed);
      int replaced = 0;
      for (NodeDef.Builder node : builder.getNodeBuilderList()) {
        if (tail.contains(node.getName()) && node.getOp().equals("Const")
            && randomize(node, random)) {
          replaced++;
        }
      }
      if (replaced == 0) {
        throw new IllegalStateException("no weights after " + layer + " to randomize");
      }
      randomized = builder.build();
    }
    Files.write(dir.resolve("tail.pb"), randomized.toByteArray());
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("id", info.id() + "_randomized_after_" + layer.replace('/', '_'));
    metadata.put("format", ModelMetadata.GRAPHDEF);
    metadata.put("model", "tail.pb");
    metadata.put("input", INPUT + ":0");
    metadata.put("input_size", size);
    metadata.put("value_range", List.of(0f, 1f));
    metadata.put("layers", List.of(Map.of("name", layer, "tensor", cut)));
    metadata.put("logits", logits);
    new ObjectMapper().writeValue(dir.resolve(ModelMetadata.FILE_NAME).toFile(), metadata);
    return UserModels.load(dir);
  }

  /** The node and every node it reads, through data and control inputs. */
  private static Set<String> ancestors(GraphDef graph, String node) {
    Map<String, List<String>> inputs = new HashMap<>();
    for (NodeDef def : graph.getNodeList()) {
      inputs.put(def.getName(), def.getInputList().stream()
          .map(name -> name.replaceFirst("^\\^", "").replaceFirst(":\\d+$", "")).toList());
    }
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> pending = new ArrayDeque<>(List.of(node));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (seen.add(next)) {
        pending.addAll(inputs.getOrDefault(next, List.of()));
      }
    }
    return seen;
  }

  /** Replaces a float tensor of several distinct values by Gaussian ones of its mean and spread. */
  private static boolean randomize(NodeDef.Builder node, Random random) {
    TensorProto tensor = node.getAttrOrThrow("value").getTensor();
    long count = 1;
    for (TensorShapeProto.Dim dim : tensor.getTensorShape().getDimList()) {
      count *= dim.getSize();
    }
    if (tensor.getDtype() != DataType.DT_FLOAT || count < 2
        || tensor.getTensorContent().isEmpty()) {
      return false;
    }
    ByteBuffer bytes = tensor.getTensorContent().asReadOnlyByteBuffer()
        .order(ByteOrder.LITTLE_ENDIAN);
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < count; i++) {
      float v = bytes.getFloat(4 * i);
      sum += v;
      squares += v * v;
    }
    double mean = sum / count;
    double spread = Math.sqrt(Math.max(0, squares / count - mean * mean));
    ByteBuffer values = ByteBuffer.allocate((int) (4 * count)).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      values.putFloat((float) (mean + spread * random.nextGaussian()));
    }
    values.flip();
    TensorProto replaced = tensor.toBuilder()
        .setTensorContent(com.google.protobuf.ByteString.copyFrom(values)).build();
    node.putAttr("value", AttrValue.newBuilder().setTensor(replaced).build());
    return true;
  }
}
