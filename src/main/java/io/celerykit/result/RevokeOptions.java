package io.celerykit.result;

import java.time.Duration;
import java.util.Objects;

/**
 * The keyword arguments of Celery's {@code revoke(...)} and {@code revoke_by_stamped_headers(...)}:
 * {@code terminate}, {@code signal}, {@code wait} and {@code timeout}, with Celery's defaults.
 * Immutable; every wither returns a new copy.
 *
 * <pre>{@code
 * result.revoke(RevokeOptions.defaults().terminate(true).signal("SIGKILL"));
 * }</pre>
 */
public final class RevokeOptions {

  private static final RevokeOptions DEFAULTS = new RevokeOptions(false, "SIGTERM", false, null);

  private final boolean terminate;
  private final String signal;
  private final boolean waitForReplies;
  private final Duration timeout;

  private RevokeOptions(boolean terminate, String signal, boolean wait, Duration timeout) {
    this.terminate = terminate;
    this.signal = signal;
    this.waitForReplies = wait;
    this.timeout = timeout;
  }

  /**
   * Returns Celery's defaults: no terminate, signal SIGTERM, no wait, no timeout.
   *
   * @return the defaults
   */
  public static RevokeOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy that also terminates a running task ({@code terminate=}).
   *
   * @param terminate whether to terminate
   * @return the new options
   */
  public RevokeOptions terminate(boolean terminate) {
    return new RevokeOptions(terminate, signal, waitForReplies, timeout);
  }

  /**
   * Returns a copy with the signal to send when terminating ({@code signal=}).
   *
   * @param signal a signal name such as {@code SIGTERM} or {@code SIGKILL}
   * @return the new options
   */
  public RevokeOptions signal(String signal) {
    if (signal == null || signal.isBlank()) {
      throw new IllegalArgumentException(
          "signal must be a signal name such as \"SIGTERM\" or \"SIGKILL\", got " + signal);
    }
    return new RevokeOptions(terminate, signal, waitForReplies, timeout);
  }

  /**
   * Returns a copy that waits for worker replies ({@code wait=}).
   *
   * @param wait whether to wait for replies
   * @return the new options
   */
  public RevokeOptions waitForReplies(boolean wait) {
    return new RevokeOptions(terminate, signal, wait, timeout);
  }

  /**
   * Returns a copy with the time to wait for replies ({@code timeout=}).
   *
   * @param timeout a non-negative duration, or null
   * @return the new options
   */
  public RevokeOptions timeout(Duration timeout) {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException(
          "revoke timeout must not be negative, got " + timeout + "; pass a positive duration");
    }
    return new RevokeOptions(terminate, signal, waitForReplies, timeout);
  }

  /**
   * Returns terminate.
   *
   * @return terminate
   */
  public boolean terminate() {
    return terminate;
  }

  /**
   * Returns the signal name.
   *
   * @return the signal
   */
  public String signal() {
    return signal;
  }

  /**
   * Returns whether replies are awaited ({@code wait}).
   *
   * @return wait
   */
  public boolean waitForReplies() {
    return waitForReplies;
  }

  /**
   * Returns the reply timeout, or null.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Compares all fields.
   *
   * @param o the other object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof RevokeOptions r
        && r.terminate == terminate
        && r.signal.equals(signal)
        && r.waitForReplies == waitForReplies
        && Objects.equals(r.timeout, timeout);
  }

  /**
   * Hashes all fields.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(terminate, signal, waitForReplies, timeout);
  }

  /**
   * Describes the options.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "RevokeOptions[terminate="
        + terminate
        + ", signal="
        + signal
        + ", wait="
        + waitForReplies
        + ", timeout="
        + timeout
        + "]";
  }
}
