package io.featureviz.client.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.client.sweeps.SweepsClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sweeps", description = "Lists your sweeps, newest first, one per line: id,"
    + " status, channels done of total, model and layers. Cancel one with ./fv cancel ID.")
public final class SweepsCommand implements Callable<Integer> {

  @Option(names = "--model", description = "Only this model's sweeps.")
  String model;

  @Option(names = "--limit", defaultValue = "20", description = "At most this many (default:"
      + " ${DEFAULT-VALUE}; the API caps it).")
  int limit;

  @Option(names = "--cursor", description = "The page after this cursor, as a previous page"
      + " printed it.")
  String cursor;

  @Mixin
  ApiOptions api;

  @Option(names = "--json", description = "The API's page ({items, next}) as one line of JSON.")
  boolean json;

  @Override
  public Integer call() {
    JsonNode page = new SweepsClient(api.url(), api.key()).list(query());
    if (json) {
      System.out.println(Json.write(page, true));
      return 0;
    }
    for (JsonNode sweep : page.path("items")) {
      System.out.printf("%s  %-9s %5d/%-5d %s %s%n", sweep.path("id").asText(),
          sweep.path("status").asText(), sweep.path("channels_done").asInt(),
          sweep.path("channels_total").asInt(), sweep.path("model").asText(), layers(sweep));
    }
    if (page.path("items").isEmpty()) {
      System.err.println("fv sweeps: none" + (model != null ? " of " + model : ""));
    }
    if (page.hasNonNull("next")) {
      System.err.println("fv sweeps: more with --cursor " + page.get("next").asText());
    }
    return 0;
  }

  private String query() {
    List<String> parameters = new ArrayList<>(List.of("limit=" + limit));
    if (model != null) {
      parameters.add("model=" + URLEncoder.encode(model, StandardCharsets.UTF_8));
    }
    if (cursor != null) {
      parameters.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }
    return String.join("&", parameters);
  }

  private static String layers(JsonNode sweep) {
    if (sweep.path("all_layers").asBoolean()) {
      return "(all layers)";
    }
    List<String> names = new ArrayList<>();
    sweep.path("layers").forEach(layer -> names.add(layer.path("layer").asText()));
    return String.join(",", names);
  }
}
