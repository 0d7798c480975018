package io.featureviz.optvis.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** What {@code fv bench} prints. Times are means over the measured steps, after warm-up. */
public record BenchResult(
    String model,
    String objective,
    int size,
    int batch,
    int steps,
    @JsonProperty("network_input_size") int networkInputSize,
    @JsonProperty("ms_per_step") double msPerStep,
    @JsonProperty("steps_per_second") double stepsPerSecond,
    @JsonProperty("forward_backward_ms") double forwardBackwardMs,
    @JsonProperty("overhead_pct") double overheadPct,
    @JsonProperty("gflop_per_step") double gflopPerStep,
    @JsonProperty("achieved_gflops") double achievedGflops,
    @JsonProperty("peak_rss_mb") long peakRssMb,
    @JsonProperty("native_load_seconds") double nativeLoadSeconds,
    @JsonProperty("graph_build_seconds") double graphBuildSeconds,
    String device,
    /** Traced milliseconds per step by kernel type ({@link OverheadByOp}); null unless asked. */
    @JsonProperty("overhead_by_op_ms") @JsonInclude(JsonInclude.Include.NON_NULL)
    Map<String, Double> overheadByOpMs) {}
