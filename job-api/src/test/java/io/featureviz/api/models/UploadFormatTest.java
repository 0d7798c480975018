package io.featureviz.api.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.contracts.messages.ModelFormats;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UploadFormatTest {

  /** The CLI checks --format against contracts' list before sending: the API must take each. */
  @Test
  void theApiTakesEveryFormatTheClientsOffer() {
    assertEquals(ModelFormats.KEYS, Arrays.stream(UploadFormat.values()).map(UploadFormat::key)
        .toList());
  }
}
