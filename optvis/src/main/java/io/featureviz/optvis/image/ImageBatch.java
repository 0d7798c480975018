package io.featureviz.optvis.image;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Conversion between equally sized {@link RgbImage}s and NHWC float32 tensors. */
public final class ImageBatch {

  private ImageBatch() {}

  /** A [n, height, width, 3] tensor of the images; the caller closes it. */
  public static TFloat32 toTensor(List<RgbImage> images) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images");
    }
    RgbImage first = images.get(0);
    int length = first.pixels().length;
    float[] values = new float[images.size() * length];
    for (int i = 0; i < images.size(); i++) {
      RgbImage image = images.get(i);
      if (image.width() != first.width() || image.height() != first.height()) {
        throw new IllegalArgumentException("image " + i + " is " + image.width() + "x"
            + image.height() + ", not " + first.width() + "x" + first.height());
      }
      System.arraycopy(image.pixels(), 0, values, i * length, length);
    }
    return TFloat32.tensorOf(Shape.of(images.size(), first.height(), first.width(),
        RgbImage.CHANNELS), DataBuffers.of(values, true, false));
  }

  /** The images of a [n, height, width, 3] tensor. */
  public static List<RgbImage> fromTensor(TFloat32 batch) {
    Shape shape = batch.shape();
    if (shape.numDimensions() != 4 || shape.size(3) != RgbImage.CHANNELS) {
      throw new IllegalArgumentException("not an NHWC RGB batch: " + shape);
    }
    int height = (int) shape.size(1);
    int width = (int) shape.size(2);
    float[] values = new float[(int) shape.size()];
    batch.copyTo(DataBuffers.of(values, false, false));
    int length = height * width * RgbImage.CHANNELS;
    List<RgbImage> images = new ArrayList<>();
    for (int i = 0; i < shape.size(0); i++) {
      float[] pixels = new float[length];
      System.arraycopy(values, i * length, pixels, 0, length);
      images.add(new RgbImage(width, height, pixels));
    }
    return images;
  }
}
