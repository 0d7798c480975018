package io.featureviz.optvis.runtime;

import ai.djl.util.Utils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.tensorflow.TensorFlow;

/**
 * Loads TensorFlow's natives for DJL's TensorFlow API, fully offline, once per JVM.
 *
 * <p>The libraries are extracted from the {@code org.tensorflow:tensorflow-core-native} jar on
 * the class path (CPU or, with the Maven profile {@code gpu}, the CUDA build) into a cache
 * folder, or taken from DJL's {@code TENSORFLOW_LIBRARY_PATH} where that is set. JavaCPP loads
 * them from there with the settings DJL's engine gives it. DJL's engine itself is not started:
 * all it adds is an eager context, which graph-mode optimization never uses and which took 0.3 s
 * of a cold render's start. Missing gradients are registered right after. The cache folder is
 * the caller's to choose ({@link #useCacheDir}); the engine reads no environment.
 *
 * <p>TensorFlow's oneDNN kernels are switched on before the natives load, unless the process
 * already sets {@value #ONEDNN}: TensorFlow picks them by itself only on CPUs with AVX-512 VNNI
 * or BF16, AVX-VNNI or AMX. Elsewhere (an AMD EPYC with AVX2, say) its Eigen kernels give an
 * image's activations other last bits depending on its place in the batch, so a packed job
 * would not render the bytes it renders alone ({@code RenderPack}); oneDNN's do not. TensorFlow
 * settles its kernels as its library loads, so a process calls {@link #ensureLoaded} before
 * anything touches a TensorFlow class (the worker and the command line do so at start;
 * {@link Sessions} does before each session).
 */
public final class TensorFlowRuntime {

  private static final String RESOURCE_ROOT = "org/tensorflow/internal/c_api/";
  private static final List<String> LIBRARIES =
      List.of("libtensorflow_framework.so.2", "libtensorflow_cc.so.2", "libjnitensorflow.so");
  private static final List<String> CLASSIFIERS = List.of("linux-x86_64-gpu", "linux-x86_64");

  private static final String LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";
  static final String ONEDNN = "TF_ENABLE_ONEDNN_OPTS";

  private static volatile String version;
  private static boolean prepared;
  private static Path cacheDir = Path.of(System.getProperty("user.home"), ".cache", "featureviz");

  private TensorFlowRuntime() {}

  /**
   * Sets the folder the natives are extracted into, {@code ~/.cache/featureviz} unless set. The
   * natives load once per JVM, so it is set at start, before anything loads a model; once they
   * are loaded it changes nothing (a test JVM may load them before it starts a service).
   */
  public static synchronized void useCacheDir(Path dir) {
    cacheDir = dir;
  }

  /**
   * Loads the natives, registers custom gradients and the engine's own kernels
   * ({@link NativeKernels}); returns the TensorFlow version.
   */
  public static synchronized String ensureLoaded() {
    if (version != null) {
      return version;
    }
    // DJL's own setting, which DJL reads from the environment or a system property: when it
    // names the natives, nothing needs extracting.
    String libraries = Utils.getEnvOrSystemProperty(LIBRARY_PATH);
    if (libraries == null) {
      libraries = extractNatives().toString();
      System.setProperty(LIBRARY_PATH, libraries);
    }
    // As DJL's engine sets JavaCPP up: the natives from that folder, and no cap on native memory
    // (JavaCPP's default, the Java heap's size, would fail large batches).
    System.setProperty("org.bytedeco.javacpp.platform.preloadpath", libraries);
    System.setProperty("org.bytedeco.javacpp.maxBytes", "0");
    System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
    prepare();
    version = TensorFlow.version();
    Gradients.registerAll();
    // CPU kernels: with the CUDA build the warp belongs on the GPU, beside the network.
    if (!nativeClassifier().endsWith("-gpu")) {
      NativeKernels.load(cacheDir);
    }
    return version;
  }

  /**
   * Chooses TensorFlow's kernels (oneDNN, unless the process chose) without loading the natives,
   * for a caller that loads them on another thread while its own goes on and may touch a
   * TensorFlow class first; {@link #ensureLoaded} does it too. The setting goes into the C
   * environment, where TensorFlow reads it (Java's own copy is read-only); 0 for overwrite
   * keeps a value the process was started with, such as {@code ./fv explain}'s.
   */
  public static synchronized void prepare() {
    if (!prepared) {
      NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("setenv")
          .invokeInt(new Object[] {ONEDNN, "1", 0});
      prepared = true;
    }
  }

  /** The classifier of the native build on the class path: {@code linux-x86_64} or {@code -gpu}. */
  public static String nativeClassifier() {
    for (String classifier : CLASSIFIERS) {
      if (resource(classifier, "libjnitensorflow.so") != null) {
        return classifier;
      }
    }
    throw new IllegalStateException(
        "no org.tensorflow:tensorflow-core-native jar for linux-x86_64 on the class path");
  }

  private static URL resource(String classifier, String library) {
    return TensorFlowRuntime.class.getClassLoader()
        .getResource(RESOURCE_ROOT + classifier + "/" + library);
  }

  private static Path extractNatives() {
    String classifier = nativeClassifier();
    Path dir = cacheDir.resolve("tensorflow-native").resolve(classifier + "-"
        + nativeJarVersion(classifier));
    try {
      Files.createDirectories(dir);
      for (String library : LIBRARIES) {
        URL url = resource(classifier, library);
        long size = url.openConnection().getContentLengthLong();
        Path target = dir.resolve(library);
        if (Files.exists(target) && Files.size(target) == size) {
          continue;
        }
        // Write beside and move, so a crashed extraction never leaves a truncated library.
        Path partial = Files.createTempFile(dir, library, ".part");
        try (InputStream in = url.openStream()) {
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract TensorFlow natives into " + dir, e);
    }
    return dir;
  }

  private static String nativeJarVersion(String classifier) {
    String url = resource(classifier, "libjnitensorflow.so").toString();
    // .../tensorflow-core-native-1.0.0-linux-x86_64.jar!/... names the version; a folder does not.
    int end = url.indexOf("-" + classifier + ".jar!");
    int start = url.lastIndexOf("tensorflow-core-native-", end);
    return start >= 0 && end > start
        ? url.substring(start + "tensorflow-core-native-".length(), end)
        : "unversioned";
  }
}
