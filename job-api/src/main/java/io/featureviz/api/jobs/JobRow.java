package io.featureviz.api.jobs;

import io.featureviz.contracts.messages.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row of {@code jobs}. Request fields are null while only the job's events have been seen. */
public record JobRow(String id, String tenant, String model, String objective, String layer,
    Integer channel, Integer size, Integer steps, Integer batch, Long seed, Double lr,
    String param, Boolean decorrelate, String transforms, List<Integer> thresholds,
    JobStatus status, int progressStep, Double lastObjectiveValue,
    Map<String, Double> objectiveValues, String reason, Instant createdAt, Instant updatedAt) {}
