package io.featureviz.optvis.examples;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.CentreSquare;
import io.featureviz.optvis.image.DecodedImage;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.ImageSource;
import io.featureviz.optvis.image.Resampler;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dataset examples of one channel (lucid's): the natural images that drive it hardest, each
 * cropped around its most active unit to the part of the image that unit depends on.
 *
 * <p>{@link #search} streams: it scores every image (one forward pass each, at the model's input
 * size) keeping only scores, the best in {@link TopScoredImages}, then reads those few again to
 * make their examples (one forward and backward pass each). Images come from anywhere as
 * {@link ImageSource}s (files, objects in a store). One TensorFlow graph, built by the
 * constructor, serves every call; close the search to free it. Calls are deterministic and, as
 * TensorFlow sessions are, safe from several threads at once; the search keeps no other state.
 */
public final class DatasetExampleSearch implements AutoCloseable {

  /** The smallest crop side, in pixels, that still shows something. */
  public static final int MIN_CROP_SIZE = 16;
  /** The largest crop side: crops are resampled from sources of ordinary photo sizes. */
  public static final int MAX_CROP_SIZE = 1024;

  private final ChannelGraph graph;
  private final int cropSize;

  /**
   * Builds the search's graph for the channel.
   *
   * @param objective exactly one bare channel, {@code LAYER:CH}; a scaled channel is rejected
   *     too, as a positive factor would rank exactly as the bare channel and a negative one asks
   *     another question
   * @param cropSize side in pixels of the examples' crops, {@value #MIN_CROP_SIZE} to
   *     {@value #MAX_CROP_SIZE}
   * @throws IllegalArgumentException when the objective is not one channel, names a layer the
   *     model lacks or a channel outside it, when the layer has no spatial grid (class scores),
   *     or when the crop size is out of range
   */
  public DatasetExampleSearch(ImageModel model, ObjectiveSpec objective, int cropSize) {
    this.cropSize = checkCropSize(cropSize);
    this.graph = new ChannelGraph(model, SingleChannel.of(objective, model.info()),
        model.info().inputSize());
  }

  /** @return {@code cropSize} @throws IllegalArgumentException when it is out of range */
  public static int checkCropSize(int cropSize) {
    if (cropSize < MIN_CROP_SIZE || cropSize > MAX_CROP_SIZE) {
      throw new IllegalArgumentException("crop size must be " + MIN_CROP_SIZE + " to "
          + MAX_CROP_SIZE + " pixels, got " + cropSize);
    }
    return cropSize;
  }

  /**
   * Scores every image, keeps the {@code topK} that drive the channel hardest (ties by name) and
   * makes their examples, rank 0 first; all of them when there are fewer. One image is decoded
   * at a time, and a large one at reduced resolution ({@link ImageLoader#readSubsampled}, never
   * below twice the model's input size, so crops keep their detail); boxes and sizes are in the
   * originals' pixels all the same.
   *
   * @throws IllegalArgumentException when {@code topK} is below 1 or two images share a name
   * @throws IOException when an image cannot be read and the listener does not skip it, or one
   *     kept cannot be read again
   */
  public ExampleSearchResult search(List<? extends ImageSource> images, int topK,
      ExampleSearchListener listener) throws IOException {
    TopScoredImages top = new TopScoredImages(topK);
    Map<String, ImageSource> byName = byUniqueName(images);
    double best = Double.NaN;
    int done = 0;
    for (ImageSource image : images) {
      if (listener.isCancelled()) {
        return new ExampleSearchResult(List.of(), done, true);
      }
      try {
        ScoredImage scored = score(image.name(), decode(image));
        top.offer(scored);
        best = Double.isNaN(best) ? scored.maxActivation()
            : Math.max(best, scored.maxActivation());
      } catch (IOException e) {
        listener.onUnreadable(image, e);
      }
      done++;
      listener.onImage(done, best);
    }
    return new ExampleSearchResult(examples(top.ranked(), byName), done, false);
  }

  /** The examples of the images kept, each read a second time. */
  private List<DatasetExample> examples(List<ScoredImage> ranked,
      Map<String, ImageSource> byName) throws IOException {
    List<DatasetExample> examples = new ArrayList<>();
    for (int rank = 0; rank < ranked.size(); rank++) {
      ScoredImage scored = ranked.get(rank);
      DecodedImage source;
      try {
        source = decode(byName.get(scored.name()));
      } catch (IOException e) {
        throw new IOException("image " + scored.name() + " cannot be read again: "
            + e.getMessage(), e);
      }
      examples.add(example(scored, source, rank));
    }
    return examples;
  }

  private static Map<String, ImageSource> byUniqueName(List<? extends ImageSource> images) {
    Map<String, ImageSource> byName = new LinkedHashMap<>();
    for (ImageSource image : images) {
      if (byName.put(image.name(), image) != null) {
        throw new IllegalArgumentException("image names must be unique: '" + image.name()
            + "' is given twice");
      }
    }
    return byName;
  }

  private DecodedImage decode(ImageSource image) throws IOException {
    return ImageLoader.readSubsampled(image.bytes(), image.name(), 2 * graph.size());
  }

  /**
   * Scores one image of any size and aspect ratio, as the model sees it: short side scaled to
   * the model's input size, centre cropped square.
   */
  ScoredImage score(String name, RgbImage source) {
    return score(name, DecodedImage.whole(source));
  }

  private ScoredImage score(String name, DecodedImage source) {
    ActivationMap map = graph.activations(modelView(source.pixels()));
    int peak = map.peak();
    return new ScoredImage(name, source.originalWidth(), source.originalHeight(),
        map.values()[peak], (float) map.mean(), peak % map.width(), peak / map.width());
  }

  /**
   * The crop of {@code source}, the image {@code scored} came from, around its most active unit:
   * the smallest square centred on the unit holding {@link InfluenceSquare#MASS_SHARE} of the
   * unit's input gradient (at least one grid cell wide), mapped back to the source's pixels and
   * resampled from there.
   *
   * @throws IllegalArgumentException when {@code source} is not the size {@code scored} reports,
   *     the rank is negative or the position lies outside this search's grid
   */
  DatasetExample example(ScoredImage scored, RgbImage source, int rank) {
    return example(scored, DecodedImage.whole(source), rank);
  }

  private DatasetExample example(ScoredImage scored, DecodedImage source, int rank) {
    if (source.originalWidth() != scored.sourceWidth()
        || source.originalHeight() != scored.sourceHeight()) {
      throw new IllegalArgumentException("image " + scored.name() + " was scored at "
          + scored.sourceWidth() + "x" + scored.sourceHeight() + " but is now "
          + source.originalWidth() + "x" + source.originalHeight());
    }
    if (rank < 0) {
      throw new IllegalArgumentException("rank must not be negative, got " + rank);
    }
    if (scored.positionX() < 0 || scored.positionX() >= graph.gridWidth()
        || scored.positionY() < 0 || scored.positionY() >= graph.gridHeight()) {
      throw new IllegalArgumentException("image " + scored.name() + " was scored at position "
          + scored.positionX() + "," + scored.positionY() + ", outside this search's "
          + graph.gridWidth() + "x" + graph.gridHeight() + " grid");
    }
    RgbImage pixels = source.pixels();
    int size = graph.size();
    float[] sensitivity =
        graph.sensitivity(modelView(pixels), scored.positionX(), scored.positionY());
    // A grid cell's share of the input, the stride: the narrowest box worth showing.
    int cell = (int) Math.ceil(Math.max((double) size / graph.gridWidth(),
        (double) size / graph.gridHeight()));
    InputBox square = InfluenceSquare.around(sensitivity, size,
        (scored.positionX() + 0.5) * size / graph.gridWidth(),
        (scored.positionY() + 0.5) * size / graph.gridHeight(), cell);
    CropBox box = square.toSource(CentreSquare.of(pixels.width(), pixels.height()), size);
    RgbImage crop = Resampler.resizeRegion(pixels, box.x(), box.y(), box.width(), box.height(),
        cropSize, cropSize);
    return new DatasetExample(rank, scored, box.inOriginal(source), crop);
  }

  /** The image the model sees: short side at its input size, centre cropped square. */
  private RgbImage modelView(RgbImage source) {
    return Resampler.resizeShortSideAndCropCentre(source, graph.size());
  }

  @Override
  public void close() {
    graph.close();
  }
}
