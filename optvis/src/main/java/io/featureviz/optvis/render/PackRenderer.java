package io.featureviz.optvis.render;

import io.featureviz.optvis.image.RgbImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes the steps of a pack's graph and tells each member's listener about its own part: its
 * values, its snapshots, its end (at once). A member ends alone when its listener cancels or its
 * values go non-finite; its rows of the graph go on being computed (they do not touch the
 * others'), and the steps stop when no member is left.
 */
final class PackRenderer {

  private PackRenderer() {}

  static List<PackedResult> optimize(RenderGraph graph, List<RenderListener> listeners,
      long start, long built) {
    // RenderGraphCache checked that there is one listener per member, before building the graph.
    List<RenderSpec> specs = graph.members();
    RenderSpec shared = specs.get(0);
    Set<Integer> snapshotAt = new TreeSet<>(shared.snapshotSteps());
    List<Member> members = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < specs.size(); i++) {
      members.add(new Member(specs.get(i), listeners.get(i), offset));
      offset += specs.get(i).batch();
    }
    for (int step = 0; step < shared.steps(); step++) {
      members.stream().filter(Member::running).filter(m -> m.listener.isCancelled())
          .forEach(m -> m.end(true, null, start, built));
      if (members.stream().noneMatch(Member::running)) {
        break;
      }
      float[] values = graph.step(step);
      int done = step + 1;
      List<RgbImage> images = null;
      for (Member member : members) {
        if (!member.running()) {
          continue;
        }
        float[] own = Arrays.copyOfRange(values, member.offset, member.offset + member.batch());
        member.done = done;
        if (!allFinite(own)) {
          member.end(false, new NonFiniteObjectiveException(done, own), start, built);
          continue;
        }
        member.listener.onStep(done, own);
        if (snapshotAt.contains(done)) {
          images = images != null ? images : graph.images();
          Snapshot snapshot = Renderer.snapshot(
              images.subList(member.offset, member.offset + member.batch()),
              Renderer.gridColumns(member.spec), done, own, done == shared.steps());
          member.snapshots.add(snapshot);
          member.listener.onSnapshot(snapshot);
        }
      }
    }
    members.stream().filter(Member::running).forEach(m -> m.end(false, null, start, built));
    return members.stream().map(m -> m.result).toList();
  }

  private static boolean allFinite(float[] values) {
    for (float value : values) {
      if (!Float.isFinite(value)) {
        return false;
      }
    }
    return true;
  }

  /** One member's progress; {@code result} is set when it ends. */
  private static final class Member {
    private final RenderSpec spec;
    private final RenderListener listener;
    private final int offset;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private int done;
    private PackedResult result;

    Member(RenderSpec spec, RenderListener listener, int offset) {
      this.spec = spec;
      this.listener = listener;
      this.offset = offset;
    }

    int batch() {
      return spec.batch();
    }

    boolean running() {
      return result == null;
    }

    void end(boolean cancelled, NonFiniteObjectiveException failure, long start, long built) {
      result = new PackedResult(new RenderResult(snapshots, done, cancelled,
          Renderer.seconds(start), Renderer.seconds(built)), failure);
      listener.onEnd(result);
    }
  }
}
