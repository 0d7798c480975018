package io.featureviz.contracts.syntax;

/**
 * Text of one of the grammars (objectives, transform lists) that does not parse, with the
 * offending position for error reports.
 */
public class SyntaxException extends IllegalArgumentException {

  /** Characters of input shown on each side of the position by {@link #formatted()}. */
  private static final int CONTEXT = 40;

  private final String input;
  private final int position;
  private final String expected;
  private final String found;

  protected SyntaxException(String input, int position, String expected, String found,
      String hint) {
    super(
        "at position "
            + position
            + ": expected "
            + expected
            + " but found "
            + found
            + (hint == null ? "" : " (" + hint + ")"));
    this.input = input;
    this.position = position;
    this.expected = expected;
    this.found = found;
  }

  /** What a parser found at {@code at}: the quoted character, end of input or empty input. */
  public static String foundAt(String input, int at) {
    if (at < input.length()) {
      return "'" + input.charAt(at) + "'";
    }
    return input.isBlank() ? "empty input" : "end of input";
  }

  public String input() {
    return input;
  }

  /** 0-based character offset into {@link #input()}. */
  public int position() {
    return position;
  }

  /** What the parser expected at the position, e.g. "a channel number after ':'". */
  public String expected() {
    return expected;
  }

  /** What it found instead, e.g. "'x'" or "end of input". */
  public String found() {
    return found;
  }

  /** The message, then the input (clipped around the position) with a caret under it. */
  public String formatted() {
    int from = Math.max(0, position - CONTEXT);
    int to = Math.min(input.length(), position + CONTEXT);
    String prefix = from > 0 ? "..." : "";
    String suffix = to < input.length() ? "..." : "";
    // Line breaks and tabs would move the caret away from its character.
    String shown = input.substring(from, to).replaceAll("\\s", " ");
    return getMessage()
        + "\n"
        + prefix
        + shown
        + suffix
        + "\n"
        + " ".repeat(prefix.length() + position - from)
        + "^";
  }
}
