package io.featureviz.optvis.runtime;

import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;

/**
 * Opens every TensorFlow session of the engine, with this process's thread settings.
 *
 * <p>TensorFlow keeps one intra-op and one inter-op thread pool per process, sized by the
 * options of the first session it opens, and by default sizes them to the machine's cores, not
 * to a container's CPU limit. So the engine opens all its sessions here, with the thread count
 * its caller chose at start ({@link #useThreads}); the engine reads no environment. Tests open
 * theirs here too ({@code SessionsTest}).
 */
public final class Sessions {

  /** Run options that record every op's time (RunMetadata's step stats), for breakdowns. */
  public static final RunOptions FULL_TRACE =
      RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();

  private static volatile ConfigProto config =
      configFor(Runtime.getRuntime().availableProcessors());

  private Sessions() {}

  /**
   * Sizes TensorFlow's intra-op and inter-op pools to {@code threads}. Set at start, before
   * anything opens a session: once the pools exist, TensorFlow keeps their size for good.
   */
  public static synchronized void useThreads(int threads) {
    config = configFor(threads);
  }

  /**
   * A session on {@code graph} with the process's thread settings. The natives are loaded the
   * engine's way first, if nothing has loaded them yet: TensorFlow settles its kernels as its
   * library loads ({@link TensorFlowRuntime}).
   */
  public static Session open(Graph graph) {
    TensorFlowRuntime.ensureLoaded();
    return new Session(graph, config);
  }

  /** A SavedModel's graph and variables, in a session with the process's thread settings. */
  public static SavedModelBundle loadSavedModel(String dir, String tag) {
    TensorFlowRuntime.ensureLoaded();
    return SavedModelBundle.loader(dir).withTags(tag).withConfigProto(config).load();
  }

  static ConfigProto configFor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("TensorFlow needs at least 1 thread, got " + threads);
    }
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(threads)
        .build();
  }
}
