package io.featureviz.contracts.messages;

import io.featureviz.contracts.explain.ExplainMethod;

/**
 * What a {@link JobKind#EXPLAIN} job explains: one image, stored in the bucket at
 * {@code imageKey} (a dataset image, or an image uploaded with the job under
 * {@code uploads/<tenant>/explain/<job>.<ext>}), at one layer of the job's model. The job's
 * {@code steps}, {@code size}, {@code seed} and render settings apply to the neuron groups'
 * feature visualizations.
 *
 * @param image the image's name as the user knows it (file or dataset image name)
 * @param imageKey the image's key in the bucket
 * @param dataset the dataset the image belongs to, or null for an uploaded image
 * @param layer the explained layer
 * @param classIndex the explained class, or null for the model's top-1 (the API resolves labels)
 * @param method grad or ig
 * @param igSteps integration steps for ig
 * @param groups neuron groups, 0 for none
 */
public record ExplainSpec(String image, String imageKey, String dataset, String layer,
    Integer classIndex, ExplainMethod method, int igSteps, int groups) {}
