package io.featureviz.contracts.explain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How an explanation attributes a class's logit to the channels of a layer. */
public enum ExplainMethod {
  /** Gradient times activation: one forward and one backward pass. */
  @JsonProperty("grad")
  GRAD,
  /**
   * Layer integrated gradients from a baseline image (black unless given), with the completeness
   * gap reported: attributions sum to z(image) - z(baseline) up to the integration error.
   */
  @JsonProperty("ig")
  IG;

  /** {@code grad} or {@code ig}: the name in JSON, on command lines and in the page. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The wire names, for errors: {@code grad, ig}. */
  public static final String NAMES = Arrays.stream(values()).map(ExplainMethod::wireName)
      .collect(Collectors.joining(", "));

  public static Optional<ExplainMethod> of(String wireName) {
    return Arrays.stream(values()).filter(m -> m.wireName().equals(wireName)).findFirst();
  }
}
