package io.featureviz.optvis.attribution;

import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;

/**
 * Explains images at one layer of a classifier: channel and spatial attribution of a class's
 * logit, the semantic dictionary, neuron groups. One graph serves every image.
 */
public final class Explainer implements AutoCloseable {

  /**
   * @throws IllegalArgumentException when the model has no logits layer, or the layer is unknown
   *     or has no spatial grid of channels
   */
  public Explainer(ImageModel model, String layer) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Explains {@code image} (any size: prepared as {@code score} prepares it, an image already at
   * the model's input size is used as it is).
   *
   * @param imageName the name the explanation reports
   * @throws IllegalArgumentException for a class out of range or more groups than channels
   */
  public ExplainResult explain(String imageName, RgbImage image, ExplainOptions options) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void close() {}
}
