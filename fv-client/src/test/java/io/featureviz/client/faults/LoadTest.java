package io.featureviz.client.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.jobs.ApiProblemException;
import io.featureviz.client.jobs.JobSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many small jobs through the API from concurrent clients, on a stack of its own (two workers,
 * quotas raised so that the API does not throttle the test): every accepted job ends, and the
 * API, the bucket and PostgreSQL agree on what was done. {@code -Dfv.load.jobs=N} (500).
 */
@Tag("load")
@Timeout(value = 25, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoadTest {

  private static final int JOBS = Integer.getInteger("fv.load.jobs", 500);
  private static final int CLIENTS = 8;
  /**
   * A bound on liveness, not on speed (the throughput is what the LOAD line reports): on this
   * shared 2-core machine the same 500 jobs have taken from 6 to 10 minutes.
   */
  private static final Duration FINISH_TIMEOUT =
      Duration.ofSeconds(Long.getLong("fv.load.timeout-seconds", 1200));
  private static final List<String> TERMINAL = List.of("SUCCEEDED", "FAILED", "CANCELLED");
  private static TestStack stack;

  @BeforeAll
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  static void startStack() {
    stack = TestStack.start("target/load-test", Map.of(
        "FV_QUOTAS_MAX_ACTIVE_JOBS", Integer.toString(JOBS),
        "FV_QUOTAS_REQUESTS_PER_SECOND", "1000",
        "FV_QUOTAS_BURST", "1000"));
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyAcceptedJobEndsAndTheApiBucketAndDatabaseAgree() throws Exception {
    Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    List<Long> submitMillis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger rejected = new AtomicInteger();
    long start = System.currentTimeMillis();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < JOBS; i++) {
      clients.execute(() -> submit(submittedAt, submitMillis, rejected));
    }
    clients.shutdown();
    assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES), "submissions hung");
    long submitted = System.currentTimeMillis();
    assertTrue(submitted - start <= 60_000,
        "the " + JOBS + " submissions took " + (submitted - start) + " ms, over a minute");
    Set<String> accepted = Set.copyOf(submittedAt.keySet());
    assertEquals(JOBS, accepted.size() + rejected.get(), "every submission was answered");

    Await.until(accepted.size() + " jobs terminal", FINISH_TIMEOUT, stack.logs,
        () -> stack.database.jobsWithStatus(accepted, TERMINAL) == accepted.size());
    long finished = System.currentTimeMillis();

    long succeeded = stack.database.jobsWithStatus(accepted, List.of("SUCCEEDED"));
    List<Long> latencies = latencies(submittedAt);
    List<Long> submits = new ArrayList<>(submitMillis);
    submits.sort(null);
    String report = String.format("LOAD accepted=%d rejected429=%d completed=%d"
            + " submitted_in_ms=%d submit_p50_ms=%d submit_p99_ms=%d"
            + " completion_p50_ms=%d completion_p99_ms=%d jobs_per_s=%.2f",
        accepted.size(), rejected.get(), succeeded, submitted - start,
        percentile(submits, 50), percentile(submits, 99),
        percentile(latencies, 50), percentile(latencies, 99),
        accepted.size() * 1000.0 / (finished - start));
    System.out.println(report);
    Files.writeString(Path.of("target/load-report.txt"), report + "\n");

    assertEquals(accepted.size(), succeeded, "jobs SUCCEEDED in PostgreSQL");
    assertEquals(accepted, succeededThroughTheApi(), "jobs SUCCEEDED in GET /v1/jobs");
    assertEquals(accepted.size(), stack.database.jobRows(accepted), "jobs rows");
    // thresholds {4}, batch 1: one frame per job
    assertEquals(accepted.size(), stack.database.frameRows(accepted), "frames rows");
    Set<String> objectJobs = stack.objects.keys("jobs/").stream()
        .map(key -> key.split("/")[1]).collect(Collectors.toSet());
    assertEquals(accepted.size(), stack.objects.keys("jobs/").size(), "objects in the bucket");
    assertEquals(accepted, objectJobs, "jobs with an object in the bucket");
  }

  /** One POST; its round trip is the submit latency, whether accepted or refused. */
  private static void submit(Map<String, Long> submittedAt, List<Long> submitMillis,
      AtomicInteger rejected) {
    long at = System.currentTimeMillis();
    try {
      JsonNode job = stack.api.submit(JobSpec.of("mobilenet_v2", "softmax:goldfish")
          .withSize(32).withSteps(4, List.of(4)));
      submitMillis.add(System.currentTimeMillis() - at);
      submittedAt.put(job.path("id").asText(), at);
    } catch (ApiProblemException e) {
      if (e.status() != 429) {
        throw e;
      }
      submitMillis.add(System.currentTimeMillis() - at);
      rejected.incrementAndGet();
    }
  }

  /** Submission to terminal status recorded by the sink, per job. */
  private static List<Long> latencies(Map<String, Long> submittedAt) {
    Map<String, Long> ended = stack.database.terminalRecordedMillis(submittedAt.keySet());
    List<Long> latencies = new ArrayList<>();
    ended.forEach((id, at) -> latencies.add(at - submittedAt.get(id)));
    latencies.sort(null);
    return latencies;
  }

  private static long percentile(List<Long> sorted, int percent) {
    return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
  }

  /** Every job the API lists as SUCCEEDED, paging through {@code GET /v1/jobs}. */
  private static Set<String> succeededThroughTheApi() {
    Set<String> ids = new HashSet<>();
    String cursor = null;
    do {
      JsonNode page = stack.api.list("status=SUCCEEDED&limit=100"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      page.path("items").forEach(item -> ids.add(item.path("id").asText()));
      cursor = page.path("next").isNull() ? null : page.path("next").asText(null);
    } while (cursor != null);
    return ids;
  }
}
