package io.featureviz.optvis.model;

import io.featureviz.contracts.messages.BuiltInModels;
import io.featureviz.optvis.model.onnx.OnnxModel;
import io.featureviz.optvis.model.tf.ModelMetadata;
import io.featureviz.optvis.model.tf.UserModels;
import io.featureviz.optvis.model.tfjs.TfjsLayersModel;
import io.featureviz.optvis.model.tflite.TfliteModel;
import io.featureviz.uploads.ZipUnpacker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The models the engine knows by id, plus users' models named by path. Loaded models are
 * cached: their weights stay in memory and serve every graph built for them.
 *
 * <p>{@code mobilenet_v2} is read from the models directory the caller names (the command line
 * and the services take it from {@code FV_MODELS_DIR}); {@code inception_v3} ships on the class
 * path, converted from npm's {@code nsfwjs} by the build.
 */
public final class ModelCatalog {

  public static final String MOBILENET_V2 = BuiltInModels.MOBILENET_V2;
  public static final String INCEPTION_V3 = BuiltInModels.INCEPTION_V3;
  private static final String MOBILENET_FOLDER = "mobilenet_v2_1.0_224_quant";
  /** Bounds on a zipped model: ONNX external data may be a file per tensor, 2 GB in all. */
  private static final int MAX_ZIP_ENTRIES = 10_000;
  private static final long MAX_ZIP_BYTES = 4L << 30;

  private final Path modelsDir;
  private final Map<String, ImageModel> loaded = new ConcurrentHashMap<>();

  public ModelCatalog(Path modelsDir) {
    this.modelsDir = modelsDir;
  }

  public Path modelsDir() {
    return modelsDir;
  }

  /** The built-in ids, whether or not their files are present. */
  public List<String> ids() {
    return BuiltInModels.IDS;
  }

  /** Loads (once) the model with this catalog id, or a user's model at this path. */
  public ImageModel load(String idOrPath) {
    return loaded.computeIfAbsent(idOrPath, this::open);
  }

  private ImageModel open(String idOrPath) {
    try {
      return switch (idOrPath) {
        case MOBILENET_V2 -> {
          Path folder = modelsDir.resolve(MOBILENET_FOLDER);
          Path file = folder.resolve(MOBILENET_FOLDER + ".tflite");
          if (!Files.isRegularFile(file)) {
            throw new UnknownModelException("model " + MOBILENET_V2 + " needs " + file
                + " (set FV_MODELS_DIR to the folder holding " + MOBILENET_FOLDER + ")");
          }
          yield TfliteModel.load(file, folder.resolve("imagenet_labels.txt"), MOBILENET_V2);
        }
        case INCEPTION_V3 -> TfjsLayersModel.builtIn(INCEPTION_V3);
        default -> openPath(idOrPath);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load model " + idOrPath + ": " + e.getMessage(), e);
    }
  }

  private ImageModel openPath(String text) throws IOException {
    Path path = Path.of(text);
    if (!Files.exists(path)) {
      throw new UnknownModelException("unknown model '" + text + "': not one of " + ids()
          + " and no such file or folder");
    }
    if (OnnxModel.accepts(path)) {
      return OnnxModel.load(path);
    }
    String name = path.getFileName().toString();
    if (name.endsWith(".zip") && Files.isRegularFile(path)) {
      return openZip(path);
    }
    if (name.endsWith(".tflite")) {
      Path labels = path.resolveSibling("labels.txt");
      String id = name.substring(0, name.length() - ".tflite".length());
      return Files.isRegularFile(labels) ? TfliteModel.load(path, labels, id)
          : TfliteModel.load(path, id);
    }
    if (name.endsWith(".json") && !name.equals("model.json")
        || Files.isRegularFile(path.resolve(ModelMetadata.FILE_NAME))) {
      return UserModels.load(path);
    }
    if (name.equals("model.json")) {
      return TfjsLayersModel.load(path);
    }
    if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("model.json"))) {
      return TfjsLayersModel.load(path.resolve("model.json"));
    }
    Optional<Path> tflite = onlyTfliteIn(path);
    if (tflite.isPresent()) {
      return openPath(tflite.get().toString());
    }
    throw new UnknownModelException("model path '" + text + "' is not a supported model: give a"
        + " .tflite or .onnx file (or a folder or zip holding one), a TensorFlow.js layers"
        + " model.json, or a SavedModel or frozen GraphDef with its " + ModelMetadata.FILE_NAME);
  }

  /**
   * A zip holding a model as a folder would (an ONNX file with its external data,
   * {@code featureviz-model.json} and {@code labels.txt}; any format's folder), at its top or in
   * its one folder. It is unpacked into a temporary folder that is gone once the model is
   * loaded: every format reads its weights at load.
   */
  private ImageModel openZip(Path zip) throws IOException {
    Path folder = Files.createTempDirectory("fv-model-");
    try {
      new ZipUnpacker(MAX_ZIP_ENTRIES, MAX_ZIP_BYTES,
          reason -> new UnknownModelException(zip + ": " + reason)).unpack(zip, folder);
      List<Path> top;
      try (Stream<Path> files = Files.list(folder)) {
        top = files.limit(2).toList();
      }
      Path root = top.size() == 1 && Files.isDirectory(top.get(0)) ? top.get(0) : folder;
      return openPath(root.toString());
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** The one .tflite file of a folder (how uploaded models are stored), if it holds exactly one. */
  private static Optional<Path> onlyTfliteIn(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> tflite =
          files.filter(f -> f.getFileName().toString().endsWith(".tflite")).limit(2).toList();
      return tflite.size() == 1 ? Optional.of(tflite.get(0)) : Optional.empty();
    }
  }

  /** A model id or path that names no model the catalog can load. */
  public static final class UnknownModelException extends IllegalArgumentException {
    public UnknownModelException(String message) {
      super(message);
    }
  }
}
