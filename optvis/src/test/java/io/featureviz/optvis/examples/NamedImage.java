package io.featureviz.optvis.examples;

import io.featureviz.optvis.image.RgbImage;

/** A shared photo decoded, with the name examples report it by. */
record NamedImage(String name, RgbImage image) {}
