package io.celerykit.redis;

import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The publisher over the broker's Redis: LPUSH and PUBLISH on one shared connection, each retried
 * with {@code task_publish_retry_policy} while the connection is lost (kombu's {@code
 * Producer.publish(retry=True)}).
 */
final class RedisTaskPublisher implements TaskPublisher {
  private final RedisLink link;
  private final Retrier retrier;
  private final CountDownLatch closed = new CountDownLatch(1);

  RedisTaskPublisher(RedisCeleryConfig config, ClientResources resources) {
    this.link =
        new RedisLink(
            resources,
            config.brokerUrl(),
            "broker_url",
            config.redisSocketConnectTimeout(),
            config.redisSocketTimeout());
    this.retrier =
        new Retrier(
            config.taskPublishRetryPolicy(), link.url(), "task_publish_retry_policy", closed);
  }

  @Override
  public void execute(List<BrokerCommand> commands) {
    for (BrokerCommand command : commands) {
      byte[] value = command.value().getBytes(StandardCharsets.UTF_8);
      retrier.run(
          "send a message to",
          command.key(),
          () -> {
            RedisCommands<String, byte[]> redis = link.commands();
            switch (command.kind()) {
              case LPUSH -> redis.lpush(command.key(), value);
              case PUBLISH -> redis.publish(command.key(), value);
            }
          });
    }
  }

  @Override
  public void close() {
    closed.countDown();
    link.close();
  }

  @Override
  public String toString() {
    return "RedisTaskPublisher{" + link.url() + "}";
  }
}
