package io.featureviz.contracts.objective;

import io.featureviz.contracts.syntax.SyntaxException;
import io.featureviz.contracts.syntax.TextScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for the objective grammar:
 *
 * <pre>
 * spec   := expr (';' expr)*
 * expr   := term (('+' | '-') term)*
 * term   := '-' term | NUMBER '*' factor | factor ('*' NUMBER)?
 * factor := '(' expr ')' | 'l1' | 'l2' | 'tv' | 'blur'
 *         | 'neuron:' LAYER ':' INT ('@' INT ',' INT)? | 'layer:' LAYER
 *         | 'direction:' LAYER ':' '[' SIGNED (',' SIGNED)* ']'
 *         | ('logit:' | 'softmax:') (INT | WORD | QUOTED) | 'diversity:' LAYER | LAYER ':' INT
 * LAYER  := [A-Za-z_/] [A-Za-z0-9_./]*
 * </pre>
 *
 * Input comes from untrusted API requests, so length and nesting depth are bounded.
 */
public final class ObjectiveParser extends TextScanner {

  public static final int MAX_LENGTH = 4096;
  public static final int MAX_DEPTH = 32;

  private static final Set<String> NON_FINITE = Set.of("nan", "infinity", "inf");

  private int depth;

  private ObjectiveParser(String input) {
    super(input);
  }

  /** Parses a spec: one objective, or several separated by ';' (one per batch element). */
  public static ObjectiveSpec parse(String input) {
    ObjectiveParser parser = new ObjectiveParser(checkLength(input));
    List<Objective> parts = new ArrayList<>();
    parts.add(parser.expr());
    while (parser.accept(';')) {
      parts.add(parser.expr());
    }
    parser.expectEnd("'+', '-', ';' or end of input");
    return new ObjectiveSpec(parts);
  }

  /** Parses exactly one objective (no ';'). */
  public static Objective parseObjective(String input) {
    ObjectiveParser parser = new ObjectiveParser(checkLength(input));
    Objective objective = parser.expr();
    parser.expectEnd("'+', '-' or end of input");
    return objective;
  }

  /** Whether objectives can name a layer so: the LAYER rule, at most 256 characters. */
  public static boolean isLayerName(String name) {
    return Grammar.isLayerName(name);
  }

  /**
   * How objectives can spell a layer an importer found under {@code name}: the name itself, else
   * with every character the LAYER rule lacks turned to '_' ({@code /block1-0/Conv} is
   * {@code /block1_0/Conv}); empty when even that is no layer name (a number such as
   * {@code 1122}).
   */
  public static Optional<String> layerNameFor(String name) {
    if (Grammar.isLayerName(name)) {
      return Optional.of(name);
    }
    String spelt = name.replaceAll("[^A-Za-z0-9_./]", "_");
    return Grammar.isLayerName(spelt) ? Optional.of(spelt) : Optional.empty();
  }

  private static String checkLength(String input) {
    if (input == null) {
      throw new IllegalArgumentException("objective text is missing");
    }
    if (input.length() > MAX_LENGTH) {
      throw new ObjectiveSyntaxException(
          input,
          MAX_LENGTH,
          "at most " + MAX_LENGTH + " characters",
          input.length() + " characters",
          null);
    }
    return input;
  }

  private Objective expr() {
    List<Objective> terms = new ArrayList<>();
    terms.add(term());
    while (true) {
      if (accept('+')) {
        terms.add(term());
      } else if (accept('-')) {
        terms.add(negate(term()));
      } else {
        return terms.size() == 1 ? terms.get(0) : new Sum(terms);
      }
    }
  }

  private Objective term() {
    skipSpace();
    int start = pos;
    if (accept('-')) {
      enterNesting(start);
      Objective negated = negate(term());
      depth--;
      return negated;
    }
    if (atNumber()) {
      double factor = number("a number");
      expect('*', "'*' after the number");
      return new Scaled(factor, factor());
    }
    Objective factor = factor();
    if (accept('*')) {
      return new Scaled(number("a number after '*'"), factor);
    }
    return factor;
  }

  /** -x folds into an existing factor so that "-0.5*x" is Scaled(-0.5, x), not nested. */
  private static Objective negate(Objective objective) {
    return objective instanceof Scaled scaled ? scaled.negated() : new Scaled(-1, objective);
  }

  private Objective factor() {
    skipSpace();
    int start = pos;
    if (accept('(')) {
      enterNesting(start);
      Objective inner = expr();
      expect(')', "')' to close the '(' at position " + start);
      depth--;
      return inner;
    }
    if (!atNameStart()) {
      throw fail(pos, "an objective such as mixed4:97", null);
    }
    String name = name();
    skipSpace();
    boolean colon = peek() == ':';
    if (colon && Grammar.KEYWORDS.contains(name)) {
      pos++;
      return keywordObjective(name);
    }
    if (!colon && Grammar.REGULARIZERS.containsKey(name)) {
      return Grammar.REGULARIZERS.get(name);
    }
    if (!colon && NON_FINITE.contains(name.toLowerCase(Locale.ROOT))) {
      throw fail(start, "a finite number", "'" + name + "'", null);
    }
    expect(':', "':' and a channel number after layer name '" + name + "'");
    int channel = nonNegativeInt("a channel number after ':'", keywordHint(name));
    return new Channel(name, channel);
  }

  private Objective keywordObjective(String keyword) {
    return switch (keyword) {
      case "neuron" -> neuron();
      case "layer" -> new LayerObjective(layerName("layer:"));
      case "direction" -> direction();
      case "logit" -> new ClassLogit(classRef("logit:"));
      case "softmax" -> new ClassProbability(classRef("softmax:"));
      case "diversity" -> new Diversity(layerName("diversity:"));
      default -> throw new IllegalStateException("keyword without a rule: " + keyword);
    };
  }

  private Neuron neuron() {
    String layer = layerName("neuron:");
    expect(':', "':' and a channel number after layer name '" + layer + "'");
    int channel = nonNegativeInt("a channel number after ':'", null);
    if (!accept('@')) {
      return new Neuron(layer, channel);
    }
    int x = nonNegativeInt("an x coordinate after '@'", null);
    expect(',', "',' between the x and y coordinates");
    int y = nonNegativeInt("a y coordinate after ','", null);
    return new Neuron(layer, channel, x, y);
  }

  private Direction direction() {
    String layer = layerName("direction:");
    expect(':', "':' after layer name '" + layer + "'");
    expect('[', "'[' to start the direction vector");
    skipSpace();
    if (peek() == ']') {
      throw fail(pos, "at least one number in the direction vector", null);
    }
    List<Double> vector = new ArrayList<>();
    do {
      boolean negative = accept('-');
      double value = number("a number in the direction vector");
      vector.add(negative ? -value : value);
    } while (accept(','));
    expect(']', "',' or ']' in the direction vector");
    return new Direction(layer, vector);
  }

  private ClassRef classRef(String keyword) {
    skipSpace();
    if (peek() == '"') {
      return ClassRef.label(quotedLabel());
    }
    int start = pos;
    while (pos < input.length() && Grammar.isWordChar(input.charAt(pos))) {
      pos++;
    }
    String word = input.substring(start, pos);
    if (word.isEmpty()) {
      throw fail(start, "a class index or label after '" + keyword + "'", null);
    }
    if (word.chars().allMatch(c -> Grammar.isDigit((char) c))) {
      return ClassRef.index(toInt(word, start));
    }
    return ClassRef.label(word);
  }

  private String quotedLabel() {
    int start = pos++;
    StringBuilder label = new StringBuilder();
    while (true) {
      if (pos >= input.length()) {
        throw fail(pos, "'\"' to close the label opened at position " + start, null);
      }
      char c = input.charAt(pos++);
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        char escaped = peek();
        if (escaped != '"' && escaped != '\\') {
          throw fail(pos, "'\"' or '\\' after a backslash", null);
        }
        label.append(escaped);
        pos++;
      } else if (Character.isISOControl(c)) {
        throw fail(pos - 1, "a printable character in the label", null);
      } else {
        label.append(c);
      }
    }
    if (label.toString().isBlank()) {
      throw fail(start, "a non-blank label", "'" + input.substring(start, pos) + "'", null);
    }
    return label.toString();
  }

  private String layerName(String after) {
    skipSpace();
    if (!atNameStart()) {
      throw fail(pos, "a layer name after '" + after + "'", null);
    }
    return name();
  }

  /** Reads [A-Za-z_/][A-Za-z0-9_./]*; the caller has checked the first character. */
  private String name() {
    int start = pos;
    while (pos < input.length() && Grammar.isNameChar(input.charAt(pos))) {
      pos++;
    }
    if (pos - start > Grammar.MAX_NAME_LENGTH) {
      throw fail(start, "a name of at most " + Grammar.MAX_NAME_LENGTH + " characters",
          (pos - start) + " characters", null);
    }
    return input.substring(start, pos);
  }

  private int nonNegativeInt(String expected, String hint) {
    skipSpace();
    int start = pos;
    while (pos < input.length() && Grammar.isDigit(input.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw fail(start, expected, hint);
    }
    if (peek() == '.' || peek() == 'e' || peek() == 'E') {
      pos = start;
      atNumber();
      String text = numberText();
      throw fail(start, expected + " (a whole number)", "'" + text + "'", null);
    }
    return toInt(input.substring(start, pos), start);
  }

  private int toInt(String digits, int start) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLarge) {
      throw fail(start, "a number no larger than " + Integer.MAX_VALUE, "'" + digits + "'", null);
    }
  }

  private double number(String expected) {
    skipSpace();
    int start = pos;
    if (!atNumber()) {
      throw fail(start, expected, null);
    }
    String text = numberText();
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      throw fail(start, "a finite number", "'" + text + "'", null);
    }
    return value;
  }

  /** Consumes DIGITS ('.' DIGITS)? or '.' DIGITS, then an optional exponent. */
  private String numberText() {
    int start = pos;
    skipDigits();
    if (peek() == '.' && isDigitAt(pos + 1)) {
      pos++;
      skipDigits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigitAt(pos)) {
        throw fail(pos, "digits of the exponent", null);
      }
      skipDigits();
    }
    return input.substring(start, pos);
  }

  private boolean atNumber() {
    return isDigitAt(pos) || (peek() == '.' && isDigitAt(pos + 1));
  }

  private boolean atNameStart() {
    return pos < input.length() && Grammar.isNameStart(input.charAt(pos));
  }

  private void skipDigits() {
    while (isDigitAt(pos)) {
      pos++;
    }
  }

  private boolean isDigitAt(int index) {
    return index < input.length() && Grammar.isDigit(input.charAt(index));
  }

  private void enterNesting(int start) {
    if (++depth > MAX_DEPTH) {
      throw fail(start, "at most " + MAX_DEPTH + " levels of nesting", null);
    }
  }

  /** A misspelt keyword reads as a layer name; say so when the channel is missing. */
  private String keywordHint(String name) {
    return Grammar.KEYWORDS.stream()
        .filter(keyword -> CloseNames.distance(name, keyword) <= 2)
        .findFirst()
        .map(keyword -> "'" + name + "' is read as a layer name; did you mean '" + keyword + ":'?")
        .orElse(null);
  }

  private void expect(char c, String expected) {
    if (!accept(c)) {
      throw fail(pos, expected, null);
    }
  }

  private void expectEnd(String expected) {
    skipSpace();
    if (pos < input.length()) {
      String hint = peek() == ')' ? "no '(' is open" : null;
      throw fail(pos, expected, hint);
    }
  }

  private ObjectiveSyntaxException fail(int at, String expected, String hint) {
    return fail(at, expected, SyntaxException.foundAt(input, at), hint);
  }

  private ObjectiveSyntaxException fail(int at, String expected, String found, String hint) {
    String shown = input.isBlank() && at >= input.length() ? "empty input" : found;
    return new ObjectiveSyntaxException(input, at, expected, shown, hint);
  }
}
