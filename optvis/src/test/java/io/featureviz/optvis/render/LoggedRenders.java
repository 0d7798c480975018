package io.featureviz.optvis.render;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.testing.SharedFiles;
import io.featureviz.optvis.transform.TransformList;
import java.util.List;

/**
 * A child process for {@link QuietRenderTest}: renders each model and objective given as
 * arguments ({@code model objective model objective ...}) small and short, with redirected-ReLU
 * steps first and ordinary ones after, so that both graphs a render builds run; prints
 * {@value #DONE} and the model after each.
 */
public final class LoggedRenders {

  static final String DONE = "rendered ";
  private static final int SIZE = 64;
  private static final int STEPS = 4;
  private static final int REDIRECTED_STEPS = 2;

  private LoggedRenders() {}

  public static void main(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      ImageModel model = SharedFiles.catalog().load(args[i]);
      RenderSpec spec = new RenderSpec(ObjectiveSpec.parse(args[i + 1]), SIZE, 1, STEPS,
          List.of(STEPS), 0, RenderDefaults.LEARNING_RATE, ImageParameterization.STANDARD,
          TransformList.STANDARD, REDIRECTED_STEPS);
      Renderer.render(model, spec, RenderListener.NONE);
      System.out.println(DONE + args[i]);
    }
  }
}
