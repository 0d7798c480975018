package io.featureviz.optvis.model.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerNamingTest {

  private static TfliteTensor tensor(int index, String name) {
    return new TfliteTensor(index, name, new int[] {1, 7, 7, 8}, TensorType.FLOAT32,
        Quantization.NONE, null);
  }

  @Test
  void keepsTheFirstFusedNameWithoutOpSuffixAndSharedScope() {
    Map<Integer, String> names = LayerNaming.names(List.of(
        tensor(0, "Net/block_1/expand/Relu6;Net/block_1/expand/add_fold;Net/other"),
        tensor(1, "Net/block_1/add"),
        tensor(2, "Net/Logits/Squeeze")), tensor(2, "Net/Logits/Squeeze"));
    assertEquals(Map.of(0, "block_1/expand", 1, "block_1/add", 2, "logits"), names);
  }

  @Test
  void sanitizesUserTensorNamesAndKeepsThemUnique() {
    Map<Integer, String> names = LayerNaming.names(List.of(
        tensor(3, "conv-1:0"), tensor(4, "conv_1_0"), tensor(5, ""), tensor(6, "logits")), null);
    assertEquals(Map.of(3, "conv_1_0", 4, "conv_1_0_4", 5, "tensor_5", 6, "logits_6"), names);
  }
}
