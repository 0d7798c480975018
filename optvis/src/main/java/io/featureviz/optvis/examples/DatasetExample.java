package io.featureviz.optvis.examples;

import io.featureviz.optvis.image.RgbImage;

/**
 * One dataset example: an image that drives the channel hard, and the part of it the most
 * active unit depends on.
 *
 * @param rank 0 drives the channel most
 * @param box the crop's square in the source image's pixels (the original's, when it was decoded
 *     at reduced resolution)
 * @param crop that box resampled from the decoded source to cropSize × cropSize pixels
 */
public record DatasetExample(int rank, ScoredImage scored, CropBox box, RgbImage crop) {}
