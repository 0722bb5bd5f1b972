package io.celerykit.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The connections to one Redis: a command connection, shared by every thread (Lettuce multiplexes
 * it), made on first use so that a Redis that is not up yet fails the operation (and is retried)
 * instead of the constructor; and pub/sub connections on request. Lettuce reconnects lost
 * connections in the background; while one is down its commands fail at once (REJECT_COMMANDS)
 * instead of queueing, so that the retries of the {@link RetryPolicy} decide how long to wait.
 */
final class RedisLink implements AutoCloseable {
  /** Keys as text, values as the bytes Redis holds (compared and hashed as stored). */
  static final RedisCodec<String, byte[]> CODEC =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final RedisClient client;
  private final String url;
  private final Object lock = new Object();
  private final List<StatefulConnection<String, byte[]>> connections = new ArrayList<>();
  private StatefulRedisConnection<String, byte[]> connection;
  private boolean closed;

  /** The connection of MULTI/EXEC blocks, one block at a time. */
  private final Object transactionLock = new Object();

  private StatefulRedisConnection<String, byte[]> transactionConnection;

  RedisLink(
      ClientResources resources,
      String url,
      String setting,
      Duration connectTimeout,
      Duration commandTimeout) {
    this.url = RedisUrls.sanitize(url);
    this.client = RedisClient.create(resources, RedisUrls.toRedisUri(url, setting, commandTimeout));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(
                SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .build());
  }

  /** The URL, password masked. */
  String url() {
    return url;
  }

  /** The commands of the shared connection, connecting first if needed. */
  RedisCommands<String, byte[]> commands() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the Redis connection to " + url + " is closed");
      }
      if (connection == null) {
        connection = client.connect(CODEC);
        connections.add(connection);
      }
      return connection.sync();
    }
  }

  /**
   * Runs commands as one MULTI/EXEC block, as redis-py's {@code pipeline()} (transaction=True)
   * does: on a connection of its own, since the shared one interleaves other threads' commands.
   *
   * @param block queues the commands (their replies are null until EXEC)
   */
  void transaction(Consumer<RedisCommands<String, byte[]>> block) {
    synchronized (transactionLock) {
      RedisCommands<String, byte[]> redis;
      synchronized (lock) {
        if (closed) {
          throw new IllegalStateException("the Redis connection to " + url + " is closed");
        }
        if (transactionConnection == null || !transactionConnection.isOpen()) {
          transactionConnection = client.connect(CODEC);
          connections.add(transactionConnection);
        }
        redis = transactionConnection.sync();
      }
      redis.multi();
      boolean queued = false;
      try {
        block.accept(redis);
        queued = true;
      } finally {
        if (!queued) {
          redis.discard();
        }
      }
      if (redis.exec().wasDiscarded()) {
        throw new IllegalStateException("Redis at " + url + " discarded a MULTI/EXEC block");
      }
    }
  }

  /** A new pub/sub connection, closed with this link. */
  StatefulRedisPubSubConnection<String, byte[]> connectPubSub() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the Redis connection to " + url + " is closed");
      }
    }
    StatefulRedisPubSubConnection<String, byte[]> pubsub = client.connectPubSub(CODEC);
    synchronized (lock) {
      connections.add(pubsub);
      if (closed) {
        pubsub.close();
        throw new IllegalStateException("the Redis connection to " + url + " is closed");
      }
    }
    return pubsub;
  }

  /** Hears when any of this link's connections is lost or made again. */
  void addListener(RedisConnectionStateListener listener) {
    client.addListener(listener);
  }

  @Override
  public void close() {
    List<StatefulConnection<String, byte[]>> open;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      open = new ArrayList<>(connections);
      connections.clear();
    }
    for (StatefulConnection<String, byte[]> c : open) {
      c.close();
    }
    client.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
