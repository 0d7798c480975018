package io.featureviz.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The settings of a single-node KRaft Kafka (broker and controller in one) sized for featureviz frames. */
final class KraftConfig {

  static final int NODE_ID = 1;
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  /** Frames carry PNGs of up to a few MiB; the default 1 MiB limit would reject them. */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private KraftConfig() {}

  static Map<String, String> of(Path logDir, int port, int controllerPort) {
    Map<String, String> c = new HashMap<>();
    c.put("process.roles", "broker,controller");
    c.put("node.id", String.valueOf(NODE_ID));
    c.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    c.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
    c.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    c.put("controller.listener.names", CONTROLLER_LISTENER);
    c.put("inter.broker.listener.name", "PLAINTEXT");
    c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    c.put("log.dirs", logDir.toString());
    c.put("auto.create.topics.enable", "true");
    c.put("num.partitions", "3");
    // one broker: every internal topic has a single replica, and few partitions so that they appear fast
    c.put("offsets.topic.replication.factor", "1");
    c.put("offsets.topic.num.partitions", "5");
    c.put("transaction.state.log.replication.factor", "1");
    c.put("transaction.state.log.min.isr", "1");
    c.put("transaction.state.log.num.partitions", "5");
    c.put("share.coordinator.state.topic.replication.factor", "1");
    c.put("share.coordinator.state.topic.min.isr", "1");
    // tests start consumers and expect them to get partitions at once
    c.put("group.initial.rebalance.delay.ms", "0");
    c.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
    c.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
    c.put("replica.fetch.response.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
    return c;
  }
}
