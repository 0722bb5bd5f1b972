package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.internal.OptionValues;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Per-task settings that override the app's ({@code @app.task(trail=..., ignore_result=...,
 * max_retries=..., default_retry_delay=..., track_started=...)}). Immutable; a setting left unset
 * follows the app's {@link CeleryConfig}.
 *
 * <pre>{@code
 * app.task("tasks.flaky", body).configure(TaskOptions.defaults().maxRetries(5));
 * }</pre>
 */
public final class TaskOptions {

  private static final TaskOptions DEFAULTS = new TaskOptions(new Builder());

  /** The values; never changed once this object holds it (each wither changes a copy). */
  private final Builder values;

  private TaskOptions(Builder values) {
    this.values = values;
  }

  private TaskOptions copy(Consumer<Builder> change) {
    return new TaskOptions(values.with(change));
  }

  /**
   * Returns the defaults: {@code trail=True}, everything else from the app.
   *
   * @return the defaults
   */
  public static TaskOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets {@code trail}: whether the results of tasks this task calls are stored as its children.
   *
   * @param trail the setting
   * @return the new options
   */
  public TaskOptions trail(boolean trail) {
    return copy(b -> b.trail = trail);
  }

  /**
   * Sets {@code ignore_result}.
   *
   * @param ignore the setting
   * @return the new options
   */
  public TaskOptions ignoreResult(boolean ignore) {
    return copy(b -> b.ignoreResult = ignore);
  }

  /**
   * Sets {@code max_retries}; null retries forever.
   *
   * @param max a non-negative count, or null
   * @return the new options
   */
  public TaskOptions maxRetries(Integer max) {
    Checks.requireMaxRetries(max);
    return copy(
        b -> {
          b.maxRetriesSet = true;
          b.maxRetries = max;
        });
  }

  /**
   * Sets {@code default_retry_delay}.
   *
   * @param delay a non-negative duration
   * @return the new options
   */
  public TaskOptions defaultRetryDelay(Duration delay) {
    Checks.requireRetryDelay(delay);
    return copy(b -> b.defaultRetryDelay = delay);
  }

  /**
   * Sets {@code track_started}.
   *
   * @param track the setting
   * @return the new options
   */
  public TaskOptions trackStarted(boolean track) {
    return copy(b -> b.trackStarted = track);
  }

  /**
   * Returns {@code trail}.
   *
   * @return the setting
   */
  public boolean trail() {
    return values.trail;
  }

  boolean ignoreResult(CeleryConfig config) {
    return values.ignoreResult != null ? values.ignoreResult : config.taskIgnoreResult();
  }

  Integer maxRetries(CeleryConfig config) {
    return values.maxRetriesSet ? values.maxRetries : config.maxRetries();
  }

  Duration defaultRetryDelay(CeleryConfig config) {
    return values.defaultRetryDelay != null ? values.defaultRetryDelay : config.defaultRetryDelay();
  }

  boolean trackStarted(CeleryConfig config) {
    return values.trackStarted != null ? values.trackStarted : config.taskTrackStarted();
  }

  /**
   * The mutable values behind the options; null (or unset) follows the app. A new setting is one
   * field here, one wither and one accessor; {@link #copy()} copies every field, so no wither lists
   * the others. Fields hold immutable values only.
   */
  private static final class Builder extends OptionValues<Builder> {
    boolean trail = true;
    Boolean ignoreResult;
    boolean maxRetriesSet;
    Integer maxRetries;
    Duration defaultRetryDelay;
    Boolean trackStarted;
  }
}
