package io.celerykit.app;

import io.celerykit.result.GroupResult;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A group of tasks run in parallel, as Celery's {@code celery.group}; made by {@link Canvas#group}.
 * Immutable: every {@link #applyAsync()} sends a fresh copy with fresh ids.
 *
 * <pre>{@code
 * GroupResult g = Canvas.group(add.s(2, 2), add.s(4, 4)).applyAsync();
 * g.join();   // [4, 8]
 * }</pre>
 */
public final class Group implements CanvasElement {
  private final List<CanvasElement> tasks;

  Group(List<CanvasElement> tasks) {
    this.tasks = tasks;
  }

  /**
   * Returns the members, as Celery's {@code group.tasks}.
   *
   * <pre>{@code
   * Canvas.group(add.s(2, 2), add.s(4, 4)).tasks().size();   // 2
   * }</pre>
   *
   * @return an unmodifiable list
   */
  public List<CanvasElement> tasks() {
    return tasks;
  }

  /**
   * Sends every member, as Celery's {@code group.apply_async()}: the members run as independent
   * tasks, each with the group id stored as its {@code group_id}. Sent from inside a task, the
   * group result becomes one child of that task.
   *
   * <pre>{@code
   * GroupResult g = Canvas.group(add.s(2, 2), add.s(4, 4)).applyAsync();
   * }</pre>
   *
   * @return the group result, whose id is a new group id
   */
  public GroupResult applyAsync() {
    return applyAsync(List.of());
  }

  /**
   * Sends every member with partial arguments prepended, as Celery's {@code
   * group.apply_async(args)}.
   *
   * <pre>{@code
   * Canvas.group(add.s(1), add.s(2)).applyAsync(List.of(10)).join();   // [11, 12]
   * }</pre>
   *
   * @param args the partial arguments
   * @return the group result
   */
  @Override
  public GroupResult applyAsync(List<?> args) {
    return (GroupResult) CanvasRun.apply(this, args);
  }

  /**
   * Sends every member with arguments prepended, as Celery's {@code group.delay(*args)}.
   *
   * <pre>{@code
   * Canvas.group(add.s(1), add.s(2)).delay(10).join();   // [11, 12]
   * }</pre>
   *
   * @param args the partial arguments
   * @return the group result
   */
  public GroupResult delay(Object... args) {
    return applyAsync(Arrays.asList(Objects.requireNonNull(args, "args")));
  }

  /**
   * Describes the group as Celery's {@code repr}: {@code group([tasks.add(2, 2), tasks.add(4,
   * 4)])}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "group(" + tasks + ")";
  }
}
