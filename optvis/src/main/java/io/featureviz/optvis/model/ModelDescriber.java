package io.featureviz.optvis.model;

import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Loads one uploaded model's folder and prints its {@link ModelDescription} as one line of JSON
 * on stdout. The optimizer worker runs it in a JVM of its own for each import, so that a model
 * file that crashes the native library or exhausts memory takes only this process down.
 *
 * <p>Exit status: {@value #DESCRIBED} with the description on stdout; {@value #REFUSED} when the
 * engine refuses the model, its message as the last line of stderr; {@value #BROKE} when
 * something else went wrong (a stack trace on stderr). Nothing but the description goes to
 * stdout. The system property {@value #CACHE_DIR_PROPERTY} names where TensorFlow's natives are
 * (the worker's {@code fv.cache.dir}); unset, the engine's default.
 */
public final class ModelDescriber {

  public static final int DESCRIBED = 0;
  public static final int REFUSED = 1;
  public static final int BROKE = 2;
  public static final String CACHE_DIR_PROPERTY = "fv.cache.dir";

  private ModelDescriber() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ModelDescriber <model folder>");
      System.exit(BROKE);
    }
    // whatever a library prints must not mix with the description
    PrintStream stdout = System.out;
    System.setOut(System.err);
    String cacheDir = System.getProperty(CACHE_DIR_PROPERTY);
    if (cacheDir != null && !cacheDir.isBlank()) {
      TensorFlowRuntime.useCacheDir(Path.of(cacheDir));
    }
    ModelDescription description;
    try {
      description = describe(Path.of(args[0]));
    } catch (Exception e) {
      System.err.println(oneLine(e));
      System.exit(REFUSED);
      return;
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(BROKE);
      return;
    }
    stdout.println(new String(Messages.write(description), StandardCharsets.UTF_8));
    stdout.flush();
    System.exit(DESCRIBED);
  }

  /**
   * The model in this folder, loaded as a worker loads an upload: by path, its id being the
   * folder's name. A catalog of its own, dropped at once.
   */
  public static ModelDescription describe(Path folder) {
    return new ModelCatalog(folder.getParent()).load(folder.toString()).info().description();
  }

  /** The engine's message on one line; its class where it has none. */
  static String oneLine(Exception e) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? e.toString()
        : e.getMessage();
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
