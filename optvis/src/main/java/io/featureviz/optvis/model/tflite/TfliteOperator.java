package io.featureviz.optvis.model.tflite;

/**
 * One operator of the main subgraph.
 *
 * @param name the op's schema name, e.g. {@code CONV_2D}, or the custom op's own name
 * @param inputs tensor indices; -1 marks an omitted optional input
 * @param outputs tensor indices
 * @param options the op's builtin options table, or null when it has none
 */
record TfliteOperator(String name, int[] inputs, int[] outputs, FlatBufferTable options) {

  FlatBufferTable requireOptions() throws TfliteFormatException {
    if (options == null) {
      throw new TfliteFormatException(name + " operator without its builtin options");
    }
    return options;
  }
}
