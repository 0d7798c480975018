package io.featureviz.optvis.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.testing.SharedFiles;
import io.featureviz.optvis.transform.TransformList;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Renders pinned by the SHA-256 of their PNG bytes, recorded again when the step got cheaper
 * (fused Adam kernel, 7-smooth FFT sizes, pad and crops joined to the warp; #11): a refactoring
 * that changes what a spec renders fails here.
 * TensorFlow's CPU kernels give other last bits on another instruction set, so each render has
 * the hashes of the kinds of machine the tests have run on, any of which passes: the machines up
 * to stop 23 (AVX-512), then an AMD EPYC with AVX2 and no AVX-512 (with oneDNN, which
 * {@code TensorFlowRuntime} turns on there). A change of TensorFlow, or a new kind of machine,
 * is recorded again on the unchanged code. The colour kernel ({@code MixPlanes}, #11) sums the
 * colour matrix in an order of its own: of the four renders it changed the batch's bytes, which
 * have the AMD EPYC's hash alone since; an AVX-512 machine records its own again. An AMD EPYC
 * with AVX-512 (stop 31) renders the standard and batch renders as the AMD EPYC does and the
 * pixel and clip renders its own way: their third hash, recorded on the code before that stop's
 * change (which renders the same bytes).
 */
class PinnedRenderBytesTest {

  private static final ImageModel MODEL = SharedFiles.catalog().load("mobilenet_v2");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "standard | expanded_conv_5/add:5 | 64 | 3 | fft | true | false | standard | 16"
          + " | a9e44be0fa47a1ac5d975b6382205bc94a17d2b83886fdb94d725673520ee260"
          + " 2bdd2152dd13047a004acde32bfdc1ce010121b3ed2475e20961c44754b50b44",
      "pixel | softmax:goldfish | 64 | 1 | pixel | true | false | jitter(2) | 16"
          + " | df28010be21b1873e40b03b305363a44169b180c49c6b637a3c2a56bca522cc7"
          + " 5860e667682b6e67e13fd82af686d3da968e7a27dc150cc4f1f12c743ad1ec2a"
          + " f0f89bce5f79db3162533b3f0419aa2985566f41258979f80ca17bed1d5b933a",
      "rgb clip list | Conv_1:7 - 0.5*tv | 72 | 5 | fft | false | true"
          + " | pad(4,0.25),jitter(2),scale(0.5,1,2),rotate(-5..5/2.5) | 16"
          + " | 74528393837bde886b8188c671aba375ae81ea7bdd19f384d73c5facf40e2b35"
          + " be618623085e3651f51b31f076b0eaecf0897fb593e7aab4693109028734c4bc"
          + " f1d9e247b1b260b4a12f5abc3fd7bb3b368409fe13b41d4b82a4ec22788cd61e",
      "batch no relu | expanded_conv_5/add:3;expanded_conv_5/add:4 | 64 | 7 | fft | true | false"
          + " | none | 0 | daf8e237d477e6e56c7e7fc41a60cf8c3666035cff691b94bd577de52fb4983c"})
  void renderKeepsItsPinnedBytes(String name, String objective, int size, long seed,
      String param, boolean decorrelate, boolean clip, String transforms, int redirectReluSteps,
      String recorded) {
    ObjectiveSpec spec = ObjectiveSpec.parse(objective);
    RenderSpec render = new RenderSpec(spec, size, spec.perBatch().size(), 8, List.of(4, 8), seed,
        0.05, ImageParameterization.of(param, decorrelate, clip, 1f),
        TransformList.parse(transforms), redirectReluSteps);
    RenderResult result = Renderer.render(MODEL, render, RenderListener.NONE);
    String actual = sha256(result.snapshots());
    assertTrue(List.of(recorded.split(" ")).contains(actual),
        name + ": " + actual + " is none of the recorded " + recorded);
  }

  /** One digest over every snapshot's grid and per-image PNGs, in order. */
  private static String sha256(List<Snapshot> snapshots) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Snapshot snapshot : snapshots) {
        digest.update(snapshot.grid());
        snapshot.images().forEach(digest::update);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
