package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.Topics;
import io.featureviz.deploy.Contracts.TopicSpec;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.AppInfoParser;

/** What a Kafka broker and its topic initialisation must satisfy, wherever they are declared. */
final class Broker {

  private Broker() {}

  /** The image of the clients' Kafka release, frames fit, auto-created topics can be shared. */
  static void assertFitsTheServices(String where, String image, String messageMaxBytes,
      String numPartitions) {
    assertEquals("apache/kafka:" + AppInfoParser.getVersion(), image,
        where + ": the Kafka release of the services' kafka-clients");
    long frameSize = Long.parseLong(Service.of("optimizer-worker")
        .value("mp.messaging.outgoing.frames.max.request.size").orElseThrow());
    assertTrue(Long.parseLong(messageMaxBytes) >= frameSize,
        where + ": message.max.bytes refuses frames the worker may send");
    assertTrue(Integer.parseInt(numPartitions) >= Topics.JOBS_PARTITIONS,
        where + ": num.partitions below the partitions fv.jobs needs");
  }

  /**
   * Every topic of the contracts with its settings ({@code Topics.config}: retention of fv.frames
   * and the DLQ, compaction of the catalog), enough partitions for the workers to share the jobs
   * and the imports, and the catalog and the cancellations in one partition each: small logs
   * read whole from the start (the catalog by a sink, the cancellations by every worker).
   */
  static void assertCreatesTheTopics(String where, String topics, String partitions) {
    Map<String, TopicSpec> specs = Contracts.topicSpecs(topics, Integer.parseInt(partitions));
    assertEquals(Contracts.topics(), specs.keySet(), where + ": topics");
    specs.forEach((topic, spec) -> assertEquals(new TreeMap<>(Topics.config(topic)),
        spec.config(), where + ": settings of " + topic));
    for (String bounded : new String[] {Topics.FRAMES, Topics.JOBS_DLQ}) {
      assertTrue(specs.get(bounded).config().containsKey("retention.ms")
          && specs.get(bounded).config().containsKey("retention.bytes"),
          where + ": no retention on " + bounded);
    }
    assertEquals("compact", specs.get(Topics.MODELS).config().get("cleanup.policy"),
        where + ": " + Topics.MODELS + " is not compacted");
    for (String shared : new String[] {Topics.JOBS, Topics.MODEL_IMPORTS}) {
      assertTrue(specs.get(shared).partitions() >= Topics.JOBS_PARTITIONS,
          where + ": partitions of " + shared);
    }
    for (String readWhole : new String[] {Topics.MODELS, Topics.CANCELLATIONS}) {
      assertEquals(1, specs.get(readWhole).partitions(), where + ": partitions of " + readWhole);
    }
  }
}
