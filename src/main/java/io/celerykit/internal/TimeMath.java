package io.celerykit.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Saturating time arithmetic: sums and conversions that would overflow give the largest (or
 * smallest) value instead of throwing {@link ArithmeticException}, so that a huge duration means
 * "never" or "the end of time" rather than a crash. Not API.
 */
public final class TimeMath {

  /** The largest whole number of seconds whose nanoseconds fit in a long. */
  private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

  /** Instant's range in epoch seconds (Instant.MIN and Instant.MAX). */
  private static final long INSTANT_MIN_SECOND = Instant.MIN.getEpochSecond();

  private static final long INSTANT_MAX_SECOND = Instant.MAX.getEpochSecond();

  private TimeMath() {}

  /**
   * Adds two longs, giving {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE} where the sum does not
   * fit.
   *
   * @param a one term
   * @param b the other
   * @return the sum, saturated
   */
  public static long add(long a, long b) {
    long sum = a + b;
    // Overflow happened iff both terms have the sign the sum lacks.
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }

  /**
   * Returns a duration in nanoseconds, {@link Long#MAX_VALUE} for one longer than about 292 years
   * (and {@link Long#MIN_VALUE} for one as far below zero).
   *
   * @param duration the duration
   * @return the nanoseconds, saturated
   */
  public static long nanos(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds > MAX_SECONDS) {
      return Long.MAX_VALUE;
    }
    if (seconds < -MAX_SECONDS) {
      return Long.MIN_VALUE;
    }
    return add(seconds * 1_000_000_000L, duration.getNano());
  }

  /**
   * Returns the nanoseconds from one instant to another, saturated as {@link #nanos(Duration)}.
   *
   * @param from the first instant
   * @param to the second instant
   * @return {@code to - from} in nanoseconds, saturated
   */
  public static long nanosBetween(Instant from, Instant to) {
    long seconds = add(to.getEpochSecond(), -from.getEpochSecond());
    long nanos = to.getNano() - (long) from.getNano();
    if (seconds > MAX_SECONDS) {
      return Long.MAX_VALUE;
    }
    if (seconds < -MAX_SECONDS) {
      return Long.MIN_VALUE;
    }
    return add(seconds * 1_000_000_000L, nanos);
  }

  /**
   * Adds a duration to an instant, giving {@link Instant#MAX} (or {@link Instant#MIN}) where the
   * sum lies beyond what an instant can hold: a countdown of {@code Long.MAX_VALUE} seconds is due
   * at the end of time.
   *
   * @param instant the instant
   * @param duration the duration
   * @return the sum, saturated
   */
  public static Instant plus(Instant instant, Duration duration) {
    long nanos = instant.getNano() + (long) duration.getNano();
    long seconds =
        add(add(instant.getEpochSecond(), duration.getSeconds()), nanos / 1_000_000_000L);
    if (seconds > INSTANT_MAX_SECOND) {
      return Instant.MAX;
    }
    if (seconds < INSTANT_MIN_SECOND) {
      return Instant.MIN;
    }
    return Instant.ofEpochSecond(seconds, nanos % 1_000_000_000L);
  }
}
