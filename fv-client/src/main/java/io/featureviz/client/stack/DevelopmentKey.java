package io.featureviz.client.stack;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API key of a local stack: random per start, registered with job-api through
 * FV_AUTH_BOOTSTRAP_KEYS, kept only in {@code stack.json} (mode 600).
 */
public final class DevelopmentKey {

  /** The tenant that owns what is submitted to a local stack. */
  public static final String TENANT = "local";

  private static final SecureRandom RANDOM = new SecureRandom();

  private DevelopmentKey() {}

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "fvdev_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
