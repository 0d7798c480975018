package io.featureviz.api.sweeps;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/sweeps} as the OpenAPI document shows it; the API reads it as a
 * JSON tree ({@link SweepSubmissionReader}), so that every invalid field is reported at once.
 * The render settings are a render job's, with the same defaults and bounds (schema
 * {@code JobSubmission}).
 */
@Schema(name = "SweepSubmission")
record SweepSubmissionBody(
    @Schema(required = true, description = "model id") String model,
    @Schema(required = true, description = "layer names, or the string \"all\": every layer"
        + " whose channels a render can target", oneOf = {String[].class, String.class})
    Object layers,
    @Schema(description = "channels and inclusive ranges, e.g. \"0-63,100\"; every channel"
        + " when left out. Each must exist in every named layer; with \"all\" they are"
        + " clipped to each layer's channels", example = "0-63,100") String channels,
    Integer size, Integer steps, List<Integer> thresholds, Long seed, Double lr, String param,
    Boolean decorrelate, String transforms,
    @Schema(description = "a dataset search per channel of the layers with positions")
    Examples examples) {

  /** What to search per channel: a dataset-examples job's {@code dataset} and {@code top_k}. */
  record Examples(@Schema(description = "dataset id; the built-in photos when left out")
      String dataset, @Schema(description = "images to keep per channel") Integer topK) {}
}
