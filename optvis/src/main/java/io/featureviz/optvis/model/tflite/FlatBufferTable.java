package io.featureviz.optvis.model.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only view of one FlatBuffers table, enough to walk the TFLite schema.
 *
 * <p>Fields are addressed by their index in the schema (the order of declaration; a union takes
 * two: its type, then its value). Every offset is checked against the buffer, so a truncated or
 * corrupt file fails with a {@link TfliteFormatException} instead of reading garbage.
 */
final class FlatBufferTable {

  private final ByteBuffer buf;
  private final int position;
  private final int vtable;
  private final int vtableSize;

  private FlatBufferTable(ByteBuffer buf, int position) throws TfliteFormatException {
    this.buf = buf;
    this.position = position;
    this.vtable = checked(position - buf.getInt(checked(position, 4)), 4);
    this.vtableSize = Short.toUnsignedInt(buf.getShort(vtable));
    checked(vtable, vtableSize);
  }

  /** The root table of a whole FlatBuffers file. */
  static FlatBufferTable root(ByteBuffer file) throws TfliteFormatException {
    ByteBuffer buf = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (buf.limit() < 8) {
      throw new TfliteFormatException(
          "file too short to be a FlatBuffer: " + buf.limit() + " bytes");
    }
    return new FlatBufferTable(buf, readOffset(buf, 0));
  }

  /** The 4-byte file identifier that follows the root offset, e.g. {@code TFL3}. */
  static String fileIdentifier(ByteBuffer file) {
    byte[] id = new byte[4];
    file.duplicate().position(4).get(id);
    return new String(id, StandardCharsets.US_ASCII);
  }

  int intField(int field, int defaultValue) throws TfliteFormatException {
    int at = fieldOffset(field);
    return at == 0 ? defaultValue : buf.getInt(checked(position + at, 4));
  }

  int byteField(int field, int defaultValue) throws TfliteFormatException {
    int at = fieldOffset(field);
    return at == 0 ? defaultValue : buf.get(checked(position + at, 1));
  }

  long longField(int field, long defaultValue) throws TfliteFormatException {
    int at = fieldOffset(field);
    return at == 0 ? defaultValue : buf.getLong(checked(position + at, 8));
  }

  /** A sub-table, or null when the field is absent. */
  FlatBufferTable table(int field) throws TfliteFormatException {
    int at = fieldOffset(field);
    return at == 0 ? null : new FlatBufferTable(buf, readOffset(buf, position + at));
  }

  String string(int field) throws TfliteFormatException {
    ByteBuffer bytes = bytes(field);
    return bytes == null ? null : StandardCharsets.UTF_8.decode(bytes).toString();
  }

  /** A vector of bytes (or a string's bytes) as a little-endian slice, or null when absent. */
  ByteBuffer bytes(int field) throws TfliteFormatException {
    int start = vectorStart(field);
    if (start < 0) {
      return null;
    }
    int length = buf.getInt(start - 4);
    checked(start, length);
    return buf.slice(start, length).order(ByteOrder.LITTLE_ENDIAN);
  }

  List<FlatBufferTable> tables(int field) throws TfliteFormatException {
    int start = vectorStart(field);
    List<FlatBufferTable> tables = new ArrayList<>();
    for (int i = 0; start >= 0 && i < vectorLength(start, 4); i++) {
      tables.add(new FlatBufferTable(buf, readOffset(buf, start + 4 * i)));
    }
    return tables;
  }

  int[] ints(int field) throws TfliteFormatException {
    int start = vectorStart(field);
    int[] values = new int[start < 0 ? 0 : vectorLength(start, 4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = buf.getInt(start + 4 * i);
    }
    return values;
  }

  float[] floats(int field) throws TfliteFormatException {
    int start = vectorStart(field);
    float[] values = new float[start < 0 ? 0 : vectorLength(start, 4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = buf.getFloat(start + 4 * i);
    }
    return values;
  }

  long[] longs(int field) throws TfliteFormatException {
    int start = vectorStart(field);
    long[] values = new long[start < 0 ? 0 : vectorLength(start, 8)];
    for (int i = 0; i < values.length; i++) {
      values[i] = buf.getLong(start + 8 * i);
    }
    return values;
  }

  /** Offset of the field's value from the table start; 0 when the field is absent. */
  private int fieldOffset(int field) {
    int entry = 4 + 2 * field;
    return entry + 2 > vtableSize ? 0 : Short.toUnsignedInt(buf.getShort(vtable + entry));
  }

  /** Position of a vector's first element (after its length), or -1 when the field is absent. */
  private int vectorStart(int field) throws TfliteFormatException {
    int at = fieldOffset(field);
    return at == 0 ? -1 : readOffset(buf, position + at) + 4;
  }

  private int vectorLength(int start, int elementSize) throws TfliteFormatException {
    int length = buf.getInt(start - 4);
    if (length < 0 || (long) length * elementSize > buf.limit() - start) {
      throw truncatedIn(buf, start, (long) length * elementSize);
    }
    return length;
  }

  /** Follows the unsigned 32-bit offset stored at {@code at}, relative to {@code at}. */
  private static int readOffset(ByteBuffer buf, int at) throws TfliteFormatException {
    checkedIn(buf, at, 4);
    long target = at + Integer.toUnsignedLong(buf.getInt(at));
    checkedIn(buf, target, 4);
    return (int) target;
  }

  private int checked(int at, long size) throws TfliteFormatException {
    checkedIn(buf, at, size);
    return at;
  }

  private static void checkedIn(ByteBuffer buf, long at, long size) throws TfliteFormatException {
    if (at < 0 || size < 0 || at + size > buf.limit()) {
      throw truncatedIn(buf, at, size);
    }
  }

  private static TfliteFormatException truncatedIn(ByteBuffer buf, long at, long size) {
    return new TfliteFormatException("truncated or corrupt FlatBuffer: " + size + " bytes at offset "
        + at + " lie outside the " + buf.limit() + "-byte file");
  }
}
