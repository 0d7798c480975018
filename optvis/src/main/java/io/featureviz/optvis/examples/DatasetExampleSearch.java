package io.featureviz.optvis.examples;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.CentreSquare;
import io.featureviz.optvis.image.Resampler;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dataset examples of one channel (lucid's): the natural images that drive it hardest, each
 * cropped around its most active unit to the part of the image that unit depends on.
 *
 * <p>Use: {@link #score} every image (one forward pass each, at the model's input size), keep the
 * best with {@link TopScoredImages}, then make {@link #example}s of those alone (one forward and
 * backward pass each). One TensorFlow graph, built by the constructor, serves every call; close
 * the search to free it. Calls are deterministic and, as TensorFlow sessions are, safe from
 * several threads at once; the search keeps no other state.
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
   * Scores one image of any size and aspect ratio, as the model sees it: short side scaled to
   * the model's input size, centre cropped square.
   */
  public ScoredImage score(String name, RgbImage source) {
    ActivationMap map = graph.activations(modelView(source));
    int peak = map.peak();
    return new ScoredImage(name, source.width(), source.height(), map.values()[peak],
        (float) map.mean(), peak % map.width(), peak / map.width());
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
  public DatasetExample example(ScoredImage scored, RgbImage source, int rank) {
    if (source.width() != scored.sourceWidth() || source.height() != scored.sourceHeight()) {
      throw new IllegalArgumentException("image " + scored.name() + " was scored at "
          + scored.sourceWidth() + "x" + scored.sourceHeight() + " but is now "
          + source.width() + "x" + source.height());
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
    int size = graph.size();
    float[] sensitivity =
        graph.sensitivity(modelView(source), scored.positionX(), scored.positionY());
    // A grid cell's share of the input, the stride: the narrowest box worth showing.
    int cell = (int) Math.ceil(Math.max((double) size / graph.gridWidth(),
        (double) size / graph.gridHeight()));
    InputBox square = InfluenceSquare.around(sensitivity, size,
        (scored.positionX() + 0.5) * size / graph.gridWidth(),
        (scored.positionY() + 0.5) * size / graph.gridHeight(), cell);
    CropBox box = square.toSource(CentreSquare.of(source.width(), source.height()), size);
    RgbImage crop = Resampler.resizeRegion(source, box.x(), box.y(), box.width(), box.height(),
        cropSize, cropSize);
    return new DatasetExample(rank, scored, box, crop);
  }

  /**
   * Scores every image, keeps the {@code topK} that drive the channel hardest (ties by name) and
   * makes their examples, rank 0 first; all of them when there are fewer.
   *
   * @throws IllegalArgumentException as the constructor does, when {@code topK} is below 1, or
   *     when two images share a name
   */
  public static List<DatasetExample> search(ImageModel model, ObjectiveSpec objective,
      List<NamedImage> images, int topK, int cropSize) {
    TopScoredImages top = new TopScoredImages(topK);
    Map<String, RgbImage> byName = new HashMap<>();
    for (NamedImage image : images) {
      if (byName.put(image.name(), image.image()) != null) {
        throw new IllegalArgumentException("image names must be unique: '" + image.name()
            + "' is given twice");
      }
    }
    try (DatasetExampleSearch search = new DatasetExampleSearch(model, objective, cropSize)) {
      images.forEach(image -> top.offer(search.score(image.name(), image.image())));
      List<ScoredImage> ranked = top.ranked();
      List<DatasetExample> examples = new ArrayList<>();
      for (int rank = 0; rank < ranked.size(); rank++) {
        ScoredImage scored = ranked.get(rank);
        examples.add(search.example(scored, byName.get(scored.name()), rank));
      }
      return examples;
    }
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
