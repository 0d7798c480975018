package io.featureviz.optvis.transform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tensorflow.op.Ops;

/**
 * An ordered list of transforms and its text form, used by the command line and job requests:
 * {@code standard}, {@code none}, or items such as
 * {@code pad(12,0.5),jitter(8),scale(0.9..1.1/0.02),rotate(-10..10),jitter(4)}. A value list is
 * either numbers separated by commas or a range {@code FROM..TO[/STEP]} (step 1 by default).
 */
public record TransformList(List<Transform> transforms) {

  /** lucid's {@code standard_transforms}. */
  public static final String STANDARD_TEXT =
      "pad(12,0.5),jitter(8),scale(0.9..1.1/0.02),rotate(-10..10),jitter(4)";

  public static final TransformList NONE = new TransformList(List.of());
  public static final TransformList STANDARD = parse(STANDARD_TEXT);

  public TransformList {
    transforms = List.copyOf(transforms);
  }

  public TransformedImage apply(Ops tf, TransformedImage image, RandomSource random) {
    Ops scoped = tf.withSubScope("transforms");
    TransformedImage current = image;
    InverseMap pending = null;
    for (Transform transform : transforms) {
      if (transform instanceof AffineTransform affine) {
        InverseMap map = affine.inverse(scoped, current.batch(), random);
        pending = pending == null ? map : pending.then(scoped, map);
        continue;
      }
      if (pending != null) {
        current = BilinearWarp.warp(scoped, current, pending);
        pending = null;
      }
      current = transform.apply(scoped, current, random);
    }
    return pending == null ? current : BilinearWarp.warp(scoped, current, pending);
  }

  public String describe() {
    return transforms.isEmpty() ? "none"
        : transforms.stream().map(Transform::describe).collect(Collectors.joining(","));
  }

  public static TransformList parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.equals("standard")) {
      return STANDARD;
    }
    if (trimmed.equals("none") || trimmed.isEmpty()) {
      return NONE;
    }
    List<Transform> parsed = new ArrayList<>();
    for (String item : splitTopLevel(trimmed)) {
      parsed.add(parseItem(item.trim()));
    }
    return new TransformList(parsed);
  }

  private static Transform parseItem(String item) {
    int open = item.indexOf('(');
    if (open < 0 || !item.endsWith(")")) {
      throw new IllegalArgumentException("transform '" + item
          + "': expected NAME(ARGS), one of pad, jitter, scale, rotate");
    }
    String name = item.substring(0, open).trim();
    String args = item.substring(open + 1, item.length() - 1).trim();
    try {
      return switch (name) {
        case "pad" -> {
          List<Double> values = numbers(args);
          if (values.isEmpty() || values.size() > 2) {
            throw new IllegalArgumentException("pad takes PIXELS[,VALUE]");
          }
          yield new Pad(whole(values.get(0)), values.size() == 2 ? values.get(1).floatValue()
              : 0.5f);
        }
        case "jitter" -> {
          List<Double> values = numbers(args);
          if (values.size() != 1) {
            throw new IllegalArgumentException("jitter takes PIXELS");
          }
          yield new Jitter(whole(values.get(0)));
        }
        case "scale" -> new RandomScale(values(args));
        case "rotate" -> new RandomRotate(values(args));
        default -> throw new IllegalArgumentException(
            "unknown transform '" + name + "'; known: pad, jitter, scale, rotate");
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("transform '" + item + "': " + e.getMessage(), e);
    }
  }

  /** A range FROM..TO[/STEP] or a comma list. Ranges use decimals so 0.9..1.1/0.02 has 11. */
  private static List<Double> values(String args) {
    int dots = args.indexOf("..");
    if (dots < 0) {
      List<Double> list = numbers(args);
      if (list.isEmpty()) {
        throw new IllegalArgumentException("needs at least one value");
      }
      return list;
    }
    int slash = args.indexOf('/');
    BigDecimal from = decimal(args.substring(0, dots));
    BigDecimal to = decimal(slash < 0 ? args.substring(dots + 2) : args.substring(dots + 2, slash));
    BigDecimal step = slash < 0 ? BigDecimal.ONE : decimal(args.substring(slash + 1));
    if (step.signum() <= 0 || to.compareTo(from) < 0) {
      throw new IllegalArgumentException("range needs FROM <= TO and a positive STEP");
    }
    List<Double> list = new ArrayList<>();
    for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
      list.add(v.doubleValue());
      if (list.size() > 10_000) {
        throw new IllegalArgumentException("range has more than 10000 values");
      }
    }
    return list;
  }

  private static List<Double> numbers(String args) {
    List<Double> list = new ArrayList<>();
    if (args.isBlank()) {
      return list;
    }
    for (String part : args.split(",")) {
      list.add(decimal(part).doubleValue());
    }
    return list;
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text.trim() + "' is not a number");
    }
  }

  private static int whole(double value) {
    if (value != Math.rint(value) || value < 0 || value > 10_000) {
      throw new IllegalArgumentException("expected a whole number of pixels, got " + value);
    }
    return (int) value;
  }

  private static List<String> splitTopLevel(String text) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        items.add(text.substring(start, i));
        start = i + 1;
      }
    }
    items.add(text.substring(start));
    return items;
  }

  static String joinValues(List<Double> values) {
    return values.stream().map(v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(","));
  }
}
