package io.featureviz.contracts.objective;

/**
 * Shape of one layer's activations at the model's native input size. Layers without spatial
 * extent (dense layers, logits) have height and width 1.
 */
public record LayerShape(String name, int channels, int height, int width) {

  public LayerShape {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "layer " + name + " needs positive channels, height and width");
    }
  }
}
