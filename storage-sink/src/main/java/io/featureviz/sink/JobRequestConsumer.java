package io.featureviz.sink;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.metadata.JobsTable;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code fv.jobs} in the sink's own consumer group (the workers have theirs), so that a
 * job submitted with a plain Kafka producer, bypassing the API, is recorded and queryable too.
 */
@ApplicationScoped
public class JobRequestConsumer {

  private static final Logger LOG = Logger.getLogger(JobRequestConsumer.class);

  private final AgroalDataSource dataSource;

  JobRequestConsumer(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Incoming("jobs")
  @Blocking
  @Acknowledgment(Acknowledgment.Strategy.POST_PROCESSING)
  // maxRetries -1 and maxDuration 0: no limit (see TransientFailureRetry)
  @Retry(maxRetries = -1, maxDuration = 0, delay = TransientFailureRetry.DELAY_MS,
      jitter = TransientFailureRetry.JITTER_MS, abortOn = MessageFormatException.class)
  @ExponentialBackoff(maxDelay = TransientFailureRetry.MAX_DELAY_MS)
  public void consume(byte[] value) throws Exception {
    JobRequest request;
    try {
      request = Messages.read(value, JobRequest.class);
    } catch (MessageFormatException e) {
      LOG.warnf("skipping unreadable job request: %s", e.getMessage());
      return;
    }
    // One statement in auto-commit: atomic without a transaction around the retries.
    try (Connection connection = dataSource.getConnection()) {
      JobsTable.upsertRequest(connection, request);
    }
  }
}
