package io.featureviz.optvis.model.onnx;

import java.util.Arrays;

/**
 * The ONNX element types the importer folds or computes with ({@code TensorProto.DataType}).
 * Floating types are held as float32, integer and boolean types as int64.
 */
enum DataType {
  FLOAT(1, 4, true),
  UINT8(2, 1, false),
  INT8(3, 1, false),
  UINT16(4, 2, false),
  INT16(5, 2, false),
  INT32(6, 4, false),
  INT64(7, 8, false),
  BOOL(9, 1, false),
  DOUBLE(11, 8, true),
  UINT32(12, 4, false),
  UINT64(13, 8, false);

  final int code;
  /** Bytes per element in {@code raw_data}. */
  final int bytes;
  final boolean floating;

  DataType(int code, int bytes, boolean floating) {
    this.code = code;
    this.bytes = bytes;
    this.floating = floating;
  }

  static DataType of(long code, String what) {
    return Arrays.stream(values()).filter(t -> t.code == code).findFirst().orElseThrow(() ->
        new OnnxImportException(what + " has data type " + code + " (" + name(code)
            + "), which the importer does not support"));
  }

  private static String name(long code) {
    return switch ((int) code) {
      case 0 -> "UNDEFINED";
      case 8 -> "STRING";
      case 10 -> "FLOAT16";
      case 14, 15 -> "COMPLEX";
      case 16 -> "BFLOAT16";
      default -> "code " + code;
    };
  }
}
