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
 * to stop 23, then an AMD EPYC with AVX2 and no AVX-512 (stop 24). A change of TensorFlow, or a
 * new kind of machine, is recorded again on the unchanged code.
 */
class PinnedRenderBytesTest {

  private static final ImageModel MODEL = SharedFiles.catalog().load("mobilenet_v2");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "standard | expanded_conv_5/add:5 | 64 | 3 | fft | true | false | standard | 16"
          + " | a9e44be0fa47a1ac5d975b6382205bc94a17d2b83886fdb94d725673520ee260"
          + " d5009e5d2ad2b0eac1a8647386c8c1d7df1c8ecdac1fe323946062f84f4d202e",
      "pixel | softmax:goldfish | 64 | 1 | pixel | true | false | jitter(2) | 16"
          + " | df28010be21b1873e40b03b305363a44169b180c49c6b637a3c2a56bca522cc7"
          + " fccfdfeaabed86543afc0757b02b1b527f629ef2d8a04bd0495e64b39281d58c",
      "rgb clip list | Conv_1:7 - 0.5*tv | 72 | 5 | fft | false | true"
          + " | pad(4,0.25),jitter(2),scale(0.5,1,2),rotate(-5..5/2.5) | 16"
          + " | 74528393837bde886b8188c671aba375ae81ea7bdd19f384d73c5facf40e2b35"
          + " e7da4056f906b022f8d765a4939040577ecaa50a94fb24e9c0cb55b9cfaa17ff",
      "batch no relu | expanded_conv_5/add:3;expanded_conv_5/add:4 | 64 | 7 | fft | true | false"
          + " | none | 0 | 7b0b92cca3fbe9882ebe6807c7ab6a4be3a294ca87c6383d2e69326f301349b4"
          + " 132a2500ac13c709ca5296734529b791a7244df96c22258246de8ebc8d68ea44"})
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
