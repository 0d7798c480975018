package io.featureviz.optvis.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPInputStream;
import org.tensorflow.ndarray.Shape;

/**
 * The TensorFlow.js reference run of inception_v3 (src/build/tfjs/reference.js): the
 * preprocessed input and activations, as gzip'd float32 little-endian NHWC arrays.
 */
final class ReferenceFixture {

  record Array(Shape shape, float[] values) {}

  private static final String DIR = "tfjs/";

  private final JsonNode description;

  ReferenceFixture() {
    try (InputStream in = resource("fixture.json")) {
      description = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Array input() {
    return array(description.get("input"));
  }

  Array layer(String name) {
    return array(description.get("layers").get(name));
  }

  private static Array array(JsonNode entry) {
    long[] dims = new long[entry.get("shape").size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = entry.get("shape").get(i).asLong();
    }
    try (InputStream in = new GZIPInputStream(resource(entry.get("file").asText()))) {
      float[] values = new float[Math.toIntExact(Shape.of(dims).size())];
      byte[] bytes = in.readAllBytes();
      if (bytes.length != values.length * Float.BYTES) {
        throw new IllegalStateException(entry + " holds " + bytes.length + " bytes");
      }
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      return new Array(Shape.of(dims), values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = ReferenceFixture.class.getClassLoader().getResourceAsStream(DIR + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + DIR + name);
    }
    return in;
  }
}
