package io.featureviz.worker.jobs;

import io.featureviz.contracts.render.RenderMemory;
import io.featureviz.optvis.render.RenderPack;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.worker.jobs.PolledJob.Packing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Splits the records of one poll into units of work, one per free render slot: a pack of
 * compatible render jobs (same model and {@link RenderPack#key}, together within
 * {@code maxBatch} images and the memory budget), or any other record alone. In arrival order:
 * each unit starts with the oldest record left and takes the compatible ones after it; nothing
 * waits for a pack to fill.
 *
 * <p>The records a unit takes from a partition are always the next ones of that partition: a
 * record that does not join blocks the later ones of its partition. So the records left over
 * (when there are more units than free slots) are the tail of their partition, and the consumer
 * seeks back to them rather than holding them while another worker could render them.
 */
final class PackPlanner {

  private final int maxBatch;
  private final long memoryBytes;

  /**
   * @param units the records of each unit, in arrival order
   * @param leftovers the records no unit took, for the next poll
   */
  record Plan(List<List<PolledJob>> units, List<PolledJob> leftovers) {}

  /**
   * @param maxBatch images one pack holds at most
   * @param memoryBytes the estimated memory one pack may need; a job alone is always rendered
   */
  PackPlanner(int maxBatch, long memoryBytes) {
    if (maxBatch < 1 || maxBatch > RenderSpec.MAX_BATCH) {
      throw new IllegalArgumentException("fv.worker.max-batch must be 1 to "
          + RenderSpec.MAX_BATCH + " (images of one pack), not " + maxBatch);
    }
    this.maxBatch = maxBatch;
    this.memoryBytes = memoryBytes;
  }

  /** At most {@code slots} units from {@code polled}, the records of one poll in their order. */
  Plan plan(List<PolledJob> polled, int slots) {
    List<PolledJob> left = new ArrayList<>(polled);
    List<List<PolledJob>> units = new ArrayList<>();
    while (units.size() < slots && !left.isEmpty()) {
      List<PolledJob> unit = nextUnit(left);
      left.removeAll(unit);
      units.add(unit);
    }
    return new Plan(units, left);
  }

  /** The oldest record left, with the compatible jobs that follow it when it is packable. */
  private List<PolledJob> nextUnit(List<PolledJob> left) {
    PolledJob first = left.get(0);
    List<PolledJob> unit = new ArrayList<>(List.of(first));
    if (first.packing() == null) {
      return unit;
    }
    List<RenderSpec> specs = new ArrayList<>(List.of(first.packing().spec()));
    Set<TopicPartition> blocked = new HashSet<>();
    for (PolledJob next : left.subList(1, left.size())) {
      if (blocked.contains(next.partition())) {
        continue;
      }
      Packing packing = next.packing();
      if (packing != null && packing.sharesPackWith(first.packing())
          && fits(first.packing().model(), with(specs, packing.spec()))) {
        unit.add(next);
        specs.add(packing.spec());
      } else {
        blocked.add(next.partition());
      }
    }
    return unit;
  }

  private boolean fits(String model, List<RenderSpec> members) {
    int images = members.stream().mapToInt(RenderSpec::batch).sum();
    if (images > maxBatch) {
      return false;
    }
    RenderPack pack = new RenderPack(members);
    return RenderMemory.estimateBytes(model, members.get(0).size(), pack.slots()) <= memoryBytes;
  }

  private static List<RenderSpec> with(List<RenderSpec> specs, RenderSpec spec) {
    List<RenderSpec> more = new ArrayList<>(specs);
    more.add(spec);
    return more;
  }
}
