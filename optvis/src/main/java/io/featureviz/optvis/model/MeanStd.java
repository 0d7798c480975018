package io.featureviz.optvis.model;

import java.util.List;

/**
 * A model's input normalization as per-channel statistics: RGB pixels in [0, 1] become
 * {@code (x - mean) / std}, as PyTorch image classifiers take them.
 */
public record MeanStd(List<Float> mean, List<Float> std) {

  public MeanStd {
    mean = List.copyOf(mean);
    std = List.copyOf(std);
  }
}
