package io.celerykit.redis;

import io.celerykit.result.CeleryException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a Redis operation, retrying it while the connection is lost, as Celery's {@code
 * RedisBackend.ensure} (kombu's {@code retry_over_time} with the {@link RetryPolicy}); once the
 * retries are used up, fails with a {@link RedisBackendException} naming the URL and the id. Pauses
 * end early when the owner is closed.
 */
final class Retrier {
  private static final System.Logger LOG = System.getLogger("io.celerykit.redis");

  private final RetryPolicy policy;
  private final String url;
  private final String policyName;
  private final CountDownLatch closed;

  Retrier(RetryPolicy policy, String url, String policyName, CountDownLatch closed) {
    this.policy = policy;
    this.url = url;
    this.policyName = policyName;
    this.closed = closed;
  }

  RetryPolicy policy() {
    return policy;
  }

  /**
   * Runs the operation until it succeeds, fails otherwise than by a lost connection, or has been
   * retried {@code max_retries} times.
   *
   * @param doing what is done, for messages ("store the result of")
   * @param id the task or group id, for messages
   * @param operation the operation
   */
  <T> T call(String doing, String id, Supplier<T> operation) {
    for (int retries = 0; ; retries++) {
      ensureOpen();
      try {
        return operation.get();
      } catch (RuntimeException e) {
        if (!ConnectionErrors.isConnectionError(e)) {
          throw e;
        }
        ensureOpen();
        if (retries >= policy.maxRetries()) {
          throw exhausted(doing, id, retries, e);
        }
        Duration pause = policy.interval(retries);
        logRetry(retries + 1, pause, doing, id, e);
        pause(pause, doing, id);
      }
    }
  }

  /** Runs an operation without result; see {@link #call}. */
  void run(String doing, String id, Runnable operation) {
    call(
        doing,
        id,
        () -> {
          operation.run();
          return null;
        });
  }

  void logRetry(int retry, Duration pause, String doing, String id, Throwable e) {
    LOG.log(
        Level.WARNING,
        () ->
            "Connection to Redis lost: Retry ("
                + retry
                + "/"
                + policy.maxRetries()
                + ") "
                + (pause.isZero() ? "now" : "in " + RetryPolicy.seconds(pause) + " seconds")
                + ". ("
                + doing
                + " "
                + id
                + " at "
                + url
                + ": "
                + e.getMessage()
                + ")");
  }

  /** The error after the last retry, as Celery's {@code E_RETRY_LIMIT_EXCEEDED}. */
  RedisBackendException exhausted(String doing, String id, int retries, Throwable cause) {
    return new RedisBackendException(
        "Connection to Redis lost at "
            + url
            + ": could not "
            + doing
            + " "
            + id
            + " after "
            + retries
            + (retries == 1 ? " retry" : " retries")
            + " ("
            + policyName
            + " max_retries="
            + policy.maxRetries()
            + "); last error: "
            + cause.getMessage()
            + ". Retry limit exceeded while trying to reconnect to the Celery redis result store"
            + " backend; the operation can be tried again once Redis is back.",
        url,
        id,
        cause);
  }

  /** Waits for the pause, ending early (with an exception) when the owner is closed. */
  void pause(Duration pause, String doing, String id) {
    if (pause.isZero()) {
      return;
    }
    try {
      if (closed.await(pause.toNanos(), TimeUnit.NANOSECONDS)) {
        ensureOpen();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CeleryException("interrupted while retrying to " + doing + " " + id, e);
    }
  }

  boolean isClosed() {
    return closed.getCount() == 0;
  }

  void ensureOpen() {
    if (isClosed()) {
      throw new IllegalStateException("the Redis connection to " + url + " is closed");
    }
  }
}
