package io.featureviz.contracts.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelKeysTest {

  @Test
  void anUploadedModelLivesUnderModelsAndItsId() {
    assertEquals("models/my-net_2/", ModelKeys.prefix("my-net_2"));
    assertTrue(ModelKeys.isUploadedId("m".repeat(63)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"../x", "a/b", "Net", "-net", "_net", "net.v2", "mobilenet v2"})
  void anIdThatCouldLeaveItsFolderNamesNoUpload(String id) {
    assertFalse(ModelKeys.isUploadedId(id));
    assertThrows(IllegalArgumentException.class, () -> ModelKeys.prefix(id));
  }

  @Test
  void idsHaveAtMost63Characters() {
    assertFalse(ModelKeys.isUploadedId("m".repeat(64)));
  }
}
