package io.featureviz.sink;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.metadata.JobsTable;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
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
  private final TransientFailureRetry retry;

  JobRequestConsumer(AgroalDataSource dataSource, TransientFailureRetry retry) {
    this.dataSource = dataSource;
    this.retry = retry;
  }

  @Incoming("jobs")
  @Blocking
  @Acknowledgment(Acknowledgment.Strategy.POST_PROCESSING)
  public void consume(byte[] value) throws Exception {
    JobRequest request;
    try {
      request = Messages.read(value, JobRequest.class);
    } catch (MessageFormatException e) {
      LOG.warnf("skipping unreadable job request: %s", e.getMessage());
      return;
    }
    // One statement in auto-commit: atomic without a transaction around the retries.
    retry.run(() -> {
      try (Connection connection = dataSource.getConnection()) {
        JobsTable.upsertRequest(connection, request);
      }
    });
  }
}
