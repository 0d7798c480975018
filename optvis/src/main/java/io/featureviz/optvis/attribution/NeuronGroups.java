package io.featureviz.optvis.attribution;

import io.featureviz.contracts.explain.ExplainLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Neuron groups of one image at one layer (lucid's building blocks): the activations, positions x
 * channels, factored by {@link NonNegativeFactorization} into groups, each a spatial map times a
 * direction in channel space, attributed to the class through the gradients.
 */
public final class NeuronGroups {

  private NeuronGroups() {}

  /**
   * Factors {@code activations} (positions x channels, row-major; negative values are clamped to
   * 0, see {@link NonNegativeFactorization}) into {@code groups} groups, attributes each with
   * {@code gradients} (same layout: d z_k / d a), strongest first. A group's direction has unit
   * length (its map carries the scale), its attribution is
   * {@code sum over positions p and channels c of map[p] * direction[c] * gradients[p, c]}: the
   * gradient times the part of the activations the group reconstructs. The same arguments give
   * the same groups.
   *
   * @throws IllegalArgumentException for groups outside 1..min(positions, channels) or arrays of
   *     another length than positions x channels
   */
  public static List<FactorGroup> of(float[] activations, float[] gradients, int positions,
      int channels, int groups, long seed) {
    if (groups < 1 || groups > channels) {
      throw new IllegalArgumentException("groups must be 1.." + channels
          + " (the layer's channels), got " + groups);
    }
    if (gradients.length != activations.length) {
      throw new IllegalArgumentException("gradients have " + gradients.length
          + " values, activations " + activations.length);
    }
    NonNegativeFactorization.Factors factors =
        NonNegativeFactorization.factor(activations, positions, channels, groups, seed);
    List<FactorGroup> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      out.add(group(factors.column(g), factors.row(g), gradients, channels));
    }
    out.sort(Comparator.comparingDouble(FactorGroup::attribution).reversed());
    return List.copyOf(out);
  }

  private static FactorGroup group(double[] weights, double[] row, float[] gradients,
      int channels) {
    double length = Math.sqrt(IntStream.range(0, channels).mapToDouble(c -> row[c] * row[c]).sum());
    float[] direction = new float[channels];
    float[] map = new float[weights.length];
    double attribution = 0;
    for (int p = 0; p < weights.length; p++) {
      map[p] = (float) (weights[p] * length);
      double alongDirection = 0;
      for (int c = 0; c < channels; c++) {
        alongDirection += row[c] * gradients[p * channels + c];
      }
      // W[p] H[c] is unchanged by the normalization, so the sum uses the raw factors.
      attribution += weights[p] * alongDirection;
    }
    for (int c = 0; c < channels; c++) {
      direction[c] = length > 0 ? (float) (row[c] / length) : 0f;
    }
    return new FactorGroup(map, direction, attribution, strongest(direction));
  }

  /** The {@link ExplainLimits#GROUP_CHANNELS} largest weights' channels, largest first. */
  private static List<Integer> strongest(float[] direction) {
    return IntStream.range(0, direction.length).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> direction[c]).reversed()
            .thenComparing(c -> c))
        .limit(ExplainLimits.GROUP_CHANNELS)
        .toList();
  }
}
