package io.featureviz.worker.publish;

import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelCatalogEntry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes {@link ModelCatalogEntry}s to {@code fv.models}, keyed by model id (compacted). */
@ApplicationScoped
public class CatalogPublisher {

  @Channel("models")
  MutinyEmitter<byte[]> models;

  /** Waits for the broker's ack: an import is acknowledged only once its entry is stored. */
  public void publish(ModelCatalogEntry entry) {
    try {
      models.sendMessageAndAwait(
          KafkaMetadata.keyed(entry.modelId(), Messages.write(entry), Map.of()));
    } catch (RuntimeException e) {
      throw new PublishException(entry.status() + " catalog entry of model " + entry.modelId(),
          e);
    }
  }
}
