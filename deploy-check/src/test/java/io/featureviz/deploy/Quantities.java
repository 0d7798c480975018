package io.featureviz.deploy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes and durations as each tool writes them, so that files in different notations compare. */
final class Quantities {

  private static final Pattern KUBERNETES = Pattern.compile("([0-9.]+)([a-zA-Z]*)");
  private static final Map<String, BigDecimal> KUBERNETES_SUFFIXES = Map.of(
      "", BigDecimal.ONE, "m", new BigDecimal("0.001"),
      "k", BigDecimal.valueOf(1000L), "M", BigDecimal.valueOf(1000L * 1000),
      "G", BigDecimal.valueOf(1000L * 1000 * 1000),
      "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20),
      "Gi", BigDecimal.valueOf(1L << 30), "Ti", BigDecimal.valueOf(1L << 40));
  private static final Pattern NGINX_SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");
  private static final Pattern GO_DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");

  private Quantities() {}

  /** A Kubernetes quantity: {@code 4}, {@code 500m} cores, {@code 7Gi} bytes. */
  static BigDecimal kubernetes(String quantity) {
    Matcher m = KUBERNETES.matcher(quantity.trim());
    BigDecimal unit = m.matches() ? KUBERNETES_SUFFIXES.get(m.group(2)) : null;
    if (unit == null) {
      throw new IllegalArgumentException("not a Kubernetes quantity: " + quantity);
    }
    return new BigDecimal(m.group(1)).multiply(unit);
  }

  /** An nginx size ({@code client_max_body_size}): bytes, or k, m, g of 1024. */
  static long nginxBytes(String size) {
    Matcher m = NGINX_SIZE.matcher(size.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an nginx size: " + size);
    }
    int shift = switch (m.group(2).toLowerCase()) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      default -> 0;
    };
    return Long.parseLong(m.group(1)) << shift;
  }

  /** A Quarkus memory size: {@code 200M}, {@code 1G}. */
  static long quarkusBytes(String size) {
    return new MemorySizeConverter().convert(size).asLongValue();
  }

  /** A Quarkus duration: {@code 30s}, {@code PT1M}, {@code 500ms}. */
  static Duration quarkusDuration(String duration) {
    return DurationConverter.parseDuration(duration);
  }

  /** A compose duration (Go's notation): {@code 90s}, {@code 1m30s}. */
  static Duration compose(String duration) {
    Matcher m = GO_DURATION.matcher(duration.trim());
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMillis(n);
      });
      end = m.end();
    }
    if (end == 0 || end != duration.trim().length()) {
      throw new IllegalArgumentException("not a compose duration: " + duration);
    }
    return total;
  }
}
