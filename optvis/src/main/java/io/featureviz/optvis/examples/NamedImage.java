package io.featureviz.optvis.examples;

import io.featureviz.optvis.image.RgbImage;

/** An image of a dataset, with the name examples report it by. */
public record NamedImage(String name, RgbImage image) {}
