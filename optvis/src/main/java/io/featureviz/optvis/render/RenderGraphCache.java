package io.featureviz.optvis.render;

import io.featureviz.optvis.model.ImageModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    long start = System.nanoTime();
    Key key = new Key(model, spec);
    RenderGraph graph = take(key);
    if (graph == null) {
      graph = new RenderGraph(model, spec);
      countBuilt();
    } else {
      graph.reset();
    }
    boolean reusable = false;
    try {
      RenderResult result = Renderer.optimize(graph, listener, start, System.nanoTime());
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

  /**
   * Renders the members of {@code pack} as one graph, {@code listeners.get(i)} following member
   * i: its steps, its snapshots (its own images and values), its cancellation. A member whose
   * listener cancels stops receiving callbacks; the others go on. STUB (issue #11).
   */
  public List<PackedResult> render(ImageModel model, RenderPack pack,
      List<RenderListener> listeners) {
    throw new UnsupportedOperationException("stub");
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

  /** The same model object (models are loaded once per process) and an equal spec. */
  private record Key(ImageModel model, RenderSpec spec) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.model == model && key.spec.equals(spec);
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(model) + spec.hashCode();
    }
  }
}
