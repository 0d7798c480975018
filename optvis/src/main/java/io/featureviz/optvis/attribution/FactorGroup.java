package io.featureviz.optvis.attribution;

import java.util.List;

/**
 * One neuron group: a factor of the non-negative factorization of a layer's activations.
 *
 * @param map the group's weight at each position of the layer, row-major, non-negative
 * @param direction the group's direction in channel space, non-negative, unit length
 * @param attribution the class attribution of the activations the group reconstructs
 * @param channels the strongest channels of the direction, strongest first
 */
public record FactorGroup(float[] map, float[] direction, double attribution,
    List<Integer> channels) {}
