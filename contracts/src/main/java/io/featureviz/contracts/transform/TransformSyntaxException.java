package io.featureviz.contracts.transform;

import io.featureviz.contracts.syntax.SyntaxException;

/** Transform-list text that does not parse, with the offending position. */
public final class TransformSyntaxException extends SyntaxException {

  TransformSyntaxException(String input, int position, String expected, String found,
      String hint) {
    super(input, position, expected, found, hint);
  }
}
