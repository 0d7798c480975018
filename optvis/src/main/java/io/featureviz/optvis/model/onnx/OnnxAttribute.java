package io.featureviz.optvis.model.onnx;

/**
 * One attribute of a node ({@code AttributeProto}), with the value fields this importer uses.
 *
 * @param kind the {@code AttributeType}: 1 float, 2 int, 3 string, 4 tensor, 6 floats, 7 ints;
 *     others (graphs, sparse tensors, type protos) are kept only by kind so that they can be
 *     refused by name
 */
record OnnxAttribute(String name, int kind, float f, long i, String s, Constant t, float[] floats,
    long[] ints) {

  static final int FLOAT = 1;
  static final int INT = 2;
  static final int STRING = 3;
  static final int TENSOR = 4;
  static final int FLOATS = 6;
  static final int INTS = 7;
}
