package io.featureviz.optvis.model.tflite;

/**
 * Field indices of the TFLite FlatBuffers schema ({@code tensorflow/lite/schema/schema.fbs}) for
 * the parts the importer reads. A union field takes two indices: its type, then its value.
 */
final class TfliteSchema {

  private TfliteSchema() {}

  static final String FILE_IDENTIFIER = "TFL3";

  static final class Model {
    static final int OPERATOR_CODES = 1;
    static final int SUBGRAPHS = 2;
    static final int BUFFERS = 4;

    private Model() {}
  }

  static final class OperatorCode {
    /** The int8 code of schema version 3; codes above 127 live in BUILTIN_CODE instead. */
    static final int DEPRECATED_BUILTIN_CODE = 0;
    static final int CUSTOM_CODE = 1;
    static final int BUILTIN_CODE = 3;

    private OperatorCode() {}
  }

  static final class SubGraph {
    static final int TENSORS = 0;
    static final int INPUTS = 1;
    static final int OUTPUTS = 2;
    static final int OPERATORS = 3;

    private SubGraph() {}
  }

  static final class Tensor {
    static final int SHAPE = 0;
    static final int TYPE = 1;
    static final int BUFFER = 2;
    static final int NAME = 3;
    static final int QUANTIZATION = 4;

    private Tensor() {}
  }

  static final class QuantizationParameters {
    static final int SCALE = 2;
    static final int ZERO_POINT = 3;
    static final int QUANTIZED_DIMENSION = 6;

    private QuantizationParameters() {}
  }

  static final class Buffer {
    static final int DATA = 0;
    /** Set instead of DATA in models over 2 GB: the data's position in the file. */
    static final int OFFSET = 1;
    static final int SIZE = 2;

    private Buffer() {}
  }

  static final class Operator {
    static final int OPCODE_INDEX = 0;
    static final int INPUTS = 1;
    static final int OUTPUTS = 2;
    static final int BUILTIN_OPTIONS = 4;

    private Operator() {}
  }

  static final class Conv2DOptions {
    static final int PADDING = 0;
    static final int STRIDE_W = 1;
    static final int STRIDE_H = 2;
    static final int FUSED_ACTIVATION_FUNCTION = 3;
    static final int DILATION_W_FACTOR = 4;
    static final int DILATION_H_FACTOR = 5;

    private Conv2DOptions() {}
  }

  static final class DepthwiseConv2DOptions {
    static final int PADDING = 0;
    static final int STRIDE_W = 1;
    static final int STRIDE_H = 2;
    static final int DEPTH_MULTIPLIER = 3;
    static final int FUSED_ACTIVATION_FUNCTION = 4;
    static final int DILATION_W_FACTOR = 5;
    static final int DILATION_H_FACTOR = 6;

    private DepthwiseConv2DOptions() {}
  }

  static final class Pool2DOptions {
    static final int PADDING = 0;
    static final int STRIDE_W = 1;
    static final int STRIDE_H = 2;
    static final int FILTER_WIDTH = 3;
    static final int FILTER_HEIGHT = 4;
    static final int FUSED_ACTIVATION_FUNCTION = 5;

    private Pool2DOptions() {}
  }

  static final class AddOptions {
    static final int FUSED_ACTIVATION_FUNCTION = 0;

    private AddOptions() {}
  }
}
