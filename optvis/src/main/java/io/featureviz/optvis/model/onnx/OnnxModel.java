package io.featureviz.optvis.model.onnx;

import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * An image model imported from an ONNX file (PyTorch's exporter, tf2onnx, ...) and rebuilt as
 * TensorFlow ops, channel-last inside (see {@link Activation}).
 *
 * <p>Exposed layers are the node outputs with a channel axis (4-D, exposed NHWC, or 2-D
 * [batch, features]), named by {@link LayerNames}. The logits are the input of a final Softmax,
 * else the output of the last Gemm or MatMul.
 */
public final class OnnxModel implements ImageModel {

  public static final String FORMAT = "onnx";
  /** The image size used when the model's input size is dynamic and no metadata gives one. */
  public static final int DEFAULT_INPUT_SIZE = 224;

  private final ModelInfo info;
  private final OnnxNetwork network;
  private final Normalization normalization;
  private final Map<String, String> layerTensors;

  private OnnxModel(ModelInfo info, OnnxNetwork network, Normalization normalization,
      Map<String, String> layerTensors) {
    this.info = info;
    this.network = network;
    this.normalization = normalization;
    this.layerTensors = layerTensors;
  }

  /**
   * Whether a path names an ONNX model: a {@code .onnx} file, a metadata file with
   * {@code "format": "onnx"}, or a folder holding such metadata or exactly one {@code .onnx} file.
   */
  public static boolean accepts(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (Files.isRegularFile(path)) {
      return name.endsWith(".onnx") || name.endsWith(".json") && OnnxMetadata.describesOnnx(path);
    }
    if (!Files.isDirectory(path)) {
      return false;
    }
    Path metadata = path.resolve(OnnxMetadata.FILE_NAME);
    return Files.isRegularFile(metadata) ? OnnxMetadata.describesOnnx(metadata)
        : onnxFilesIn(path).size() == 1;
  }

  /**
   * Loads an ONNX model from any path {@link #accepts} takes. Labels come from the metadata or
   * a {@code labels.txt} beside the model.
   *
   * @throws OnnxImportException saying what cannot be imported, naming the node
   */
  public static OnnxModel load(Path path) {
    Path metadataFile = path.toString().endsWith(".json") ? path
        : Files.isDirectory(path) ? path.resolve(OnnxMetadata.FILE_NAME) : null;
    OnnxMetadata metadata = metadataFile != null && Files.isRegularFile(metadataFile)
        ? OnnxMetadata.read(metadataFile) : null;
    Path base = (metadataFile != null ? metadataFile : path).toAbsolutePath().getParent();
    Path file;
    if (metadata != null && metadata.model() != null) {
      file = base.resolve(metadata.model());
    } else if (Files.isDirectory(path) || metadata != null) {
      List<Path> candidates = onnxFilesIn(Files.isDirectory(path) ? path : base);
      if (candidates.size() != 1) {
        throw new OnnxImportException((Files.isDirectory(path) ? path : base) + " holds "
            + candidates.size() + " .onnx files instead of one; name it in 'model'");
      }
      file = candidates.get(0);
    } else {
      file = path;
    }
    Path labels = metadata != null && metadata.labels() != null ? base.resolve(metadata.labels())
        : file.resolveSibling("labels.txt");
    String id = metadata != null && metadata.id() != null ? metadata.id()
        : file.getFileName().toString().replaceFirst("\\.onnx$", "");
    return load(file, metadata == null ? Normalization.IMAGENET : metadata.normalization(),
        Files.isRegularFile(labels) ? readLabels(labels) : List.of(), id,
        metadata == null ? null : metadata.inputSize());
  }

  /**
   * Loads an ONNX file with the given preprocessing and labels.
   *
   * @param inputSize the image size for a dynamic input size; null for the default
   */
  public static OnnxModel load(Path onnxFile, Normalization normalization, List<String> labels,
      String id, Integer inputSize) {
    TensorFlowRuntime.ensureLoaded();
    OnnxModelFile file = OnnxModelFile.read(onnxFile);
    OnnxNetwork network;
    try {
      network = OnnxNetwork.prepare(file);
    } catch (OnnxImportException e) {
      throw new OnnxImportException(onnxFile + ": " + e.getMessage(), e);
    }
    long declared = network.input().dims()[2];
    int size = declared > 0 ? (int) declared : inputSize != null ? inputSize : DEFAULT_INPUT_SIZE;
    LayerCatalog catalog;
    try {
      catalog = LayerCatalog.probe(network, size);
    } catch (OnnxImportException e) {
      throw new OnnxImportException(onnxFile + ": " + e.getMessage(), e);
    }
    if (!labels.isEmpty() && (catalog.logits() == null
        || catalog.channels(catalog.logits()) != labels.size())) {
      throw new OnnxImportException(onnxFile + ": " + labels.size() + " labels do not match the"
          + " model's " + (catalog.logits() == null ? "missing"
          : catalog.channels(catalog.logits())) + " class scores");
    }
    Map<String, String> names = LayerNames.of(catalog.tensors(), catalog.producers(),
        catalog.logits());
    List<LayerInfo> layers = new ArrayList<>();
    names.forEach((name, tensor) -> layers.add(catalog.layer(name, tensor)));
    ModelInfo info = new ModelInfo(id, FORMAT, size, normalization.min(), normalization.max(),
        layers, labels, Optional.ofNullable(catalog.logits()).map(t -> LayerNames.LOGITS),
        normalization.meanStd());
    return new OnnxModel(info, network, normalization, names);
  }

  private static List<Path> onnxFilesIn(Path dir) {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".onnx")).limit(2).toList();
    } catch (IOException e) {
      throw new OnnxImportException("cannot list " + dir + ": " + e, e);
    }
  }

  private static List<String> readLabels(Path file) {
    try {
      List<String> labels = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      while (!labels.isEmpty() && labels.get(labels.size() - 1).isBlank()) {
        labels.remove(labels.size() - 1);
      }
      return labels;
    } catch (IOException e) {
      throw new OnnxImportException("cannot read labels " + file + ": " + e, e);
    }
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /** How pixels in [0, 1] are turned into the model's input. */
  public Normalization normalization() {
    return normalization;
  }

  @Override
  public Map<String, Operand<TFloat32>> build(NetworkBuilder net, Operand<TFloat32> images) {
    Ops tf = net.tf();
    Map<String, Value> values =
        network.build(net, Activation.nhwc(normalization.apply(tf, images)));
    Map<String, Operand<TFloat32>> layers = new LinkedHashMap<>();
    layerTensors.forEach((name, tensor) -> {
      Activation a = (Activation) values.get(tensor);
      layers.put(name, a.rank() == 4 ? a.nhwc(tf) : a.tensor());
    });
    return layers;
  }

  /**
   * Evaluates the network on input exactly as the ONNX model takes it (NCHW, normalized), for
   * comparisons with a reference runtime.
   *
   * @return every exposed tensor in ONNX layout, by ONNX tensor name
   */
  Map<String, Operand<TFloat32>> buildOnModelInput(NetworkBuilder net, Operand<TFloat32> nchw) {
    Map<String, Value> values = network.build(net, Activation.onnx(nchw));
    Map<String, Operand<TFloat32>> tensors = new LinkedHashMap<>();
    for (String tensor : layerTensors.values()) {
      tensors.computeIfAbsent(tensor, t -> ((Activation) values.get(t)).nchw(net.tf()));
    }
    return tensors;
  }

  /** The exposed tensors and their shapes, found by building the network once at its size. */
  private record LayerCatalog(List<String> tensors, Map<String, OnnxNode> producers,
      Map<String, long[]> shapes, String logits) {

    static LayerCatalog probe(OnnxNetwork network, int size) {
      try (Graph graph = new Graph()) {
        Ops tf = Ops.create(graph);
        Placeholder<TFloat32> input =
            tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 3, size, size)));
        Map<String, Value> values = network.build(new NetworkBuilder(tf), Activation.onnx(input));
        List<String> tensors = new ArrayList<>();
        Map<String, OnnxNode> producers = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        String lastDense = null;
        String softmaxInput = null;
        for (OnnxNode node : network.nodes()) {
          for (String output : node.outputs()) {
            if (values.get(output) instanceof Activation a && (a.rank() == 4 || a.rank() == 2)) {
              tensors.add(output);
              producers.put(output, node);
              shapes.put(output, a.onnxShape());
            }
          }
          if (node.opType().equals("Gemm") || node.opType().equals("MatMul")) {
            lastDense = node.outputs().get(0);
          }
          if (node.opType().equals("Softmax")
              && network.outputs().contains(node.outputs().get(0))
              && values.get(node.inputs().get(0)) instanceof Activation a && a.rank() == 2) {
            softmaxInput = node.inputs().get(0);
          }
        }
        String logits = softmaxInput != null ? softmaxInput
            : lastDense != null && shapes.containsKey(lastDense)
                && shapes.get(lastDense).length == 2 ? lastDense : null;
        return new LayerCatalog(tensors, producers, shapes, logits);
      }
    }

    int channels(String tensor) {
      return (int) shapes.get(tensor)[1];
    }

    LayerInfo layer(String name, String tensor) {
      long[] shape = shapes.get(tensor);
      return shape.length == 4
          ? new LayerInfo(name, (int) shape[1], (int) shape[2], (int) shape[3])
          : new LayerInfo(name, (int) shape[1], 1, 1);
    }
  }
}
