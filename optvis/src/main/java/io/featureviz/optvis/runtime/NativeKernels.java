package io.featureviz.optvis.runtime;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;
import org.tensorflow.OperationBuilder;

/**
 * The engine's own TensorFlow kernels ({@code src/main/c}), built into {@code libfvkernels.so}
 * where the build had a C compiler: the projective warp behind scale and rotation, bit for bit
 * TensorFlow's, several times cheaper, registered under a kernel label so that it runs only in
 * nodes that ask for it ({@link #select}); and the colour ops of {@link MixPlanes}, which graphs
 * hold only where the library is loaded. Where it is missing, TensorFlow's kernels and ops run
 * and give the same bytes. The CUDA build of the natives leaves the library out, so that the
 * warp stays on the GPU.
 */
public final class NativeKernels {

  private static final Logger LOG = Logger.getLogger(NativeKernels.class.getName());
  private static final String RESOURCE = "io/featureviz/optvis/runtime/libfvkernels.so";
  /** The label the library registers its kernels under (FV_KERNEL_LABEL in fv_kernels.h). */
  static final String LABEL = "fv";

  /**
   * {@code -Dfv.kernels=tensorflow} leaves the library out: every op on TensorFlow's kernels, for
   * a comparison or a machine where the library misbehaves.
   */
  public static final String CHOICE = "fv.kernels";

  /** Held for the JVM's life: JNA unloads a library whose instance is collected. */
  private static NativeLibrary library;

  private NativeKernels() {}

  /**
   * Loads and registers the kernels, once; TensorFlow must be loaded. A library that is missing,
   * or that fails to load, is reported and left out ({@link #loaded} tells).
   */
  static synchronized void load(Path cacheDir) {
    if (library != null || "tensorflow".equals(System.getProperty(CHOICE))) {
      return;
    }
    URL url = NativeKernels.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      LOG.info("libfvkernels.so was not built (no C compiler at build time): warps and colours"
          + " run on TensorFlow's kernels");
      return;
    }
    try {
      NativeLibrary loaded = NativeLibrary.getInstance(extract(url, cacheDir).toString());
      Function error = loaded.getFunction("fv_kernels_error");
      String message = (String) error.invoke(String.class, new Object[0]);
      if (message != null) {
        LOG.warning(message + ": warps and colours run on TensorFlow's kernels");
        return;
      }
      library = loaded;
      MixPlanes.registerGradient();
      Scale.registerGradient();
    } catch (UnsatisfiedLinkError | IOException e) {
      LOG.warning("cannot load libfvkernels.so (" + e.getMessage()
          + "): warps and colours run on TensorFlow's kernels");
    }
  }

  /** Whether the engine's kernels are registered in this process. */
  public static synchronized boolean loaded() {
    return library != null;
  }

  /** Has {@code op} run on the engine's kernel for its type, where that is loaded. */
  public static OperationBuilder select(OperationBuilder op) {
    return loaded() ? op.setAttr("_kernel", LABEL) : op;
  }

  /** The library in the cache folder, named by its hash: builds never overwrite each other. */
  private static Path extract(URL url, Path cacheDir) throws IOException {
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readAllBytes();
    }
    String hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, 16);
    Path dir = cacheDir.resolve("fv-kernels");
    Path target = dir.resolve("libfvkernels-" + hash + ".so");
    if (!Files.exists(target)) {
      Files.createDirectories(dir);
      // Written beside and moved, so that a crash never leaves a truncated library.
      Path partial = Files.createTempFile(dir, "libfvkernels", ".part");
      Files.write(partial, bytes);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    return target;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
