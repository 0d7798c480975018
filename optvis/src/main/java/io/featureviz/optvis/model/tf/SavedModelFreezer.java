package io.featureviz.optvis.model.tf;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.featureviz.optvis.runtime.Sessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Turns a SavedModel into a frozen GraphDef: loads it (tag {@code serve}), reads the current value
 * of every variable the exposed tensors depend on from the loaded session, and replaces each
 * variable read by a constant holding that value.
 *
 * <p>Supported: graph-style SavedModels whose forward pass lies in the main graph, with resource
 * variables ({@code VarHandleOp} read by {@code ReadVariableOp}) or reference variables ({@code
 * VariableV2}, usually read through an {@code Identity}). Not supported: forward passes inside
 * function calls ({@code StatefulPartitionedCall}), which is how TF2 Keras saves models; their
 * layers are not tensors of the main graph, and import stops with an error that says so.
 */
final class SavedModelFreezer {
  private SavedModelFreezer() {}

  private static final Set<String> FUNCTION_CALLS = Set.of("StatefulPartitionedCall",
      "PartitionedCall");
  private static final Set<String> REFERENCE_VARIABLES = Set.of("VariableV2", "Variable");

  static GraphDef freeze(Path dir, Collection<String> roots, String input) {
    checkServable(dir);
    try (SavedModelBundle bundle = Sessions.loadSavedModel(dir.toString(), "serve")) {
      return freeze(bundle.graph().toGraphDef(), bundle.session(), roots, input, dir.toString());
    } catch (TensorFlowException e) {
      throw new ModelImportException("cannot load and freeze the SavedModel in " + dir
          + " with tag 'serve': " + e.getMessage(), e);
    }
  }

  /**
   * Fails clearly where TensorFlow Java's loader would abort the JVM: it does so on a
   * {@code saved_model.pb} that does not parse or lacks the {@code serve} tag, instead of throwing.
   */
  private static void checkServable(Path dir) {
    Path file = dir.resolve("saved_model.pb");
    if (!Files.isRegularFile(file)) {
      throw new ModelImportException("not a SavedModel: no saved_model.pb in " + dir);
    }
    SavedModel savedModel;
    try {
      savedModel = SavedModel.parseFrom(Files.readAllBytes(file));
    } catch (InvalidProtocolBufferException e) {
      throw new ModelImportException("not a SavedModel (" + e.getMessage() + "): " + file);
    } catch (IOException e) {
      throw new ModelImportException("cannot read " + file + ": " + e, e);
    }
    List<List<String>> tags = savedModel.getMetaGraphsList().stream()
        .map(m -> List.copyOf(m.getMetaInfoDef().getTagsList())).toList();
    if (tags.stream().noneMatch(t -> t.contains("serve"))) {
      throw new ModelImportException("SavedModel " + dir + " has no meta graph tagged 'serve'"
          + " (tag sets: " + tags + ")");
    }
  }

  /**
   * Freezes {@code graph}, whose variables hold their values in {@code session}, down to what the
   * {@code roots} need; {@code source} names the model in errors.
   */
  static GraphDef freeze(GraphDef graph, Session session, Collection<String> roots, String input,
      String source) {
    GraphDef needed = Subgraph.ancestors(graph, roots, input);
    rejectFunctionCalls(needed, source);
    GraphDef pruned = Subgraph.ancestors(replaceVariableReads(needed, session), roots, input);
    rejectLeftoverVariables(pruned, source);
    return pruned;
  }

  private static void rejectFunctionCalls(GraphDef graph, String source) {
    graph.getNodeList().stream().filter(n -> FUNCTION_CALLS.contains(n.getOp())).findFirst()
        .ifPresent(call -> {
          throw new ModelImportException("SavedModel " + source + " computes the exposed tensors"
              + " inside the function call '" + call.getName() + "' (" + call.getOp()
              + ", as TF2 Keras saves models); only forward passes in the main graph are supported: export a"
              + " frozen GraphDef (format \"graphdef\") instead");
        });
  }

  private static void rejectLeftoverVariables(GraphDef graph, String source) {
    graph.getNodeList().stream().filter(n -> n.getOp().equals("VarHandleOp")).findFirst()
        .ifPresent(variable -> {
          throw new ModelImportException("SavedModel " + source + ": variable '"
              + variable.getName() + "' is used other than through ReadVariableOp, which cannot be frozen");
        });
  }

  /** Replaces variable reads by constants of the same name, so consumers stay wired. */
  private static GraphDef replaceVariableReads(GraphDef graph, Session session) {
    List<NodeDef> reads = graph.getNodeList().stream().filter(SavedModelFreezer::isRead).toList();
    if (reads.isEmpty()) {
      return graph;
    }
    Session.Runner runner = session.runner();
    reads.forEach(read -> runner.fetch(read.getName()));
    GraphDef.Builder frozen = graph.toBuilder().clearNode();
    try (Result values = runner.run()) {
      Map<String, NodeDef> constants = new HashMap<>();
      for (int i = 0; i < reads.size(); i++) {
        String name = reads.get(i).getName();
        constants.put(name, constant(name, values.get(i)));
      }
      graph.getNodeList().forEach(n -> frozen.addNode(constants.getOrDefault(n.getName(), n)));
    }
    return frozen.build();
  }

  private static boolean isRead(NodeDef node) {
    return node.getOp().equals("ReadVariableOp") || REFERENCE_VARIABLES.contains(node.getOp());
  }

  private static NodeDef constant(String name, Tensor value) {
    ByteDataBuffer data = value.asRawTensor().data();
    byte[] bytes = new byte[(int) data.size()];
    data.read(bytes);
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long dim : value.shape().asArray()) {
      shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
    }
    TensorProto tensor = TensorProto.newBuilder().setDtype(value.dataType()).setTensorShape(shape)
        .setTensorContent(ByteString.copyFrom(bytes)).build();
    return NodeDef.newBuilder().setName(name).setOp("Const")
        .putAttr("dtype", AttrValue.newBuilder().setType(value.dataType()).build())
        .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build())
        .build();
  }
}
