package io.celerykit.redis;

import io.celerykit.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a lost Redis connection is retried before the operation fails:
 * kombu's {@code retry_over_time} with Celery's {@code retry_policy} keys ({@code max_retries},
 * {@code interval_start}, {@code interval_step}, {@code interval_max}). Immutable; every wither
 * returns a copy.
 *
 * <p>The result backend's default is Celery's {@code Backend.retry_policy} (20 retries, the first
 * at once, then one a second), which {@code result_backend_transport_options['retry_policy']}
 * overrides; task publishing uses {@code task_publish_retry_policy} (3 retries, 0.2 s apart).
 *
 * <pre>{@code
 * RetryPolicy quick = RetryPolicy.defaults().maxRetries(3).intervalStep(Duration.ofMillis(100));
 * }</pre>
 */
public final class RetryPolicy {

  private static final RetryPolicy BACKEND =
      new RetryPolicy(20, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1));
  private static final RetryPolicy PUBLISH =
      new RetryPolicy(3, Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(200));

  private final int maxRetries;
  private final Duration intervalStart;
  private final Duration intervalStep;
  private final Duration intervalMax;

  private RetryPolicy(
      int maxRetries, Duration intervalStart, Duration intervalStep, Duration intervalMax) {
    this.maxRetries = maxRetries;
    this.intervalStart = intervalStart;
    this.intervalStep = intervalStep;
    this.intervalMax = intervalMax;
  }

  /**
   * Returns Celery's result backend policy ({@code Backend.retry_policy}): {@code max_retries=20,
   * interval_start=0, interval_step=1, interval_max=1}.
   *
   * @return the default policy of the result backend
   */
  public static RetryPolicy defaults() {
    return BACKEND;
  }

  /**
   * Returns Celery's {@code task_publish_retry_policy}: {@code max_retries=3, interval_start=0,
   * interval_step=0.2, interval_max=0.2}.
   *
   * @return the default policy of task publishing
   */
  public static RetryPolicy publishDefaults() {
    return PUBLISH;
  }

  /**
   * Returns a copy with {@code max_retries}: how many times a failed attempt is retried (0: fail on
   * the first lost connection).
   *
   * @param retries a number at least 0
   * @return the new policy
   * @throws IllegalArgumentException when negative
   */
  public RetryPolicy maxRetries(int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException("max_retries must be >= 0, got " + retries);
    }
    return new RetryPolicy(retries, intervalStart, intervalStep, intervalMax);
  }

  /**
   * Returns a copy with {@code interval_start}: the pause before the first retry.
   *
   * @param interval a non-negative duration
   * @return the new policy
   */
  public RetryPolicy intervalStart(Duration interval) {
    return new RetryPolicy(
        maxRetries,
        Checks.requireNonNegative(interval, "interval_start"),
        intervalStep,
        intervalMax);
  }

  /**
   * Returns a copy with {@code interval_step}: how much longer each further pause is.
   *
   * @param step a non-negative duration
   * @return the new policy
   */
  public RetryPolicy intervalStep(Duration step) {
    return new RetryPolicy(
        maxRetries, intervalStart, Checks.requireNonNegative(step, "interval_step"), intervalMax);
  }

  /**
   * Returns a copy with {@code interval_max}: how much the pauses may grow beyond {@code
   * interval_start}.
   *
   * @param max a non-negative duration
   * @return the new policy
   */
  public RetryPolicy intervalMax(Duration max) {
    return new RetryPolicy(
        maxRetries, intervalStart, intervalStep, Checks.requireNonNegative(max, "interval_max"));
  }

  /**
   * Returns {@code max_retries}.
   *
   * @return the number of retries
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Returns {@code interval_start}.
   *
   * @return the first pause
   */
  public Duration intervalStart() {
    return intervalStart;
  }

  /**
   * Returns {@code interval_step}.
   *
   * @return the growth of each pause
   */
  public Duration intervalStep() {
    return intervalStep;
  }

  /**
   * Returns {@code interval_max}.
   *
   * @return the largest growth of the pauses
   */
  public Duration intervalMax() {
    return intervalMax;
  }

  /**
   * Returns the pause before retry number {@code retry} (0 for the first), as kombu's {@code
   * fxrange(interval_start, interval_max + interval_start, interval_step, repeatlast=True)}: {@code
   * interval_start}, then one {@code interval_step} more each time, never past {@code
   * interval_start + interval_max}.
   *
   * @param retry the number of retries made before this pause, at least 0
   * @return the pause
   */
  public Duration interval(int retry) {
    if (retry < 0) {
      throw new IllegalArgumentException("retry must be >= 0, got " + retry);
    }
    if (intervalStep.isZero()) {
      return intervalStart;
    }
    long steps = Math.min(retry, intervalMax.toNanos() / intervalStep.toNanos());
    return intervalStart.plus(intervalStep.multipliedBy(steps));
  }

  /**
   * Compares every field.
   *
   * @param o the other object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && p.maxRetries == maxRetries
        && p.intervalStart.equals(intervalStart)
        && p.intervalStep.equals(intervalStep)
        && p.intervalMax.equals(intervalMax);
  }

  /**
   * Hashes every field.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, intervalStart, intervalStep, intervalMax);
  }

  /**
   * Describes the policy with Celery's keys.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "retry_policy{max_retries="
        + maxRetries
        + ", interval_start="
        + seconds(intervalStart)
        + ", interval_step="
        + seconds(intervalStep)
        + ", interval_max="
        + seconds(intervalMax)
        + "}";
  }

  static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
  }
}
