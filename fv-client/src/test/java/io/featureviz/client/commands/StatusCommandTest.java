package io.featureviz.client.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.FvClient;
import io.featureviz.client.Json;
import io.featureviz.client.stack.PageLink;
import io.featureviz.client.stack.StackState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

  @Test
  void statusJsonReportsThePagesSignedInLinkBesideTheApiAndItsKey(@TempDir Path stateDir)
      throws IOException {
    StackState stopped = new StackState("http://127.0.0.1:18080", "fvdev_key", "127.0.0.1:19092",
        1.0, List.of());
    Files.writeString(stateDir.resolve("stack.json"), Json.write(stopped, true));

    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = FvClient.commandLine().execute("status", "--state", stateDir.toString(), "--json");
    } finally {
      System.setOut(out);
    }

    assertEquals(3, exit, "nothing runs");
    JsonNode status = Json.mapper().readTree(captured.toString(StandardCharsets.UTF_8));
    assertEquals("http://127.0.0.1:18080", status.path("api_url").asText());
    assertEquals("fvdev_key", status.path("api_key").asText());
    assertEquals(PageLink.of(stopped), status.path("page_url").asText());
    assertEquals("http://127.0.0.1:18080/#key=fvdev_key", status.path("page_url").asText());
  }
}
