package io.featureviz.api.jobs;

import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import java.util.List;
import java.util.Optional;

/**
 * The optimization settings of a job that renders images (a render; an explain job's neuron
 * group visualizations), the defaults filled in, each within its {@link RenderLimits} range
 * (the size in its model's).
 *
 * @param size 0 while the model is unknown (the request is invalid then)
 */
public record RenderSettings(int size, int steps, List<Integer> thresholds, long seed, double lr,
    String param, boolean decorrelate, String transforms) {

  public static final List<String> FIELDS = List.of("size", "steps", "thresholds", "seed", "lr",
      "param", "decorrelate", "transforms");

  /** The settings of the body, {@code defaultSteps} when it gives none. */
  public static RenderSettings read(SubmissionFields fields, Optional<ModelDescription> model,
      int defaultSteps) {
    // the size's range is the model's: it is checked once the model is known
    int size = model.map(m -> fields.integer("size", m.inputSize(),
        RenderLimits.size(m.inputSize()))).orElse(0);
    int steps = fields.integer("steps", defaultSteps, RenderLimits.STEPS);
    List<Integer> thresholds = fields.thresholds(steps);
    long seed = fields.longInteger("seed", RenderDefaults.SEED, RenderLimits.SEED);
    double lr = fields.number("lr", RenderDefaults.LEARNING_RATE, RenderLimits.LEARNING_RATE);
    String param = fields.choice("param", RenderDefaults.PARAM, JobSubmissionReader.PARAMS);
    boolean decorrelate = fields.bool("decorrelate", RenderDefaults.DECORRELATE);
    String transforms = fields.transforms();
    return new RenderSettings(size, steps, thresholds, seed, lr, param, decorrelate,
        transforms);
  }
}
