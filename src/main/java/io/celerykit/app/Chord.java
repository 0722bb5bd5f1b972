package io.celerykit.app;

/**
 * A group whose values go to a callback, as Celery's {@code celery.chord}; made by {@link
 * Canvas#chord}. Immutable: every {@link #applyAsync()} sends a fresh copy with fresh ids.
 *
 * <p>The header's members run as a group. When the last of them is done, the worker sends the body
 * with the list of the header's values, in header order, prepended to its arguments (from the last
 * member's run, so the body's {@code parent_id} is that member, as in Celery). If a member failed,
 * the body is not sent but stored as FAILURE with a {@link io.celerykit.result.ChordException}:
 * {@code Dependency <member id> raised <exception repr>}.
 *
 * <pre>{@code
 * AsyncResult<Integer> r = Canvas.chord(List.of(add.s(1, 1), add.s(2, 2)), tsum.s()).applyAsync();
 * r.get();        // 6
 * r.parent();     // the header's GroupResult
 * }</pre>
 *
 * <p>The header's group id is the header group's own {@code task_id} when the caller chose one
 * ({@code Canvas.chord(Canvas.group(...).taskId("h1"), tsum.s())}), as Celery's {@code chord.run}
 * reads it from {@code header.options}. This differs from Celery 5.2.6 on purpose: its {@code
 * chord(group, body)} keeps only the group's tasks ({@code _maybe_group}), so the chosen id is lost
 * and a new one drawn. A chord whose body is a group returns the body's result from {@link
 * #applyAsyncForGroup()} and {@link #delayForGroup(Object...)}:
 *
 * <pre>{@code
 * Group both = Canvas.group(echo.s(), echo.s());
 * GroupResult g = Canvas.chord(List.of(add.s(1, 1)), both).applyAsyncForGroup();
 * }</pre>
 */
public final class Chord extends TaskResultCanvas implements CanvasElement {
  private final Group header;
  private final CanvasElement body;

  Chord(Group header, CanvasElement body) {
    this.header = header;
    this.body = body;
  }

  /**
   * Returns the header, as Celery's {@code chord.tasks}.
   *
   * <pre>{@code
   * Canvas.chord(List.of(add.s(1, 1), add.s(2, 2)), tsum.s()).header().tasks().size();   // 2
   * }</pre>
   *
   * @return the header group
   */
  public Group header() {
    return header;
  }

  /**
   * Returns the body, as Celery's {@code chord.body}.
   *
   * <pre>{@code
   * Canvas.chord(List.of(add.s(1, 1)), tsum.s()).body();   // tasks.tsum()
   * }</pre>
   *
   * @return the body
   */
  public CanvasElement body() {
    return body;
  }

  /**
   * Describes the chord: {@code chord(group([...]), tasks.tsum())}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "chord(" + header + ", " + body + ")";
  }
}
