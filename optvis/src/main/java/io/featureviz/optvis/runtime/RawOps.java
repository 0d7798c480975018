package io.featureviz.optvis.runtime;

import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/** Ops the typed Java API builds differently from what the engine needs. */
public final class RawOps {

  private RawOps() {}

  /** Zero padding as op "Pad", whose gradient is registered (the typed API builds PadV2). */
  public static <T extends TType> Output<T> zeroPad(Ops tf, Operand<T> input,
      Operand<?> paddings) {
    return typed(tf.scope().opBuilder("Pad", "Pad")
        .addInput(input.asOutput())
        .addInput(paddings.asOutput())
        .build()
        .output(0));
  }

  /**
   * A Print that never prints: passes {@code input} through without a copy, also taking
   * {@code data}. Its gradient is registered by {@link RedirectedRelu} (through input 0). It is
   * stateful, so no graph optimizer removes it.
   */
  public static Output<TFloat32> silentPrint(Ops tf, String name, Operand<TFloat32> input,
      Operand<?>... data) {
    return typed(tf.scope().opBuilder("Print", name)
        .addInput(input.asOutput())
        .addInputList(Arrays.stream(data).map(Operand::asOutput).toArray(Output<?>[]::new))
        .setAttr("first_n", 0L)
        .setAttr("message", "")
        .build()
        .output(0));
  }

  /** Gives an output built by the raw builder the element type the caller knows it has. */
  @SuppressWarnings("unchecked")
  public static <T extends TType> Output<T> typed(Output<?> output) {
    return (Output<T>) output;
  }
}
