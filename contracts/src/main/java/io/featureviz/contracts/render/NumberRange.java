package io.featureviz.contracts.render;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The values a numeric setting may take: the integers from {@code min} to {@code max}, or the
 * numbers between them with {@code min} itself left out or not. It checks a value and states the
 * rule in the words every refusal uses, so that the API, both command lines and the OpenAPI
 * schema say the same thing.
 *
 * @param minExclusive whether {@code min} itself is outside, as 0 is for a learning rate
 * @param integral whether only whole numbers are inside
 */
public record NumberRange(double min, boolean minExclusive, double max, boolean integral) {

  public NumberRange {
    if (!(min <= max)) {
      throw new IllegalArgumentException("empty range " + min + " to " + max);
    }
  }

  /** The integers from {@code min} to {@code max}, both included. */
  public static NumberRange integers(long min, long max) {
    return new NumberRange(min, false, max, true);
  }

  /** The numbers above {@code min} up to {@code max} included: (min, max]. */
  public static NumberRange above(double min, double max) {
    return new NumberRange(min, true, max, false);
  }

  /** The numbers from {@code min} to {@code max}, both included: [min, max]. */
  public static NumberRange between(double min, double max) {
    return new NumberRange(min, false, max, false);
  }

  /** Whether the value is inside; NaN and infinities never are. */
  public boolean contains(double value) {
    return (minExclusive ? value > min : value >= min) && value <= max
        && (!integral || value == Math.rint(value));
  }

  /** The rule as refusals state it, e.g. {@code must be a number in (0, 10]}. */
  public String requirement() {
    return integral
        ? "must be an integer from " + text(min) + " to " + text(max)
        : "must be a number in " + (minExclusive ? "(" : "[") + text(min) + ", " + text(max) + "]";
  }

  /**
   * Why a command line refuses the value of an option, e.g. {@code --lr must be a number in
   * (0, 10], not 12.0}; empty when the value is inside.
   */
  public Optional<String> refusal(String option, Number value) {
    return contains(value.doubleValue()) ? Optional.empty()
        : Optional.of(option + " " + requirement() + ", not " + value);
  }

  /** The lower bound as schemas write it: {@code 0}, not {@code 0.0}. */
  public BigDecimal minimum() {
    return new BigDecimal(text(min));
  }

  /** The upper bound as schemas write it: {@code 10}, not {@code 1E+1}. */
  public BigDecimal maximum() {
    return new BigDecimal(text(max));
  }

  private static String text(double bound) {
    return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
  }
}
