package io.featureviz.contracts.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The numbers of one explanation of an image at one layer: what {@code ./fv explain --json}
 * prints (with {@code files} added there), what an explain job's terminal event carries and
 * its view shows under {@code explanation}. Channels are sorted by attribution, highest first.
 *
 * @param model model id
 * @param layer the explained layer
 * @param image the image's name (a file name, or a dataset image's name)
 * @param method how the attributions were computed
 * @param explained the explained class: the requested one, else the model's top-1
 * @param topClasses the most probable classes, most probable first
 * @param channels every channel of the layer with its attribution, highest first
 * @param completeness for {@link ExplainMethod#IG}: how well the attributions add up, else null
 * @param gridWidth the layer's width in positions
 * @param gridHeight the layer's height in positions
 * @param positions the spatial attribution and semantic dictionary, row-major over the grid
 * @param groups the neuron groups (empty when none were asked for), strongest attribution first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(
    String model,
    String layer,
    String image,
    ExplainMethod method,
    @JsonProperty("class") ClassScore explained,
    List<ClassScore> topClasses,
    List<ChannelAttribution> channels,
    Completeness completeness,
    int gridWidth,
    int gridHeight,
    List<PositionAttribution> positions,
    List<NeuronGroup> groups) {

  public Explanation {
    topClasses = List.copyOf(topClasses);
    channels = List.copyOf(channels);
    positions = List.copyOf(positions);
    groups = List.copyOf(groups);
  }

  /** A class with its softmax probability and its logit (before the softmax). */
  public record ClassScore(int index, String label, double probability, double logit) {}

  /** {@code sum over x,y of a[x,y,c] * d z_k / d a[x,y,c]} (or its integrated version). */
  public record ChannelAttribution(int channel, double attribution) {}

  /**
   * Integrated gradients' check: {@code sum} of the attributions against {@code expected}, which is
   * z_k(image) - z_k(baseline); {@code gap} is |sum - expected| / |expected|.
   */
  public record Completeness(double sum, double expected, double gap) {}

  /**
   * One position of the layer's grid: its attribution summed over channels (the heatmap), and the
   * channels that contribute most there, strongest first (the semantic dictionary).
   */
  public record PositionAttribution(int x, int y, double attribution, List<Integer> channels) {

    public PositionAttribution {
      channels = List.copyOf(channels);
    }
  }

  /**
   * One factor of the non-negative factorization of the activations (positions x channels).
   *
   * @param index the group's number, 0-based, in the order listed
   * @param attribution the class attribution of the part of the activations the group explains
   * @param channels its strongest channels, strongest first
   * @param direction the group's direction in channel space (one weight per channel, unit length),
   *     what its feature visualization maximizes ({@code direction:LAYER:[...]})
   */
  public record NeuronGroup(int index, double attribution, List<Integer> channels,
      List<Double> direction) {

    public NeuronGroup {
      channels = List.copyOf(channels);
      direction = List.copyOf(direction);
    }
  }
}
