package io.featureviz.api.sweeps;

/**
 * One channel of a sweep and the frame that is its image: the final frame of element
 * {@code batchIndex} of job {@code jobId}, a shard of the sweep or, when {@code reused}, an
 * earlier render of the tenant.
 *
 * @param examplesJobId its dataset search; null when none was asked for
 */
record SweepChannel(int position, String layer, int channel, String jobId, int batchIndex,
    boolean reused, String examplesJobId) {}
