package io.featureviz.contracts.messages;

import io.featureviz.contracts.render.NumberRange;

/**
 * What a {@link JobKind#DATASET_EXAMPLES} job searches: the images of one dataset, all stored in
 * the bucket under {@code prefix} (see {@link DatasetKeys}), of which the {@code topK} that drive
 * the job's channel hardest become frames.
 *
 * @param dataset dataset id, e.g. {@code photos}
 * @param prefix object-store prefix of the dataset's images, ending in {@code /}
 * @param topK how many examples to keep
 */
public record DatasetExamplesSpec(String dataset, String prefix, int topK) {

  public static final int DEFAULT_TOP_K = 6;
  public static final int MAX_TOP_K = 64;
  /** How many examples a search may keep, for the job API and both command lines. */
  public static final NumberRange TOP_K = NumberRange.integers(1, MAX_TOP_K);
  /** The dataset searched when none is named: the built-in photos. */
  public static final String DEFAULT_DATASET = "photos";
}
