package io.featureviz.optvis.render;

/**
 * The images at one threshold.
 *
 * @param step the number of optimization steps taken
 * @param objectiveValues each batch element's objective value at that step
 * @param images PNG bytes of each batch element
 * @param grid PNG bytes of the whole batch as one grid (the single image when batch is 1; an
 *     interpolation's frames in one row)
 * @param isFinal whether this is the last step of the render
 */
public record Snapshot(int step, float[] objectiveValues, java.util.List<byte[]> images,
    byte[] grid, boolean isFinal) {

  /** The mean objective value over the batch. */
  public double meanObjective() {
    double sum = 0;
    for (float v : objectiveValues) {
      sum += v;
    }
    return sum / objectiveValues.length;
  }
}
