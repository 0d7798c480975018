package io.featureviz.contracts.objective;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Lexical rules of the objective grammar, shared by the parser and the nodes' toGrammar(). */
final class Grammar {

  /** Bounds names so that hostile input cannot make close-name suggestions expensive. */
  static final int MAX_NAME_LENGTH = 256;

  /** Words that start a keyword objective when followed by ':'. */
  static final Set<String> KEYWORDS =
      Set.of("neuron", "layer", "direction", "logit", "softmax", "diversity");

  /** Image regularizers, recognised when not followed by ':'. */
  static final Map<String, Objective> REGULARIZERS =
      Map.of("l1", new L1(), "l2", new L2(), "tv", new TotalVariation(), "blur", new Blur());

  private Grammar() {}

  /**
   * A name starts with a letter, '_' or '/' (ONNX exporters name tensors by module path:
   * {@code /layer3/layer3.1/relu_1/Relu}); '/' is no operator of the grammar, so names stay
   * unambiguous.
   */
  static boolean isNameStart(char c) {
    return isAsciiLetter(c) || c == '_' || c == '/';
  }

  static boolean isNameChar(char c) {
    return isNameStart(c) || isDigit(c) || c == '.' || c == '/';
  }

  /** Characters of a bare (unquoted) class label. */
  static boolean isWordChar(char c) {
    return isAsciiLetter(c) || isDigit(c) || c == '_';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isLayerName(String name) {
    return !name.isEmpty() && name.length() <= MAX_NAME_LENGTH && isNameStart(name.charAt(0))
        && name.chars().allMatch(c -> isNameChar((char) c));
  }

  static String requireLayerName(String name) {
    Objects.requireNonNull(name, "layer");
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "layer name must have 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (!isLayerName(name)) {
      throw new IllegalArgumentException(
          "layer name '" + name + "' must start with a letter, '_' or '/' and contain"
              + " only letters, digits, '_', '.' and '/'");
    }
    return name;
  }

  static int requireNonNegative(String what, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be non-negative, got " + value);
    }
    return value;
  }

  static double requireFinite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number, got " + value);
    }
    return value;
  }

  /** Shortest text that parses back to the same double; whole numbers without ".0". */
  static String number(double value) {
    boolean negativeZero = value == 0 && 1 / value < 0;
    if (value == Math.rint(value) && Math.abs(value) < 1e15 && !negativeZero) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** A label bare when it is one word that cannot be read as an index, quoted otherwise. */
  static String label(String label) {
    boolean bare =
        label.chars().allMatch(c -> isWordChar((char) c))
            && !label.chars().allMatch(c -> isDigit((char) c));
    if (bare) {
      return label;
    }
    return '"' + label.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
