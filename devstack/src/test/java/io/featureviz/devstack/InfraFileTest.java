package io.featureviz.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraFileTest {

  @TempDir
  Path stateDir;

  @Test
  void writesOneLineOfJsonReadableByItsOwnerOnly() throws Exception {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("status", "ready");
    content.put("fv.storage.secret-key", "s3cr3t");

    InfraFile.write(stateDir, content);

    Path file = stateDir.resolve("infra.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(1, Files.readAllLines(file).size());
    assertEquals(content, new ObjectMapper().readValue(file.toFile(), Map.class));
    try (var files = Files.list(stateDir)) {
      assertEquals(1, files.count(), "no temp file left behind");
    }
  }

  @Test
  void deleteRemovesTheFile() throws Exception {
    InfraFile.write(stateDir, Map.of("status", "ready"));

    InfraFile.delete(stateDir);

    assertFalse(Files.exists(stateDir.resolve("infra.json")));
  }
}
