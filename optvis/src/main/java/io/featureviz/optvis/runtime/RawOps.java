package io.featureviz.optvis.runtime;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
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

  /** Gives an output built by the raw builder the element type the caller knows it has. */
  @SuppressWarnings("unchecked")
  public static <T extends TType> Output<T> typed(Output<?> output) {
    return (Output<T>) output;
  }
}
