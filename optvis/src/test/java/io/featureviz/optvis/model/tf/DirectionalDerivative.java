package io.featureviz.optvis.model.tf;

import io.featureviz.optvis.runtime.Sessions;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The derivative of a scalar loss along one direction of its fed images, from TensorFlow's
 * gradient ({@code analytic}) and from central finite differences ({@code numeric}); {@code
 * gradientL1} is the gradient's L1 norm, to tell a zero gradient apart.
 */
record DirectionalDerivative(double analytic, double numeric, double gradientL1) {

  /** Adds the gradient of {@code loss} w.r.t. {@code images} to {@code graph}, then evaluates. */
  static DirectionalDerivative of(Graph graph, Operand<TFloat32> loss,
      Placeholder<TFloat32> images, Shape shape, float[] at, float[] direction, float eps) {
    Output<?> gradient =
        graph.addGradients(loss.asOutput(), new Output<?>[] {images.asOutput()})[0];
    try (Session session = Sessions.open(graph)) {
      float[] grad = run(session, images, shape, at, gradient);
      double analytic = 0;
      double norm = 0;
      for (int i = 0; i < grad.length; i++) {
        analytic += grad[i] * direction[i];
        norm += Math.abs(grad[i]);
      }
      float up = run(session, images, shape, step(at, direction, eps), loss.asOutput())[0];
      float down = run(session, images, shape, step(at, direction, -eps), loss.asOutput())[0];
      return new DirectionalDerivative(analytic, (up - down) / (2.0 * eps), norm);
    }
  }

  double relativeError() {
    return Math.abs(analytic - numeric) / Math.abs(numeric);
  }

  private static float[] step(float[] x, float[] direction, float eps) {
    float[] stepped = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      stepped[i] = x[i] + eps * direction[i];
    }
    return stepped;
  }

  private static float[] run(Session session, Placeholder<TFloat32> images, Shape shape,
      float[] values, Output<?> fetch) {
    try (TFloat32 in = Tensors.of(shape, values);
        Result result = session.runner().feed(images, in).fetch(fetch).run()) {
      return Tensors.floats((TFloat32) result.get(0));
    }
  }
}
