package io.featureviz.api.testing;

import static io.featureviz.api.testing.TestApi.given;

import io.featureviz.uploads.TestZips;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Uploads as tests send them, good and hostile: the shared model, broken files, bad zips. */
public final class TestUploads {

  public static final Path MOBILENET_FOLDER =
      TestCatalog.MODELS_DIR.resolve("mobilenet_v2_1.0_224_quant");

  private TestUploads() {}

  /** A {@code POST /v1/models} form of {@code tenant-a} with its format; add the file. */
  public static RequestSpecification upload(String format) {
    return given().contentType("multipart/form-data").multiPart("format", format);
  }

  /** The shared mobilenet_v2 TFLite file (not committed; read from the shared folder). */
  public static byte[] mobilenet() {
    try {
      return Files.readAllBytes(MOBILENET_FOLDER.resolve("mobilenet_v2_1.0_224_quant.tflite"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes no engine loads, the same on every run. */
  public static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(1).nextBytes(bytes);
    return bytes;
  }

  /** A zip of (name, text) pairs, names as given: java.util.zip writes any name. */
  public static byte[] zip(String... namesAndTexts) {
    return TestZips.zip(namesAndTexts);
  }

  /** A zip of the entries in their order, names as given. */
  public static byte[] zip(Map<String, byte[]> entries) {
    return TestZips.zip(entries);
  }

  public static byte[] zipWithSymlink() {
    return TestZips.zipWithSymlink();
  }

  /** A few hundred kB that unpack to 300 MiB of zeros, more than the tests' 256 MiB limit. */
  public static byte[] zipBomb() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("saved_model.pb"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 300; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
