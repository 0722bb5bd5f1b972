package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import java.util.List;

/**
 * What a {@link Chain} and a {@link Chord} share: their result is that of the element that ends
 * them (a chain's last step, a chord's body), one task's {@code AsyncResult}, or a {@code
 * GroupResult} when a group ends them. Sending one freezes a fresh copy with fresh ids every time.
 * Internal: its public methods are documented as Chain's and Chord's own.
 *
 * <pre>{@code
 * AsyncResult<Integer> sum = Canvas.chord(List.of(add.s(1, 1), add.s(2, 2)), tsum.s()).delay();
 * AsyncResult<Integer> product = Canvas.chain(add.s(2), mul.s(8)).delay(2);   // 32
 * }</pre>
 */
abstract sealed class TaskResultCanvas permits Chain, Chord {

  TaskResultCanvas() {}

  /** This chain or chord as the canvas element it is (both are one). */
  private CanvasElement element() {
    return (CanvasElement) this;
  }

  /**
   * Sends the element, as Celery's {@code apply_async()}, and returns the result of the task that
   * ends it (a chain's last step, a chord's body), whose {@code parent()} leads back to what ran
   * before it.
   *
   * <pre>{@code
   * AsyncResult<Integer> r = Canvas.chain(add.s(2, 2), mul.s(8)).applyAsync();   // r.get() == 32
   * }</pre>
   *
   * @param <T> the value type of that task
   * @return its result
   * @throws IllegalStateException when the element ends with a group, whose result is a {@code
   *     GroupResult}: call {@link #applyAsyncForGroup()} for it
   */
  public <T> AsyncResult<T> applyAsync() {
    return delay();
  }

  /**
   * Sends the element with partial arguments, as Celery's {@code apply_async(args)}: prepended to
   * the first step's arguments of a chain, to every header member's of a chord.
   *
   * @param args the partial arguments
   * @return the result of the element that ends it: an {@code AsyncResult}, or a {@code
   *     GroupResult} when a group ends it
   */
  public ResultBase applyAsync(List<?> args) {
    return CanvasDispatch.apply(element(), args);
  }

  /**
   * Sends the element with arguments, as Celery's {@code delay(*args)}: prepended as in {@link
   * #applyAsync(List)}.
   *
   * @param <T> the value type of the task that ends the element
   * @param args the partial arguments
   * @return that task's result
   * @throws IllegalStateException when the element ends with a group: call {@link
   *     #delayForGroup(Object...)} for its {@code GroupResult}
   */
  public <T> AsyncResult<T> delay(Object... args) {
    return CanvasDispatch.applyForTaskResult(element(), args);
  }

  /**
   * Sends an element that ends with a group (a chain whose last step is a group, a chord whose body
   * is one), as Celery's {@code apply_async()}, and returns that group's result, whose {@code
   * parent()} leads back to what ran before it.
   *
   * <pre>{@code
   * GroupResult g = Canvas.chain(add.s(1, 1), Canvas.group(mul.s(2), mul.s(3))).applyAsyncForGroup();
   * g.join();   // [4, 6]
   * }</pre>
   *
   * @return the group's result
   * @throws IllegalStateException when a task ends the element, naming it (nothing is sent): call
   *     {@link #applyAsync()} for its {@code AsyncResult}
   */
  public GroupResult applyAsyncForGroup() {
    return delayForGroup();
  }

  /**
   * Sends an element that ends with a group with arguments, as Celery's {@code delay(*args)}, and
   * returns that group's result.
   *
   * <pre>{@code
   * GroupResult g = Canvas.chain(add.s(1), Canvas.group(mul.s(2), mul.s(3))).delayForGroup(1);
   * g.join();   // [4, 6]
   * }</pre>
   *
   * @param args the partial arguments, prepended as in {@link #applyAsync(List)}
   * @return the group's result
   * @throws IllegalStateException when a task ends the element, naming it (nothing is sent): call
   *     {@link #delay(Object...)} for its {@code AsyncResult}
   */
  public GroupResult delayForGroup(Object... args) {
    return CanvasDispatch.applyForGroupResult(element(), args);
  }
}
