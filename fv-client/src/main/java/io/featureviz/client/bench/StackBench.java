package io.featureviz.client.bench;

import io.featureviz.client.jobs.JobEventListener;
import io.featureviz.client.jobs.JobResult;
import io.featureviz.client.jobs.JobSpec;
import io.featureviz.client.jobs.JobWaiter;
import io.featureviz.client.jobs.JobsClient;
import io.featureviz.client.stack.DetachedProcess;
import io.featureviz.client.stack.LocalStack;
import io.featureviz.client.stack.StackState;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Starts a stack, runs one job through it a few times, and says where the time and memory go. */
public final class StackBench {

  private static final long TIMELINE_WAIT_MS = 10_000;

  private final LocalStack stack;

  public StackBench(LocalStack stack) {
    this.stack = stack;
  }

  public BenchReport run(JobSpec job, int runs) throws InterruptedException {
    StackState state = stack.start();
    try (PipelineTimeline timeline = new PipelineTimeline(state.kafkaBootstrapServers())) {
      JobsClient client = new JobsClient(state.apiUrl(), state.apiKey());
      List<BenchReport.JobTiming> timings = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        timings.add(measure(client, timeline, job));
      }
      return new BenchReport(state.upSeconds(), job, timings, memory(state));
    } finally {
      stack.stop();
    }
  }

  private BenchReport.JobTiming measure(JobsClient client, PipelineTimeline timeline, JobSpec job)
      throws InterruptedException {
    long submitted = System.currentTimeMillis();
    String id = client.submit(job).path("id").asText();
    Map<String, Long> downloadedAt = new ConcurrentHashMap<>();
    JobEventListener downloadFrames = (name, data) -> {
      if (name.equals("frame")) {
        client.download(data.path("url").asText());
        downloadedAt.put(data.path("step").asInt() + "/" + data.path("batch_index").asInt(),
            System.currentTimeMillis());
      }
    };
    JobResult result = new JobWaiter(client).await(id, downloadFrames);
    if (!"SUCCEEDED".equals(result.status())) {
      throw new IllegalStateException("bench job " + id + " ended " + result.status() + ": "
          + result.reason());
    }
    // frames the stream did not announce (had it failed) count when fetched here
    for (JobResult.Artifact frame : result.artifacts()) {
      downloadedAt.computeIfAbsent(frame.step() + "/" + frame.batchIndex(), key -> {
        client.download(frame.url());
        return System.currentTimeMillis();
      });
    }
    long done = System.currentTimeMillis();
    JobEvent running = awaitStatus(timeline, id, JobStatus.RUNNING);
    JobEvent succeeded = awaitStatus(timeline, id, JobStatus.SUCCEEDED);
    List<Long> latencies = new ArrayList<>();
    for (JobResult.Artifact frame : result.artifacts()) {
      timeline.frameSentAt(id, frame.step(), frame.batchIndex()).ifPresent(sent -> latencies.add(
          downloadedAt.get(frame.step() + "/" + frame.batchIndex()) - sent));
    }
    long endToEndMs = done - submitted;
    long renderMs = succeeded.at() - running.at();
    return new BenchReport.JobTiming(id, endToEndMs / 1000.0, renderMs / 1000.0,
        (endToEndMs - renderMs) / 1000.0,
        (running.at() - submitted) / 1000.0, latencies.size(),
        latencies.stream().mapToLong(Long::longValue).average().orElse(Double.NaN),
        latencies.stream().mapToLong(Long::longValue).max().orElse(-1));
  }

  /** The timeline reads Kafka on its own, and may be a moment behind the API. */
  private static JobEvent awaitStatus(PipelineTimeline timeline, String id, JobStatus status)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + TIMELINE_WAIT_MS;
    while (System.currentTimeMillis() < deadline) {
      var event = timeline.status(id, status);
      if (event.isPresent()) {
        return event.get();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no " + status + " event of job " + id + " seen on Kafka");
  }

  private Map<String, Long> memory(StackState state) {
    Map<String, Long> rss = new LinkedHashMap<>();
    for (StackState.Component component : state.components()) {
      rss.put(component.name(), ProcessMemory.rssMegabytes(component.pid()));
    }
    // pg_ctl daemonizes PostgreSQL, so it is found through its pid file, not under the infra
    DetachedProcess.readPid(stack.settings().infraDir().resolve("postgres/postmaster.pid"))
        .ifPresent(pid -> rss.put("infra-postgres", ProcessMemory.treeRssMegabytes(pid)));
    return rss;
  }
}
