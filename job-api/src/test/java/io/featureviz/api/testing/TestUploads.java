package io.featureviz.api.testing;

import static io.featureviz.api.testing.TestApi.given;

import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Uploads as tests send them, good and hostile: the shared model, broken files, bad zips. */
public final class TestUploads {

  public static final Path MOBILENET_FOLDER = Path.of(
      System.getProperty("featureviz.shared.dir", "../../shared"),
      "models", "mobilenet_v2_1.0_224_quant");

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
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      entries.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return zip(entries);
  }

  /** A zip of the entries in their order, names as given. */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static byte[] zipWithSymlink() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      ZipArchiveEntry link = new ZipArchiveEntry("model.json");
      link.setUnixMode(0120777);
      zip.putArchiveEntry(link);
      zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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
