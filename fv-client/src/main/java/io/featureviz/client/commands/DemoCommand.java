package io.featureviz.client.commands;

import io.featureviz.client.demo.DemoPanel;
import io.featureviz.client.jobs.JobResult;
import io.featureviz.client.jobs.JobWaiter;
import io.featureviz.client.jobs.JobsClient;
import io.featureviz.client.stack.PageLink;
import io.featureviz.client.stack.StackState;
import io.featureviz.optvis.image.ContactSheet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Starts the stack, renders a panel (inception_v3 mixed4 "
    + "channels, mobilenet_v2 classes) and writes a labelled contact sheet.")
public final class DemoCommand implements Callable<Integer> {

  @Mixin
  StackOptions options;

  @Option(names = "--size", defaultValue = "128", description = "Image side (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--steps", defaultValue = "128", description = "Steps per job (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--out", defaultValue = "out/demo.png", description = "Contact sheet (default: ${DEFAULT-VALUE}).")
  Path sheet;

  @Override
  public Integer call() throws IOException {
    StackState stack = StackUp.ensure(options.stack());
    JobsClient client = new JobsClient(stack.apiUrl(), stack.apiKey());
    List<DemoPanel> panels = DemoPanel.standard(size, steps);
    // All jobs are queued at once, so the workers never wait for the client.
    List<String> ids = panels.stream()
        .map(p -> client.submit(p.spec()).path("id").asText()).toList();
    List<ContactSheet.Tile> tiles = new ArrayList<>();
    boolean allSucceeded = true;
    for (int i = 0; i < panels.size(); i++) {
      DemoPanel panel = panels.get(i);
      JobResult result;
      try (ProgressBarListener bar = ProgressBarListener.forJob(panel.spec().model(), steps)) {
        result = new JobWaiter(client).await(ids.get(i), bar);
      }
      if (!"SUCCEEDED".equals(result.status())) {
        System.err.println("fv: job " + result.id() + " ended " + result.status() + ": " + result.reason());
        allSucceeded = false;
        continue;
      }
      List<JobResult.Artifact> finals = result.finalFrames();
      for (JobResult.Artifact frame : finals) {
        tiles.add(new ContactSheet.Tile(panel.captions().get(frame.batchIndex()),
            client.download(frame.url())));
      }
    }
    if (!tiles.isEmpty()) {
      write(sheet, ContactSheet.render(tiles, 4, size));
      System.out.println("contact sheet: " + sheet.toAbsolutePath());
    }
    for (String id : ids) {
      System.out.println("job " + id + ": GET " + stack.apiUrl() + "/v1/jobs/" + id);
    }
    System.out.println("all jobs: GET " + stack.apiUrl() + "/v1/jobs  (API: "
        + stack.apiUrl() + "/q/swagger-ui)");
    printWhatNext(stack);
    return allSucceeded ? 0 : 1;
  }

  /** The three things a new user does next: look, render something of their own, stop. */
  private static void printWhatNext(StackState stack) {
    System.out.println();
    System.out.println("what next:");
    System.out.println("  page: " + PageLink.of(stack) + "   (opens the page signed in)");
    System.out.println("  ./fv submit --model inception_v3 --objective mixed4:97 --size 128"
        + " --steps 256 --wait   (a render of your own)");
    System.out.println("  ./fv down   (stops the stack)");
  }

  private static void write(Path file, byte[] png) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
