package io.featureviz.optvis.attribution;

/**
 * Layer integrated gradients: the gradient of the class logit averaged along the straight path in
 * activation space from a baseline's activations at the layer to the image's (midpoint Riemann
 * sum), times their difference. The path's points are fed to the layer a batch at a time, so only
 * the layers after it run.
 */
final class IntegratedGradients {

  private IntegratedGradients() {}

  /**
   * @param graph a graph whose batch takes several path points per run
   * @param baseline the baseline's activations at the layer (one image)
   * @param image the image's activations at the layer
   * @param steps path points, at (i + 0.5) / steps for i in [0, steps)
   */
  static LayerAttribution between(AttributionGraph graph, float[] baseline, float[] image,
      int classIndex, int steps) {
    int elements = image.length;
    int batch = graph.batch();
    double[] gradientSum = new double[elements];
    float[] points = new float[batch * elements];
    for (int first = 0; first < steps; first += batch) {
      int used = Math.min(batch, steps - first);
      for (int b = 0; b < batch; b++) {
        // Unused batch slots repeat the last point; their gradients are not summed.
        double alpha = (first + Math.min(b, used - 1) + 0.5) / steps;
        int offset = b * elements;
        for (int i = 0; i < elements; i++) {
          points[offset + i] = (float) (baseline[i] + alpha * (image[i] - baseline[i]));
        }
      }
      float[] gradients = graph.gradientAt(points, classIndex).gradient();
      for (int b = 0; b < used; b++) {
        int offset = b * elements;
        for (int i = 0; i < elements; i++) {
          gradientSum[i] += gradients[offset + i];
        }
      }
    }
    float[] meanGradient = new float[elements];
    float[] attributions = new float[elements];
    for (int i = 0; i < elements; i++) {
      meanGradient[i] = (float) (gradientSum[i] / steps);
      attributions[i] = (float) ((image[i] - baseline[i]) * gradientSum[i] / steps);
    }
    return new LayerAttribution(graph.grid(), attributions, meanGradient);
  }
}
