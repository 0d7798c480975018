package io.featureviz.optvis.model.onnx;

/**
 * A graph input or output ({@code ValueInfoProto}): name, element type code and dimensions, -1
 * where a dimension is symbolic ({@code dim_param}) or absent.
 */
record ValueInfo(String name, int elemType, long[] dims) {}
