package io.featureviz.contracts.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random objective trees for round-trip tests, including awkward names, labels and numbers. */
final class RandomObjectives {

  private static final List<String> LAYERS =
      List.of("mixed4", "conv2d_3", "block_5/expand", "Mixed_5b.conv", "_x", "tv", "l1", "blur",
          "/layer3/layer3.1/relu_1/Relu", "/0/Conv_output_0");
  private static final List<String> KEYWORD_LAYERS = List.of("neuron", "layer", "softmax");
  private static final List<String> LABELS =
      List.of("goldfish", "golden retriever", "hot dog, hotdog", "say \"hi\"", "back\\slash",
          "123", "3d_glasses", "_");
  private static final List<Double> NUMBERS =
      List.of(1.0, 0.5, -1.0, -0.0, 0.0, 1e-7, 2.5e20, 0.1, -0.05, 123456789.125, 1e15);

  private final Random random;

  RandomObjectives(long seed) {
    random = new Random(seed);
  }

  ObjectiveSpec spec() {
    List<Objective> parts = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      parts.add(objective(4));
    }
    return new ObjectiveSpec(parts);
  }

  Objective objective(int depth) {
    int kinds = depth == 0 ? 11 : 13;
    return switch (random.nextInt(kinds)) {
      case 0 -> new Channel(pick(LAYERS), random.nextInt(1000));
      case 1 -> random.nextBoolean()
          ? new Neuron(anyLayer(), random.nextInt(10))
          : new Neuron(anyLayer(), random.nextInt(10), random.nextInt(20), random.nextInt(20));
      case 2 -> new LayerObjective(anyLayer());
      case 3 -> new Direction(anyLayer(), vector());
      case 4 -> new ClassLogit(classRef());
      case 5 -> new ClassProbability(classRef());
      case 6 -> new Diversity(anyLayer());
      case 7 -> new L1();
      case 8 -> new L2();
      case 9 -> new TotalVariation();
      case 10 -> new Blur();
      case 11 -> new Sum(terms(depth - 1));
      default -> new Scaled(number(), objective(depth - 1));
    };
  }

  private List<Objective> terms(int depth) {
    List<Objective> terms = new ArrayList<>();
    int count = 2 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      terms.add(objective(depth));
    }
    return terms;
  }

  private List<Double> vector() {
    List<Double> vector = new ArrayList<>();
    int size = 1 + random.nextInt(4);
    for (int i = 0; i < size; i++) {
      vector.add(random.nextBoolean() ? number() : random.nextGaussian());
    }
    return vector;
  }

  private double number() {
    return random.nextBoolean() ? pick(NUMBERS) : random.nextGaussian() * 10;
  }

  private ClassRef classRef() {
    return random.nextBoolean() ? ClassRef.index(random.nextInt(1000)) : ClassRef.label(pick(LABELS));
  }

  /** Keyword names are valid layers everywhere except in the bare LAYER:CH form. */
  private String anyLayer() {
    return random.nextInt(4) == 0 ? pick(KEYWORD_LAYERS) : pick(LAYERS);
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
