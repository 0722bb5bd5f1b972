package io.celerykit.app;

import java.time.Duration;

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

  private static final TaskOptions DEFAULTS = new TaskOptions(true, null, false, null, null, null);

  private final boolean trail;
  private final Boolean ignoreResult;
  private final boolean maxRetriesSet;
  private final Integer maxRetries;
  private final Duration defaultRetryDelay;
  private final Boolean trackStarted;

  private TaskOptions(
      boolean trail,
      Boolean ignoreResult,
      boolean maxRetriesSet,
      Integer maxRetries,
      Duration defaultRetryDelay,
      Boolean trackStarted) {
    this.trail = trail;
    this.ignoreResult = ignoreResult;
    this.maxRetriesSet = maxRetriesSet;
    this.maxRetries = maxRetries;
    this.defaultRetryDelay = defaultRetryDelay;
    this.trackStarted = trackStarted;
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
    return new TaskOptions(
        trail, ignoreResult, maxRetriesSet, maxRetries, defaultRetryDelay, trackStarted);
  }

  /**
   * Sets {@code ignore_result}.
   *
   * @param ignore the setting
   * @return the new options
   */
  public TaskOptions ignoreResult(boolean ignore) {
    return new TaskOptions(
        trail, ignore, maxRetriesSet, maxRetries, defaultRetryDelay, trackStarted);
  }

  /**
   * Sets {@code max_retries}; null retries forever.
   *
   * @param max a non-negative count, or null
   * @return the new options
   */
  public TaskOptions maxRetries(Integer max) {
    if (max != null && max < 0) {
      throw new IllegalArgumentException("max_retries must be >= 0 or null, got " + max);
    }
    return new TaskOptions(trail, ignoreResult, true, max, defaultRetryDelay, trackStarted);
  }

  /**
   * Sets {@code default_retry_delay}.
   *
   * @param delay a non-negative duration
   * @return the new options
   */
  public TaskOptions defaultRetryDelay(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("default_retry_delay must be >= 0, got " + delay);
    }
    return new TaskOptions(trail, ignoreResult, maxRetriesSet, maxRetries, delay, trackStarted);
  }

  /**
   * Sets {@code track_started}.
   *
   * @param track the setting
   * @return the new options
   */
  public TaskOptions trackStarted(boolean track) {
    return new TaskOptions(
        trail, ignoreResult, maxRetriesSet, maxRetries, defaultRetryDelay, track);
  }

  /**
   * Returns {@code trail}.
   *
   * @return the setting
   */
  public boolean trail() {
    return trail;
  }

  boolean ignoreResult(CeleryConfig config) {
    return ignoreResult != null ? ignoreResult : config.taskIgnoreResult();
  }

  Integer maxRetries(CeleryConfig config) {
    return maxRetriesSet ? maxRetries : config.maxRetries();
  }

  Duration defaultRetryDelay(CeleryConfig config) {
    return defaultRetryDelay != null ? defaultRetryDelay : config.defaultRetryDelay();
  }

  boolean trackStarted(CeleryConfig config) {
    return trackStarted != null ? trackStarted : config.taskTrackStarted();
  }
}
