package io.featureviz.devstack;

import java.security.SecureRandom;

/** Generated credentials: the local stack never ships a fixed key or password. */
final class RandomSecret {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomSecret() {}

  /** {@code length} characters from the first {@code alphabetSize} of upper case, digits, lower case. */
  private static String of(int length, int alphabetSize) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(alphabetSize)));
    }
    return s.toString();
  }

  /** Shaped like an AWS access key id: 20 upper case letters and digits. */
  static String accessKey() {
    return of(20, 36);
  }

  /** 40 letters and digits: as strong as an AWS secret, and safe in URLs, JDBC strings and shells. */
  static String secret() {
    return of(40, ALPHABET.length());
  }
}
