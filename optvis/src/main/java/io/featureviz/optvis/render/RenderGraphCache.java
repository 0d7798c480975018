package io.featureviz.optvis.render;

import io.featureviz.optvis.model.ImageModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the graphs of recent renders, so that a render with the same model and spec as an earlier
 * one skips building and optimizing its graph: for a small render that is most of its time. A
 * reused graph is {@link RenderGraph#reset() reset} to the seed's initial state first, so its
 * images are byte for byte those of a new graph.
 *
 * <p>A graph is taken out while it renders and put back after, so concurrent renders never share
 * one; beyond {@code capacity} idle graphs the least recently used is closed.
 */
public final class RenderGraphCache implements AutoCloseable {

  private final int capacity;
  private final Map<Key, RenderGraph> idle = new LinkedHashMap<>(16, 0.75f, true);
  private int built;

  /** @param capacity idle graphs kept; 0 builds every render's graph anew */
  public RenderGraphCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** {@link Renderer#render} through the cache. */
  public RenderResult render(ImageModel model, RenderSpec spec, RenderListener listener) {
    return withGraph(new Key(model, List.of(spec), spec.batch()),
        () -> new RenderGraph(model, spec),
        (graph, start, built) -> Renderer.optimize(graph, listener, start, built));
  }

  /**
   * Renders the members of {@code pack} as one graph, {@code listeners.get(i)} following member
   * i: its steps, its snapshots (its own images, values and grid, as {@link Renderer#render}
   * makes them), its cancellation. A member whose listener cancels gets no more callbacks and
   * ends cancelled; a member whose values go non-finite ends with its
   * {@link PackedResult#failure()}; the others go on, and the steps stop when none is left. A
   * member's bytes are those it gets as a pack of its own.
   *
   * @return each member's result, in member order
   */
  public List<PackedResult> render(ImageModel model, RenderPack pack,
      List<RenderListener> listeners) {
    if (listeners.size() != pack.members().size()) {
      throw new IllegalArgumentException(pack.members().size()
          + " members need as many listeners, got " + listeners.size());
    }
    return withGraph(new Key(model, pack.members(), pack.slots()),
        () -> new RenderGraph(model, pack),
        (graph, start, built) -> PackRenderer.optimize(graph, listeners, start, built));
  }

  /** Takes the steps of a graph whose construction ended at {@code built} (nanoTime). */
  private interface Optimization<T> {
    T run(RenderGraph graph, long start, long built);
  }

  /**
   * Runs {@code optimization} on the idle graph of {@code key}, reset, or on a new one, and keeps
   * the graph for the next render unless the optimization threw.
   */
  private <T> T withGraph(Key key, Supplier<RenderGraph> build, Optimization<T> optimization) {
    long start = System.nanoTime();
    RenderGraph graph = take(key);
    if (graph == null) {
      graph = build.get();
      countBuilt();
    } else {
      graph.reset();
    }
    boolean reusable = false;
    try {
      T result = optimization.run(graph, start, System.nanoTime());
      reusable = true;
      return result;
    } finally {
      if (reusable) {
        giveBack(key, graph);
      } else {
        graph.close();
      }
    }
  }

  /** How many graphs this cache has built (a render that reused one built none). */
  public synchronized int built() {
    return built;
  }

  private synchronized void countBuilt() {
    built++;
  }

  private synchronized RenderGraph take(Key key) {
    return idle.remove(key);
  }

  private void giveBack(Key key, RenderGraph graph) {
    List<RenderGraph> evicted = new ArrayList<>();
    synchronized (this) {
      RenderGraph previous = idle.put(key, graph);
      if (previous != null) {
        evicted.add(previous);
      }
      Iterator<RenderGraph> eldest = idle.values().iterator();
      while (idle.size() > capacity) {
        evicted.add(eldest.next());
        eldest.remove();
      }
    }
    evicted.forEach(RenderGraph::close);
  }

  @Override
  public void close() {
    List<RenderGraph> graphs;
    synchronized (this) {
      graphs = new ArrayList<>(idle.values());
      idle.clear();
    }
    graphs.forEach(RenderGraph::close);
  }

  /**
   * The same model object (models are loaded once per process), equal specs and the same
   * network batch: a plain spec and a pack of that one spec may pad differently.
   */
  private record Key(ImageModel model, List<RenderSpec> specs, int slots) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.model == model && key.specs.equals(specs)
          && key.slots == slots;
    }

    @Override
    public int hashCode() {
      return 31 * (31 * System.identityHashCode(model) + specs.hashCode()) + slots;
    }
  }
}
