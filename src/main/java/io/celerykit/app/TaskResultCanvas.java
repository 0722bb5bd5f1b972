package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import java.util.List;

/**
 * A canvas element whose result is one task's result: a {@link Chain} (its last step's) or a {@link
 * Chord} (its body's). Sending one freezes a fresh copy with fresh ids every time.
 *
 * <pre>{@code
 * AsyncResult<Integer> sum = Canvas.chord(List.of(add.s(1, 1), add.s(2, 2)), tsum.s()).delay();
 * AsyncResult<Integer> product = Canvas.chain(add.s(2), mul.s(8)).delay(2);   // 32
 * }</pre>
 */
public abstract sealed class TaskResultCanvas implements CanvasElement permits Chain, Chord {

  TaskResultCanvas() {}

  /**
   * Sends the element, as Celery's {@code apply_async()}, and returns the result of the task that
   * ends it (a chain's last step, a chord's body), whose {@code parent()} leads back to what ran
   * before it.
   *
   * @param <T> the value type of that task
   * @return its result
   * @throws IllegalStateException when the element ends with a group, whose result is a {@code
   *     GroupResult}: call {@link #applyAsync(List)} for it
   */
  public <T> AsyncResult<T> applyAsync() {
    return delay();
  }

  /**
   * Sends the element with partial arguments, as Celery's {@code apply_async(args)}: prepended to
   * the first step's arguments of a chain, to every header member's of a chord.
   *
   * @param args the partial arguments
   * @return the result of the task that ends the element (a {@code GroupResult} when a group ends
   *     it)
   */
  @Override
  public ResultBase applyAsync(List<?> args) {
    return CanvasRun.apply(this, args);
  }

  /**
   * Sends the element with arguments, as Celery's {@code delay(*args)}: prepended as in {@link
   * #applyAsync(List)}.
   *
   * @param <T> the value type of the task that ends the element
   * @param args the partial arguments
   * @return that task's result
   * @throws IllegalStateException when the element ends with a group: call {@link
   *     #applyAsync(List)} for its {@code GroupResult}
   */
  public <T> AsyncResult<T> delay(Object... args) {
    return CanvasRun.applyForTaskResult(this, args);
  }
}
