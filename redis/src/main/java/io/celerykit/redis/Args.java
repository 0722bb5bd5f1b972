package io.celerykit.redis;

import java.time.Duration;

/**
 * Argument checks of the Redis engine. The core's {@code io.celerykit.internal.Checks} is not
 * exported from its module, so this artifact keeps its own few.
 */
final class Args {
  private Args() {}

  static String requireNonBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          what
              + " must be a non-blank string, got "
              + (value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  static <T> T requireNonNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  static Duration requirePositive(Duration value, String what) {
    requireNonNull(value, what);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be a positive duration, got " + value);
    }
    return value;
  }

  static Duration requireNonNegative(Duration value, String what) {
    requireNonNull(value, what);
    if (value.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
    return value;
  }
}
