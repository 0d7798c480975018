package io.featureviz.optvis.testing;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Protocol buffer messages written field by field with {@link CodedOutputStream}, so tests build
 * exactly the model file they need (ONNX, GraphDef) instead of committing binaries.
 */
public final class ProtoMessages {

  private ProtoMessages() {}

  /** A message's fields, written in order by field number. */
  @FunctionalInterface
  public interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  /** The encoded message. */
  public static byte[] message(Fields fields) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      fields.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
