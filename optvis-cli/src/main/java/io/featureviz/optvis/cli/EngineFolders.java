package io.featureviz.optvis.cli;

import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --models-dir} and {@code --cache-dir}: the folders the engine is given, by default from
 * the environment ({@code FV_MODELS_DIR}, which {@code ./fv} sets, and {@code FV_CACHE_DIR}), the
 * same variables the services read.
 */
final class EngineFolders {

  @Option(names = "--models-dir", paramLabel = "DIR",
      defaultValue = "${env:FV_MODELS_DIR:-${sys:fv.models.dir:-../shared/models}}",
      description = "Folder holding the catalog's file-based models (FV_MODELS_DIR;"
          + " ${DEFAULT-VALUE}).")
  Path modelsDir;

  /** Blank when unset (an empty FV_CACHE_DIR too): the engine's default then. */
  @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = "${env:FV_CACHE_DIR:-}",
      description = "Folder TensorFlow's natives are extracted into (FV_CACHE_DIR;"
          + " default ~/.cache/featureviz).")
  String cacheDir;

  /** The catalog of the models folder; TensorFlow is pointed at the cache folder first. */
  ModelCatalog catalog() {
    pointTensorFlowAtCache();
    return new ModelCatalog(modelsDir);
  }

  /**
   * Starts loading TensorFlow's natives (about a second) on a background thread, for a command
   * that is about to need them: they load while its model's file is read and its options are
   * checked, instead of after.
   */
  void startLoadingNatives() {
    pointTensorFlowAtCache();
    // before this thread reads the model: TensorFlow settles its kernels as it loads
    TensorFlowRuntime.prepare();
    Thread loader = new Thread(EngineFolders::loadNatives, "tensorflow-natives");
    loader.setDaemon(true);
    loader.start();
  }

  private void pointTensorFlowAtCache() {
    if (!cacheDir.isBlank()) {
      TensorFlowRuntime.useCacheDir(Path.of(cacheDir));
    }
  }

  private static void loadNatives() {
    try {
      TensorFlowRuntime.ensureLoaded();
    } catch (RuntimeException | LinkageError e) {
      // Not reported here: the command's own first use of TensorFlow loads them again and fails
      // where its error is reported.
    }
  }
}
