package io.featureviz.optvis.model.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * Walks the fields of one protobuf message with {@link CodedInputStream}. A handler is called per
 * field and must consume it with one of the typed reads or {@link #skip()}; a read whose wire type
 * does not match the field is refused, so garbage does not pass as a model.
 */
final class ProtoReader {

  /** Called once per field of a message. */
  @FunctionalInterface
  interface FieldHandler {
    void field(int number, ProtoReader reader) throws IOException;
  }

  private final CodedInputStream in;
  private int tag;

  private ProtoReader(CodedInputStream in) {
    this.in = in;
  }

  /** Reads a whole top-level message. */
  static void parse(byte[] bytes, FieldHandler handler) throws IOException {
    ProtoReader reader = new ProtoReader(CodedInputStream.newInstance(bytes));
    reader.fields(handler);
    reader.in.checkLastTagWas(0);
  }

  private void fields(FieldHandler handler) throws IOException {
    while ((tag = in.readTag()) != 0) {
      handler.field(WireFormat.getTagFieldNumber(tag), this);
    }
  }

  /** Reads the current field as a nested message. */
  void message(FieldHandler handler) throws IOException {
    expect(WireFormat.WIRETYPE_LENGTH_DELIMITED);
    int limit = in.pushLimit(in.readRawVarint32());
    fields(handler);
    in.checkLastTagWas(0);
    in.popLimit(limit);
  }

  String string() throws IOException {
    expect(WireFormat.WIRETYPE_LENGTH_DELIMITED);
    return in.readStringRequireUtf8();
  }

  ByteString bytes() throws IOException {
    expect(WireFormat.WIRETYPE_LENGTH_DELIMITED);
    return in.readBytes();
  }

  long int64() throws IOException {
    expect(WireFormat.WIRETYPE_VARINT);
    return in.readInt64();
  }

  float float32() throws IOException {
    expect(WireFormat.WIRETYPE_FIXED32);
    return in.readFloat();
  }

  /** A repeated varint field, packed or one value per field. */
  void int64s(LongConsumer values) throws IOException {
    if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      values.accept(int64());
      return;
    }
    int limit = in.pushLimit(in.readRawVarint32());
    while (in.getBytesUntilLimit() > 0) {
      values.accept(in.readInt64());
    }
    in.popLimit(limit);
  }

  /** A repeated float field, packed or one value per field. */
  void float32s(FloatConsumer values) throws IOException {
    if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      values.accept(float32());
      return;
    }
    int limit = in.pushLimit(in.readRawVarint32());
    while (in.getBytesUntilLimit() > 0) {
      values.accept(in.readFloat());
    }
    in.popLimit(limit);
  }

  /** A repeated double field, packed or one value per field. */
  void doubles(FloatConsumer values) throws IOException {
    if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      expect(WireFormat.WIRETYPE_FIXED64);
      values.accept((float) in.readDouble());
      return;
    }
    int limit = in.pushLimit(in.readRawVarint32());
    while (in.getBytesUntilLimit() > 0) {
      values.accept((float) in.readDouble());
    }
    in.popLimit(limit);
  }

  /** Skips a field this importer does not need. */
  void skip() throws IOException {
    in.skipField(tag);
  }

  private void expect(int wireType) throws InvalidProtocolBufferException {
    if (WireFormat.getTagWireType(tag) != wireType) {
      throw new InvalidProtocolBufferException("field " + WireFormat.getTagFieldNumber(tag)
          + " has wire type " + WireFormat.getTagWireType(tag) + ", expected " + wireType);
    }
  }

  @FunctionalInterface
  interface FloatConsumer {
    void accept(float value);
  }
}
