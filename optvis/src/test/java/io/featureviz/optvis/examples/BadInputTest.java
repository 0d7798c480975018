package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.ImageSource;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.testing.SharedFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the search refuses, each with a message that says what is wrong. */
class BadInputTest {

  private final ImageModel inception = SharedFiles.catalog().load("inception_v3");
  private final ImageModel mobilenet = SharedFiles.catalog().load("mobilenet_v2");

  @ParameterizedTest
  @ValueSource(strings = {"layer:mixed4", "mixed4:97 + mixed4:3", "2*mixed4:97", "-mixed4:97",
      "neuron:mixed4:97", "mixed4:97; mixed4:3", "diversity:mixed4", "mixed4:97 - tv"})
  void rejectsAnythingButOneBareChannel(String objective) {
    assertMessage(() -> new DatasetExampleSearch(inception, ObjectiveSpec.parse(objective), 64),
        "exactly one channel");
  }

  @Test
  void rejectsClassObjectivesAndLayersWithoutASpatialGrid() {
    assertMessage(() -> new DatasetExampleSearch(mobilenet, ObjectiveSpec.parse("softmax:goldfish"),
        64), "exactly one channel");
    assertMessage(() -> new DatasetExampleSearch(mobilenet, ObjectiveSpec.parse("logits:3"), 64),
        "no spatial grid");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"mixed9:1|unknown layer 'mixed9'",
      "mixed4:768|channel 768 out of range"})
  void rejectsUnknownLayersAndChannelsOutOfRange(String objective, String message) {
    assertMessage(() -> new DatasetExampleSearch(inception, ObjectiveSpec.parse(objective), 64),
        message);
  }

  @Test
  void rejectsTopKBelowOneAndCropSizesOutOfRange() {
    ObjectiveSpec channel = ObjectiveSpec.parse("mixed4:97");
    assertMessage(() -> SharedPhotos.search(inception, channel, SharedPhotos.sources(), 0,
        64), "top k must be at least 1");
    assertMessage(() -> new DatasetExampleSearch(inception, channel, 8), "crop size");
    assertMessage(() -> new DatasetExampleSearch(inception, channel, 2000), "crop size");
  }

  @Test
  void rejectsRepeatedNamesAndASourceOtherThanTheOneScored() {
    ObjectiveSpec channel = ObjectiveSpec.parse("expanded_conv_9/project:11");
    NamedImage owl = SharedPhotos.all().get(0);
    ImageSource owlFile = SharedPhotos.sources().get(0);
    assertMessage(() -> SharedPhotos.search(mobilenet, channel, List.of(owlFile, owlFile), 1, 64),
        "given twice");
    try (DatasetExampleSearch search = new DatasetExampleSearch(mobilenet, channel, 64)) {
      ScoredImage scored = search.score(owl.name(), owl.image());
      RgbImage other = new RgbImage(40, 30, new float[40 * 30 * 3]);
      assertMessage(() -> search.example(scored, other, 0), "was scored at");
    }
  }

  private static void assertMessage(Executable call, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected),
        "expected '" + expected + "' in: " + e.getMessage());
  }
}
