package io.celerykit.result;

import io.celerykit.internal.Checks;
import io.celerykit.internal.OptionValues;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The keyword arguments of Celery's {@code AsyncResult.get(...)} (and {@code wait}, {@code join},
 * {@code join_native}, {@code iter_native}, {@code collect}), as one immutable value with Celery's
 * defaults. Every wither returns a new copy.
 *
 * <pre>{@code
 * result.get(GetOptions.defaults().timeout(Duration.ofSeconds(5)).followParents(false));
 * }</pre>
 *
 * <p>Each keyword is one field of the private {@code Builder} (with Celery's default as its initial
 * value) and one wither that copies the builder and sets it, as {@code CeleryConfig} is built: a
 * new Celery keyword is a field, a wither and an accessor.
 *
 * <p>Times are virtual in celerykit's default deterministic mode: {@code timeout} and {@code
 * interval} are measured on the app's {@code VirtualClock}.
 */
public final class GetOptions {

  private static final GetOptions DEFAULTS = new GetOptions(new Builder());

  private final Builder keywords;

  private GetOptions(Builder keywords) {
    this.keywords = keywords;
  }

  /** Returns a copy of these options with one keyword changed. */
  private GetOptions with(Consumer<Builder> change) {
    return new GetOptions(keywords.with(change));
  }

  /**
   * Returns Celery's defaults: no timeout, propagate, interval 0.5 s, no_ack, follow_parents,
   * disable_sync_subtasks, Celery's EXCEPTION_STATES and PROPAGATE_STATES.
   *
   * @return the default options
   */
  public static GetOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy that waits at most {@code timeout} ({@code timeout=} in Celery); {@code null}
   * waits without limit. {@link Duration#ZERO} checks once and times out at once if the result is
   * not ready (Celery's {@code timeout=0} would wait forever; a zero that means "forever" is a trap
   * in Java).
   *
   * @param timeout a non-negative duration, or null for none
   * @return the new options
   * @throws IllegalArgumentException if the timeout is negative
   */
  public GetOptions timeout(Duration timeout) {
    Checks.requireNonNegativeOrNull(
        timeout,
        "timeout",
        "pass a positive duration, Duration.ZERO to check once, or null to wait without limit");
    return with(o -> o.timeout = timeout);
  }

  /**
   * Returns a copy that does or does not re-raise a failed task's exception ({@code propagate=}).
   * On {@code AsyncResult<T>}, a {@code false} here is for {@link AsyncResult#outcome(GetOptions)},
   * which returns the failure as a typed value.
   *
   * @param propagate whether to re-raise
   * @return the new options
   */
  public GetOptions propagate(boolean propagate) {
    return with(o -> o.propagate = propagate);
  }

  /**
   * Returns a copy with another polling interval ({@code interval=}): in celerykit it is the
   * cadence, in virtual time, at which {@link #onInterval(Runnable)} fires and parents are checked
   * for errors.
   *
   * @param interval a positive duration
   * @return the new options
   * @throws IllegalArgumentException if not positive
   */
  public GetOptions interval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    Checks.requirePositive(interval, "interval", "Celery's default is 0.5 seconds");
    return with(o -> o.interval = interval);
  }

  /**
   * Returns a copy with {@code no_ack=} set. The in-memory backend has no messages to acknowledge,
   * so this is kept for fidelity and passed on to the backend.
   *
   * @param noAck whether messages are acknowledged automatically
   * @return the new options
   */
  public GetOptions noAck(boolean noAck) {
    return with(o -> o.noAck = noAck);
  }

  /**
   * Returns a copy that does or does not re-raise errors of parent tasks ({@code follow_parents=}).
   *
   * @param followParents whether a failed parent's exception is raised
   * @return the new options
   */
  public GetOptions followParents(boolean followParents) {
    return with(o -> o.followParents = followParents);
  }

  /**
   * Returns a copy with a callback called as {@code callback(taskId, value)} for the result
   * received ({@code callback=}). With a callback, {@code join} returns no values, as Celery's.
   *
   * @param callback the callback, or null
   * @return the new options
   */
  public GetOptions callback(BiConsumer<String, Object> callback) {
    return with(o -> o.callback = callback);
  }

  /**
   * Returns a copy with a callback for every state message stored for the task while waiting
   * ({@code on_message=}), for example each PROGRESS update. The in-memory backend supports it, as
   * Celery's Redis and RPC backends do.
   *
   * @param onMessage the callback, or null
   * @return the new options
   */
  public GetOptions onMessage(Consumer<TaskMeta> onMessage) {
    return with(o -> o.onMessage = onMessage);
  }

  /**
   * Returns a copy with a callback run once per {@link #interval(Duration) interval} of (virtual)
   * time while waiting ({@code on_interval=}).
   *
   * @param onInterval the callback, or null
   * @return the new options
   */
  public GetOptions onInterval(Runnable onInterval) {
    return with(o -> o.onInterval = onInterval);
  }

  /**
   * Returns a copy that does or does not refuse to wait inside a running task ({@code
   * disable_sync_subtasks=}). Leave it on unless you must.
   *
   * @param disableSyncSubtasks whether waiting inside a task fails
   * @return the new options
   */
  public GetOptions disableSyncSubtasks(boolean disableSyncSubtasks) {
    return with(o -> o.disableSyncSubtasks = disableSyncSubtasks);
  }

  /**
   * Returns a copy with other exception states ({@code EXCEPTION_STATES=}): the states whose stored
   * value is an exception, which {@link AsyncResult#outcome(GetOptions)} reports as a failure.
   *
   * @param states the states
   * @return the new options
   */
  public GetOptions exceptionStates(Set<TaskState> states) {
    Set<TaskState> copy = Set.copyOf(Objects.requireNonNull(states, "exceptionStates"));
    return with(o -> o.exceptionStates = copy);
  }

  /**
   * Returns a copy with other propagate states ({@code PROPAGATE_STATES=}): the ready states whose
   * exception {@code get} re-raises.
   *
   * @param states the states
   * @return the new options
   */
  public GetOptions propagateStates(Set<TaskState> states) {
    Set<TaskState> copy = Set.copyOf(Objects.requireNonNull(states, "propagateStates"));
    return with(o -> o.propagateStates = copy);
  }

  /**
   * Returns the timeout, or null for none.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return keywords.timeout;
  }

  /**
   * Returns whether exceptions are re-raised.
   *
   * @return propagate
   */
  public boolean propagate() {
    return keywords.propagate;
  }

  /**
   * Returns the interval.
   *
   * @return the interval
   */
  public Duration interval() {
    return keywords.interval;
  }

  /**
   * Returns no_ack.
   *
   * @return no_ack
   */
  public boolean noAck() {
    return keywords.noAck;
  }

  /**
   * Returns follow_parents.
   *
   * @return follow_parents
   */
  public boolean followParents() {
    return keywords.followParents;
  }

  /**
   * Returns the callback, or null.
   *
   * @return the callback
   */
  public BiConsumer<String, Object> callback() {
    return keywords.callback;
  }

  /**
   * Returns the on_message callback, or null.
   *
   * @return on_message
   */
  public Consumer<TaskMeta> onMessage() {
    return keywords.onMessage;
  }

  /**
   * Returns the on_interval callback, or null.
   *
   * @return on_interval
   */
  public Runnable onInterval() {
    return keywords.onInterval;
  }

  /**
   * Returns disable_sync_subtasks.
   *
   * @return disable_sync_subtasks
   */
  public boolean disableSyncSubtasks() {
    return keywords.disableSyncSubtasks;
  }

  /**
   * Returns the exception states.
   *
   * @return EXCEPTION_STATES
   */
  public Set<TaskState> exceptionStates() {
    return keywords.exceptionStates;
  }

  /**
   * Returns the propagate states.
   *
   * @return PROPAGATE_STATES
   */
  public Set<TaskState> propagateStates() {
    return keywords.propagateStates;
  }

  /**
   * Describes the options (callbacks as present or absent).
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "GetOptions[timeout="
        + keywords.timeout
        + ", propagate="
        + keywords.propagate
        + ", interval="
        + keywords.interval
        + ", noAck="
        + keywords.noAck
        + ", followParents="
        + keywords.followParents
        + ", callback="
        + (keywords.callback != null)
        + ", onMessage="
        + (keywords.onMessage != null)
        + ", onInterval="
        + (keywords.onInterval != null)
        + ", disableSyncSubtasks="
        + keywords.disableSyncSubtasks
        + "]";
  }

  /**
   * The keywords and their Celery defaults; copied (never changed) by each wither. Copied with
   * {@code clone()}, so that a new keyword is one field here and nothing else.
   */
  private static final class Builder extends OptionValues<Builder> {
    Duration timeout;
    boolean propagate = true;
    Duration interval = Duration.ofMillis(500);
    boolean noAck = true;
    boolean followParents = true;
    BiConsumer<String, Object> callback;
    Consumer<TaskMeta> onMessage;
    Runnable onInterval;
    boolean disableSyncSubtasks = true;
    Set<TaskState> exceptionStates = TaskState.EXCEPTION_STATES;
    Set<TaskState> propagateStates = TaskState.PROPAGATE_STATES;
  }
}
