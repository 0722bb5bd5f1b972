package io.celerykit.internal;

import java.time.Duration;

/**
 * Argument checks with celerykit's error wording: each names the bad value and what was expected.
 * Not API.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns a string that must be non-blank.
   *
   * @param value the value
   * @param what what the value is, as the message names it (such as {@code "task_id"})
   * @return the value
   * @throws IllegalArgumentException when null or blank
   */
  public static String requireNonBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          what
              + " must be a non-blank string, got "
              + (value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  /**
   * Returns a string that must be non-blank, with a reason in the message: {@code "AsyncResult id
   * must be a non-blank string (AsyncResult requires valid id), got null"}.
   *
   * @param value the value
   * @param what what the value is (such as {@code "AsyncResult id"})
   * @param reason why, in parentheses after the rule (such as Celery's own words)
   * @return the value
   * @throws IllegalArgumentException when null or blank
   */
  public static String requireNonBlank(String value, String what, String reason) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          what
              + " must be a non-blank string ("
              + reason
              + "), got "
              + (value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  /**
   * Returns a task or group id, which must be non-blank as Celery's {@code AsyncResult} requires.
   *
   * @param id the id
   * @param what what the id is (such as {@code "GroupResult id"})
   * @return the id
   * @throws IllegalArgumentException naming Celery's rule ({@code AsyncResult requires valid id})
   */
  public static String requireId(String id, String what) {
    return requireNonBlank(id, what, "AsyncResult requires valid id");
  }

  /**
   * Returns a duration that may be null (none) but not negative.
   *
   * @param value the duration, or null
   * @param what what it is (such as {@code "timeout"})
   * @param fix what to pass instead, after the message (such as {@code "pass a positive duration"})
   * @return the duration
   * @throws IllegalArgumentException when negative
   */
  public static Duration requireNonNegativeOrNull(Duration value, String what, String fix) {
    if (value != null && value.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value + "; " + fix);
    }
    return value;
  }

  /**
   * Returns a duration that must be positive.
   *
   * @param value the duration
   * @param what what it is (such as {@code "interval"})
   * @param fix what to pass instead, after the message
   * @return the duration
   * @throws IllegalArgumentException when null, zero or negative
   */
  public static Duration requirePositive(Duration value, String what, String fix) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + value + "; " + fix);
    }
    return value;
  }

  /**
   * Returns a duration that must not be null or negative.
   *
   * @param value the duration
   * @param what what it is (such as {@code "countdown"})
   * @return the duration
   * @throws IllegalArgumentException when null or negative
   */
  public static Duration requireNonNegative(Duration value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must be a duration, got null");
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException(
          what + " must not be negative, got " + value + "; use Duration.ZERO for none");
    }
    return value;
  }

  /**
   * Returns a number that must not be negative.
   *
   * @param value the number
   * @param what what it is (such as {@code "max_retries"})
   * @return the number
   * @throws IllegalArgumentException when negative
   */
  public static int requireNonNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
    return value;
  }

  /**
   * Returns a reference that must not be null.
   *
   * @param <T> its type
   * @param value the reference
   * @param what what it is and what to pass instead (such as {@code "args (use List.of() for
   *     none)"})
   * @return the reference
   * @throws IllegalArgumentException when null
   */
  public static <T> T requireNonNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  /**
   * Returns a maximum number of retries ({@code max_retries}, of the app or of a task), which must
   * be null (retry forever) or not negative.
   *
   * @param max the count, or null
   * @return the count
   * @throws IllegalArgumentException when negative
   */
  public static Integer requireMaxRetries(Integer max) {
    if (max != null && max < 0) {
      throw new IllegalArgumentException("max_retries must be >= 0 or null, got " + max);
    }
    return max;
  }

  /**
   * Returns a default retry delay ({@code default_retry_delay}, of the app or of a task), which
   * must be a duration that is not negative.
   *
   * @param delay the delay
   * @return the delay
   * @throws IllegalArgumentException when null or negative
   */
  public static Duration requireRetryDelay(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException(
          "default_retry_delay must be a duration >= 0, got "
              + delay
              + "; use Duration.ZERO to retry at once");
    }
    return delay;
  }

  /**
   * Returns a whole number that must be at least a minimum: {@code "concurrency must be >= 1, got
   * 0"}.
   *
   * @param value the number
   * @param min the smallest value allowed
   * @param what what it is (such as {@code "concurrency"})
   * @param note said after the rule, such as {@code " (0 switches it off)"}, or empty
   * @return the number
   * @throws IllegalArgumentException when below the minimum
   */
  public static int requireAtLeast(int value, int min, String what, String note) {
    if (value < min) {
      throw new IllegalArgumentException(what + " must be >= " + min + note + ", got " + value);
    }
    return value;
  }
}
