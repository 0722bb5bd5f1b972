package io.celerykit.app;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Steps run one after the other, each getting the previous value, as Celery's {@code celery.chain}
 * ({@code sig1 | sig2 | ...}); made by {@link Canvas#chain}. Immutable: every {@link #applyAsync()}
 * sends a fresh copy with fresh ids.
 *
 * <p>As in Celery 5: every id is assigned up front; the first step is sent, and each next step is
 * sent by the worker when the previous one succeeds (before the previous one's result is stored, so
 * it is among the previous step's {@code children}, and its meta has the previous step as {@code
 * parent_id}). When a step fails, every remaining step is stored as FAILURE with the same
 * exception, so waiting on the chain's result raises it.
 *
 * <pre>{@code
 * AsyncResult<Integer> r = Canvas.chain(add.s(2, 2), mul.s(8)).applyAsync();
 * r.get();        // 32
 * r.parent();     // the result of add(2, 2)
 * }</pre>
 *
 * <p>A chain whose last step is a group returns that group's result from {@link
 * #applyAsyncForGroup()} and {@link #delayForGroup(Object...)}; {@code applyAsync()} and {@code
 * delay(...)} refuse it, before sending anything:
 *
 * <pre>{@code
 * GroupResult g = Canvas.chain(add.s(1, 1), Canvas.group(mul.s(2), mul.s(3))).applyAsyncForGroup();
 * g.join();       // [4, 6]; g.parent() is the result of add(1, 1)
 * }</pre>
 */
public final class Chain extends TaskResultCanvas implements CanvasElement {
  private final List<CanvasElement> tasks;

  Chain(List<CanvasElement> tasks) {
    this.tasks = tasks;
  }

  /**
   * Returns the steps as given, as Celery's {@code chain.tasks}.
   *
   * <pre>{@code
   * Canvas.chain(add.s(2, 2), mul.s(8)).tasks().get(1);   // tasks.mul(8)
   * }</pre>
   *
   * @return an unmodifiable list
   */
  public List<CanvasElement> tasks() {
    return tasks;
  }

  /**
   * Describes the chain as Celery's {@code repr}: {@code tasks.add(2, 2) | tasks.mul(8)}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return tasks.stream().map(String::valueOf).collect(Collectors.joining(" | "));
  }
}
