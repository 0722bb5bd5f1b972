package io.celerykit.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.io.IOException;

/**
 * Which failures are a lost connection, to be retried, as kombu's {@code
 * get_redis_error_classes()}: a Lettuce error that is not the server's answer to the command
 * (connect failures, timeouts, closed or not yet reopened connections), and LOADING (redis-py's
 * {@code BusyLoadingError} is a {@code ConnectionError}). The server's error replies (WRONGTYPE,
 * NOSCRIPT...) and interrupts are not.
 */
final class ConnectionErrors {
  private ConnectionErrors() {}

  static boolean isConnectionError(Throwable e) {
    if (e instanceof LostConnection || e instanceof IOException) {
      return true;
    }
    if (e instanceof RedisLoadingException) {
      return true;
    }
    if (e instanceof RedisCommandExecutionException
        || e instanceof RedisCommandInterruptedException) {
      return false;
    }
    return e instanceof RedisException;
  }

  /** A connection failure noticed by celerykit itself (a subscription never confirmed). */
  static final class LostConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LostConnection(String message) {
      super(message);
    }
  }
}
