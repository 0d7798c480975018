package io.featureviz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The policy as the container applies it: its annotations only act on the injected bean. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class TransientFailureRetryTest {

  @Inject
  TransientFailureRetry retry;

  @Test
  void failingWriteIsRepeatedUntilItSucceeds() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();
    retry.run(() -> {
      if (attempts.incrementAndGet() < 3) {
        throw new IOException("store unavailable");
      }
    });
    assertEquals(3, attempts.get());
    // Two waits, the first delay and then twice it, each shortened by the jitter at most.
    long waitedMs = (System.nanoTime() - start) / 1_000_000;
    assertTrue(waitedMs >= 3 * (TransientFailureRetry.DELAY_MS - TransientFailureRetry.JITTER_MS),
        "waited " + waitedMs + " ms");
  }

  @Test
  void malformedMessageIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    MessageFormatException e = assertThrows(MessageFormatException.class, () -> retry.run(() -> {
      attempts.incrementAndGet();
      throw new MessageFormatException("frame value is not a PNG");
    }));
    assertEquals("frame value is not a PNG", e.getMessage());
    assertEquals(1, attempts.get());
  }
}
