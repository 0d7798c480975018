package io.featureviz.worker.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.Messages;
import io.featureviz.worker.TestJobs;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobDecoderTest {

  @Test
  void decodesAWellFormedJob() {
    DecodedJob job = JobDecoder.decode(Messages.write(TestJobs.job("j1", "expanded_conv_2/add:5")));
    assertEquals("j1", job.id());
    assertEquals("expanded_conv_2/add:5", job.objective().toGrammar());
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
