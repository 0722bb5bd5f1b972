package io.celerykit.redis;

import io.celerykit.result.CeleryException;

/**
 * Thrown when Redis stays unreachable after the retries of the {@link RetryPolicy}: the message
 * names the Redis URL (password masked), the task or group id, what was being done and how many
 * retries were made, as Celery's {@code E_RETRY_LIMIT_EXCEEDED}. Nothing stored before is lost; the
 * operation that failed did not happen (a store) or did not finish (a wait), and the backend keeps
 * working once Redis is back.
 */
public class RedisBackendException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /** The URL of the Redis, password masked. */
  private final String url;

  /** The task or group id the operation was for, or null. */
  private final String id;

  /**
   * Creates the exception.
   *
   * @param message what failed, where and why
   * @param url the Redis URL, password masked
   * @param id the task or group id, or null
   * @param cause the last connection error
   */
  public RedisBackendException(String message, String url, String id, Throwable cause) {
    super(message, cause);
    this.url = url;
    this.id = id;
  }

  /**
   * Returns the URL of the Redis that could not be reached, password masked.
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  /**
   * Returns the task or group id of the operation, or null.
   *
   * @return the id
   */
  public String id() {
    return id;
  }
}
