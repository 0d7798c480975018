package io.featureviz.api.datasets;

import io.featureviz.api.ApiConfig;
import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.uploads.Sha256;
import io.featureviz.api.uploads.TempFolder;
import io.featureviz.api.uploads.UploadSizeFilter;
import io.featureviz.contracts.messages.DatasetKeys;
import io.featureviz.uploads.ImageValidator;
import io.featureviz.uploads.InvalidImageException;
import io.featureviz.uploads.ZipUnpacker;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Accepts a tenant's image set: checks the form, the limits and every image (each must decode)
 * before anything is stored, then stores the images and the rows ({@link DatasetStore}).
 */
@ApplicationScoped
public class DatasetUploadService {

  private static final int MAX_NAME_LENGTH = 200;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatasetService datasets;
  private final DatasetStore store;
  private final UploadedImages uploaded;
  private final int maxImages;
  private final long maxImageBytes;
  private final long maxTotalBytes;

  DatasetUploadService(DatasetService datasets, DatasetStore store, ApiConfig config) {
    this.datasets = datasets;
    this.store = store;
    this.maxImages = config.datasets().maxImages();
    this.maxImageBytes = config.datasets().maxImageSize().asLongValue();
    this.maxTotalBytes = config.uploads().maxSize().asLongValue();
    // an archive may unpack to no more than the upload limit: no zip bomb can exceed it
    this.uploaded = new UploadedImages(new ZipUnpacker(config.uploads().maxArchiveEntries(),
        maxTotalBytes, reason -> ProblemException.invalidParameter("archive", reason)));
  }

  /** Stores the tenant's dataset and answers it as {@code GET /v1/datasets/{id}} would. */
  public DatasetView upload(DatasetUploadForm form, String tenant)
      throws IOException, SQLException {
    checkForm(form);
    String id = form.id != null ? form.id : "ds-" + HexFormat.of().formatHex(randomBytes(5));
    checkIdFree(id, tenant);
    try (TempFolder work = TempFolder.create("fv-dataset-")) {
      UploadErrors errors = new UploadErrors();
      List<ImageFile> files = uploaded.collect(form, work.path(), errors);
      // an archive alone is "archive"'s problem, else the images'
      String field = form.archive != null && UploadedImages.parts(form).isEmpty() ? "archive"
          : "images";
      List<DatasetImage> images = checkedImages(files, field, errors);
      DatasetRow row = new DatasetRow(tenant, id, form.name != null ? form.name : id,
          DatasetKeys.tenantPrefix(tenant, id), images.size(),
          images.stream().mapToLong(DatasetImage::bytes).sum(), null);
      store.create(row, images).orElseThrow(() -> exists(id));
    }
    return datasets.get(id, tenant);
  }

  /** The fields, and the files' sizes as received; every problem at once. */
  private void checkForm(DatasetUploadForm form) {
    UploadErrors errors = new UploadErrors();
    if (form.id != null && !DatasetKeys.ID.matcher(form.id).matches()) {
      errors.add(new FieldError("id", "must be 1 to 63 lower-case letters, digits, '-' and '_',"
          + " starting with a letter or digit (" + DatasetKeys.ID.pattern() + ")"));
    }
    if (form.name != null && (form.name.isBlank() || form.name.length() > MAX_NAME_LENGTH
        || CONTROL.matcher(form.name).find())) {
      errors.add(new FieldError("name", "must be 1 to " + MAX_NAME_LENGTH
          + " characters without control characters"));
    }
    List<FileUpload> parts = UploadedImages.parts(form);
    if (parts.isEmpty() && form.archive == null) {
      errors.add(noImages("images"));
    }
    if (parts.size() > maxImages) {
      errors.add(tooMany("images", parts.size()));
    }
    long total = form.archive == null ? 0 : form.archive.size();
    for (int i = 0; i < parts.size(); i++) {
      total += parts.get(i).size();
      if (parts.get(i).size() > maxImageBytes) {
        errors.tooLarge(imageTooLarge("images[" + i + "]",
            "images[" + i + "] " + ImageNames.quoted(parts.get(i).fileName()),
            parts.get(i).size()));
      }
    }
    if (total > maxTotalBytes) {
      errors.tooLarge(new FieldError("images", "the files have " + total
          + " bytes together; an upload may have at most " + maxTotalBytes));
    }
    errors.throwIfAny();
  }

  private void checkIdFree(String id, String tenant) throws SQLException {
    if (datasets.isBuiltinId(id)) {
      throw new ProblemException(409, "dataset-exists", "Dataset exists",
          "'" + id + "' is the id of a built-in dataset; choose another id", List.of());
    }
    if (datasets.find(id, tenant).isPresent()) {
      throw exists(id);
    }
  }

  /**
   * The files as images: unique names, within the limits, each decoding; else every problem
   * at once.
   */
  private List<DatasetImage> checkedImages(List<ImageFile> files, String field,
      UploadErrors errors) throws IOException {
    if (files.isEmpty() && errors.isEmpty()) {
      errors.add(noImages(field));
    }
    if (files.size() > maxImages) {
      errors.add(tooMany(field, files.size()));
      errors.throwIfAny();
    }
    Map<String, ImageFile> byName = new HashMap<>();
    List<DatasetImage> images = new ArrayList<>();
    for (ImageFile file : files) {
      ImageFile previous = byName.putIfAbsent(file.name(), file);
      if (previous != null) {
        errors.add(new FieldError(file.field(), file.source() + " has the same name '"
            + file.name() + "' as " + previous.source()));
      } else if (file.bytes() > maxImageBytes) {
        errors.tooLarge(imageTooLarge(file.field(), file.source(), file.bytes()));
      } else {
        try {
          images.add(new DatasetImage(file.name(), file.file(),
              ImageValidator.inspect(file.file()), file.bytes(), Sha256.of(file.file())));
        } catch (InvalidImageException e) {
          errors.add(new FieldError(file.field(), file.source() + " " + e.getMessage()));
        }
      }
    }
    errors.throwIfAny();
    return images;
  }

  private FieldError noImages(String field) {
    return new FieldError(field, "no images: send image files as parts named 'images', or a zip"
        + " of them as 'archive'");
  }

  private FieldError tooMany(String field, int count) {
    return new FieldError(field, count + " images; a dataset upload may hold at most "
        + maxImages);
  }

  private FieldError imageTooLarge(String field, String source, long bytes) {
    return new FieldError(field, source + " has " + bytes + " bytes; an image may have at most "
        + maxImageBytes);
  }

  private static ProblemException exists(String id) {
    return new ProblemException(409, "dataset-exists", "Dataset exists",
        "a dataset with id '" + id + "' exists; choose another id", List.of());
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
