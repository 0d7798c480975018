package io.featureviz.optvis.runtime;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Add;
import org.tensorflow.types.TFloat32;

/**
 * Whether TensorFlow can run on a GPU in this process. The CUDA build of the natives falls back
 * to the CPU without a word when it finds no usable GPU (a missing CUDA library, no driver, no
 * device), so the only reliable question is to pin one operation to {@code GPU:0} and run it:
 * the placer refuses when TensorFlow registered no GPU device.
 */
public final class GpuProbe {

  private static final DeviceSpec FIRST_GPU = DeviceSpec.newBuilder()
      .deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build();

  private GpuProbe() {}

  /** Loads the natives if needed, then runs one addition on {@code GPU:0}. */
  public static boolean tensorflowSeesGpu() {
    TensorFlowRuntime.ensureLoaded();
    try (Graph graph = new Graph(); Session session = Sessions.open(graph)) {
      Ops tf = Ops.create(graph).withDevice(FIRST_GPU);
      Add<TFloat32> sum = tf.math.add(tf.constant(1f), tf.constant(1f));
      try (Result ignored = session.runner().fetch(sum).run()) {
        return true;
      }
    } catch (TFInvalidArgumentException e) {
      // "Cannot assign a device for operation ...": no GPU device registered
      return false;
    }
  }
}
