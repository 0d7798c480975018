package io.featureviz.client.jobs;

/**
 * The body of a dataset-examples job: which images of {@code dataset} excite one channel most.
 * Null fields are left out, so the API fills in its defaults ({@code photos}, 6).
 *
 * @param objective one channel, {@code LAYER:CH}
 */
public record ExamplesSpec(String kind, String model, String objective, String dataset,
    Integer topK) implements JobBody {

  public static final String KIND = "dataset_examples";

  public ExamplesSpec(String model, String objective, String dataset, Integer topK) {
    this(KIND, model, objective, dataset, topK);
  }
}
