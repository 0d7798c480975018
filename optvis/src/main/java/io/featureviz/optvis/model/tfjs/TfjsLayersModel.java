package io.featureviz.optvis.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A Keras functional model saved in the TensorFlow.js layers format (model.json plus binary
 * weight files), rebuilt as TF ops on demand.
 *
 * <p>TF.js layers models carry no preprocessing; they are taken to expect pixels / 255 (values in
 * [0, 1], as Keras models converted for the browser are usually fed), so images pass unchanged.
 */
public final class TfjsLayersModel implements ImageModel {

  public static final String FORMAT = "tfjs-layers";

  /** Built-in models on the class path under models/&lt;id&gt;/, with the layers they expose. */
  private static final Map<String, List<String>> BUILT_IN = Map.of(
      // The ImageNet trunk of nsfwjs's InceptionV3; later layers were fine-tuned to another task.
      "inception_v3", List.of("mixed0", "mixed1", "mixed2", "mixed3", "mixed4", "mixed5"));

  private final String id;
  private final KerasGraph graph;
  private final Map<String, Weight> weights;
  private final ModelInfo info;

  private TfjsLayersModel(String id, KerasGraph graph, Map<String, Weight> weights,
      List<String> exposed) {
    this.id = id;
    this.graph = graph;
    this.weights = weights;
    this.info = new ModelInfo(id, FORMAT, graph.inputSize(), 0f, 1f, catalog(exposed),
        List.of(), Optional.empty());
  }

  /**
   * Loads a user's model from its model.json (weight files beside it). Every layer but the input
   * is exposed; the id is the name of the folder holding model.json.
   */
  public static TfjsLayersModel load(Path modelJson) {
    Path dir = modelJson.toAbsolutePath().getParent();
    ModelFiles files = ModelFiles.directory(dir);
    JsonNode json = parse(files, modelJson.getFileName().toString());
    KerasGraph graph = KerasGraph.parse(json.required("modelTopology"));
    List<String> exposed = new ArrayList<>(graph.layers().keySet());
    exposed.remove(graph.input().name());
    return new TfjsLayersModel(dir.getFileName().toString(), graph,
        TfjsWeights.read(json.required("weightsManifest"), files), exposed);
  }

  /** Loads a model shipped on the class path, such as {@code inception_v3}. */
  public static TfjsLayersModel builtIn(String id) {
    List<String> exposed = BUILT_IN.get(id);
    if (exposed == null) {
      throw new IllegalArgumentException("no built-in TF.js model '" + id + "'; built in: "
          + BUILT_IN.keySet());
    }
    ModelFiles files = ModelFiles.classpath("models/" + id);
    JsonNode json = parse(files, "model.json");
    return new TfjsLayersModel(id, KerasGraph.parse(json.required("modelTopology")),
        TfjsWeights.read(json.required("weightsManifest"), files), exposed);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Map<String, Operand<TFloat32>> build(NetworkBuilder net, Operand<TFloat32> images) {
    return build(net, images, info.layers().stream().map(LayerInfo::name).toList());
  }

  private Map<String, Operand<TFloat32>> build(NetworkBuilder net, Operand<TFloat32> images,
      List<String> exposed) {
    Ops scope = net.tf().withSubScope(opName(id));
    Map<String, Operand<TFloat32>> built = new HashMap<>();
    built.put(graph.input().name(), images);
    KerasLayerOps ops = new KerasLayerOps(net, weights);
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    for (String name : exposed) {
      outputs.put(name, output(name, built, ops, scope));
    }
    return outputs;
  }

  /** Builds a layer after the layers it takes its inputs from, each once. */
  private Operand<TFloat32> output(String name, Map<String, Operand<TFloat32>> built,
      KerasLayerOps ops, Ops scope) {
    Operand<TFloat32> done = built.get(name);
    if (done != null) {
      return done;
    }
    KerasLayer layer = graph.layers().get(name);
    if (layer == null) {
      throw new TfjsFormatException("the model has no layer '" + name + "'");
    }
    // A batch norm on a convolution's output is built into that convolution, from its input.
    Optional<KerasLayer> normalized = graph.convolutionNormalizedBy(layer);
    List<Operand<TFloat32>> inputs = new ArrayList<>();
    for (String inbound : normalized.orElse(layer).inbound()) {
      inputs.add(output(inbound, built, ops, scope));
    }
    Ops layerScope = scope.withSubScope(opName(name));
    Operand<TFloat32> result = normalized.isPresent()
        ? ops.conv2dWithBatchNorm(normalized.get(), layer, inputs, layerScope)
        : ops.apply(layer, inputs, layerScope);
    built.put(name, result);
    return result;
  }

  /** Layer sizes at the native input size, from TensorFlow's static shape inference. */
  private List<LayerInfo> catalog(List<String> exposed) {
    TensorFlowRuntime.ensureLoaded();
    int size = graph.inputSize();
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> images =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 3)));
      List<LayerInfo> layers = new ArrayList<>();
      build(new NetworkBuilder(tf), images, exposed).forEach((name, output) -> {
        Shape shape = output.shape();
        if (shape.numDimensions() != 4) {
          throw new TfjsFormatException("layer '" + name + "' outputs shape " + shape
              + ", not NHWC");
        }
        layers.add(new LayerInfo(name, (int) shape.get(3), (int) shape.get(1),
            (int) shape.get(2)));
      });
      return layers;
    }
  }

  private static JsonNode parse(ModelFiles files, String modelJson) {
    try {
      return new ObjectMapper().readTree(files.read(modelJson));
    } catch (IOException e) {
      throw new TfjsFormatException(modelJson + " is not valid JSON", e);
    }
  }

  /** TF op names allow letters, digits and {@code _.-}, and may not start with {@code _-}. */
  private static String opName(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_.\\-]", "_");
    return cleaned.matches("[A-Za-z0-9.].*") ? cleaned : "x" + cleaned;
  }
}
