package io.featureviz.optvis.model;

/**
 * One layer a model exposes to objectives: its name, its channel count and its spatial size
 * when the model is fed at its native input size.
 */
public record LayerInfo(String name, int channels, int height, int width) {}
