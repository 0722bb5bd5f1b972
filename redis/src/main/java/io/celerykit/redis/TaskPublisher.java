package io.celerykit.redis;

import java.util.List;

/**
 * Executes the broker commands that send task messages: the seam between encoding a message
 * (Celery's protocol version 2 in kombu's Redis envelope) and the Redis that carries it. {@link
 * RedisCelery} uses a publisher over its {@code broker_url}; tests can pass their own to look at
 * what would be sent.
 *
 * <pre>{@code
 * List<BrokerCommand> sent = new CopyOnWriteArrayList<>();
 * RedisCelery celery = RedisCelery.create(config, sent::addAll);
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface TaskPublisher extends AutoCloseable {

  /**
   * Executes the commands in order, as kombu's {@code Producer.publish} sends one message.
   *
   * @param commands the commands
   * @throws RedisBackendException when the broker stays unreachable after the retries of {@code
   *     task_publish_retry_policy}
   */
  void execute(List<BrokerCommand> commands);

  /** Releases the publisher's connections; does nothing by default. */
  @Override
  default void close() {}
}
