package io.celerykit.redis;

import io.celerykit.internal.Checks;
import io.celerykit.redis.protocol.CeleryEncoder;
import io.celerykit.result.Control;
import io.celerykit.result.RevokeOptions;
import java.util.List;
import java.util.Map;

/**
 * The Redis engine's {@code app.control}: {@code revoke} is Celery 5.2.6's broadcast of a {@code
 * revoke} command on the workers' pidbox (kombu's fanout exchange {@code celery.pidbox}, a Redis
 * {@code PUBLISH}), sent with {@code reply=False}: it never waits for replies, so a worker that
 * never answers blocks nothing. Every worker that hears it remembers the ids (a revoked task that
 * arrives later is discarded and stored REVOKED) and, with {@code terminate}, signals the process
 * running it. Thread-safe.
 */
final class RedisControl implements Control {
  static final String CELERY_VERSION = "5.2.6";

  private final CeleryEncoder encoder;
  private final TaskPublisher publisher;

  RedisControl(CeleryEncoder encoder, TaskPublisher publisher) {
    this.encoder = encoder;
    this.publisher = publisher;
  }

  /**
   * Broadcasts {@code control.revoke(task_id, terminate=..., signal=...)}: one id goes as a string
   * (as {@code AsyncResult.revoke} sends it), several as a list (as {@code ResultSet.revoke}). The
   * options' {@code timeout} becomes the broadcast's {@code expires} (Celery's default is a
   * second).
   *
   * @throws UnsupportedOperationException when the options wait for replies ({@code reply=True})
   */
  @Override
  public void revoke(List<String> taskIds, RevokeOptions options) {
    Checks.requireNonNull(taskIds, "taskIds (a list of task ids)");
    Checks.requireNonNull(options, "options (use RevokeOptions.defaults())");
    if (options.waitForReplies()) {
      throw new UnsupportedOperationException(
          "revoke with waitForReplies (Celery's reply=True) waits for the workers' answers on the"
              + " pidbox reply queue, which the Redis engine does not read; revoke without it:"
              + " the broadcast is sent all the same, and the result turns REVOKED when the worker"
              + " stores it");
    }
    publisher.execute(
        List.of(
            taskIds.size() == 1
                ? encoder.revoke(taskIds.get(0), options)
                : encoder.revoke(taskIds, options)));
  }

  /**
   * Refuses: Celery {@value #CELERY_VERSION} has no {@code revoke_by_stamped_headers}; it arrived
   * with stamping in Celery 5.3.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public void revokeByStampedHeaders(Map<String, Object> headers, RevokeOptions options) {
    throw new UnsupportedOperationException(
        "revoke_by_stamped_headers "
            + headers
            + ": Celery "
            + CELERY_VERSION
            + ", which the Redis engine speaks to, has no revoke_by_stamped_headers (it arrived"
            + " with stamping in Celery 5.3); revoke by id: control().revoke(taskIds, options)");
  }

  @Override
  public String toString() {
    return "RedisControl (pidbox broadcast, reply=False)";
  }
}
