package io.featureviz.contracts.objective;

import io.featureviz.contracts.syntax.SyntaxException;

/** Objective grammar text that does not parse, with the offending position. */
public final class ObjectiveSyntaxException extends SyntaxException {

  ObjectiveSyntaxException(String input, int position, String expected, String found, String hint) {
    super(input, position, expected, found, hint);
  }
}
