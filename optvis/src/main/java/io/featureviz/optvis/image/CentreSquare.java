package io.featureviz.optvis.image;

/**
 * The centred square of an image whose side is the image's short side: the part a model sees
 * once the short side is scaled to its input size and the rest cropped away. Offsets are whole
 * pixels, so a square image's centre square is the image itself.
 *
 * @param x left edge in the image's pixels
 * @param y top edge in the image's pixels
 * @param side the image's short side
 */
public record CentreSquare(int x, int y, int side) {

  public static CentreSquare of(int width, int height) {
    int side = Math.min(width, height);
    return new CentreSquare((width - side) / 2, (height - side) / 2, side);
  }
}
