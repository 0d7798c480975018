package io.featureviz.optvis.model.tf;

import com.google.protobuf.InvalidProtocolBufferException;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.tensorflow.proto.GraphDef;

/**
 * Loads users' TensorFlow models, TF1 frozen GraphDefs and graph-style TF2 SavedModels, described
 * by a {@link ModelMetadata} file, as {@link ImageModel}s that join any optimization graph.
 */
public final class UserModels {
  private UserModels() {}

  /**
   * Loads the model a metadata file describes.
   *
   * @param metadataFileOrModelDir a {@code featureviz-model.json} (any name) or the folder holding
   *     one named {@value ModelMetadata#FILE_NAME}
   * @throws ModelImportException saying what is wrong with the metadata or the model
   */
  public static ImageModel load(Path metadataFileOrModelDir) {
    TensorFlowRuntime.ensureLoaded();
    Path file = Files.isDirectory(metadataFileOrModelDir)
        ? metadataFileOrModelDir.resolve(ModelMetadata.FILE_NAME)
        : metadataFileOrModelDir;
    ModelMetadata metadata = ModelMetadata.read(file);
    Path base = file.toAbsolutePath().getParent();
    FrozenNetwork network = FrozenNetwork.of(graphDef(metadata, base), metadata);
    List<LayerInfo> layers = LayerShapeProbe.layers(network, metadata.inputSize());
    List<String> labels = labels(metadata, base, layers);
    ModelInfo info = new ModelInfo(metadata.id(), metadata.format(), metadata.inputSize(),
        metadata.rangeMin(), metadata.rangeMax(), layers, labels,
        metadata.logitsTensor().map(t -> ModelMetadata.LOGITS_LAYER));
    return new UserModel(info, network);
  }

  private static GraphDef graphDef(ModelMetadata metadata, Path base) {
    if (metadata.format().equals(ModelMetadata.SAVEDMODEL)) {
      Path dir = metadata.model() == null ? base : base.resolve(metadata.model());
      List<String> roots =
          metadata.layerTensors().values().stream().map(TensorName::node).toList();
      return SavedModelFreezer.freeze(dir, roots, metadata.inputTensor().node());
    }
    Path file = metadata.model() == null ? onlyGraphDefIn(base) : base.resolve(metadata.model());
    try {
      GraphDef graph = GraphDef.parseFrom(Files.readAllBytes(file));
      if (graph.getNodeCount() == 0) {
        throw new ModelImportException("not a TensorFlow GraphDef (no nodes): " + file);
      }
      return graph;
    } catch (InvalidProtocolBufferException e) {
      throw new ModelImportException("not a TensorFlow GraphDef (" + e.getMessage() + "): " + file);
    } catch (IOException e) {
      throw new ModelImportException("cannot read the GraphDef for field 'model': " + e, e);
    }
  }

  private static Path onlyGraphDefIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> pbs = files.filter(f -> f.getFileName().toString().endsWith(".pb")).toList();
      if (pbs.size() != 1) {
        throw new ModelImportException("field 'model' is not given and " + dir + " holds "
            + pbs.size() + " .pb files instead of one; name the GraphDef in 'model'");
      }
      return pbs.get(0);
    } catch (IOException e) {
      throw new ModelImportException("cannot list " + dir + ": " + e, e);
    }
  }

  private static List<String> labels(ModelMetadata metadata, Path base, List<LayerInfo> layers) {
    if (metadata.labels() == null) {
      return List.of();
    }
    List<String> labels;
    try {
      labels = Files.readAllLines(base.resolve(metadata.labels())).stream()
          .map(String::strip).toList();
    } catch (IOException e) {
      throw new ModelImportException(
          "field 'labels': cannot read " + base.resolve(metadata.labels()) + ": " + e, e);
    }
    int end = labels.size();
    while (end > 0 && labels.get(end - 1).isEmpty()) {
      end--;
    }
    List<String> trimmed = labels.subList(0, end);
    Optional<LayerInfo> logits = layers.stream()
        .filter(l -> l.name().equals(ModelMetadata.LOGITS_LAYER)).findFirst();
    if (logits.isPresent() && logits.get().channels() != trimmed.size()) {
      throw new ModelImportException("field 'labels': " + trimmed.size() + " labels for "
          + logits.get().channels() + " logits");
    }
    return List.copyOf(trimmed);
  }
}
