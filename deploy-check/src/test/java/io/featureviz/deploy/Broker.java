package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.Topics;
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

  /** Every topic of the contracts, with enough partitions for fv.jobs. */
  static void assertCreatesTheTopics(String where, String topics, String partitions) {
    assertEquals(Contracts.topics(), Contracts.words(topics), where + ": topics");
    assertTrue(Integer.parseInt(partitions) >= Topics.JOBS_PARTITIONS, where + ": partitions");
  }
}
