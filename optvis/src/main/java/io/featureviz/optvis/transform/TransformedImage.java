package io.featureviz.optvis.transform;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A batch of NHWC images with the static size the graph keeps track of. */
public record TransformedImage(Operand<TFloat32> images, int batch, int height, int width) {}
