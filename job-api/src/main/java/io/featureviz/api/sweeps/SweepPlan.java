package io.featureviz.api.sweeps;

import io.featureviz.contracts.messages.JobRequest;
import java.util.List;

/** What a submission writes: the sweep, its channels and the jobs (shards) to publish. */
record SweepPlan(SweepRow sweep, List<SweepChannel> channels, List<JobRequest> shards) {}
