package io.celerykit.result;

import io.celerykit.internal.Checks;
import io.celerykit.internal.OptionValues;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The keyword arguments of Celery's {@code revoke(...)} and {@code revoke_by_stamped_headers(...)}:
 * {@code terminate}, {@code signal}, {@code wait} and {@code timeout}, with Celery's defaults.
 * Immutable; every wither returns a new copy. Built as {@link GetOptions} is: each keyword is one
 * field of a private builder, with Celery's default, and one wither that copies the builder.
 *
 * <pre>{@code
 * result.revoke(RevokeOptions.defaults().terminate(true).signal("SIGKILL"));
 * }</pre>
 */
public final class RevokeOptions {

  private static final RevokeOptions DEFAULTS = new RevokeOptions(new Builder());

  private final Builder keywords;

  private RevokeOptions(Builder keywords) {
    this.keywords = keywords;
  }

  /** Returns a copy of these options with one keyword changed. */
  private RevokeOptions with(Consumer<Builder> change) {
    return new RevokeOptions(keywords.with(change));
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
    return with(o -> o.terminate = terminate);
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
    return with(o -> o.signal = signal);
  }

  /**
   * Returns a copy that waits for worker replies ({@code wait=}).
   *
   * @param wait whether to wait for replies
   * @return the new options
   */
  public RevokeOptions waitForReplies(boolean wait) {
    return with(o -> o.waitForReplies = wait);
  }

  /**
   * Returns a copy with the time to wait for replies ({@code timeout=}).
   *
   * @param timeout a non-negative duration, or null
   * @return the new options
   */
  public RevokeOptions timeout(Duration timeout) {
    Checks.requireNonNegativeOrNull(timeout, "revoke timeout", "pass a positive duration");
    return with(o -> o.timeout = timeout);
  }

  /**
   * Returns terminate.
   *
   * @return terminate
   */
  public boolean terminate() {
    return keywords.terminate;
  }

  /**
   * Returns the signal name.
   *
   * @return the signal
   */
  public String signal() {
    return keywords.signal;
  }

  /**
   * Returns whether replies are awaited ({@code wait}).
   *
   * @return wait
   */
  public boolean waitForReplies() {
    return keywords.waitForReplies;
  }

  /**
   * Returns the reply timeout, or null.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return keywords.timeout;
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
        && r.terminate() == terminate()
        && r.signal().equals(signal())
        && r.waitForReplies() == waitForReplies()
        && Objects.equals(r.timeout(), timeout());
  }

  /**
   * Hashes all fields.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(terminate(), signal(), waitForReplies(), timeout());
  }

  /**
   * Describes the options.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "RevokeOptions[terminate="
        + terminate()
        + ", signal="
        + signal()
        + ", wait="
        + waitForReplies()
        + ", timeout="
        + timeout()
        + "]";
  }

  /** The keywords and their Celery defaults; copied (never changed) by each wither. */
  private static final class Builder extends OptionValues<Builder> {
    boolean terminate;
    String signal = "SIGTERM";
    boolean waitForReplies;
    Duration timeout;
  }
}
