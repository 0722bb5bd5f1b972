package io.celerykit.app;

import io.celerykit.result.ResultBase;
import java.util.List;

/**
 * One sending of a canvas on the in-memory app. Internal. {@link #build} freezes an element into a
 * tree of {@link CanvasNode}s, each with its ids assigned (Celery's {@code freeze()} / {@code
 * prepare_steps}); {@link CanvasNode#send} starts a node; the rest happens in completion listeners
 * that the worker calls when a task's run ends (the next chain step, a chord's counting, failure
 * propagation).
 */
final class CanvasRun {
  private final InMemoryCelery app;
  private final boolean eager;

  private CanvasRun(InMemoryCelery app) {
    this.app = app;
    this.eager = app.config().taskAlwaysEager();
  }

  /** Freezes and sends an element on the in-memory app; returns its result. */
  static ResultBase applyInMemory(InMemoryCelery app, CanvasElement element, List<?> args) {
    CanvasRun run = new CanvasRun(app);
    CanvasNode node = run.build(element);
    node.send(args, true);
    return node.result(null);
  }

  /** Freezes an element: builds its node, assigning every id now, in canvas order. */
  CanvasNode build(CanvasElement element) {
    if (element instanceof Signature s) {
      return new TaskNode(this, s);
    } else if (element instanceof Group g) {
      return new GroupNode(this, g);
    } else if (element instanceof Chain c) {
      return new ChainNode(this, c.tasks());
    } else {
      Chord c = (Chord) element;
      return new ChordNode(this, c.header(), c.body());
    }
  }

  /** The app the canvas is sent on. */
  InMemoryCelery app() {
    return app;
  }

  /** Whether the app runs tasks eagerly ({@code task_always_eager}). */
  boolean eager() {
    return eager;
  }
}
