package io.featureviz.client.demo;

import io.featureviz.client.jobs.JobSpec;
import java.util.List;

/**
 * The demo's jobs: one batch per model (one row of the contact sheet), one objective per batch
 * element (';'), each with the caption of its tile.
 */
public record DemoPanel(JobSpec spec, List<String> captions) {

  public static List<DemoPanel> standard(int size, int steps) {
    return List.of(
        panel("inception_v3", List.of("mixed4:97", "mixed4:42", "mixed4:300", "mixed4:512"),
            List.of("mixed4:97", "mixed4:42", "mixed4:300", "mixed4:512"), size, steps),
        panel("mobilenet_v2", List.of("softmax:goldfish", "softmax:flamingo",
                "softmax:\"monarch butterfly\"", "softmax:strawberry"),
            List.of("goldfish", "flamingo", "monarch butterfly", "strawberry"), size, steps));
  }

  private static DemoPanel panel(String model, List<String> objectives, List<String> captions,
      int size, int steps) {
    JobSpec spec = JobSpec.of(model, String.join(";", objectives)).withSize(size)
        .withSteps(steps, List.of(steps / 2, steps)).withBatch(objectives.size());
    return new DemoPanel(spec, captions);
  }
}
