package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.ImageSource;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.testing.SharedFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@code search} as the CLI and the worker call it: images from sources, read as it goes. */
class StreamingSearchTest {

  private static final ObjectiveSpec CHANNEL = ObjectiveSpec.parse("expanded_conv_9/project:11");

  private final ImageModel mobilenet = SharedFiles.catalog().load("mobilenet_v2");

  @Test
  void readsEveryImageOnceAndOnlyTheKeptOnesAgain() throws IOException {
    Map<String, Integer> reads = new HashMap<>();
    List<ImageSource> counted = SharedPhotos.sources().stream().map(photo -> ImageSource.of(
        photo.name(), () -> {
          reads.merge(photo.name(), 1, Integer::sum);
          return photo.bytes();
        })).toList();
    List<Integer> progress = new ArrayList<>();
    ExampleSearchResult result;
    try (DatasetExampleSearch search = new DatasetExampleSearch(mobilenet, CHANNEL, 32)) {
      result = search.search(counted, 2, new ExampleSearchListener() {
        @Override
        public void onImage(int imagesDone, double bestActivation) {
          progress.add(imagesDone);
        }
      });
    }
    List<String> kept = result.examples().stream().map(e -> e.scored().name()).toList();
    assertEquals(2, kept.size());
    assertEquals(counted.size(), result.imagesDone());
    assertEquals(counted.size(), progress.size());
    for (ImageSource photo : counted) {
      assertEquals(kept.contains(photo.name()) ? 2 : 1, reads.get(photo.name()), photo.name());
    }
  }

  @Test
  void anUnreadableImageEndsTheSearchUnlessTheListenerSkipsIt() throws IOException {
    List<ImageSource> images = new ArrayList<>(SharedPhotos.sources().subList(0, 2));
    images.add(ImageSource.of("broken.jpg", () -> new byte[] {(byte) 0xff, (byte) 0xd8, 1}));
    List<String> skipped = new ArrayList<>();
    try (DatasetExampleSearch search = new DatasetExampleSearch(mobilenet, CHANNEL, 32)) {
      IOException e = assertThrows(IOException.class,
          () -> search.search(images, 5, ExampleSearchListener.NONE));
      assertTrue(e.getMessage().contains("broken.jpg"), e.getMessage());
      ExampleSearchResult result = search.search(images, 5, new ExampleSearchListener() {
        @Override
        public void onUnreadable(ImageSource image, IOException e) {
          skipped.add(image.name());
        }
      });
      assertEquals(List.of("broken.jpg"), skipped);
      assertEquals(3, result.imagesDone());
      assertEquals(2, result.examples().size());
    }
  }

  @Test
  void aCancelledSearchEndsBeforeTheNextImageWithoutExamples() throws IOException {
    AtomicInteger polls = new AtomicInteger();
    ExampleSearchResult result;
    try (DatasetExampleSearch search = new DatasetExampleSearch(mobilenet, CHANNEL, 32)) {
      result = search.search(SharedPhotos.sources(), 3, new ExampleSearchListener() {
        @Override
        public boolean isCancelled() {
          return polls.incrementAndGet() > 2;
        }
      });
    }
    assertTrue(result.cancelled());
    assertEquals(2, result.imagesDone());
    assertEquals(List.of(), result.examples());
  }

  @Test
  void aLargeImageIsSearchedSubsampledWithItsBoxInTheOriginalsPixels() throws IOException {
    // 5120x2880, over the decoding budget: read at every 2nd pixel, it is the photo at twice its
    // size, pixel for pixel, which the search can also be given whole.
    BufferedImage photo = ImageIO.read(SharedFiles.images().resolve("cat_720p.jpg").toFile());
    byte[] large = bmp(enlarged(photo, 4));
    byte[] twice = bmp(enlarged(photo, 2));
    DatasetExample fromLarge = only(ImageSource.of("large.bmp", () -> large));
    DatasetExample fromTwice = only(ImageSource.of("large.bmp", () -> twice));
    assertEquals(5120, fromLarge.scored().sourceWidth());
    assertEquals(2880, fromLarge.scored().sourceHeight());
    assertEquals(fromTwice.scored().maxActivation(), fromLarge.scored().maxActivation());
    CropBox inTwice = fromTwice.box();
    assertEquals(new CropBox(2 * inTwice.x(), 2 * inTwice.y(), 2 * inTwice.width(),
        2 * inTwice.height()), fromLarge.box());
  }

  private DatasetExample only(ImageSource image) throws IOException {
    try (DatasetExampleSearch search = new DatasetExampleSearch(mobilenet, CHANNEL, 32)) {
      return search.search(List.of(image), 1, ExampleSearchListener.NONE).examples().get(0);
    }
  }

  /** Every pixel repeated {@code factor} times in each direction. */
  private static BufferedImage enlarged(BufferedImage image, int factor) {
    BufferedImage large = new BufferedImage(image.getWidth() * factor,
        image.getHeight() * factor, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < large.getHeight(); y++) {
      for (int x = 0; x < large.getWidth(); x++) {
        large.setRGB(x, y, image.getRGB(x / factor, y / factor));
      }
    }
    return large;
  }

  private static byte[] bmp(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "bmp", out);
    return out.toByteArray();
  }
}
