package io.featureviz.optvis.model.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.image.ImageBatch;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Imports the shared MobileNetV2 once, runs all photos through it in one batch. */
class TfliteMobilenetV2Test {

  private static ModelInfo info;
  private static final List<String> photos = new ArrayList<>();
  /** Top-5 labels per photo file name. */
  private static final Map<String, List<String>> top5 = new LinkedHashMap<>();
  /** Output shape of every exposed layer at 224 px, by name. */
  private static final Map<String, long[]> layerShapes = new LinkedHashMap<>();

  @BeforeAll
  static void classifyAllPhotos() throws IOException {
    TensorFlowRuntime.ensureLoaded();
    TfliteModel model = TfliteModel.load(
        SharedFiles.mobilenetV2(), SharedFiles.mobilenetV2Labels(), "mobilenet_v2");
    info = model.info();
    List<RgbImage> images = new ArrayList<>();
    try (Stream<Path> files = Files.list(SharedFiles.images())) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.(jpg|bmp|png)")).sorted()
          .toList()) {
        photos.add(file.getFileName().toString());
        images.add(ImageLoader.loadSquare(file, info.inputSize()));
      }
    }
    try (Graph graph = new Graph(); Session session = Sessions.open(graph);
        TFloat32 batch = ImageBatch.toTensor(images)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 224, 224, 3)));
      Map<String, Operand<TFloat32>> layers = model.build(new NetworkBuilder(tf), input);
      Session.Runner runner = session.runner().feed(input, batch);
      List<String> names = new ArrayList<>(layers.keySet());
      names.forEach(name -> runner.fetch(layers.get(name)));
      try (Result result = runner.run()) {
        for (int i = 0; i < names.size(); i++) {
          layerShapes.put(names.get(i), result.get(i).shape().asArray());
        }
        TFloat32 logits = (TFloat32) result.get(names.indexOf("logits"));
        for (int p = 0; p < photos.size(); p++) {
          top5.put(photos.get(p), topLabels(logits, p, 5));
        }
      }
    }
    top5.forEach((photo, labels) ->
        System.out.println(photo + " -> " + String.join(" | ", labels)));
  }

  private static List<String> topLabels(TFloat32 logits, int row, int k) {
    int classes = (int) logits.shape().size(1);
    return IntStream.range(0, classes).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> -logits.getFloat(row, c)))
        .limit(k)
        .map(c -> info.labels().get(c))
        .toList();
  }

  @Test
  void describesTheModel() {
    assertEquals("mobilenet_v2", info.id());
    assertEquals("tflite", info.format());
    assertEquals(224, info.inputSize());
    assertEquals(-1f, info.rangeMin(), 1e-6);
    assertEquals(1f, info.rangeMax(), 0.01);
    assertEquals(1001, info.labels().size());
    assertEquals("background", info.labels().get(0));
    assertEquals("logits", info.logitsLayer().orElseThrow());
    assertEquals(new LayerInfo("logits", 1001, 1, 1), info.layer("logits").orElseThrow());
    assertEquals(new LayerInfo("Conv", 32, 112, 112), info.layer("Conv").orElseThrow());
    assertEquals(new LayerInfo("expanded_conv_3/expand", 144, 56, 56),
        info.layer("expanded_conv_3/expand").orElseThrow());
    assertEquals(new LayerInfo("expanded_conv_3/depthwise", 144, 28, 28),
        info.layer("expanded_conv_3/depthwise").orElseThrow());
    assertEquals(new LayerInfo("expanded_conv_4/add", 32, 28, 28),
        info.layer("expanded_conv_4/add").orElseThrow());
    assertEquals(new LayerInfo("Conv_1", 1280, 7, 7), info.layer("Conv_1").orElseThrow());
    assertTrue(info.layers().stream().allMatch(l -> !l.name().contains("-")
        && !l.name().contains(":") && !l.name().contains(";")), info.layers().toString());
  }

  @Test
  void catalogMatchesTheGraphOutputs() {
    assertEquals(info.layers().size(), layerShapes.size());
    for (LayerInfo layer : info.layers()) {
      long[] shape = layerShapes.get(layer.name());
      long[] expected = layer.name().equals("logits")
          ? new long[] {photos.size(), layer.channels()}
          : new long[] {photos.size(), layer.height(), layer.width(), layer.channels()};
      assertEquals(List.of(toObjects(expected)), List.of(toObjects(shape)), layer.name());
    }
  }

  private static Long[] toObjects(long[] values) {
    return Arrays.stream(values).boxed().toArray(Long[]::new);
  }

  @Test
  void classifiesPhotosPlausibly() {
    assertEquals("military uniform", top1("grace_hopper.bmp"));
    assertEquals("Egyptian cat", top1("cat.bmp"));
    assertEquals("chickadee", top1("bird.bmp"));
    assertEquals("macaw", top1("parrot.jpg"));
    assertEquals("hotdog, hot dog, red hot", top1("hot_dog.jpg"));
    assertEquals("dragonfly, darning needle, devil's darning needle, sewing needle, "
        + "snake feeder, snake doctor, mosquito hawk, skeeter hawk", top1("dragonfly.bmp"));
    assertTrue(top5.get("sunflower.bmp").contains("daisy"), top5.get("sunflower.bmp").toString());
  }

  private static String top1(String photo) {
    return top5.get(photo).get(0);
  }
}
