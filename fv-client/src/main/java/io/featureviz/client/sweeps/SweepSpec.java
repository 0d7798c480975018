package io.featureviz.client.sweeps;

import java.util.List;

/**
 * The body of {@code POST /v1/sweeps}; null fields are left out, so the API fills in its
 * defaults.
 *
 * @param layers a list of layer names, or {@link #ALL_LAYERS}
 * @param channels ranges such as {@code 0-63,100}; null for every channel of each layer
 * @param examples dataset examples of every channel as well; else null
 */
public record SweepSpec(String model, Object layers, String channels, Integer size,
    Integer steps, Long seed, Examples examples) {

  /** {@code layers} for every layer of the model that has channels. */
  public static final String ALL_LAYERS = "all";

  /** The dataset-examples search of each channel: {@code {dataset, top_k}}. */
  public record Examples(String dataset, Integer topK) {}

  /** A sweep of {@code layers} (or {@link #ALL_LAYERS}) with the API's defaults. */
  public static SweepSpec of(String model, Object layers) {
    return new SweepSpec(model, layers, null, null, null, null, null);
  }

  public SweepSpec withChannels(String value) {
    return new SweepSpec(model, layers, value, size, steps, seed, examples);
  }

  public SweepSpec withRender(Integer sizeValue, Integer stepsValue, Long seedValue) {
    return new SweepSpec(model, layers, channels, sizeValue, stepsValue, seedValue, examples);
  }

  public SweepSpec withExamples(Examples value) {
    return new SweepSpec(model, layers, channels, size, steps, seed, value);
  }
}
