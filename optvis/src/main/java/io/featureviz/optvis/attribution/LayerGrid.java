package io.featureviz.optvis.attribution;

/**
 * The shape of a layer's output for one image: a grid of positions, each with a value per channel.
 * Arrays over it are row-major, positions x channels ({@code (y * width + x) * channels + c}).
 */
record LayerGrid(int width, int height, int channels) {

  int positions() {
    return width * height;
  }

  int elements() {
    return positions() * channels;
  }
}
