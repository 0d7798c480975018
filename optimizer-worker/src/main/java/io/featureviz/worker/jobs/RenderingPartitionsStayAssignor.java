package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.Topics;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka's cooperative sticky assignment (a rebalance moves only the partitions that change
 * owner, and the others keep being consumed), with one rule added: a partition from which a
 * job is rendering stays with its owner. The sticky assignor alone balances by partition count
 * and may move the partition of a running job to a worker that just joined, which would render
 * the job again from the last committed offset while its owner finishes it.
 *
 * <p>Each member sends the partitions it is rendering from in its subscription; the leader
 * gives such a partition back to its owner and, to keep the counts balanced, takes from that
 * owner one of its idle partitions instead, which moves in the next cooperative round. An owner
 * rendering from more partitions than its fair share keeps them all, and another worker gets
 * fewer until the next rebalance.
 */
public final class RenderingPartitionsStayAssignor extends CooperativeStickyAssignor
    implements Configurable {

  /** Consumer config: a {@code Supplier<Set<TopicPartition>>}, the partitions rendering here. */
  public static final String RENDERING_PARTITIONS = "fv.rendering-partitions";

  private Supplier<Set<TopicPartition>> rendering = Set::of;

  @Override
  public String name() {
    return "fv-rendering-stays-sticky";
  }

  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs) {
    if (configs.get(RENDERING_PARTITIONS) instanceof Supplier<?> supplier) {
      rendering = (Supplier<Set<TopicPartition>>) supplier;
    }
  }

  /** The cooperative assignor's own data, then this member's rendering partitions. */
  @Override
  public ByteBuffer subscriptionUserData(Set<String> topics) {
    return RenderingPartitions.append(super.subscriptionUserData(topics), Topics.JOBS,
        rendering.get());
  }

  @Override
  public GroupAssignment assign(Cluster metadata, GroupSubscription group) {
    Map<String, Subscription> members = group.groupSubscription();
    Map<String, Assignment> assignments = super.assign(metadata, group).groupAssignment();
    Map<String, List<TopicPartition>> result = new HashMap<>();
    assignments.forEach((member, a) -> result.put(member, new ArrayList<>(a.partitions())));
    members.forEach((member, subscription) -> keepRendering(member, subscription, result));
    Map<String, Assignment> adjusted = new HashMap<>();
    result.forEach((member, partitions) -> adjusted.put(member,
        new Assignment(partitions, assignments.get(member).userData())));
    return new GroupAssignment(adjusted);
  }

  /** Gives the member back the owned partitions it renders from, and gives up idle ones. */
  private static void keepRendering(String member, Subscription subscription,
      Map<String, List<TopicPartition>> assignment) {
    Set<TopicPartition> renderingHere = new HashSet<>(
        RenderingPartitions.read(Optional.ofNullable(subscription.userData())));
    renderingHere.retainAll(subscription.ownedPartitions());
    List<TopicPartition> mine = assignment.get(member);
    for (TopicPartition partition : renderingHere) {
      if (mine.contains(partition)) {
        continue;
      }
      assignment.values().forEach(others -> others.remove(partition));
      mine.add(partition);
      // Only an owned partition may be given up: revoking it makes this member rejoin, and the
      // next round gives it to a member short of partitions.
      mine.stream()
          .filter(p -> !renderingHere.contains(p) && subscription.ownedPartitions().contains(p))
          .findFirst()
          .ifPresent(mine::remove);
    }
  }
}
