package io.celerykit.app;

import io.celerykit.result.ResultBase;
import java.util.List;

/**
 * Anything that can be part of a Celery canvas: a task {@link Signature}, a {@link Group}, a {@link
 * Chain} or a {@link Chord} (Celery's {@code celery.canvas.Signature} and its subclasses). Elements
 * nest freely: a group of chains, a chain holding a group or a chord, a chord whose header holds
 * chains, chains of chains.
 *
 * <p>Sending an element first freezes it, as Celery's {@code freeze()}: every task id and group id
 * of the whole canvas is assigned up front, so the result returned at once already has its final
 * shape (a chain's result links back to its first step through {@code parent()}).
 *
 * <p>An engine reads a canvas through the public accessors: {@link Signature#taskName()}, {@link
 * Signature#args()}, {@link Signature#kwargs()}, {@link Signature#options()}, {@link
 * Signature#immutable()}; {@link Group#tasks()}, {@link Group#options()} (whose {@code taskId()} is
 * the group id the caller chose, or null), {@link Group#app()}; {@link Chain#tasks()}; {@link
 * Chord#header()}, {@link Chord#body()}.
 *
 * <pre>{@code
 * CanvasElement flow = Canvas.chain(add.s(2, 2), Canvas.group(mul.s(2), mul.s(3)), tsum.s());
 * ResultBase r = flow.applyAsync(List.of());   // the AsyncResult of tsum
 * }</pre>
 */
public sealed interface CanvasElement permits Signature, Group, Chain, Chord {

  /**
   * Sends the element with partial arguments, as Celery's {@code apply_async(args)}: the arguments
   * are prepended to those of every task the element starts with (each member of a group, the first
   * step of a chain, each header member of a chord), except immutable ones ({@code si}).
   *
   * @param args the partial arguments, often empty or one value passed on by a previous step
   * @return the element's result: an {@code AsyncResult} for a task, a chain or a chord; a {@code
   *     GroupResult} for a group (or for a chain or chord that ends with one)
   */
  ResultBase applyAsync(List<?> args);
}
