package io.featureviz.optvis.model.tf;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphImportGraphDef;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphOperationByName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsAddInputMapping;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsSetPrefix;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_ImportGraphDefOptions;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.GraphDef;

/**
 * Imports a GraphDef into an existing graph with one of its tensors replaced by a tensor already in
 * that graph: the way a frozen network gets fed by the optimization graph's images.
 *
 * <p>{@link Graph#importGraphDef} offers no input mapping, so this calls the C API directly. That
 * needs the graph's native handle, which the Java API keeps private: it is read by reflection here,
 * and only here.
 */
final class NativeGraphImport {
  private NativeGraphImport() {}

  private static final Field NATIVE_HANDLE = nativeHandleField();

  /**
   * Adds {@code graphDef} to {@code graph} under a name prefix no op of the graph uses yet, feeding
   * its tensor {@code input} with {@code replacement}.
   *
   * @param prefix the wished prefix; a suffix {@code _1}, {@code _2}... is added when it is taken
   * @return the prefix used: node {@code n} of the GraphDef is now {@code prefix/n}
   */
  static String importInto(Graph graph, GraphDef graphDef, String prefix, TensorName input,
      Output<?> replacement) {
    String unique = unusedPrefix(graph, prefix);
    TF_Graph handle = nativeHandle(graph);
    try (PointerScope scope = new PointerScope()) {
      TF_ImportGraphDefOptions options = TF_ImportGraphDefOptions.newImportGraphDefOptions();
      TF_ImportGraphDefOptionsSetPrefix(options, unique);
      TF_Output fed = new TF_Output()
          .oper(TF_GraphOperationByName(handle, replacement.op().name()))
          .index(replacement.index());
      TF_ImportGraphDefOptionsAddInputMapping(options, input.node(), input.index(), fed);
      TF_Status status = TF_Status.newStatus();
      TF_GraphImportGraphDef(handle, TF_Buffer.newBufferFromString(graphDef), options, status);
      status.throwExceptionIfNotOK();
    }
    // Let the Java scope learn the imported names, so later ops never collide with them.
    graph.baseScope().refreshNames();
    return unique;
  }

  private static String unusedPrefix(Graph graph, String prefix) {
    Set<String> taken = new HashSet<>();
    graph.operations().forEachRemaining(op -> taken.add(op.name().split("/", 2)[0]));
    String candidate = prefix;
    for (int i = 1; taken.contains(candidate); i++) {
      candidate = prefix + "_" + i;
    }
    return candidate;
  }

  private static TF_Graph nativeHandle(Graph graph) {
    try {
      return (TF_Graph) NATIVE_HANDLE.get(graph);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read org.tensorflow.Graph's native handle", e);
    }
  }

  private static Field nativeHandleField() {
    try {
      Field field = Graph.class.getDeclaredField("nativeHandle");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(
          "this TensorFlow Java version has no Graph.nativeHandle; update NativeGraphImport", e);
    }
  }
}
