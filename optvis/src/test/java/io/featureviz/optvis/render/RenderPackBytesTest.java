package io.featureviz.optvis.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.testing.SharedFiles;
import io.featureviz.optvis.transform.TransformList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A member's bytes do not depend on its pack: members with their own objectives over the same
 * layers (sums of channels, a per-element list, diversity, a regularizer), batches and seeds,
 * packed at offsets 0, 1 and 3 of a network batch of 4, render the PNGs each renders alone (a
 * pack of its own, network batch 2). Enough steps that differing bits would show: redirected
 * and plain ReLU gradients both.
 */
class RenderPackBytesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mobilenet_v2 | 64 | expanded_conv_12/add:5 + 0.1*expanded_conv_4/add:3"
          + " | expanded_conv_4/add:2 + 0.01*diversity:expanded_conv_12/add;"
          + " expanded_conv_12/add:7 + 0.01*diversity:expanded_conv_12/add"
          + " | expanded_conv_4/add:9 + expanded_conv_12/add:1 - 0.5*tv",
      "inception_v3 | 96 | mixed4:5 + mixed2:3 | mixed2:2 + mixed4:1; mixed4:7 + 0.01*mixed2:1"
          + " | mixed2:4 + mixed4:8 - 0.5*tv"})
  void packedMembersRenderTheBytesTheyRenderAlone(String modelId, int size, String channel,
      String perElement, String regularized) {
    ImageModel model = SharedFiles.catalog().load(modelId);
    List<RenderSpec> members = List.of(spec(channel, size, 1, 1), spec(perElement, size, 2, 2),
        spec(regularized, size, 1, 3));
    try (RenderGraphCache cache = new RenderGraphCache(0)) {
      List<PackedResult> packed = cache.render(model, new RenderPack(members),
          Collections.nCopies(members.size(), RenderListener.NONE));
      for (int i = 0; i < members.size(); i++) {
        RenderResult alone = cache.render(model, new RenderPack(List.of(members.get(i))),
            List.of(RenderListener.NONE)).get(0).result();
        RenderResult inPack = packed.get(i).result();
        assertEquals(alone.snapshots().size(), inPack.snapshots().size());
        for (int s = 0; s < alone.snapshots().size(); s++) {
          Snapshot expected = alone.snapshots().get(s);
          Snapshot actual = inPack.snapshots().get(s);
          assertArrayEquals(expected.objectiveValues(), actual.objectiveValues(),
              "member " + i + " values at step " + expected.step());
          assertArrayEquals(expected.grid(), actual.grid(),
              "member " + i + " grid at step " + expected.step());
          for (int image = 0; image < expected.images().size(); image++) {
            assertArrayEquals(expected.images().get(image), actual.images().get(image),
                "member " + i + " image " + image + " at step " + expected.step());
          }
        }
      }
    }
  }

  private static RenderSpec spec(String objective, int size, int batch, long seed) {
    return new RenderSpec(ObjectiveSpec.parse(objective), size, batch, 20, List.of(10, 20),
        seed, 0.05, ImageParameterization.STANDARD, TransformList.STANDARD);
  }
}
