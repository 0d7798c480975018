package io.featureviz.contracts.transform;

import io.featureviz.contracts.syntax.SyntaxException;
import io.featureviz.contracts.syntax.TextScanner;
import io.featureviz.contracts.transform.TransformSpec.Jitter;
import io.featureviz.contracts.transform.TransformSpec.Pad;
import io.featureviz.contracts.transform.TransformSpec.Rotate;
import io.featureviz.contracts.transform.TransformSpec.Scale;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser for the transform-list grammar of the command line and job requests:
 *
 * <pre>
 * list   := 'standard' | 'none' | '' | item (',' item)*
 * item   := 'pad(' PIXELS (',' NUMBER)? ')' | 'jitter(' PIXELS ')'
 *         | 'scale(' values ')' | 'rotate(' values ')'
 * values := NUMBER '..' NUMBER ('/' NUMBER)? | NUMBER (',' NUMBER)*
 * </pre>
 *
 * A range {@code FROM..TO[/STEP]} (step 1 by default) is counted in decimals, so that
 * {@code 0.9..1.1/0.02} has 11 values. Input comes from untrusted requests: ranges are bounded.
 */
public final class TransformParser extends TextScanner {

  public static final String STANDARD = "standard";
  public static final String NONE = "none";
  /** lucid's {@code standard_transforms}, the list {@link #STANDARD} names. */
  public static final String STANDARD_TEXT =
      "pad(12,0.5),jitter(8),scale(0.9..1.1/0.02),rotate(-10..10),jitter(4)";
  public static final int MAX_RANGE_VALUES = 10_000;
  /** Bounds a range's decimals (and exponents), whose arithmetic grows with them. */
  private static final int MAX_RANGE_SCALE = 100;
  private static final List<String> NAMES = List.of(Pad.NAME, Jitter.NAME, Scale.NAME,
      Rotate.NAME);
  /** Parsed last, once the constants the parser uses are set. */
  public static final List<TransformSpec> STANDARD_LIST = parse(STANDARD_TEXT);

  private TransformParser(String input) {
    super(input);
  }

  /** Parses a list; {@code standard} names lucid's, {@code none} or blank the empty list. */
  public static List<TransformSpec> parse(String input) {
    String text = input == null ? "" : input;
    String name = text.trim();
    if (name.equals(STANDARD)) {
      return STANDARD_LIST;
    }
    if (name.equals(NONE) || name.isEmpty()) {
      return List.of();
    }
    TransformParser parser = new TransformParser(text);
    List<TransformSpec> specs = new ArrayList<>();
    do {
      specs.add(parser.item());
    } while (parser.accept(','));
    parser.skipSpace();
    if (parser.pos < text.length()) {
      throw parser.fail(parser.pos, "',' and another transform, or end of input", null);
    }
    return List.copyOf(specs);
  }

  private TransformSpec item() {
    skipSpace();
    int start = pos;
    while (pos < input.length() && isWordChar(input.charAt(pos))) {
      pos++;
    }
    String name = input.substring(start, pos);
    String expected = "a transform NAME(ARGS), NAME one of " + String.join(", ", NAMES);
    if (name.isEmpty()) {
      throw fail(start, expected, null);
    }
    if (!NAMES.contains(name)) {
      throw fail(start, expected, "unknown transform '" + name + "'", null);
    }
    expect('(', "NAME(ARGS): '(' after '" + name + "'", usage(name));
    skipSpace();
    int argsStart = pos;
    TransformSpec spec;
    try {
      spec = arguments(name);
    } catch (TransformSyntaxException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // what the spec itself refuses, such as a negative pad or a zero scale factor
      throw fail(argsStart, "arguments " + name + " accepts",
          "'" + input.substring(argsStart, pos).trim() + "'", e.getMessage());
    }
    expect(')', "')' to close '" + name + "('", usage(name));
    return spec;
  }

  private TransformSpec arguments(String name) {
    String usage = usage(name);
    return switch (name) {
      case Pad.NAME -> new Pad(pixels(usage),
          accept(',') ? (float) number(usage).doubleValue() : Pad.DEFAULT_VALUE);
      case Jitter.NAME -> new Jitter(pixels(usage));
      case Scale.NAME -> new Scale(values(usage));
      case Rotate.NAME -> new Rotate(values(usage));
      default -> throw new IllegalStateException("transform without a rule: " + name);
    };
  }

  private static String usage(String name) {
    return switch (name) {
      case Pad.NAME -> "pad takes PIXELS[,VALUE]";
      case Jitter.NAME -> "jitter takes PIXELS";
      default -> name + " takes a range FROM..TO[/STEP] or numbers separated by ','";
    };
  }

  private int pixels(String usage) {
    skipSpace();
    int start = pos;
    double value = number(usage).doubleValue();
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw fail(start, "a whole number of pixels", "'" + input.substring(start, pos) + "'",
          usage);
    }
    return (int) value;
  }

  private List<Double> values(String usage) {
    skipSpace();
    int start = pos;
    BigDecimal first = number(usage);
    if (input.startsWith("..", pos)) {
      pos += 2;
      return range(start, first, usage);
    }
    List<Double> values = new ArrayList<>(List.of(first.doubleValue()));
    while (accept(',')) {
      values.add(number(usage).doubleValue());
    }
    return values;
  }

  private List<Double> range(int start, BigDecimal from, String usage) {
    skipSpace();
    int toStart = pos;
    BigDecimal to = number(usage);
    checkScale(start, from);
    checkScale(start, to);
    BigDecimal step = BigDecimal.ONE;
    if (accept('/')) {
      skipSpace();
      int stepStart = pos;
      step = number(usage);
      checkScale(start, step);
      if (step.signum() <= 0) {
        throw fail(stepStart, "a positive STEP after '/'",
            "'" + input.substring(stepStart, pos) + "'", null);
      }
    }
    if (to.compareTo(from) < 0) {
      throw fail(toStart, "TO at least FROM (a range FROM..TO needs FROM <= TO)",
          "'" + input.substring(start, pos) + "'", null);
    }
    List<Double> values = new ArrayList<>();
    for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
      values.add(v.doubleValue());
      if (values.size() > MAX_RANGE_VALUES) {
        throw fail(start, "a range of at most " + MAX_RANGE_VALUES + " values",
            "more than " + MAX_RANGE_VALUES, null);
      }
    }
    return values;
  }

  private void checkScale(int start, BigDecimal bound) {
    if (Math.abs(bound.scale()) > MAX_RANGE_SCALE) {
      throw fail(start, "range bounds of at most " + MAX_RANGE_SCALE + " decimals",
          "'" + input.substring(start, pos) + "'", null);
    }
  }

  /** [+-]? (DIGITS ('.' DIGITS?)? | '.' DIGITS) ([eE] [+-]? DIGITS)?, read as an exact decimal. */
  private BigDecimal number(String usage) {
    skipSpace();
    int start = pos;
    if (peek() == '+' || peek() == '-') {
      pos++;
    }
    int digits = skipDigits();
    if (peek() == '.' && !input.startsWith("..", pos)) {
      pos++;
      digits += skipDigits();
    }
    if (digits > 0 && (peek() == 'e' || peek() == 'E')) {
      int mark = pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (skipDigits() == 0) {
        pos = mark;
      }
    }
    String text = input.substring(start, pos);
    try {
      if (digits == 0) {
        throw new NumberFormatException(text);
      }
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      pos = start;
      String token = token();
      if (token.isEmpty()) {
        throw fail(start, "a number", usage);
      }
      throw fail(start, "a number", "'" + token + "'", "'" + token + "' is not a number");
    }
  }

  /** The text up to the next separator, to show what stood where a number was expected. */
  private String token() {
    int end = pos;
    while (end < input.length() && ",()/".indexOf(input.charAt(end)) < 0
        && !Character.isWhitespace(input.charAt(end)) && !input.startsWith("..", end)) {
      end++;
    }
    return input.substring(pos, end);
  }

  private int skipDigits() {
    int start = pos;
    while (pos < input.length() && input.charAt(pos) >= '0' && input.charAt(pos) <= '9') {
      pos++;
    }
    return pos - start;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_';
  }

  private void expect(char c, String expected, String hint) {
    if (!accept(c)) {
      throw fail(pos, expected, hint);
    }
  }

  private TransformSyntaxException fail(int at, String expected, String hint) {
    return fail(at, expected, SyntaxException.foundAt(input, at), hint);
  }

  private TransformSyntaxException fail(int at, String expected, String found, String hint) {
    return new TransformSyntaxException(input, at, expected, found, hint);
  }
}
