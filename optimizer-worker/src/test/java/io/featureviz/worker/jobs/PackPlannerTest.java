package io.featureviz.worker.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.contracts.render.RenderMemory;
import io.featureviz.optvis.render.RenderPack;
import io.featureviz.worker.TestJobs;
import io.featureviz.worker.jobs.PackPlanner.Plan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** How the records of one poll become packs: no Kafka, no TensorFlow. */
class PackPlannerTest {

  private static final int MAX_BATCH = 8;
  private static final long NO_MEMORY_LIMIT = Long.MAX_VALUE;
  private static final String OBJECTIVE = "expanded_conv_2/add:5";

  private final PackPlanner planner = new PackPlanner(MAX_BATCH, NO_MEMORY_LIMIT);

  @Test
  void compatibleRenderJobsShareOnePackWhateverTheirChannelsBatchesAndSeeds() {
    PolledJob a = polled(0, 10, job("a", OBJECTIVE, 6, 1));
    PolledJob b = polled(0, 11, TestJobs.withSeed(job("b", "expanded_conv_2/add:1", 6, 2), 99));
    PolledJob c = polled(1, 4, job("c", "expanded_conv_2/add:7 - expanded_conv_2/add:8", 6, 3));

    Plan plan = planner.plan(List.of(a, b, c), 1);

    assertEquals(List.of(List.of(a, b, c)), plan.units());
    assertEquals(List.of(), plan.leftovers());
  }

  @Test
  void otherSettingsLayersOrModelStartPacksOfTheirOwnInArrivalOrder() {
    PolledJob a = polled(0, 0, job("a", OBJECTIVE, 6, 1));
    PolledJob otherSteps = polled(1, 0, job("b", OBJECTIVE, 8, 1));
    PolledJob otherModel = polled(2, 0,
        TestJobs.withOwner(job("c", OBJECTIVE, 6, 1), TestJobs.TENANT, "inception_v3"));
    PolledJob d = polled(3, 0, job("d", OBJECTIVE, 6, 1));
    PolledJob e = polled(4, 0, job("e", OBJECTIVE, 8, 1));
    // the layers an objective reads shape the gradient's sums (RenderPack.Key)
    PolledJob otherLayer = polled(5, 0, job("f", "expanded_conv_4/add:1", 6, 1));

    Plan plan = planner.plan(List.of(a, otherSteps, otherModel, d, e, otherLayer), 4);

    assertEquals(List.of(List.of(a, d), List.of(otherSteps, e), List.of(otherModel),
        List.of(otherLayer)), plan.units());
  }

  @Test
  void aRecordThatDoesNotJoinHoldsBackTheRestOfItsPartition() {
    PolledJob a = polled(0, 0, job("a", OBJECTIVE, 6, 1));
    PolledJob other = polled(0, 1, job("b", OBJECTIVE, 8, 1));
    PolledJob c = polled(0, 2, job("c", OBJECTIVE, 6, 1));
    PolledJob d = polled(1, 0, job("d", OBJECTIVE, 6, 1));

    Plan oneSlot = planner.plan(List.of(a, other, c, d), 1);
    assertEquals(List.of(List.of(a, d)), oneSlot.units());
    assertEquals(List.of(other, c), oneSlot.leftovers(), "the tail of partition 0, sought back");

    Plan threeSlots = planner.plan(List.of(a, other, c, d), 3);
    assertEquals(List.of(List.of(a, d), List.of(other), List.of(c)), threeSlots.units());
  }

  @Test
  void aPackHoldsAtMostMaxBatchImages() {
    PolledJob a = polled(0, 0, job("a", OBJECTIVE, 6, 3));
    PolledJob b = polled(1, 0, job("b", OBJECTIVE, 6, 3));
    PolledJob c = polled(2, 0, job("c", OBJECTIVE, 6, 3));
    PolledJob d = polled(3, 0, job("d", OBJECTIVE, 6, 2));

    assertEquals(List.of(List.of(a, b, d), List.of(c)), planner.plan(List.of(a, b, c, d), 2)
        .units());
    PackPlanner alone = new PackPlanner(1, NO_MEMORY_LIMIT);
    PolledJob single = polled(4, 0, job("e", OBJECTIVE, 6, 1));
    PolledJob next = polled(5, 0, job("f", OBJECTIVE, 6, 1));
    assertEquals(List.of(List.of(single), List.of(next)),
        alone.plan(List.of(single, next), 2).units());
  }

  @Test
  void aPackStaysWithinTheMemoryBudgetOfItsSlotsButAJobAloneAlwaysRenders() {
    List<PolledJob> jobs = IntStream.range(0, 6)
        .mapToObj(i -> polled(i, 0, job("j" + i, OBJECTIVE, 6, 1))).toList();
    RenderPack four = new RenderPack(jobs.subList(0, 4).stream()
        .map(j -> j.packing().spec()).toList());
    RenderPack five = new RenderPack(jobs.subList(0, 5).stream()
        .map(j -> j.packing().spec()).toList());
    assumeTrue(five.slots() > four.slots(), "a fifth image needs more slots");
    long fourSlots = RenderMemory.estimateBytes("mobilenet_v2", TestJobs.SIZE, four.slots());

    Plan plan = new PackPlanner(MAX_BATCH, fourSlots).plan(jobs, 2);
    assertEquals(List.of(jobs.subList(0, 4), jobs.subList(4, 6)), plan.units());

    Plan noBudget = new PackPlanner(MAX_BATCH, 0).plan(jobs.subList(0, 2), 2);
    assertEquals(List.of(List.of(jobs.get(0)), List.of(jobs.get(1))), noBudget.units());
  }

  @Test
  void unreadableRecordsExplanationsAndJobsOverMaxBatchRenderAlone() {
    PolledJob a = polled(0, 0, job("a", OBJECTIVE, 6, 1));
    PolledJob unreadable = PolledJob.of(new ConsumerRecord<>(Topics.JOBS, 1, 0, "x",
        "a cat".getBytes(StandardCharsets.UTF_8)), MAX_BATCH);
    PolledJob explain = polled(2, 0, TestJobs.explain("e", new ExplainSpec("inputs/cat.png",
        "k", null, "expanded_conv_2/add", null, ExplainMethod.GRAD,
        ExplainLimits.DEFAULT_IG_STEPS, 2), 6, List.of(2)));
    PolledJob tooLarge = polled(3, 0, job("big", OBJECTIVE, 6, MAX_BATCH + 1));
    PolledJob modelSize = polled(4, 0, withSize(job("m", OBJECTIVE, 6, 1), 0));
    PolledJob b = polled(5, 0, job("b", OBJECTIVE, 6, 1));

    assertNotNull(unreadable.poison());
    assertNull(explain.packing());
    assertNull(tooLarge.packing());
    assertTrue(tooLarge.job().rendersInPack(), "rendered as a pack of one");
    assertTrue(modelSize.job().rendersInPack(), "rendered as a pack of one");
    Plan plan = planner.plan(List.of(a, unreadable, explain, tooLarge, modelSize, b), 6);
    assertEquals(List.of(List.of(a, b), List.of(unreadable), List.of(explain),
        List.of(tooLarge), List.of(modelSize)), plan.units());
  }

  @Test
  void aMaxBatchBeyondTheEnginesLimitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PackPlanner(0, NO_MEMORY_LIMIT));
    assertThrows(IllegalArgumentException.class, () -> new PackPlanner(65, NO_MEMORY_LIMIT));
  }

  private static JobRequest job(String id, String objective, int steps, int batch) {
    return TestJobs.job(id, objective, steps, List.of(steps), batch);
  }

  private static JobRequest withSize(JobRequest job, int size) {
    return new JobRequest(job.v(), job.id(), job.tenant(), job.model(), job.objective(), size,
        job.steps(), job.thresholds(), job.batch(), job.seed(), job.lr(), job.param(),
        job.decorrelate(), job.transforms(), job.submittedAt());
  }

  private static PolledJob polled(int partition, long offset, JobRequest job) {
    return PolledJob.of(new ConsumerRecord<>(Topics.JOBS, partition, offset, job.id(),
        Messages.write(job)), MAX_BATCH);
  }
}
