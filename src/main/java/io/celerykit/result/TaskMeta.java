package io.celerykit.result;

import io.celerykit.internal.Checks;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a result backend stores for one task: Celery's task meta dict ({@code status}, {@code
 * result}, {@code traceback}, {@code children}, {@code date_done}, {@code task_id}, and with {@code
 * result_extended} {@code name}, {@code args}, {@code kwargs}, {@code worker}, {@code retries},
 * {@code queue}), plus the {@code group_id} and {@code parent_id} Celery adds for members and chain
 * steps.
 *
 * <p>Immutable and thread-safe (the value and args are stored as given; keep them immutable). Built
 * with {@link #builder(String, TaskState)} or the shortcuts. A ready meta built without {@code
 * date_done} gets it when stored: the in-memory backend stamps its clock's time, and {@link
 * ResultBackend#storeResult} builds it with the backend's clock, as Celery's {@code
 * _get_result_meta} sets {@code date_done} on every ready store:
 *
 * <pre>{@code
 * backend.store(TaskMeta.success("t1", 42));
 * backend.store(TaskMeta.builder("t2", TaskState.of("PROGRESS")).result(Map.of("done", 3)).build());
 * }</pre>
 */
public final class TaskMeta {

  private final String taskId;
  private final TaskState state;
  private final Object result;
  private final String traceback;
  private final List<ResultTuple> children;
  private final Instant dateDone;

  /**
   * What only {@code result_extended} stores; null when none of it is, which is the common case.
   */
  private final Extended extended;

  private final Integer retries;
  private final String groupId;
  private final String parentId;

  private TaskMeta(Builder b) {
    this.taskId = Checks.requireId(b.taskId, "task id");
    this.state = Objects.requireNonNull(b.state, "state");
    this.result = b.result;
    this.traceback = b.traceback;
    this.children =
        b.children == null || b.children.isEmpty() ? List.of() : List.copyOf(b.children);
    this.dateDone = b.dateDone;
    this.extended =
        b.name == null && b.args == null && b.kwargs == null && b.worker == null && b.queue == null
            ? null
            : new Extended(
                b.name,
                b.args == null
                    ? null
                    : Collections.unmodifiableList(new java.util.ArrayList<>(b.args)),
                b.kwargs == null
                    ? null
                    : Collections.unmodifiableMap(new LinkedHashMap<>(b.kwargs)),
                b.worker,
                b.queue);
    this.retries = b.retries;
    this.groupId = b.groupId;
    this.parentId = b.parentId;
  }

  /**
   * Starts a meta for a task in a state.
   *
   * @param taskId the task id, not blank
   * @param state the state
   * @return a builder
   */
  public static Builder builder(String taskId, TaskState state) {
    return new Builder(taskId, state);
  }

  /**
   * Returns the meta Celery reports for a task it knows nothing about: PENDING, no result.
   *
   * @param taskId the task id
   * @return a PENDING meta
   */
  public static TaskMeta pending(String taskId) {
    return new Builder(taskId, TaskState.PENDING).build();
  }

  /**
   * Returns a SUCCESS meta with the value.
   *
   * @param taskId the task id
   * @param value the return value
   * @return the meta
   */
  public static TaskMeta success(String taskId, Object value) {
    return new Builder(taskId, TaskState.SUCCESS).result(value).build();
  }

  /**
   * Returns a FAILURE meta with the exception.
   *
   * @param taskId the task id
   * @param exception the exception the task raised
   * @return the meta
   */
  public static TaskMeta failure(String taskId, Throwable exception) {
    Objects.requireNonNull(exception, "exception of a FAILURE");
    return new Builder(taskId, TaskState.FAILURE).result(exception).build();
  }

  /**
   * Returns a builder that starts from this meta.
   *
   * @return a builder with every field of this meta
   */
  public Builder toBuilder() {
    Builder b = new Builder(taskId, state);
    b.result = result;
    b.traceback = traceback;
    b.children = children;
    b.dateDone = dateDone;
    if (extended != null) {
      b.name = extended.name;
      b.args = extended.args;
      b.kwargs = extended.kwargs;
      b.worker = extended.worker;
      b.queue = extended.queue;
    }
    b.retries = retries;
    b.groupId = groupId;
    b.parentId = parentId;
    return b;
  }

  /**
   * Returns {@code task_id}.
   *
   * @return the task id
   */
  public String taskId() {
    return taskId;
  }

  /**
   * Returns {@code status}.
   *
   * @return the state
   */
  public TaskState state() {
    return state;
  }

  /**
   * Returns {@code result}: the value, the exception, or the meta of a custom state.
   *
   * @return the result, possibly null
   */
  public Object result() {
    return result;
  }

  /**
   * Returns {@code traceback}, or null.
   *
   * @return the traceback text
   */
  public String traceback() {
    return traceback;
  }

  /**
   * Returns {@code children}: the tuples of the results of tasks this task called.
   *
   * @return an unmodifiable list, empty when none
   */
  public List<ResultTuple> children() {
    return children;
  }

  /**
   * Returns {@code date_done}, or null while not ready.
   *
   * @return the UTC instant
   */
  public Instant dateDone() {
    return dateDone;
  }

  /**
   * Returns {@code name} (stored with result_extended), or null.
   *
   * @return the task name
   */
  public String name() {
    return extended == null ? null : extended.name;
  }

  /**
   * Returns {@code args} (stored with result_extended), or null.
   *
   * @return an unmodifiable list or null
   */
  public List<Object> args() {
    return extended == null ? null : extended.args;
  }

  /**
   * Returns {@code kwargs} (stored with result_extended), or null.
   *
   * @return an unmodifiable map or null
   */
  public Map<String, Object> kwargs() {
    return extended == null ? null : extended.kwargs;
  }

  /**
   * Returns {@code worker} (stored with result_extended), or null.
   *
   * @return the worker host name
   */
  public String worker() {
    return extended == null ? null : extended.worker;
  }

  /**
   * Returns {@code retries} (stored with result_extended), or null.
   *
   * @return the retry count
   */
  public Integer retries() {
    return retries;
  }

  /**
   * Returns {@code queue} (stored with result_extended), or null.
   *
   * @return the queue name
   */
  public String queue() {
    return extended == null ? null : extended.queue;
  }

  /**
   * Returns {@code group_id} of a group member, or null.
   *
   * @return the group id
   */
  public String groupId() {
    return groupId;
  }

  /**
   * Returns {@code parent_id} of a chain step or subtask, or null.
   *
   * @return the parent task id
   */
  public String parentId() {
    return parentId;
  }

  /**
   * Tells whether the state is one of {@link TaskState#READY_STATES}.
   *
   * @return true when ready
   */
  public boolean isReady() {
    return state.isReady();
  }

  /**
   * Compares every field.
   *
   * @param o the other object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof TaskMeta m
        && m.taskId.equals(taskId)
        && m.state.equals(state)
        && Objects.equals(m.result, result)
        && Objects.equals(m.traceback, traceback)
        && m.children.equals(children)
        && Objects.equals(m.dateDone, dateDone)
        && Objects.equals(m.extended, extended)
        && Objects.equals(m.retries, retries)
        && Objects.equals(m.groupId, groupId)
        && Objects.equals(m.parentId, parentId);
  }

  /**
   * Hashes id, state and result.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(taskId, state, result);
  }

  /**
   * Describes the meta, as Celery's meta dict would print.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("TaskMeta{status=").append(state);
    sb.append(", result=").append(result);
    if (traceback != null) {
      sb.append(", traceback=<").append(traceback.length()).append(" chars>");
    }
    if (!children.isEmpty()) {
      sb.append(", children=").append(children);
    }
    sb.append(", date_done=").append(dateDone);
    if (name() != null) {
      sb.append(", name=").append(name()).append(", args=").append(args());
      sb.append(", kwargs=").append(kwargs()).append(", worker=").append(worker());
      sb.append(", queue=").append(queue());
    }
    if (retries != null) {
      sb.append(", retries=").append(retries);
    }
    if (groupId != null) {
      sb.append(", group_id=").append(groupId);
    }
    if (parentId != null) {
      sb.append(", parent_id=").append(parentId);
    }
    return sb.append(", task_id=").append(taskId).append('}').toString();
  }

  /** The request fields stored with {@code result_extended}. */
  private record Extended(
      String name, List<Object> args, Map<String, Object> kwargs, String worker, String queue) {}

  /** Builds a {@link TaskMeta}; not thread-safe. */
  public static final class Builder {
    private final String taskId;
    private final TaskState state;
    private Object result;
    private String traceback;
    private List<ResultTuple> children;
    private Instant dateDone;
    private String name;
    private List<?> args;
    private Map<String, ?> kwargs;
    private String worker;
    private Integer retries;
    private String queue;
    private String groupId;
    private String parentId;

    private Builder(String taskId, TaskState state) {
      this.taskId = Checks.requireId(taskId, "task id");
      this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * Sets {@code result}.
     *
     * @param result the value, exception or custom-state meta
     * @return this builder
     */
    public Builder result(Object result) {
      this.result = result;
      return this;
    }

    /**
     * Sets {@code traceback}.
     *
     * @param traceback the traceback text
     * @return this builder
     */
    public Builder traceback(String traceback) {
      this.traceback = traceback;
      return this;
    }

    /**
     * Sets {@code children}.
     *
     * @param children the children's tuples
     * @return this builder
     */
    public Builder children(List<ResultTuple> children) {
      this.children = children;
      return this;
    }

    /**
     * Sets {@code date_done}.
     *
     * @param dateDone the UTC instant
     * @return this builder
     */
    public Builder dateDone(Instant dateDone) {
      this.dateDone = dateDone;
      return this;
    }

    /**
     * Sets the result_extended fields.
     *
     * @param name the task name
     * @param args the positional arguments
     * @param kwargs the keyword arguments
     * @param worker the worker host name
     * @param queue the queue
     * @return this builder
     */
    public Builder extended(
        String name, List<?> args, Map<String, ?> kwargs, String worker, String queue) {
      this.name = name;
      this.args = args;
      this.kwargs = kwargs;
      this.worker = worker;
      this.queue = queue;
      return this;
    }

    /**
     * Sets {@code name}.
     *
     * @param name the task name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets {@code retries}.
     *
     * @param retries the retry count, or null
     * @return this builder
     */
    public Builder retries(Integer retries) {
      this.retries = retries == null ? null : Checks.requireNonNegative(retries, "retries");
      return this;
    }

    /**
     * Sets {@code group_id}.
     *
     * @param groupId the group id
     * @return this builder
     */
    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    /**
     * Sets {@code parent_id}.
     *
     * @param parentId the parent task id
     * @return this builder
     */
    public Builder parentId(String parentId) {
      this.parentId = parentId;
      return this;
    }

    /**
     * Builds the meta.
     *
     * @return the immutable meta
     */
    public TaskMeta build() {
      return new TaskMeta(this);
    }
  }
}
