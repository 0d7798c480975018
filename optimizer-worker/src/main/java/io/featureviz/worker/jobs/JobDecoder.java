package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.transform.TransformList;
import java.util.Objects;

/** Reads a job record and parses what can be parsed without the model. */
final class JobDecoder {

  private JobDecoder() {}

  /** @throws PoisonJobException when the record is not a readable, well-formed job */
  static DecodedJob decode(byte[] value) {
    if (value == null || value.length == 0) {
      throw new PoisonJobException("empty record", null, null);
    }
    JobRequest request;
    try {
      request = Messages.read(value, JobRequest.class);
    } catch (MessageFormatException e) {
      throw new PoisonJobException(e.getMessage(), null, e);
    }
    String id = request.id();
    require(id != null && !id.isBlank(), "job has no id", id);
    require(request.tenant() != null && !request.tenant().isBlank(), "job has no tenant", id);
    require(request.model() != null && !request.model().isBlank(), "job has no model", id);
    boolean explain = request.kind() == JobKind.EXPLAIN;
    require(explain || request.objective() != null, "job has no objective", id);
    if (request.kind() == JobKind.DATASET_EXAMPLES) {
      DatasetExamplesSpec examples = request.examples();
      require(examples != null, "dataset_examples job has no examples", id);
      require(examples.prefix() != null && examples.prefix().endsWith("/")
          && !examples.prefix().contains(".."), "dataset_examples job has no valid prefix", id);
      require(examples.topK() >= 1, "dataset_examples job needs top_k >= 1", id);
    }
    if (explain) {
      ExplainSpec spec = request.explain();
      require(spec != null, "explain job has no explain", id);
      require(spec.imageKey() != null && !spec.imageKey().isBlank()
          && !spec.imageKey().contains(".."), "explain job has no valid image_key", id);
      require(spec.layer() != null && !spec.layer().isBlank(), "explain job has no layer", id);
      require(spec.method() != null, "explain job has no method", id);
      require(spec.groups() >= 0, "explain job needs groups >= 0", id);
    }
    try {
      // an explain job renders the objectives its explanation finds; it has none of its own
      return new DecodedJob(request, explain ? null : ObjectiveSpec.parse(request.objective()),
          ImageParameterization.of(
              Objects.requireNonNullElse(request.param(), RenderDefaults.PARAM),
              request.decorrelate(), RenderDefaults.CLIP, RenderDefaults.DECAY_POWER),
          TransformList.parse(
              Objects.requireNonNullElse(request.transforms(), RenderDefaults.TRANSFORMS)));
    } catch (IllegalArgumentException e) {
      throw new PoisonJobException("invalid job: " + e.getMessage(), id, e);
    }
  }

  private static void require(boolean condition, String reason, String jobId) {
    if (!condition) {
      throw new PoisonJobException(reason, jobId, null);
    }
  }
}
