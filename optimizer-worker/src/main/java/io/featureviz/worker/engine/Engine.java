package io.featureviz.worker.engine;

import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.render.RenderGraphCache;
import io.featureviz.optvis.runtime.GpuProbe;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import io.featureviz.worker.config.CacheConfig;
import io.featureviz.worker.config.ModelsConfig;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.config.WorkerConfig.Device;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The rendering engine of this process: TensorFlow's natives, loaded at startup so that a
 * broken install fails the boot rather than the first job, its thread pools sized to this
 * container's CPUs, and the model catalog, whose loaded models stay cached for every later job.
 * A worker configured for the GPU that TensorFlow cannot run on reports why
 * ({@link #deviceProblem}) and takes no jobs.
 */
@Singleton
@Startup
public class Engine {

  private static final Logger LOG = Logger.getLogger(Engine.class);
  private static final Path LD_SO_CONF = Path.of("/etc/ld.so.conf");

  private final ModelCatalog catalog;
  private final Optional<String> deviceProblem;

  Engine(WorkerConfig worker, ModelsConfig models, CacheConfig cache) {
    cache.dir().ifPresent(TensorFlowRuntime::useCacheDir);
    int threads = tensorflowThreads(worker.tensorflowThreads());
    Sessions.useThreads(threads);
    String version = TensorFlowRuntime.ensureLoaded();
    String natives = TensorFlowRuntime.nativeClassifier();
    deviceProblem = worker.device() == Device.GPU
        ? GpuCheck.problem(natives, GpuProbe::tensorflowSeesGpu, CudaLibraries.missing(
            CudaLibraries.linkerPath(Optional.ofNullable(System.getenv("LD_LIBRARY_PATH")),
                LD_SO_CONF)))
        : Optional.empty();
    deviceProblem.ifPresent(LOG::error);
    warnIfCpuMayUseGpu(worker.device(), natives, System.getenv("CUDA_VISIBLE_DEVICES"));
    catalog = new ModelCatalog(models.dir());
    LOG.infof("TensorFlow %s (%s natives, %d threads), device %s, models in %s", version,
        natives, threads, worker.device(), models.dir().toAbsolutePath());
  }

  @Produces
  @Singleton
  ModelCatalog catalog() {
    return catalog;
  }

  /** The graphs of recent renders, reused by renders with the same model and settings. */
  @Produces
  @Singleton
  RenderGraphCache renderGraphs(WorkerConfig worker) {
    return new RenderGraphCache(worker.graphCacheSize());
  }

  void closeRenderGraphs(@Disposes RenderGraphCache graphs) {
    graphs.close();
  }

  /** Why this worker cannot render on its configured device; empty when it can. */
  public Optional<String> deviceProblem() {
    return deviceProblem;
  }

  /**
   * {@code fv.worker.tensorflow-threads}, else the JVM's processor count, which follows a
   * container's CPU limit (TensorFlow's own default is the node's cores).
   */
  static int tensorflowThreads(Optional<Integer> configured) {
    return configured.orElseGet(Runtime.getRuntime()::availableProcessors);
  }

  /** The CUDA build uses a GPU whenever one is visible, so {@code cpu} needs the GPU hidden. */
  static void warnIfCpuMayUseGpu(Device device, String natives, String cudaVisibleDevices) {
    if (device == Device.CPU && GpuCheck.GPU_NATIVES.equals(natives)
        && !"".equals(cudaVisibleDevices)) {
      LOG.warn("fv.worker.device=cpu with the CUDA natives: TensorFlow will still use a visible"
          + " GPU; start the process with CUDA_VISIBLE_DEVICES=\"\" to keep it on the CPU");
    }
  }
}
