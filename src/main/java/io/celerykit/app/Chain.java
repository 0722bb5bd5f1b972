package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Steps run one after the other, each getting the previous value, as Celery's {@code
 * celery.chain} ({@code sig1 | sig2 | ...}); made by {@link Canvas#chain}. Immutable: every
 * {@link #applyAsync()} sends a fresh copy with fresh ids.
 *
 * <p>As in Celery 5: every id is assigned up front; the first step is sent, and each next step is
 * sent by the worker when the previous one succeeds (before the previous one's result is stored,
 * so it is among the previous step's {@code children}, and its meta has the previous step as
 * {@code parent_id}). When a step fails, every remaining step is stored as FAILURE with the same
 * exception, so waiting on the chain's result raises it.
 *
 * <pre>{@code
 * AsyncResult<Integer> r = Canvas.chain(add.s(2, 2), mul.s(8)).applyAsync();
 * r.get();        // 32
 * r.parent();     // the result of add(2, 2)
 * }</pre>
 */
public final class Chain implements CanvasElement {
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
   * Sends the chain, as Celery's {@code chain.apply_async()}, and returns the result of its last
   * step; following {@code parent()} from it leads back to the first step.
   *
   * <pre>{@code
   * AsyncResult<Integer> r = Canvas.chain(add.s(2, 2), mul.s(8)).applyAsync();
   * }</pre>
   *
   * @param <T> the last step's value type
   * @return the last step's result
   * @throws IllegalStateException when the chain ends with a group, whose result is a {@code
   *     GroupResult}: call {@link #applyAsync(List)} for it
   */
  public <T> AsyncResult<T> applyAsync() {
    return delay();
  }

  /**
   * Sends the chain with partial arguments prepended to the first step's, as Celery's {@code
   * chain.apply_async(args)}.
   *
   * <pre>{@code
   * ResultBase r = Canvas.chain(add.s(2), mul.s(8)).applyAsync(List.of(2));   // mul(add(2, 2), 8)
   * }</pre>
   *
   * @param args the partial arguments
   * @return the last step's result (a {@code GroupResult} when the chain ends with a group)
   */
  @Override
  public ResultBase applyAsync(List<?> args) {
    return CanvasRun.apply(this, args);
  }

  /**
   * Sends the chain with arguments prepended to the first step's, as Celery's {@code
   * chain.delay(*args)}.
   *
   * <pre>{@code
   * AsyncResult<Integer> r = Canvas.chain(add.s(2), mul.s(8)).delay(2);   // 32
   * }</pre>
   *
   * @param <T> the last step's value type
   * @param args the partial arguments
   * @return the last step's result
   * @throws IllegalStateException when the chain ends with a group: call {@link
   *     #applyAsync(List)} for its {@code GroupResult}
   */
  public <T> AsyncResult<T> delay(Object... args) {
    return CanvasRun.applyForTaskResult(this, args);
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
