package io.featureviz.api.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.api.ApiConfig;
import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.uploads.UploadSizeFilter;
import io.featureviz.contracts.messages.JobRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Explain jobs submitted with their image ({@code multipart/form-data}): the image is checked
 * with the job, stored at {@code uploads/<tenant>/explain/<job>.<ext>} where the worker reads
 * it, and removed again when the job cannot be published.
 */
@ApplicationScoped
public class ExplainUploads {

  private static final Logger LOG = Logger.getLogger(ExplainUploads.class);
  /** An image format explain jobs take: the media type the validator finds, the key's suffix. */
  private record ImageType(String contentType, String extension) {}

  private static final List<ImageType> TYPES = List.of(new ImageType("image/png", "png"),
      new ImageType("image/jpeg", "jpg"), new ImageType("image/bmp", "bmp"));

  private final JobSubmissionReader reader;
  private final JobService jobs;
  private final BucketObjects bucket;
  private final ObjectMapper json;
  private final long maxImageBytes;

  ExplainUploads(JobSubmissionReader reader, JobService jobs, BucketObjects bucket,
      ObjectMapper json, ApiConfig config) {
    this.reader = reader;
    this.jobs = jobs;
    this.bucket = bucket;
    this.json = json;
    // an image as large as a dataset's may be
    this.maxImageBytes = config.datasets().maxImageSize().asLongValue();
  }

  /** Where an uploaded image of the tenant's explain job is kept. */
  static String key(String tenant, String jobId, String extension) {
    return "uploads/" + tenant + "/explain/" + jobId + "." + extension;
  }

  /** The suffix of an image of this media type; empty for one explain jobs do not take. */
  static Optional<String> extension(String contentType) {
    return TYPES.stream().filter(t -> t.contentType().equals(contentType))
        .map(ImageType::extension).findFirst();
  }

  /** The media type of the image stored at {@code key}. */
  private static String contentType(String key) {
    String extension = key.substring(key.lastIndexOf('.') + 1);
    return TYPES.stream().filter(t -> t.extension().equals(extension))
        .map(ImageType::contentType).findFirst().orElseThrow();
  }

  /** Checks, stores and publishes the tenant's job; the request as published. */
  public JobRequest submit(ExplainUploadForm form, String tenant) throws SQLException {
    if (form.image != null && form.image.size() > maxImageBytes) {
      String reason = "has " + form.image.size() + " bytes; an image may have at most "
          + maxImageBytes;
      throw UploadSizeFilter.tooLarge("image: " + reason,
          List.of(new FieldError("image", reason)));
    }
    JobRequest request = reader.readWithImage(job(form.job), tenant, form.image);
    String key = request.explain().imageKey();
    try {
      bucket.put(form.image.uploadedFile(), key, contentType(key));
    } catch (Exception e) {
      LOG.errorf(e, "explain image %s not stored", key);
      throw new ProblemException(503, "storage-unavailable", "Job not submitted",
          "the object store did not take the image: " + e.getMessage() + "; try again",
          List.of());
    }
    try {
      return jobs.submit(request);
    } catch (SQLException | RuntimeException e) {
      remove(key);
      throw e;
    }
  }

  private JsonNode job(String text) {
    if (text == null) {
      throw ProblemException.invalidParameter("job", "is required: the job as JSON, such as"
          + " {\"kind\": \"explain\", \"model\": \"mobilenet_v2\", \"layer\": ...}");
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw ProblemException.invalidParameter("job", "not valid JSON: " + e.getOriginalMessage());
    }
  }

  private void remove(String key) {
    try {
      bucket.delete(List.of(key));
    } catch (Exception e) {
      LOG.errorf(e, "explain image %s of a job not submitted remains", key);
    }
  }
}
