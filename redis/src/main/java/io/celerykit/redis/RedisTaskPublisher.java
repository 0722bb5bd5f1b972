package io.celerykit.redis;

import io.celerykit.redis.protocol.RedisCommand;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The publisher over the broker's Redis: the queue bindings ({@code SADD}, once per binding while
 * the connection lasts, as kombu declares a queue once per connection), the task messages ({@code
 * LPUSH}) and the control broadcasts ({@code PUBLISH}) on one shared connection, each retried with
 * {@code task_publish_retry_policy} while the connection is lost (kombu's {@code
 * Producer.publish(retry=True)}); the result backend's writes of a chord go to the result backend,
 * the {@code SETEX} and its {@code PUBLISH} in one MULTI/EXEC as Celery's {@code RedisBackend.set}.
 */
final class RedisTaskPublisher implements TaskPublisher {
  private final RedisLink link;
  private final Retrier retrier;
  private final RedisResultBackend backend;
  private final CountDownLatch closed = new CountDownLatch(1);

  /** The bindings declared on the current connection; forgotten when it is lost. */
  private final Set<List<String>> declared = ConcurrentHashMap.newKeySet();

  RedisTaskPublisher(
      RedisCeleryConfig config, ClientResources resources, RedisResultBackend backend) {
    this.backend = backend;
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
    link.addListener(
        new RedisConnectionStateListener() {
          @Override
          public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> connection) {
            declared.clear();
          }

          @Override
          public void onRedisConnected(
              io.lettuce.core.RedisChannelHandler<?, ?> connection, SocketAddress address) {
            declared.clear();
          }
        });
  }

  @Override
  public void execute(List<RedisCommand> commands) {
    List<RedisCommand> backendWrites = new ArrayList<>();
    for (RedisCommand command : commands) {
      switch (command.purpose()) {
        case CHORD_SIZE, GROUP_META -> {
          backendWrites.add(command);
          if (command.name().equals("PUBLISH")) {
            backend.setAndPublish(backendWrites);
            backendWrites.clear();
          }
        }
        case QUEUE_BINDING -> {
          if (!declared.contains(command.toList())) {
            send(command);
            declared.add(command.toList());
          }
        }
        case TASK_MESSAGE, CONTROL_BROADCAST -> send(command);
      }
    }
    if (!backendWrites.isEmpty()) {
      throw new IllegalArgumentException(
          "a result backend write without its PUBLISH: " + backendWrites);
    }
  }

  private void send(RedisCommand command) {
    List<String> args = command.args();
    retrier.run(
        "send a message to",
        command.key(),
        () -> {
          RedisCommands<String, byte[]> redis = link.commands();
          switch (command.name()) {
            case "LPUSH" -> redis.lpush(args.get(0), bytes(args.get(1)));
            case "PUBLISH" -> redis.publish(args.get(0), bytes(args.get(1)));
            case "SADD" -> redis.sadd(args.get(0), bytes(args.get(1)));
            default ->
                throw new IllegalArgumentException(
                    "the broker takes LPUSH, PUBLISH and SADD, got " + command);
          }
        });
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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
