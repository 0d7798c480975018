package io.featureviz.optvis.param;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReadVariableOp;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * The resource variables an optimization graph trains. Parameterizations create them here; the
 * optimizer takes gradients with respect to each variable's read and assigns updates back.
 */
public final class Trainables {

  /** One trainable tensor: its handle, the value the graph reads, and its initializer. */
  public record Trainable(String name, Shape shape, VarHandleOp handle,
      ReadVariableOp<TFloat32> value, Op initializer) {}

  private static final AtomicLong SHARED_NAMES = new AtomicLong();

  private final List<Trainable> all = new ArrayList<>();

  public Trainable create(Ops tf, String name, Shape shape, Operand<TFloat32> initialValue) {
    Ops scoped = tf.withSubScope(name);
    // Without a distinct shared name every handle in the session resolves to the same resource.
    VarHandleOp handle = scoped.withName("handle").varHandleOp(TFloat32.class, shape,
        VarHandleOp.sharedName(name + "_" + SHARED_NAMES.incrementAndGet()));
    Op initializer = scoped.withName("init").assignVariableOp(handle, initialValue);
    ReadVariableOp<TFloat32> value = scoped.withName("read").readVariableOp(handle, TFloat32.class);
    Trainable trainable = new Trainable(name, shape, handle, value, initializer);
    all.add(trainable);
    return trainable;
  }

  public List<Trainable> all() {
    return List.copyOf(all);
  }
}
