package io.featureviz.worker.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How this worker runs jobs. Every key can be set by environment, e.g. {@code FV_WORKER_CONCURRENCY}. */
@ConfigMapping(prefix = "fv.worker")
public interface WorkerConfig {

  /**
   * Packs rendered at the same time by this instance; a pack is one job, or several compatible
   * render jobs optimized as one graph (see {@link #maxBatch}).
   */
  @WithDefault("1")
  int concurrency();

  /**
   * Images one pack renders at most, over all its jobs: compatible render jobs (same model, size
   * and settings) queued together are packed up to this many images. 1 renders every job alone.
   * Also the records one poll takes.
   */
  @WithDefault("8")
  int maxBatch();

  /**
   * The memory a pack may need ({@code RenderMemory}'s estimate of the whole process for the
   * batch the network runs on, {@code RenderPack.slots()}): a job is not added to a pack beyond
   * it. The default is job-api's {@code fv.limits.render-memory}, which sizes the deployments'
   * workers; a job alone is always rendered, since job-api admitted it.
   */
  @WithDefault("3G")
  MemorySize packMemory();

  /** Where renders run; the GPU also needs the CUDA build of the natives (Maven profile gpu). */
  @WithDefault("cpu")
  Device device();

  /**
   * The size of TensorFlow's intra-op and inter-op thread pools; default: the JVM's processor
   * count, which follows the container's CPU limit.
   */
  Optional<Integer> tensorflowThreads();

  /** The id put on status events; default: host name and process id. */
  Optional<String> id();

  /**
   * Idle render graphs kept for later jobs with the same model and settings (0: none). A job that
   * finds one skips building its graph, most of a small render's time; each kept graph holds its
   * network's weights (tens of MB for the built-in models) in native memory.
   */
  @WithDefault("1")
  int graphCacheSize();

  /** The shortest time between two progress events of one job. */
  @WithDefault("500ms")
  Duration progressInterval();

  /** Where uploaded models are downloaded to; each stays there for later jobs. */
  Path modelCacheDir();

  Jobs jobs();

  Imports imports();

  /** The consumer of {@code fv.jobs}. */
  interface Jobs {

    /** The consumer group every worker instance joins, so they share the partitions. */
    @WithDefault("fv-optimizer-workers")
    String groupId();

    /** How long one poll waits for a record; also how often finished jobs are committed. */
    @WithDefault("200ms")
    Duration pollTimeout();

    /**
     * How long the group waits for a silent worker before its partitions go to the others: a
     * killed worker's queued and unfinished jobs wait this long (Kafka's default, 45 s, is
     * meant for clients on flaky networks). Heartbeats come from the consumer's own thread every
     * third of it, so a long render does not count as silence.
     */
    @WithDefault("10s")
    Duration sessionTimeout();

    /** Liveness fails when the poll loop has not come round for this long. */
    @WithDefault("60s")
    Duration stallTimeout();

    /**
     * How long a stopping worker waits for its renders to stop at their next step, so that their
     * jobs go back to the group uncommitted; the deployments' grace periods cover it
     * (deploy-check).
     */
    @WithDefault("30s")
    Duration shutdownTimeout();
  }

  /** Imports of uploaded models ({@code fv.model-imports}), each loaded in a JVM of its own. */
  interface Imports {

    /** The importing JVM's {@code -Xmx}: a model whose import needs more fails, not the worker. */
    @WithDefault("1g")
    String maxHeap();

    /** An import still running after this long is killed and fails. */
    @WithDefault("5m")
    Duration timeout();
  }

  /** The device a worker renders on. */
  enum Device {
    CPU,
    GPU
  }
}
