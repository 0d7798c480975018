package io.featureviz.optvis.attribution;

import io.featureviz.contracts.explain.Explanation.ChannelAttribution;
import io.featureviz.contracts.explain.Explanation.PositionAttribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A class logit attributed to every element (position, channel) of a layer, with the gradient the
 * attribution weighed the activations by; channel and spatial attribution and the semantic
 * dictionary are its sums and rankings.
 *
 * @param grid the layer's grid
 * @param elements attribution per element, positions x channels
 * @param gradients d z_k / d a per element (for integrated gradients: averaged along the path)
 */
record LayerAttribution(LayerGrid grid, float[] elements, float[] gradients) {

  /** Gradient times activation: {@code a * d z_k / d a}, element by element. */
  static LayerAttribution gradientTimesActivation(LayerGrid grid, float[] activations,
      float[] gradients) {
    float[] elements = new float[activations.length];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = activations[i] * gradients[i];
    }
    return new LayerAttribution(grid, elements, gradients);
  }

  /** Every channel's attribution summed over positions, highest first (ties by channel). */
  List<ChannelAttribution> channels() {
    double[] sums = new double[grid.channels()];
    for (int i = 0; i < elements.length; i++) {
      sums[i % grid.channels()] += elements[i];
    }
    return IntStream.range(0, sums.length)
        .mapToObj(c -> new ChannelAttribution(c, sums[c]))
        .sorted(Comparator.comparingDouble(ChannelAttribution::attribution).reversed()
            .thenComparingInt(ChannelAttribution::channel))
        .toList();
  }

  /** The sum over all elements: what completeness compares with the change of the logit. */
  double total() {
    double sum = 0;
    for (float value : elements) {
      sum += value;
    }
    return sum;
  }

  /** Each position's attribution summed over channels, row-major: the heatmap's values. */
  float[] positionTotals() {
    float[] totals = new float[grid.positions()];
    for (int p = 0; p < totals.length; p++) {
      double sum = 0;
      for (int c = 0; c < grid.channels(); c++) {
        sum += elements[p * grid.channels() + c];
      }
      totals[p] = (float) sum;
    }
    return totals;
  }

  /**
   * Every position, row-major, with its attribution and its {@code dictionaryChannels} channels of
   * largest contribution, largest first: the spatial attribution and the semantic dictionary.
   */
  List<PositionAttribution> positions(int dictionaryChannels) {
    float[] totals = positionTotals();
    List<PositionAttribution> positions = new ArrayList<>(totals.length);
    for (int p = 0; p < totals.length; p++) {
      int offset = p * grid.channels();
      List<Integer> strongest = IntStream.range(0, grid.channels()).boxed()
          .sorted(Comparator.comparingDouble((Integer c) -> -elements[offset + c])
              .thenComparing(c -> c))
          .limit(dictionaryChannels)
          .toList();
      positions.add(new PositionAttribution(p % grid.width(), p / grid.width(), totals[p],
          strongest));
    }
    return positions;
  }
}
