package io.featureviz.worker.models;

import io.featureviz.contracts.messages.ModelCatalogEntry;
import io.featureviz.contracts.messages.ModelImport;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.worker.engine.WorkerIdentity;
import io.featureviz.worker.models.DescriberProcess.Outcome;
import io.featureviz.worker.models.ImportRequests.InvalidImportException;
import io.featureviz.worker.publish.CatalogPublisher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Imports uploaded models ({@code fv.model-imports}, a group all workers share): fetches the
 * upload's files from the bucket, loads them in a JVM of its own ({@link DescriberProcess}) and
 * publishes the model's catalog entry on {@code fv.models}, READY with its description or FAILED
 * with the reason. The request is acknowledged once the entry is stored, so an import a worker
 * did not finish is done again by another. Whatever the model does to the importing JVM, this
 * worker goes on.
 */
@ApplicationScoped
public class ModelImports {

  private static final Logger LOG = Logger.getLogger(ModelImports.class);

  private final UploadedModelFiles files;
  private final DescriberProcess describer;
  private final CatalogPublisher catalog;
  private final String worker;

  ModelImports(UploadedModelFiles files, DescriberProcess describer, CatalogPublisher catalog,
      WorkerIdentity identity) {
    this.files = files;
    this.describer = describer;
    this.catalog = catalog;
    this.worker = identity.id();
  }

  /** One at a time: an import takes a JVM and up to {@code fv.worker.imports.max-heap}. */
  @Incoming("model-imports")
  @Blocking
  public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException {
    ModelImport request;
    try {
      request = ImportRequests.read(record.value());
    } catch (InvalidImportException e) {
      Optional<ModelImport> answerTo = e.answerTo();
      LOG.warnf("unreadable import request %s-%d@%d (key %s): %s", record.topic(),
          record.partition(), record.offset(), record.key(), e.getMessage());
      // a failure to publish is this worker's, not the model's: the request stays unacknowledged
      answerTo.ifPresent(r -> catalog.publish(
          ModelCatalogEntry.failed(r, "invalid import request: " + e.getMessage(), worker)));
      return;
    }
    catalog.publish(importModel(request));
  }

  private ModelCatalogEntry importModel(ModelImport request) throws InterruptedException {
    String id = request.modelId();
    long start = System.nanoTime();
    Outcome outcome = load(id);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (outcome.isDescribed()) {
      LOG.infof("model %s of tenant %s imported in %d ms", id, request.tenant(), millis);
      return ModelCatalogEntry.imported(request, outcome.description(), worker);
    }
    LOG.infof("model %s of tenant %s not imported (%d ms): %s", id, request.tenant(), millis,
        outcome.reason());
    // no job will name it, and the bucket's copy is deleted
    files.discard(id);
    return ModelCatalogEntry.failed(request, outcome.reason(), worker);
  }

  private Outcome load(String id) throws InterruptedException {
    Optional<Path> folder;
    try {
      folder = files.folder(id);
    } catch (IllegalStateException e) {
      // the object store did not answer
      return Outcome.failed(e.getMessage());
    }
    return folder.isPresent() ? describer.describe(folder.get())
        : Outcome.failed("no files under " + ModelKeys.prefix(id) + " in the object store");
  }
}
