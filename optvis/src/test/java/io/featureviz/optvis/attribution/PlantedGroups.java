package io.featureviz.optvis.attribution;

import java.util.Random;

/**
 * Synthetic layer activations with known groups: group g is active (strength 1..2) on its own
 * block of channels in its own band of rows of a square grid, plus a little uniform noise.
 */
record PlantedGroups(int side, int channels, int groups, int channelsPerGroup, float[] values) {

  static PlantedGroups of(int side, int channels, int groups, int channelsPerGroup, float noise,
      long seed) {
    Random random = new Random(seed);
    float[] values = new float[side * side * channels];
    for (int p = 0; p < side * side; p++) {
      int g = regionOf(p, side, groups);
      for (int c = 0; c < channels; c++) {
        float planted = c / channelsPerGroup == g ? 1 + random.nextFloat() : 0;
        values[p * channels + c] = planted + noise * random.nextFloat();
      }
    }
    return new PlantedGroups(side, channels, groups, channelsPerGroup, values);
  }

  int positions() {
    return side * side;
  }

  /** The group active at position {@code p}: bands of rows, top to bottom. */
  static int regionOf(int p, int side, int groups) {
    return (p / side) * groups / side;
  }

  /** Group g's direction: its channel block, unit length. */
  double[] direction(int g) {
    double[] out = new double[channels];
    for (int c = g * channelsPerGroup; c < (g + 1) * channelsPerGroup; c++) {
      out[c] = 1 / Math.sqrt(channelsPerGroup);
    }
    return out;
  }

  static double cosine(double[] a, double[] b) {
    double dot = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return dot / Math.sqrt(aa * bb);
  }
}
