package io.featureviz.optvis.model.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code TensorProto} into a {@link Constant}: from {@code raw_data} (little-endian), the
 * typed repeated fields, or an external data file that must lie inside the model's folder.
 */
final class TensorReader {

  private final Path folder;
  private String name = "";
  private long dataType;
  private final List<Long> dims = new ArrayList<>();
  private ByteString raw;
  private final List<Float> floatData = new ArrayList<>();
  private final List<Long> intData = new ArrayList<>();
  private boolean external;
  private final Map<String, String> externalData = new HashMap<>();

  private TensorReader(Path folder) {
    this.folder = folder;
  }

  /** Reads the tensor message at the reader's current field. */
  static NamedConstant read(ProtoReader reader, Path folder) throws IOException {
    TensorReader tensor = new TensorReader(folder);
    reader.message(tensor::field);
    return new NamedConstant(tensor.name, tensor.constant());
  }

  /** A tensor and the name the file gives it. */
  record NamedConstant(String name, Constant value) {}

  private void field(int number, ProtoReader r) throws IOException {
    switch (number) {
      case 1 -> r.int64s(dims::add);
      case 2 -> dataType = r.int64();
      case 4 -> r.float32s(floatData::add);
      case 5, 7, 11 -> r.int64s(intData::add);
      case 8 -> name = r.string();
      case 9 -> raw = r.bytes();
      case 10 -> r.doubles(floatData::add);
      case 13 -> {
        String[] entry = new String[2];
        r.message((n, e) -> {
          if (n == 1 || n == 2) {
            entry[n - 1] = e.string();
          } else {
            e.skip();
          }
        });
        externalData.put(entry[0], entry[1]);
      }
      case 14 -> external = r.int64() == 1;
      default -> r.skip();
    }
  }

  private Constant constant() throws IOException {
    String what = "tensor '" + name + "'";
    DataType type = DataType.of(dataType, what);
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    int count = Shapes.elements(shape, what);
    if (external) {
      raw = ByteString.copyFrom(externalBytes(what, (long) count * type.bytes));
    }
    if (raw != null) {
      if (raw.size() != (long) count * type.bytes) {
        throw new OnnxImportException(what + " holds " + raw.size() + " bytes of data for "
            + count + " elements of " + type);
      }
      return fromRaw(type, shape, count, raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
    }
    int given = type.floating ? floatData.size() : intData.size();
    if (given != count) {
      throw new OnnxImportException(what + " holds " + given + " values for " + count
          + " elements");
    }
    if (type.floating) {
      float[] values = new float[count];
      for (int i = 0; i < count; i++) {
        values[i] = floatData.get(i);
      }
      return Constant.ofFloats(shape, values);
    }
    long[] values = intData.stream().mapToLong(Long::longValue).toArray();
    return Constant.ofInts(type, shape, values);
  }

  private static Constant fromRaw(DataType type, long[] shape, int count, ByteBuffer data) {
    if (type == DataType.FLOAT) {
      float[] values = new float[count];
      data.asFloatBuffer().get(values);
      return Constant.ofFloats(shape, values);
    }
    if (type == DataType.DOUBLE) {
      float[] values = new float[count];
      for (int i = 0; i < count; i++) {
        values[i] = (float) data.getDouble();
      }
      return new Constant(type, shape, values, null, null);
    }
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = switch (type) {
        case UINT8, BOOL -> Byte.toUnsignedLong(data.get());
        case INT8 -> data.get();
        case UINT16 -> Short.toUnsignedLong(data.getShort());
        case INT16 -> data.getShort();
        case INT32 -> data.getInt();
        case UINT32 -> Integer.toUnsignedLong(data.getInt());
        default -> data.getLong();
      };
    }
    return Constant.ofInts(type, shape, values);
  }

  /** The tensor's bytes from its external file, refused when the path leaves the folder. */
  private byte[] externalBytes(String what, long expected) throws IOException {
    String location = externalData.get("location");
    if (location == null || location.isEmpty()) {
      throw new OnnxImportException(what + " is stored externally but names no location");
    }
    Path base = folder.toRealPath();
    Path file = base.resolve(location).normalize();
    if (!file.startsWith(base) || Files.exists(file) && !file.toRealPath().startsWith(base)) {
      throw new OnnxImportException(what + ": external data path '" + location
          + "' is outside the model's folder");
    }
    if (!Files.isRegularFile(file)) {
      throw new OnnxImportException(what + ": external data file '" + location + "' not found");
    }
    long offset = parseLong(externalData.getOrDefault("offset", "0"), what);
    long length = parseLong(externalData.getOrDefault("length", String.valueOf(expected)), what);
    if (length != expected || offset < 0 || offset + length > Files.size(file)) {
      throw new OnnxImportException(what + ": external data of " + length + " bytes at offset "
          + offset + " does not fit '" + location + "' or the tensor's " + expected + " bytes");
    }
    byte[] bytes = new byte[(int) length];
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(offset);
      in.readFully(bytes);
    }
    return bytes;
  }

  private static long parseLong(String text, String what) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new OnnxImportException(what + ": external data field is not a number: " + text);
    }
  }
}
