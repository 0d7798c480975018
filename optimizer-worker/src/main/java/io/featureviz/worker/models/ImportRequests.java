package io.featureviz.worker.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelImport;
import io.featureviz.contracts.messages.ModelKeys;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads {@code fv.model-imports} records. A request that cannot be carried out is refused with
 * the problem, and with the request to answer FAILED to when it still names an upload id and a
 * tenant (a FAILED entry without a tenant would read as a built-in model's).
 */
final class ImportRequests {

  private ImportRequests() {}

  /** An import request this worker cannot carry out. */
  static final class InvalidImportException extends RuntimeException {

    private final transient Optional<ModelImport> answerTo;

    InvalidImportException(String problem, Optional<ModelImport> answerTo) {
      super(problem);
      this.answerTo = answerTo;
    }

    /** The request to answer FAILED to; empty when the record names no model and tenant. */
    Optional<ModelImport> answerTo() {
      return answerTo;
    }
  }

  static ModelImport read(byte[] value) {
    ModelImport request;
    try {
      request = Messages.read(value, ModelImport.class);
    } catch (MessageFormatException e) {
      throw new InvalidImportException(e.getMessage(), namedIn(value));
    }
    Optional<ModelImport> answerTo = answerable(request.modelId(), request.tenant());
    if (answerTo.isEmpty()) {
      throw new InvalidImportException("an import request needs an upload id ("
          + ModelKeys.ID + ") and a tenant", answerTo);
    }
    // the files are read from the one place an upload's files can be
    String prefix = ModelKeys.prefix(request.modelId());
    if (!prefix.equals(request.objectPrefix())) {
      throw new InvalidImportException("the import request names the files under '"
          + request.objectPrefix() + "', not " + prefix, answerTo);
    }
    return request;
  }

  /** The model and tenant of a record that is not a valid request, where it names both. */
  private static Optional<ModelImport> namedIn(byte[] value) {
    try {
      JsonNode tree = Messages.mapper().readTree(value);
      return tree == null ? Optional.empty()
          : answerable(tree.path("model_id").textValue(), tree.path("tenant").textValue());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<ModelImport> answerable(String modelId, String tenant) {
    if (!ModelKeys.isUploadedId(modelId) || tenant == null || tenant.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new ModelImport(Messages.VERSION, modelId, tenant, null,
        ModelKeys.prefix(modelId), System.currentTimeMillis()));
  }
}
