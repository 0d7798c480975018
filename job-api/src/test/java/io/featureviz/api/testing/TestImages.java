package io.featureviz.api.testing;

import static io.featureviz.api.testing.TestApi.given;

import io.featureviz.uploads.TestPngs;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Images for dataset uploads, good and hostile, and downloads of what the API links to. */
public final class TestImages {

  /** The shared photos beside the repository: the built-in dataset {@code photos}. */
  public static final Path PHOTOS = Path.of(
      System.getProperty("featureviz.shared.dir", "../../shared"), "images");

  /** The image files of {@link #PHOTOS} (all but its LICENSE). */
  public static final int PHOTO_COUNT = 11;

  private TestImages() {}

  /** A {@code POST /v1/datasets} form of {@code tenant-a}; add the fields and files. */
  public static RequestSpecification datasetUpload() {
    return given().contentType("multipart/form-data");
  }

  public static byte[] photo(String name) {
    try {
      return Files.readAllBytes(PHOTOS.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tiny PNG of one colour, a different file for each seed. */
  public static byte[] png(int seed) {
    return TestPngs.png(seed);
  }

  /** A decompression bomb: a PNG header claiming {@code width} x {@code height}. */
  public static byte[] pngClaiming(int width, int height) {
    return TestPngs.pngClaiming(width, height);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GET of a presigned URL, as a browser sends it: no API key. */
  public static HttpResponse<byte[]> download(String url) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
