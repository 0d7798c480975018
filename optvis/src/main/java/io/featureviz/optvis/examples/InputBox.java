package io.featureviz.optvis.examples;

import io.featureviz.optvis.image.CentreSquare;

/** A square of the model's input image, in its pixels. */
record InputBox(int x, int y, int side) {

  /**
   * The square of {@code side} pixels centred on ({@code centreX}, {@code centreY}), shifted
   * (never shrunk, unless wider than the input) to lie inside the {@code size}×{@code size}
   * input.
   */
  static InputBox centredOn(double centreX, double centreY, int side, int size) {
    int fitted = Math.min(side, size);
    return new InputBox(start(centreX, fitted, size), start(centreY, fitted, size), fitted);
  }

  private static int start(double centre, int side, int size) {
    long unshifted = Math.round(centre - side / 2.0);
    return (int) Math.max(0, Math.min(size - side, unshifted));
  }

  /**
   * This square in the pixels of the source image whose centre {@code square} the model saw
   * scaled to {@code inputSize}: same centre, side scaled, kept inside that centre square.
   */
  CropBox toSource(CentreSquare square, int inputSize) {
    double scale = (double) square.side() / inputSize;
    int sourceSide = (int) Math.max(1, Math.min(square.side(), Math.round(side * scale)));
    return new CropBox(sourceStart(x, sourceSide, square.x(), square.side(), scale),
        sourceStart(y, sourceSide, square.y(), square.side(), scale), sourceSide, sourceSide);
  }

  private int sourceStart(int start, int sourceSide, int offset, int squareSide, double scale) {
    double centre = offset + (start + side / 2.0) * scale;
    long unshifted = Math.round(centre - sourceSide / 2.0);
    return (int) Math.max(offset, Math.min(offset + squareSide - sourceSide, unshifted));
  }
}
