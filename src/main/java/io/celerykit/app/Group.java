package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.result.GroupResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A group of tasks run in parallel, as Celery's {@code celery.group}; made by {@link Canvas#group}.
 * Immutable: every {@link #applyAsync()} sends a fresh copy, with a new group id unless the caller
 * chose one ({@link #taskId(String)}, Celery's {@code group.set(task_id=...)}).
 *
 * <pre>{@code
 * GroupResult g = Canvas.group(add.s(2, 2), add.s(4, 4)).applyAsync();
 * g.join();   // [4, 8]
 * Canvas.group(add.s(2, 2), add.s(4, 4)).taskId("g1").applyAsync().id();   // "g1"
 * }</pre>
 */
public final class Group implements CanvasElement {
  private final List<CanvasElement> tasks;
  private final ApplyOptions options;
  private final Celery app;

  Group(List<CanvasElement> tasks, ApplyOptions options, Celery app) {
    this.tasks = tasks;
    this.options = requireOnlyTaskId(options);
    this.app = app;
  }

  /**
   * Refuses every option but {@code task_id}: Celery applies the others to each member, which
   * celerykit does not do; they are set on the members instead.
   */
  private static ApplyOptions requireOnlyTaskId(ApplyOptions options) {
    Checks.requireNonNull(options, "group options (use ApplyOptions.defaults() for none)");
    List<String> others = new ArrayList<>(options.keywordsSet());
    others.remove("task_id");
    if (!others.isEmpty()) {
      throw new IllegalArgumentException(
          "a group takes only the task_id option (its group id), got "
              + String.join(", ", others)
              + "; set "
              + (others.size() == 1 ? "it" : "them")
              + " on each member signature instead");
    }
    return options;
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
   * Returns the group's options, as Celery's {@code group.options}: {@link ApplyOptions#taskId()}
   * is the group id the caller chose (the {@code group_id} of every member and the id of the {@code
   * GroupResult}, also when the group is a chord's header), or null for a new one at each sending.
   * No other option is set on a group.
   *
   * @return the options
   */
  public ApplyOptions options() {
    return options;
  }

  /**
   * Returns the app the group was made for ({@link Canvas#group(Celery, List)}, Celery's {@code
   * group(..., app=app)}), or null when it sends on its members' app.
   *
   * @return the app, or null
   */
  public Celery app() {
    return app;
  }

  /**
   * Returns a copy with options, as Celery's {@code group.set(task_id=...)}: the options' {@code
   * task_id} becomes the group id.
   *
   * <pre>{@code
   * Canvas.group(add.s(1, 1)).set(ApplyOptions.defaults().taskId("g1")).applyAsync().id();   // "g1"
   * }</pre>
   *
   * @param newOptions the options; only {@code task_id} may be set
   * @return the new group
   * @throws IllegalArgumentException when another option is set, naming it
   */
  public Group set(ApplyOptions newOptions) {
    return new Group(tasks, newOptions, app);
  }

  /**
   * Returns a copy with options changed by a function of the current ones.
   *
   * <pre>{@code
   * Canvas.group(add.s(1, 1)).set(o -> o.taskId("g1"));
   * }</pre>
   *
   * @param change gets the current options and returns the new ones
   * @return the new group
   * @throws IllegalArgumentException when the new options set another option than {@code task_id}
   */
  public Group set(UnaryOperator<ApplyOptions> change) {
    Checks.requireNonNull(change, "change");
    return set(change.apply(options));
  }

  /**
   * Returns a copy with a group id of the caller's choosing, as Celery's {@code
   * group.set(task_id=id)}: the id of the {@code GroupResult}, the {@code group_id} of every
   * member, kept when the group is a chain's step or a chord's header (where Celery 5.2.6 drops it,
   * see {@link Chord}).
   *
   * <pre>{@code
   * GroupResult g = Canvas.group(add.s(1, 1), add.s(2, 2)).taskId("g1").applyAsync();
   * g.save();   // GroupResult.restore("g1", app) finds it
   * }</pre>
   *
   * @param id a non-blank id
   * @return the new group
   */
  public Group taskId(String id) {
    return set(options.taskId(id));
  }

  /**
   * Sends every member, as Celery's {@code group.apply_async()}: the members run as independent
   * tasks, each with the group id stored as its {@code group_id}. Sent from inside a task, the
   * group result becomes one child of that task. An empty group sends nothing and returns an empty
   * {@code GroupResult}, ready at once, as Celery's (which returns {@code self.freeze()}).
   *
   * <pre>{@code
   * GroupResult g = Canvas.group(add.s(2, 2), add.s(4, 4)).applyAsync();
   * }</pre>
   *
   * @return the group result, whose id is the chosen group id or a new one
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
    return (GroupResult) CanvasDispatch.apply(this, args);
  }

  /**
   * Sends every member with partial arguments and options, as Celery's {@code
   * group.apply_async(args, task_id=id)}: the options' {@code task_id}, when set, is the group id
   * (else the group's own, or a new one).
   *
   * <pre>{@code
   * Canvas.group(add.s(1), add.s(2)).applyAsync(List.of(10), ApplyOptions.defaults().taskId("g1"));
   * }</pre>
   *
   * @param args the partial arguments
   * @param sendOptions the options; only {@code task_id} may be set
   * @return the group result
   * @throws IllegalArgumentException when another option is set, naming it
   */
  public GroupResult applyAsync(List<?> args, ApplyOptions sendOptions) {
    Group sent = requireOnlyTaskId(sendOptions).taskId() == null ? this : set(sendOptions);
    return sent.applyAsync(args);
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
    return applyAsync(Arrays.asList(Checks.requireNonNull(args, "args")));
  }

  /**
   * Describes the group as Celery's {@code repr}: {@code group([tasks.add(2, 2), tasks.add(4,
   * 4)])}, or {@code group(<empty>)}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return tasks.isEmpty() ? "group(<empty>)" : "group(" + tasks + ")";
  }
}
