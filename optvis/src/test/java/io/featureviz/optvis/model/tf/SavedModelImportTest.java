package io.featureviz.optvis.model.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

/** Models with variables, frozen from the session that holds their values, then imported. */
class SavedModelImportTest {

  private static final Shape BATCH = Shape.of(1, TinyConvNet.SIZE, TinyConvNet.SIZE, 3);
  private static final float[] IMAGES = Tensors.uniform(3, (int) BATCH.size());
  private static final Set<String> VARIABLE_OPS =
      Set.of("VarHandleOp", "ReadVariableOp", "VariableV2");

  @TempDir Path dir;

  @BeforeAll
  static void loadNatives() {
    TensorFlowRuntime.ensureLoaded();
  }

  @Test
  void exportedSavedModelComputesWhatTheOriginalVariablesDid() throws Exception {
    Map<String, float[]> expected;
    try (TinyConvNet original = TinyConvNet.withReferenceVariables();
        TFloat32 mapped = Tensors.of(BATCH, Tensors.toRange(IMAGES, 0, 255))) {
      original.exportSavedModel(dir);
      expected = original.activations(mapped);
    }
    MetadataFiles.write(dir, MetadataFiles.forTinyNet("savedmodel", 0, 255));

    ImageModel model = UserModels.load(dir);

    assertEquals("savedmodel", model.info().format());
    assertEquals(List.of(new LayerInfo("conv1", 4, 16, 16), new LayerInfo("conv2", 6, 8, 8),
        new LayerInfo("logits", TinyConvNet.CLASSES, 1, 1)), model.info().layers());
    assertNoVariables(((UserModel) model).network().graphDef());
    assertSameActivations(expected,
        ImportedActivations.of((tf, x) -> model.build(new NetworkBuilder(tf), x), BATCH, IMAGES));
  }

  @Test
  void resourceVariableReadsBecomeConstantsOfTheSessionsValues() {
    try (TinyConvNet original = TinyConvNet.withResourceVariables();
        TFloat32 images = Tensors.of(BATCH, IMAGES)) {
      ModelMetadata metadata = new ModelMetadata("tiny", ModelMetadata.SAVEDMODEL, null, "input",
          TinyConvNet.SIZE, List.of(0f, 1f),
          List.of(new ModelMetadata.Layer("conv2", TinyConvNet.TENSORS.get("conv2"))),
          TinyConvNet.TENSORS.get("logits"), null);
      List<String> roots = List.of("conv2/Relu", "logits");

      GraphDef frozen =
          SavedModelFreezer.freeze(original.graphDef(), original.session(), roots, "input", "test");

      assertTrue(original.graphDef().getNodeList().stream()
          .anyMatch(n -> n.getOp().equals("VarHandleOp")), "the original reads resource variables");
      assertNoVariables(frozen);
      FrozenNetwork network = FrozenNetwork.of(frozen, metadata);
      Map<String, float[]> expected = original.activations(images);
      expected.remove("conv1");
      assertSameActivations(expected, ImportedActivations.of(network::build, BATCH, IMAGES));
    }
  }

  private static void assertNoVariables(GraphDef graph) {
    for (NodeDef node : graph.getNodeList()) {
      assertTrue(!VARIABLE_OPS.contains(node.getOp()), "variable op left: " + node.getName());
    }
  }

  private static void assertSameActivations(Map<String, float[]> expected,
      Map<String, float[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((layer, values) -> {
      float scale = 1;
      for (float v : values) {
        scale = Math.max(scale, Math.abs(v));
      }
      assertArrayEquals(values, actual.get(layer), 1e-5f * scale, layer);
    });
  }
}
