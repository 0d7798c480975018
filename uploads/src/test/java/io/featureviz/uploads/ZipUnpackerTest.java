package io.featureviz.uploads;

import static io.featureviz.uploads.TestZips.zip;
import static io.featureviz.uploads.TestZips.zipWithSymlink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipUnpackerTest {

  private static final int MAX_ENTRIES = 3;
  private static final long MAX_BYTES = 100;

  @TempDir
  Path dir;

  private Path target;
  private final ZipUnpacker unpacker =
      new ZipUnpacker(MAX_ENTRIES, MAX_BYTES, Refused::new);

  /** The exception a test's refusals are. */
  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  @BeforeEach
  void createTarget() throws IOException {
    target = Files.createDirectories(dir.resolve("target"));
  }

  private Path archive(byte[] bytes) throws IOException {
    return Files.write(dir.resolve("upload.zip"), bytes);
  }

  /** Unpacks and expects a refusal: its detail. */
  private String refusal(byte[] zip) throws IOException {
    Path archive = archive(zip);
    Refused e = assertThrows(Refused.class, () -> unpacker.unpack(archive, target));
    assertTrue(e.getMessage().startsWith("zip archive refused: "), e.getMessage());
    return e.getMessage();
  }

  /** Every file anywhere under the temporary folder but the archive itself. */
  private List<Path> filesWritten() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("upload.zip")).toList();
    }
  }

  @Test
  void entriesAreUnpackedIntoTheirFolders() throws IOException {
    unpacker.unpack(archive(zip("model.json", "{}", "weights/group1-shard1of1.bin", "abc")),
        target);
    assertEquals("{}", Files.readString(target.resolve("model.json")));
    assertEquals("abc", Files.readString(target.resolve("weights/group1-shard1of1.bin")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../evil.txt", "weights/../../evil.txt", "..", "./"})
  void entryEscapingTheFolderIsRefusedAndNothingIsWritten(String name) throws IOException {
    String detail = refusal(zip("model.json", "{}", name, "x"));
    assertTrue(detail.contains("points outside the archive's folder"), detail);
    assertTrue(filesWritten().stream().noneMatch(p -> p.endsWith("evil.txt")), "wrote outside");
  }

  /**
   * A name with backslashes and no slash is read as a DOS path, its backslashes as slashes; one
   * with both keeps its backslash, and is refused.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/etc/evil.txt", "weights/sub\\evil.txt", "C:evil.txt"})
  void absoluteOrNonPortableNameIsRefused(String name) throws IOException {
    assertTrue(refusal(zip(name, "x")).contains("has an absolute or non-portable path"));
    assertEquals(List.of(), filesWritten());
  }

  @Test
  void symbolicLinkIsRefused() throws IOException {
    assertTrue(refusal(zipWithSymlink()).contains("entry 'model.json' is a symbolic link"));
    assertEquals(List.of(), filesWritten());
  }

  @Test
  void tooManyEntriesAreRefusedBeforeAnyIsWritten() throws IOException {
    String detail = refusal(zip("a", "1", "b", "2", "c", "3", "d", "4"));
    assertTrue(detail.contains("it holds 4 entries, more than 3"), detail);
    assertEquals(List.of(), filesWritten());
  }

  /** The limit counts the bytes written, whatever sizes the archive declares. */
  @Test
  void bytesOverTheLimitAreRefusedAndTheLimitItselfIsAccepted() throws IOException {
    unpacker.unpack(archive(zip(Map.of("exact.bin", new byte[(int) MAX_BYTES]))), target);
    assertEquals(MAX_BYTES, Files.size(target.resolve("exact.bin")));
    Files.delete(target.resolve("exact.bin"));
    String detail = refusal(zip(Map.of("a.bin", new byte[60], "b.bin", new byte[41])));
    assertTrue(detail.contains("it unpacks to more than 100 bytes"), detail);
  }

  @Test
  void twoEntriesForOneFileAreRefused() throws IOException {
    String detail = refusal(zip("weights/a.bin", "1", "weights/./a.bin", "2"));
    assertTrue(detail.contains("it holds an entry twice: weights/a.bin"), detail);
  }

  @Test
  void bytesThatAreNoZipAreRefused() throws IOException {
    String detail = refusal("not a zip at all".getBytes(StandardCharsets.UTF_8));
    assertTrue(detail.contains("it is not a readable zip archive"), detail);
  }
}
