package io.featureviz.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** {@code infra.json}: where the running stack listens and its credentials, readable by its owner only. */
final class InfraFile {

  static final String NAME = "infra.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private InfraFile() {}

  /** One line of JSON, as printed on stdout and written to the file. */
  static String json(Map<String, ?> content) {
    try {
      return JSON.writeValueAsString(content);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Written to a private temp file and moved in place, so a reader never sees half a file or a readable secret. */
  static void write(Path stateDir, Map<String, ?> content) throws IOException {
    Path temp = Files.createTempFile(stateDir, NAME, ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temp, json(content) + "\n");
    Files.move(temp, stateDir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Gone once the stack is down, so that a status check does not report stale endpoints. */
  static void delete(Path stateDir) throws IOException {
    Files.deleteIfExists(stateDir.resolve(NAME));
  }
}
