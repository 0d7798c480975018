package io.featureviz.api.models;

import io.featureviz.api.KafkaSend;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelImport;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes import requests on {@code fv.model-imports}, keyed by model id, and waits for the
 * broker's acknowledgement: a 202 means a worker will get the request.
 */
@ApplicationScoped
public class ModelImportPublisher {

  private final MutinyEmitter<byte[]> imports;

  ModelImportPublisher(@Channel("model-imports") MutinyEmitter<byte[]> imports) {
    this.imports = imports;
  }

  public void publish(ModelImport request) {
    KafkaSend.awaitAck(imports, request.modelId(), Messages.write(request));
  }
}
