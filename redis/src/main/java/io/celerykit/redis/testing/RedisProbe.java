package io.celerykit.redis.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;

/**
 * A plain Redis client for tests to look at what the backend and the worker wrote (GET, TTL, PUBSUB
 * NUMSUB) and to release tasks that wait on a list (LPUSH).
 */
public final class RedisProbe implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  private RedisProbe(String url) {
    this.client = RedisClient.create(url);
    this.connection = client.connect();
  }

  /**
   * Connects to a Redis.
   *
   * @param url its URL
   * @return the probe
   */
  public static RedisProbe connect(String url) {
    return new RedisProbe(url);
  }

  /**
   * Returns the commands.
   *
   * @return the synchronous commands
   */
  public RedisCommands<String, String> commands() {
    return connection.sync();
  }

  /**
   * Opens a pub/sub connection, closed with the probe's client.
   *
   * @return the connection
   */
  public StatefulRedisPubSubConnection<String, String> pubsub() {
    return client.connectPubSub();
  }

  /**
   * Returns how many clients are subscribed to a channel (PUBSUB NUMSUB).
   *
   * @param channel the channel
   * @return the count
   */
  public long subscribers(String channel) {
    Long n = commands().pubsubNumsub(channel).get(channel);
    return n == null ? 0 : n;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
