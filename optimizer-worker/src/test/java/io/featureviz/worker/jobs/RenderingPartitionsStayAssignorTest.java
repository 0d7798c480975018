package io.featureviz.worker.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.contracts.messages.Topics;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RenderingPartitionsStayAssignorTest {

  private static final int GENERATION = 4;
  private static final Node BROKER = new Node(0, "localhost", 9092);
  private static final Cluster CLUSTER = new Cluster("fv", List.of(BROKER),
      IntStream.range(0, 3).mapToObj(p -> new PartitionInfo(Topics.JOBS, p, BROKER,
          new Node[] {BROKER}, new Node[] {BROKER})).toList(), Set.of(), Set.of());

  @Test
  void aJoiningWorkerGetsAnIdlePartitionNotTheOneRendering() {
    // "a" owns 0 and 1 and renders from 1; the sticky assignor alone keeps the first it owns.
    Map<String, Subscription> round1 = Map.of(
        "a", member(List.of(tp(0), tp(1)), Set.of(tp(1))),
        "b", member(List.of(tp(2)), Set.of()),
        "c", member(List.of(), Set.of()));

    Map<String, List<TopicPartition>> first = assign(round1);

    assertEquals(List.of(tp(1)), first.get("a"));
    assertEquals(List.of(tp(2)), first.get("b"));
    // Cooperative: partition 0 is revoked this round and handed out in the next.
    assertEquals(List.of(), first.get("c"));

    Map<String, List<TopicPartition>> second = assign(Map.of(
        "a", member(first.get("a"), Set.of(tp(1))),
        "b", member(first.get("b"), Set.of()),
        "c", member(first.get("c"), Set.of())));

    assertEquals(List.of(tp(1)), second.get("a"));
    assertEquals(List.of(tp(0)), second.get("c"));
  }

  @Test
  void renderingPartitionsSurviveTheTripThroughUserData() {
    ByteBuffer prefix = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});

    ByteBuffer data = RenderingPartitions.append(prefix, Topics.JOBS, Set.of(tp(2)));

    assertEquals(List.of(tp(2)), RenderingPartitions.read(Optional.of(data)));
    assertEquals(List.of(), RenderingPartitions.read(Optional.of(prefix)));
    assertEquals(List.of(), RenderingPartitions.read(Optional.empty()));
  }

  private static Map<String, List<TopicPartition>> assign(Map<String, Subscription> members) {
    RenderingPartitionsStayAssignor assignor = new RenderingPartitionsStayAssignor();
    Map<String, List<TopicPartition>> result = new HashMap<>();
    assignor.assign(CLUSTER, new GroupSubscription(members)).groupAssignment()
        .forEach((member, assignment) -> result.put(member,
            assignment.partitions().stream()
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList()));
    return result;
  }

  /** A member's subscription as its consumer sends it, with the partitions rendering there. */
  private static Subscription member(List<TopicPartition> owned, Set<TopicPartition> rendering) {
    RenderingPartitionsStayAssignor assignor = new RenderingPartitionsStayAssignor();
    assignor.configure(Map.of(RenderingPartitionsStayAssignor.RENDERING_PARTITIONS,
        (Supplier<Set<TopicPartition>>) () -> rendering));
    return new Subscription(List.of(Topics.JOBS), assignor.subscriptionUserData(
        Set.of(Topics.JOBS)), owned, GENERATION, Optional.empty());
  }

  private static TopicPartition tp(int partition) {
    return new TopicPartition(Topics.JOBS, partition);
  }
}
