package io.featureviz.api.sweeps;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code sweeps}.
 *
 * @param channels the ranges as asked; null for every channel
 * @param examples null when no dataset examples were asked for
 * @param cancelledAt null unless cancelled
 */
record SweepRow(String id, String tenant, String model, List<String> layers, boolean allLayers,
    String channels, SweepSettings settings, SweepExamples examples, Instant cancelledAt,
    Instant createdAt, Instant updatedAt) {}
