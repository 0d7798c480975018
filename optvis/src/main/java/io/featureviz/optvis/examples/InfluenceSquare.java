package io.featureviz.optvis.examples;

/**
 * The part of the input one unit depends on: the smallest square centred on the unit that holds
 * most of the magnitude of the unit's gradient with respect to the input pixels.
 */
final class InfluenceSquare {

  /**
   * Share of the gradient mass the square must hold. A deep unit's gradient spreads faint tails
   * over its whole theoretical receptive field, often wider than the image, while most of it
   * sits in a far smaller central blob (the effective receptive field); 90% frames what the unit
   * responds to without the tails stretching every box to the whole image.
   */
  static final double MASS_SHARE = 0.9;

  private InfluenceSquare() {}

  /**
   * @param sensitivity per input pixel, row-major over {@code size}×{@code size}: the summed
   *     absolute gradient of the unit over the pixel's RGB values
   * @param centreX the unit's centre in input pixels
   * @param centreY the unit's centre in input pixels
   * @param minSide the narrowest square to return, and the whole answer when the gradient is
   *     zero (a dead unit)
   */
  static InputBox around(float[] sensitivity, int size, double centreX, double centreY,
      int minSide) {
    double[] table = summedArea(sensitivity, size);
    double total = table[table.length - 1];
    if (!(total > 0) || Double.isInfinite(total)) {
      return InputBox.centredOn(centreX, centreY, minSide, size);
    }
    for (int side = minSide; side < size; side++) {
      InputBox box = InputBox.centredOn(centreX, centreY, side, size);
      if (mass(table, size, box) >= MASS_SHARE * total) {
        return box;
      }
    }
    return new InputBox(0, 0, size);
  }

  /** Entry (y, x) of the (size+1)² table is the sum of all values above and left of (x, y). */
  private static double[] summedArea(float[] values, int size) {
    int stride = size + 1;
    double[] table = new double[stride * stride];
    for (int y = 0; y < size; y++) {
      double row = 0;
      for (int x = 0; x < size; x++) {
        row += values[y * size + x];
        table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + row;
      }
    }
    return table;
  }

  private static double mass(double[] table, int size, InputBox box) {
    int stride = size + 1;
    int left = box.x();
    int top = box.y();
    int right = left + box.side();
    int bottom = top + box.side();
    return table[bottom * stride + right] - table[top * stride + right]
        - table[bottom * stride + left] + table[top * stride + left];
  }
}
