package io.featureviz.optvis.examples;

/** One channel's activations over a layer's spatial grid, row-major. */
record ActivationMap(int width, int height, float[] values) {

  /** Index of the largest value; the first in row-major order on ties, so runs agree. */
  int peak() {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  double mean() {
    double sum = 0;
    for (float value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
