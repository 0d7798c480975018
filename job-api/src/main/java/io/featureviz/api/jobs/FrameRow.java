package io.featureviz.api.jobs;

import java.time.Instant;
import java.util.List;

/**
 * One stored frame of a job, as the sink recorded it. A dataset-examples frame is a crop of a
 * dataset image: {@code sourceKey} and the other {@code source} columns say which, {@code crop}
 * is the box {x, y, width, height} in its pixels; all null for a render's frame.
 */
public record FrameRow(String jobId, int step, int batchIndex, boolean isFinal,
    Double objectiveValue, String objectKey, int width, int height, long bytes, String sha256,
    Instant storedAt, String sourceImage, String sourceKey, Integer sourceWidth,
    Integer sourceHeight, List<Integer> crop) {}
