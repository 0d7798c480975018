package io.featureviz.worker.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.worker.TestJobs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobDecoderTest {

  private static final ExplainSpec EXPLAIN = new ExplainSpec("owl.jpg",
      "uploads/tenant-test/explain/j.jpg", null, "expanded_conv_12/add", null, ExplainMethod.GRAD,
      32, 2);

  @Test
  void decodesAWellFormedJob() {
    DecodedJob job = JobDecoder.decode(Messages.write(TestJobs.job("j1", "expanded_conv_2/add:5")));
    assertEquals("j1", job.id());
    assertEquals("expanded_conv_2/add:5", job.objective().toGrammar());
  }

  @Test
  void decodesAnExplainJobWhichHasNoObjectiveOfItsOwn() {
    DecodedJob job = JobDecoder.decode(Messages.write(TestJobs.explain("j4", EXPLAIN, 4,
        List.of())));
    assertEquals(JobKind.EXPLAIN, job.request().kind());
    assertNull(job.objective());
    assertEquals(EXPLAIN, job.request().explain());
  }

  @Test
  void refusesAnExplainJobWithoutWhatToExplainButKeepsTheJobId() {
    PoisonJobException missing = assertThrows(PoisonJobException.class,
        () -> JobDecoder.decode(Messages.write(TestJobs.explain("j5", null, 4, List.of()))));
    assertEquals("explain job has no explain", missing.getMessage());
    assertEquals(Optional.of("j5"), missing.jobId());
    ExplainSpec escaping = new ExplainSpec("x.jpg", "uploads/../models/x.jpg", null,
        EXPLAIN.layer(), null, ExplainMethod.GRAD, 32, 2);
    PoisonJobException outside = assertThrows(PoisonJobException.class,
        () -> JobDecoder.decode(Messages.write(TestJobs.explain("j6", escaping, 4, List.of()))));
    assertEquals("explain job has no valid image_key", outside.getMessage());
  }

  @Test
  void refusesWhatIsNotJson() {
    PoisonJobException e = assertThrows(PoisonJobException.class,
        () -> JobDecoder.decode("render me!".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("not JSON"), e.getMessage());
    assertEquals(Optional.empty(), e.jobId());
  }

  @Test
  void refusesAnUnknownVersion() {
    PoisonJobException e = assertThrows(PoisonJobException.class,
        () -> JobDecoder.decode("{\"v\":99,\"id\":\"j\"}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("unknown schema version 99"), e.getMessage());
  }

  @Test
  void refusesAnObjectiveThatDoesNotParseButKeepsTheJobId() {
    PoisonJobException e = assertThrows(PoisonJobException.class,
        () -> JobDecoder.decode(Messages.write(TestJobs.job("j2", "conv:(("))));
    assertTrue(e.getMessage().startsWith("invalid job"), e.getMessage());
    assertEquals(Optional.of("j2"), e.jobId());
  }

  @Test
  void refusesAJobWithoutTenant() {
    var withoutTenant = TestJobs.withOwner(TestJobs.job("j3", "expanded_conv_2/add:5"), null,
        "mobilenet_v2");
    PoisonJobException e = assertThrows(PoisonJobException.class,
        () -> JobDecoder.decode(Messages.write(withoutTenant)));
    assertEquals("job has no tenant", e.getMessage());
  }
}
