package io.featureviz.worker.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.Messages;
import org.junit.jupiter.api.Test;

class CancellationsTest {

  private static byte[] cancel(String jobId) {
    return Messages.write(JobEvent.cancelRequested(jobId, "user asked"));
  }

  @Test
  void aRequestForAJobNotYetRunningFlagsItWhenItStartsOnce() {
    Cancellations cancellations = new Cancellations();
    cancellations.onEvent(cancel("queued"));
    assertTrue(cancellations.remembers("queued"));

    Cancellations.CancelFlag flag = cancellations.register("queued");
    assertTrue(flag.userRequested());
    assertFalse(cancellations.remembers("queued"), "used up by the start");
    cancellations.release("queued", flag);
    assertFalse(cancellations.register("queued").userRequested(), "a redelivery starts afresh");
    assertFalse(cancellations.register("other").shouldStop());
  }

  @Test
  void aRequestForARunningJobFlagsItAndIsNotRemembered() {
    Cancellations cancellations = new Cancellations();
    Cancellations.CancelFlag flag = cancellations.register("running");
    cancellations.onEvent(cancel("running"));
    assertTrue(flag.userRequested());
    assertFalse(cancellations.remembers("running"));
  }

  @Test
  void onlyTheNewestRequestsAreRemembered() {
    Cancellations cancellations = new Cancellations();
    for (int i = 0; i <= Cancellations.REMEMBERED; i++) {
      cancellations.onEvent(cancel("job-" + i));
    }
    assertFalse(cancellations.remembers("job-0"), "the oldest is forgotten");
    assertTrue(cancellations.remembers("job-1"));
    assertTrue(cancellations.remembers("job-" + Cancellations.REMEMBERED));
  }
}
