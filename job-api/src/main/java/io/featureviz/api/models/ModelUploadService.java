package io.featureviz.api.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.api.ApiConfig;
import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.uploads.Sha256;
import io.featureviz.api.uploads.TempFolder;
import io.featureviz.api.uploads.UploadSizeFilter;
import io.featureviz.contracts.messages.BuiltInModels;
import io.featureviz.contracts.messages.ModelImport;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.uploads.ZipUnpacker;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Accepts a user's model for import: checks what is cheap to check without the engine (the
 * form, the size, the zip's safety, the files each format needs), lays the upload out as the
 * workers will find it, claims the id with an IMPORTING row, stores the files in the bucket and
 * asks the workers to import it. The model is only loaded by a worker, which marks it READY or
 * FAILED with the engine's reason.
 */
@ApplicationScoped
public class ModelUploadService {

  private static final Logger LOG = Logger.getLogger(ModelUploadService.class);

  private final ModelRepository repository;
  private final BucketObjects objects;
  private final ModelImportPublisher publisher;
  private final ModelStaging staging;
  private final long maxBytes;

  ModelUploadService(ModelRepository repository, BucketObjects objects,
      ModelImportPublisher publisher, ObjectMapper json, ApiConfig config) {
    this.repository = repository;
    this.objects = objects;
    this.publisher = publisher;
    ApiConfig.Uploads limits = config.uploads();
    this.staging = new ModelStaging(new ZipUnpacker(limits.maxArchiveEntries(),
        limits.maxUnpackedSize().asLongValue(), ProblemException::invalidModel), json);
    this.maxBytes = limits.maxSize().asLongValue();
  }

  /**
   * Stores the tenant's model and requests its import; its row, IMPORTING. Ids are global, as
   * workers cache models by id.
   */
  public ModelRow upload(ModelUploadForm form, String tenant) throws IOException, SQLException {
    UploadFormat format = checkForm(form);
    if (form.file.size() > maxBytes) {
      throw UploadSizeFilter.tooLarge("a model file may have at most " + maxBytes + " bytes",
          List.of());
    }
    String sha256 = Sha256.of(form.file.uploadedFile());
    String id = Optional.ofNullable(form.id).orElse("model-" + sha256.substring(0, 12));
    if (BuiltInModels.isBuiltIn(id) || repository.find(id).isPresent()) {
      throw idTaken(id);
    }
    try (TempFolder work = TempFolder.create("fv-upload-")) {
      Path folder = staging.stage(format, id, form, work.path());
      ModelRow row = ModelRow.importing(id, tenant, format.key(), sha256, form.file.size());
      store(folder, row);
      requestImport(row);
      return row;
    }
  }

  /** Every problem of the form's fields at once; the format when there is none. */
  private static UploadFormat checkForm(ModelUploadForm form) {
    List<FieldError> errors = new ArrayList<>();
    if (form.id != null && !ModelKeys.isUploadedId(form.id)) {
      errors.add(new FieldError("id", "must match " + ModelKeys.ID));
    }
    Optional<UploadFormat> format = UploadFormat.of(form.format);
    if (format.isEmpty()) {
      errors.add(new FieldError("format", "must be one of " + UploadFormat.keys()));
    }
    if (form.file == null) {
      errors.add(new FieldError("file", "is required: the model file (a .zip for savedmodel and"
          + " tfjs; a .onnx file or a .zip holding one for onnx)"));
    }
    format.ifPresent(f -> {
      if (f.metadata == UploadFormat.Metadata.REQUIRED && form.metadata == null) {
        errors.add(new FieldError("metadata", "is required for " + f.key()
            + ": the featureviz-model.json naming the input and layer tensors"));
      } else if (f.metadata == UploadFormat.Metadata.REFUSED && form.metadata != null) {
        errors.add(new FieldError("metadata", "is only for "
            + String.join(", ", UploadFormat.keysTakingMetadata())));
      }
      if (f == UploadFormat.TFJS && form.labels != null) {
        errors.add(new FieldError("labels", "TF.js layers models take no labels"));
      }
    });
    if (!errors.isEmpty()) {
      throw ProblemException.invalidRequest(errors);
    }
    return format.get();
  }

  /** Claims the id with the row first, so that of two concurrent uploads only one stores files. */
  private void store(Path folder, ModelRow row) throws SQLException {
    if (!repository.insertImporting(row)) {
      throw idTaken(row.id());
    }
    try {
      objects.putFolder(folder, row.objectPrefix());
    } catch (Exception e) {
      LOG.errorf(e, "model %s: files not stored", row.id());
      undoStore(row);
      throw new ProblemException(503, "storage-unavailable", "Model not stored",
          "the object store did not take the model's files: " + e.getMessage(), List.of());
    }
  }

  /** Publishes the import request; without one no worker would ever import the files. */
  private void requestImport(ModelRow row) {
    try {
      publisher.publish(ModelImport.of(row.id(), row.tenant(), row.format()));
    } catch (RuntimeException e) {
      LOG.errorf(e, "model %s: import request not published", row.id());
      undoStore(row);
      throw new ProblemException(503, "bus-unavailable", "Model not imported",
          "the model's import request could not be published; try again", List.of());
    }
  }

  private void undoStore(ModelRow row) {
    try {
      objects.deleteFolder(row.objectPrefix());
      repository.delete(row.id());
    } catch (Exception e) {
      LOG.errorf(e, "model %s: a partly stored upload remains", row.id());
    }
  }

  private static ProblemException idTaken(String id) {
    return new ProblemException(409, "model-exists", "Model exists",
        "a model with id '" + id + "' exists; choose another id", List.of());
  }
}
