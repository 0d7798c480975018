package io.featureviz.contracts.explain;

import io.featureviz.contracts.render.NumberRange;

/** The bounds and defaults of an explanation, for the engine, the job API and both command lines. */
public final class ExplainLimits {

  /** Neuron groups when none are asked for (lucid's building blocks use 6). */
  public static final int DEFAULT_GROUPS = 6;
  /** 0 turns the factorization off; never more than the layer's channels (checked against it). */
  public static final NumberRange GROUPS = NumberRange.integers(0, 16);
  /** Integration steps of {@link ExplainMethod#IG} (Riemann midpoints) by default. */
  public static final int DEFAULT_IG_STEPS = 32;
  public static final NumberRange IG_STEPS = NumberRange.integers(1, 256);
  /** Strongest channels listed for each position of the semantic dictionary. */
  public static final int DICTIONARY_CHANNELS = 4;
  /** Strongest channels listed for each neuron group. */
  public static final int GROUP_CHANNELS = 6;
  /** Most probable classes listed beside the explained one. */
  public static final int TOP_CLASSES = 5;
  /** Steps of each neuron group's feature visualization in an explain job (its frames). */
  public static final int GROUP_RENDER_STEPS = 256;

  private ExplainLimits() {}
}
