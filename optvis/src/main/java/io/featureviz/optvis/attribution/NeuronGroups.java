package io.featureviz.optvis.attribution;

import java.util.List;

/** Neuron groups of one image at one layer (lucid's building blocks), by non-negative factorization. */
public final class NeuronGroups {

  private NeuronGroups() {}

  /**
   * Factors {@code activations} (positions x channels, row-major) into {@code groups} groups,
   * attributes each with {@code gradients} (same layout: d z_k / d a), strongest first.
   */
  public static List<FactorGroup> of(float[] activations, float[] gradients, int positions,
      int channels, int groups, long seed) {
    throw new UnsupportedOperationException("not yet");
  }
}
