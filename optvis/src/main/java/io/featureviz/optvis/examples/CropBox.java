package io.featureviz.optvis.examples;

/**
 * Where a dataset example's crop comes from: a box in the source image's own pixels (not the
 * model's input square), left edge {@code x}, top edge {@code y}.
 */
public record CropBox(int x, int y, int width, int height) {}
