package io.featureviz.contracts.transform;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One transform the engine applies to the image at every optimization step (lucid's
 * {@code transform}), as a value: {@link TransformParser} reads the list grammar into these, and
 * the engine turns each kind into its operation through {@link Visitor}, so that a new kind is a
 * compile error there until it is handled.
 */
public sealed interface TransformSpec {

  /** Pixel arguments are bounded so that a request cannot ask for absurd pads or crops. */
  int MAX_PIXELS = 10_000;

  /** The transform in the list grammar; parsing it back gives an equal spec. */
  String toText();

  <R> R accept(Visitor<R> visitor);

  /** The text of a list: its transforms joined by ',', or {@code none} when it is empty. */
  static String toText(List<TransformSpec> specs) {
    return specs.isEmpty() ? TransformParser.NONE
        : specs.stream().map(TransformSpec::toText).collect(Collectors.joining(","));
  }

  /** One method per kind. */
  interface Visitor<R> {

    R visit(Pad pad);

    R visit(Jitter jitter);

    R visit(Scale scale);

    R visit(Rotate rotate);
  }

  /** Pads every side with a constant, so that later jitter and rotation do not see the edges. */
  record Pad(int pixels, float value) implements TransformSpec {

    public static final String NAME = "pad";
    /** The fill when none is given: mid grey. */
    public static final float DEFAULT_VALUE = 0.5f;

    public Pad {
      requirePixels(NAME, pixels);
    }

    @Override
    public String toText() {
      return NAME + "(" + pixels + "," + value + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A random crop {@code pixels} smaller on each axis. */
  record Jitter(int pixels) implements TransformSpec {

    public static final String NAME = "jitter";

    public Jitter {
      requirePixels(NAME, pixels);
    }

    @Override
    public String toText() {
      return NAME + "(" + pixels + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A zoom by a factor drawn from {@code factors}. */
  record Scale(List<Double> factors) implements TransformSpec {

    public static final String NAME = "scale";

    public Scale {
      factors = requireAll(NAME + " needs positive finite factors", factors,
          s -> s > 0 && !s.isInfinite());
    }

    @Override
    public String toText() {
      return NAME + "(" + values(factors) + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A rotation by an angle in degrees drawn from {@code degrees}. */
  record Rotate(List<Double> degrees) implements TransformSpec {

    public static final String NAME = "rotate";

    public Rotate {
      degrees = requireAll(NAME + " needs finite angles", degrees, Double::isFinite);
    }

    @Override
    public String toText() {
      return NAME + "(" + values(degrees) + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  private static void requirePixels(String name, int pixels) {
    if (pixels < 0 || pixels > MAX_PIXELS) {
      throw new IllegalArgumentException(name + " takes a whole number of pixels from 0 to "
          + MAX_PIXELS + ", got " + pixels);
    }
  }

  /** A copy of {@code values}, which must be some and all {@code valid}. */
  private static List<Double> requireAll(String rule, List<Double> values,
      Predicate<Double> valid) {
    List<Double> copy = List.copyOf(values);
    if (copy.isEmpty() || !copy.stream().allMatch(valid)) {
      throw new IllegalArgumentException(rule + ", got " + copy);
    }
    return copy;
  }

  /** Shortest decimals, so that 0.9..1.1/0.02 prints as 0.9,0.92,... */
  private static String values(List<Double> values) {
    return values.stream().map(v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(","));
  }
}
