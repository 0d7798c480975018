package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.worker.publish.EventPublisher;

/** Sends a job's progress events at most once per interval: they are advisory, steps are many. */
final class ProgressThrottle {

  private final String jobId;
  private final int steps;
  private final String worker;
  private final EventPublisher events;
  private final long intervalNanos;
  private long last;

  ProgressThrottle(String jobId, int steps, String worker, EventPublisher events,
      long intervalNanos) {
    this.jobId = jobId;
    this.steps = steps;
    this.worker = worker;
    this.events = events;
    this.intervalNanos = intervalNanos;
    this.last = System.nanoTime();
  }

  void offer(int stepsDone, double objectiveValue) {
    long now = System.nanoTime();
    if (now - last < intervalNanos) {
      return;
    }
    last = now;
    events.progress(JobEvent.progress(jobId, stepsDone, steps, objectiveValue, worker));
  }
}
