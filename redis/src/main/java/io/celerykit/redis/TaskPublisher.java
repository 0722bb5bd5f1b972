package io.celerykit.redis;

import io.celerykit.redis.protocol.RedisCommand;
import java.util.List;

/**
 * Executes the Redis commands of one sending, as {@link io.celerykit.redis.protocol.CeleryEncoder}
 * builds them: the seam between encoding what Celery sends (protocol-2 task messages in kombu's
 * Redis envelope, the result backend's chord writes, pidbox broadcasts) and the Redis that carries
 * it. {@link RedisCelery} uses a publisher over its {@code broker_url} (and its result backend for
 * the chord writes); tests can pass their own to look at what would be sent.
 *
 * <pre>{@code
 * List<RedisCommand> sent = new CopyOnWriteArrayList<>();
 * RedisCelery celery = RedisCelery.create(config, sent::addAll);
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface TaskPublisher extends AutoCloseable {

  /**
   * Executes the commands of one {@code apply_async}, {@code send_task} or broadcast, in order, as
   * Celery sends them: the queue bindings ({@link RedisCommand.Purpose#QUEUE_BINDING}, which kombu
   * sends once per queue per connection), the task messages, the result backend's writes ({@link
   * RedisCommand.Purpose#CHORD_SIZE}, {@link RedisCommand.Purpose#GROUP_META}: a {@code SETEX} and
   * its {@code PUBLISH}, one MULTI/EXEC in Celery) and the control broadcasts.
   *
   * @param commands the commands
   * @throws RedisBackendException when Redis stays unreachable after the retries of {@code
   *     task_publish_retry_policy}
   */
  void execute(List<RedisCommand> commands);

  /** Releases the publisher's connections; does nothing by default. */
  @Override
  default void close() {}
}
