package io.featureviz.optvis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.StepStats;

class OverheadByOpTest {

  private static NodeExecStats node(String label, long micros) {
    return NodeExecStats.newBuilder().setNodeName(label.split(" = ")[0].replaceAll(".*\\] ", ""))
        .setTimelineLabel(label).setAllEndRelMicros(micros).build();
  }

  private static RunMetadata trace(NodeExecStats... nodes) {
    return RunMetadata.newBuilder().setStepStats(StepStats.newBuilder()
        .addDevStats(DeviceStepStats.newBuilder().addAllNodeStats(List.of(nodes)))).build();
  }

  @Test
  void kernelsOnlyTheRenderRunsAreListedLargestFirstAndTheRestSummed() {
    List<RunMetadata> render = List.of(
        trace(node("[cpu 0.6MB 0.6MB] param/IRFFT2D = IRFFT2D(param/FromPairs, c)", 700),
            node("model/conv = _MklNativeFusedConv2D(transforms/Warp, w)", 1000),
            node("param/Sigmoid = Sigmoid(param/Mix)", 150),
            node("transforms/Neg = Neg(transforms/Add)", 4),
            node("model/project = _MklNativeConv2DWithBias(model/relu, w)", 300)),
        trace(node("[cpu 0.6MB 0.6MB] param/IRFFT2D = IRFFT2D(param/FromPairs, c)", 900),
            node("model/conv = _MklNativeFusedConv2D(transforms/Warp, w)", 1200),
            node("param/Sigmoid = Sigmoid(param/Mix)", 50),
            node("transforms/Neg = Neg(transforms/Add)", 6),
            node("model/project = _MklNativeConv2DWithBias(model/relu, w)", 300)));
    List<RunMetadata> network = List.of(
        trace(node("model/conv = _MklNativeFusedConv2D(input, w)", 1000),
            node("model/shape = Shape(input)", 40),
            node("model/project = _MklNativeFusedConv2D(model/relu, w)", 250)),
        trace(node("model/conv = _MklNativeFusedConv2D(input, w)", 1000),
            node("model/shape = Shape(input)", 60),
            node("model/project = _MklNativeFusedConv2D(model/relu, w)", 250)));

    Map<String, Double> breakdown = OverheadByOp.between(render, network);

    assertEquals(List.of("IRFFT2D", "Sigmoid", OverheadByOp.OTHER, OverheadByOp.SHARED),
        List.copyOf(breakdown.keySet()));
    assertEquals(0.8, breakdown.get("IRFFT2D"), 1e-9);
    assertEquals(0.1, breakdown.get("Sigmoid"), 1e-9);
    assertEquals(0.005, breakdown.get(OverheadByOp.OTHER), 1e-9);
    // The convolution ran 0.1 ms longer in the render; Shape only in the network passes; the
    // projection, a node of the network under another kernel's name there, 0.05 ms longer.
    assertEquals(0.1 - 0.05 + 0.05, breakdown.get(OverheadByOp.SHARED), 1e-9);
    // Together: the render's traced time less the network's.
    double total = breakdown.values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals((2.154 + 2.456) / 2 - (1.29 + 1.31) / 2, total, 1e-9);
  }

  @Test
  void aKernelIsNamedByTheLabelsTypeOrByTheNodeWhereTheLabelHasNone() {
    assertEquals("ImageProjectiveTransformV3", OverheadByOp.type(node(
        "[mklcpu 0.6MB 0.6MB] transforms/Warp = ImageProjectiveTransformV3(a, b, c, d)", 1)));
    assertEquals("_SOURCE", OverheadByOp.type(NodeExecStats.newBuilder()
        .setNodeName("_SOURCE").build()));
  }
}
