package io.featureviz.optvis.model.tf;

import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A user's TensorFlow model, frozen in memory; every {@link #build} imports a fresh copy of its
 * GraphDef into the caller's graph.
 *
 * <p>The network's own ReLUs are imported as they are, so {@link NetworkBuilder#relu} (the
 * renderer's redirected-gradient ReLU) does not reach inside it.
 */
record UserModel(ModelInfo info, FrozenNetwork network) implements ImageModel {

  @Override
  public Map<String, Operand<TFloat32>> build(NetworkBuilder net, Operand<TFloat32> images) {
    return network.build(net.tf(), images);
  }
}
