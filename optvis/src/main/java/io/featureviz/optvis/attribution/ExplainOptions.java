package io.featureviz.optvis.attribution;

import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.optvis.image.RgbImage;

/**
 * How to explain an image.
 *
 * @param classIndex the class to explain, or null for the model's top-1
 * @param method grad or ig
 * @param igSteps integration steps of ig
 * @param groups neuron groups, 0 for none
 * @param baseline ig's baseline at the model's input size, or null for a black image
 * @param seed the factorization's seed
 */
public record ExplainOptions(Integer classIndex, ExplainMethod method, int igSteps, int groups,
    RgbImage baseline, long seed) {}
