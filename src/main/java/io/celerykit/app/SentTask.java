package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One task message the app sent, as the code under test sent it: what Celery's {@code task-sent}
 * event and message headers carry ({@code id}, {@code task}, {@code args}, {@code kwargs}, {@code
 * eta}, {@code expires}, {@code parent_id}, {@code root_id}, {@code group}), the {@code
 * apply_async} options given, and the virtual time it was sent. Recorded for every send, whatever
 * {@code result_extended} says; read them with {@link InMemoryCelery#sentTasks()} and verify them
 * with {@link InMemoryCelery#verify()}.
 *
 * <pre>{@code
 * SentTask first = app.sentTasks().get(0);
 * first.name();                  // "invoices.render"
 * first.args();                  // ["INV-1"]
 * first.options().queue();       // "pdf"
 * }</pre>
 *
 * <p>Immutable, but the arguments are the objects the caller passed: a mutable argument changed
 * after the send shows as changed.
 */
public final class SentTask {
  private final long sequence;

  /** The message as sent: its id, name, arguments, times and workflow ids. */
  private final Message message;

  private final Instant sentAt;
  private final ApplyOptions options;
  private final String queue;
  private final Integer groupIndex;
  private final boolean eager;
  private final InMemoryCelery app;

  SentTask(
      long sequence,
      Instant sentAt,
      Message message,
      ApplyOptions options,
      String queue,
      Integer groupIndex,
      boolean eager,
      InMemoryCelery app) {
    this.sequence = sequence;
    this.sentAt = sentAt;
    this.message = message;
    this.options = options;
    this.queue = queue;
    this.groupIndex = groupIndex;
    this.eager = eager;
    this.app = app;
  }

  /**
   * Returns the number of this send in the app, from 0, counting sends no longer kept.
   *
   * @return the sequence number
   */
  public long sequence() {
    return sequence;
  }

  /**
   * Returns the virtual time the task was sent.
   *
   * @return the instant
   */
  public Instant sentAt() {
    return sentAt;
  }

  /**
   * Returns the task id ({@code id} of the message).
   *
   * @return the id
   */
  public String taskId() {
    return message.id;
  }

  /**
   * Returns the task name ({@code task} of the message).
   *
   * @return the name
   */
  public String name() {
    return message.name;
  }

  /**
   * Returns the positional arguments as sent.
   *
   * @return an unmodifiable list
   */
  public List<Object> args() {
    return message.args;
  }

  /**
   * Returns the keyword arguments as sent.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> kwargs() {
    return message.kwargs;
  }

  /**
   * Returns the {@code apply_async} options of the call: {@code task_id}, {@code countdown} or
   * {@code eta}, {@code expires}, {@code queue}, {@code headers} (stamps), {@code ignore_result},
   * {@code link}, {@code link_error}. A task of a canvas carries the id the canvas gave it.
   *
   * @return the options
   */
  public ApplyOptions options() {
    return options;
  }

  /**
   * Returns when the task is due: the countdown or ETA made absolute, or null for at once.
   *
   * @return the instant or null
   */
  public Instant eta() {
    return message.eta;
  }

  /**
   * Returns when the task expires, made absolute, or null.
   *
   * @return the instant or null
   */
  public Instant expires() {
    return message.expires;
  }

  /**
   * Returns the queue the task went to: the call's, else the app's default queue.
   *
   * @return the queue name
   */
  public String queue() {
    return queue;
  }

  /**
   * Returns the id of the task that sent this one ({@code parent_id}), or null when sent from
   * outside a task. The next step of a chain has the step before it as parent, a chord's body the
   * header member that completed last, a link the task it followed, as in Celery.
   *
   * @return the parent id or null
   */
  public String parentId() {
    return message.parentId;
  }

  /**
   * Returns the id of the first task of the workflow ({@code root_id}).
   *
   * @return the root id
   */
  public String rootId() {
    return message.rootId;
  }

  /**
   * Returns the id of the group the task is a member of ({@code group}), or null; a chord's header
   * members carry the chord's group id.
   *
   * @return the group id or null
   */
  public String groupId() {
    return message.groupId;
  }

  /**
   * Returns the task's position among its group's tasks, in the order they were sent, from 0; null
   * outside a group. For a group of single tasks this is Celery's {@code group_index}; a member
   * that is a chain is counted when its last step (the one that carries the group id) is sent.
   *
   * @return the index or null
   */
  public Integer groupIndex() {
    return groupIndex;
  }

  /**
   * Tells whether the task ran at once on the sending thread ({@code task_always_eager}).
   *
   * @return true for an eager send
   */
  public boolean eager() {
    return eager;
  }

  /**
   * Returns the result of the task, as {@code app.AsyncResult(task_id)}, knowing its name.
   *
   * @return the result
   */
  public AsyncResult<Object> result() {
    return new AsyncResult<>(message.id, null, message.name, app, null);
  }

  /**
   * Describes the send as Celery prints a task call: {@code name('a', 1, key='v')}, then the
   * options that were set.
   *
   * @return the text
   */
  public String call() {
    return SentTaskText.call(message.name, message.args, message.kwargs);
  }

  /**
   * Describes the send: its call, the options that were set and the id.
   *
   * @return the text
   */
  @Override
  public String toString() {
    String opts = SentTaskText.options(this);
    return call() + (opts.isEmpty() ? "" : " " + opts) + " [" + message.id + "]";
  }
}
