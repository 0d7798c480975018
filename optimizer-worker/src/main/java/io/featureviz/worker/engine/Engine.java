package io.featureviz.worker.engine;

import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import io.featureviz.worker.config.CacheConfig;
import io.featureviz.worker.config.ModelsConfig;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.config.WorkerConfig.Device;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The rendering engine of this process: TensorFlow's natives, loaded at startup so that a
 * broken install fails the boot rather than the first job, and the model catalog, whose loaded
 * models stay cached for every later job.
 */
@Singleton
@Startup
public class Engine {

  private static final Logger LOG = Logger.getLogger(Engine.class);
  private static final String GPU_NATIVES = "linux-x86_64-gpu";

  private final ModelCatalog catalog;

  Engine(WorkerConfig worker, ModelsConfig models, CacheConfig cache) {
    cache.dir().ifPresent(TensorFlowRuntime::useCacheDir);
    String version = TensorFlowRuntime.ensureLoaded();
    String natives = TensorFlowRuntime.nativeClassifier();
    checkDevice(worker.device(), natives, System.getenv("CUDA_VISIBLE_DEVICES"));
    catalog = new ModelCatalog(models.dir());
    LOG.infof("TensorFlow %s (%s natives), device %s, models in %s", version, natives,
        worker.device(), models.dir().toAbsolutePath());
  }

  @Produces
  @Singleton
  ModelCatalog catalog() {
    return catalog;
  }

  /**
   * TensorFlow picks the device itself: the CUDA build uses a GPU whenever one is visible. So
   * {@code gpu} needs that build, and {@code cpu} with that build needs the GPU hidden.
   */
  static void checkDevice(Device device, String natives, String cudaVisibleDevices) {
    boolean gpuBuild = GPU_NATIVES.equals(natives);
    if (device == Device.GPU && !gpuBuild) {
      throw new IllegalStateException("fv.worker.device=gpu needs the CUDA build of the"
          + " TensorFlow natives: build with the Maven profile -Pgpu");
    }
    if (device == Device.CPU && gpuBuild && !"".equals(cudaVisibleDevices)) {
      LOG.warn("fv.worker.device=cpu with the CUDA natives: TensorFlow will still use a visible"
          + " GPU; start the process with CUDA_VISIBLE_DEVICES=\"\" to keep it on the CPU");
    }
  }
}
