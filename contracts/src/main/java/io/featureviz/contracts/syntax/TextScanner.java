package io.featureviz.contracts.syntax;

/** A position in grammar text and the moves every parser of the contracts makes over it. */
public abstract class TextScanner {

  protected final String input;
  /** 0-based offset of the next character to read. */
  protected int pos;

  protected TextScanner(String input) {
    this.input = input;
  }

  protected final void skipSpace() {
    while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
      pos++;
    }
  }

  /** The next non-space character (consumed when it is {@code c}). */
  protected final boolean accept(char c) {
    skipSpace();
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** The character at pos, or 0 past the end (0 matches no grammar character). */
  protected final char peek() {
    return pos < input.length() ? input.charAt(pos) : 0;
  }
}
