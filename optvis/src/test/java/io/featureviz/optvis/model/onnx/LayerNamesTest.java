package io.featureviz.optvis.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerNamesTest {

  private static final Map<String, OnnxNode> PRODUCERS = new LinkedHashMap<>();

  static {
    produce("/layer3/layer3.1/relu_1/Relu", "/layer3/layer3.1/relu_1/Relu_output_0");
    produce("/fc/Gemm", "1122");
    produce("", "17");
    produce("/split/Split", "/split/Split_output_0", "/split/Split_output_1");
    produce("/conv/Conv", "conv:0");
    produce("/trunk/block1-0/Relu", "/trunk/block1-0/Relu_output_0");
    produce("/head/Conv", "/head/Conv");
  }

  private static void produce(String node, String... outputs) {
    OnnxNode producer = new OnnxNode(node, "Relu", "", List.of(), List.of(outputs), Map.of());
    for (String output : outputs) {
      PRODUCERS.put(output, producer);
    }
  }

  @Test
  void exposesTensorNamesVerbatimOrSpeltWithTheirNodeNameWhereItIsUnique() {
    Map<String, String> names = LayerNames.of(List.copyOf(PRODUCERS.keySet()), PRODUCERS, "1122");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/layer3/layer3.1/relu_1/Relu_output_0", "/layer3/layer3.1/relu_1/Relu_output_0");
    expected.put("/layer3/layer3.1/relu_1/Relu", "/layer3/layer3.1/relu_1/Relu_output_0");
    expected.put("/fc/Gemm", "1122");
    expected.put("/split/Split_output_0", "/split/Split_output_0");
    expected.put("/split/Split_output_1", "/split/Split_output_1");
    expected.put("conv_0", "conv:0");
    expected.put("/conv/Conv", "conv:0");
    expected.put("/trunk/block1_0/Relu_output_0", "/trunk/block1-0/Relu_output_0");
    expected.put("/trunk/block1_0/Relu", "/trunk/block1-0/Relu_output_0");
    expected.put("/head/Conv", "/head/Conv");
    expected.put("logits", "1122");
    assertEquals(expected, names);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(names.keySet()));
  }

  @Test
  void keepsALogitsTensorNamedLogits() {
    OnnxNode gemm = new OnnxNode("/fc/Gemm", "Gemm", "", List.of(), List.of("logits"), Map.of());
    assertEquals(Map.of("logits", "logits", "/fc/Gemm", "logits"),
        LayerNames.of(List.of("logits"), Map.of("logits", gemm), "logits"));
  }
}
