package io.featureviz.api.jobs;

import io.featureviz.api.ApiConfig;
import io.featureviz.contracts.render.RenderMemory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a job whose images a worker could not render within {@code fv.limits.render-memory}:
 * the worker would be killed, and get the job again.
 */
@ApplicationScoped
public class RenderMemoryBudget {

  private final long budget;

  RenderMemoryBudget(ApiConfig config) {
    this.budget = config.limits().renderMemory().asLongValue();
  }

  /**
   * The most images (at most {@code cap}) of {@code size} pixels a worker can render together on
   * the model within the budget; 0 when not even one fits.
   */
  public int largestBatch(String model, int size, int cap) {
    int images = cap;
    while (images > 0 && RenderMemory.estimateBytes(model, size, images) > budget) {
      images--;
    }
    return images;
  }

  /**
   * Reports {@code images} images of {@code size} pixels rendered together on the model, when
   * over the budget, on {@code size} and on {@code countField}, the field that asked for them
   * ({@code batch} of a render, {@code groups} of an explain job).
   */
  public void check(SubmissionFields fields, String model, int size, int images, String countField) {
    long needed = RenderMemory.estimateBytes(model, size, images);
    if (needed > budget) {
      String message = "size " + size + " with " + countField + " " + images + " on " + model
          + " needs about " + RenderMemory.mebibytes(needed) + " MiB of worker memory, over"
          + " the workers' " + RenderMemory.mebibytes(budget) + " MiB"
          + " (fv.limits.render-memory): lower size or " + countField;
      fields.error("size", message);
      fields.error(countField, message);
    }
  }
}
