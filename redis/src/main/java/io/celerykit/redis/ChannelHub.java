package io.celerykit.redis;

import io.celerykit.result.CeleryException;
import io.celerykit.result.TaskMeta;
import io.celerykit.wire.WireFormatException;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The result consumer's pub/sub side, as Celery's {@code celery.backends.redis.ResultConsumer}: one
 * pub/sub connection for the whole backend, subscribed to the key channels ({@code
 * celery-task-meta-<id>}) that someone listens to, and unsubscribed when the last listener of a
 * channel leaves ({@code cancel_for}).
 *
 * <p>A {@link Sink} is told of every meta published on its channels, on Lettuce's event loop (so a
 * sink must not block); of every meta this process stores, on the storing thread (the echo of that
 * store's PUBLISH is then not passed on a second time); and when the subscription lapsed (lost
 * connection, a channel Redis unsubscribed) or the connection is back, so that it re-reads what it
 * may have missed, as Celery's {@code _reconnect_pubsub} re-reads every subscribed key.
 *
 * <p>Thread-safe.
 */
final class ChannelHub implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.celerykit.redis");
  private static final int BATCH = 1000;

  /** What listens to channels. Every method is called without locks held and must not block. */
  interface Sink {
    /**
     * A meta stored for one of the sink's channels.
     *
     * @param channel the channel (the key)
     * @param meta the decoded meta
     * @param text the JSON text stored
     * @param local true when stored by this process (called on the storing thread)
     */
    void deliver(String channel, TaskMeta meta, String text, boolean local);

    /** A message on one of the sink's channels that is not a task meta. */
    void malformed(String channel, WireFormatException error);

    /** The subscription lapsed: messages may have been missed until it is confirmed again. */
    void interrupted();

    /** The pub/sub connection is back; its subscriptions are being renewed. */
    void reconnected();
  }

  private final RedisLink link;
  private final RedisMetas metas;
  private final Duration confirmTimeout;
  private final Object lock = new Object();
  private final Object connectLock = new Object();
  private final Map<String, Channel> channels = new HashMap<>();
  private volatile StatefulRedisPubSubConnection<String, byte[]> pubsub;
  private boolean closed;

  ChannelHub(RedisLink link, RedisMetas metas, Duration confirmTimeout) {
    this.link = link;
    this.metas = metas;
    this.confirmTimeout = confirmTimeout;
    link.addListener(new ConnectionEvents());
  }

  /** One subscribed channel: its sinks, whether Redis confirmed the subscription, echoes due. */
  private static final class Channel {
    final List<Sink> sinks = new ArrayList<>(2);
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    final ArrayDeque<String> echoes = new ArrayDeque<>();
  }

  /**
   * Registers the sink on the channels; nothing is sent to Redis until {@link #confirm}.
   *
   * @return the registration, to release channels one by one or all at once
   */
  Registration register(Collection<String> names, Sink sink) {
    Set<String> held = new LinkedHashSet<>(names);
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the Redis result backend at " + link.url() + " is closed");
      }
      for (String name : held) {
        channels.computeIfAbsent(name, n -> new Channel()).sinks.add(sink);
      }
    }
    return new Registration(sink, held);
  }

  /**
   * Subscribes the registered channels that Redis has not confirmed yet and waits until it has
   * confirmed them all (within redis_socket_timeout).
   *
   * @throws RuntimeException a connection error (retry it) when Redis cannot be reached
   */
  void confirm(Collection<String> names) {
    confirm(names, confirmTimeout);
  }

  /**
   * Subscribes and waits as {@link #confirm(Collection)}, at most {@code limit} (capped at
   * redis_socket_timeout).
   */
  void confirm(Collection<String> names, Duration limit) {
    Duration within = limit.compareTo(confirmTimeout) < 0 ? limit : confirmTimeout;
    StatefulRedisPubSubConnection<String, byte[]> connection = connection();
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    List<String> send = new ArrayList<>();
    synchronized (lock) {
      for (String name : names) {
        Channel c = channels.get(name);
        if (c != null && !c.confirmed.isDone()) {
          waits.add(c.confirmed);
          send.add(name);
        }
      }
    }
    if (send.isEmpty()) {
      return;
    }
    // Confirmed when Redis confirmed every channel; failed as soon as one SUBSCRIBE fails (a
    // rejected command while the connection is down), not after the timeout.
    CompletableFuture<Void> confirmed =
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
    for (int from = 0; from < send.size(); from += BATCH) {
      List<String> batch = send.subList(from, Math.min(send.size(), from + BATCH));
      connection
          .async()
          .subscribe(batch.toArray(String[]::new))
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  confirmed.completeExceptionally(error);
                }
              });
    }
    try {
      confirmed.get(Math.max(within.toNanos(), 1), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new ConnectionErrors.LostConnection(
          "could not subscribe to " + send.size() + " channels: " + e.getCause());
    } catch (TimeoutException e) {
      throw new ConnectionErrors.LostConnection(
          "Redis did not confirm the subscription to "
              + send.size()
              + " channels (first: "
              + send.get(0)
              + ") within "
              + within);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CeleryException("interrupted while subscribing to " + send.get(0), e);
    }
  }

  /**
   * Prepares the local delivery of a store about to be published on a channel: the sinks registered
   * now receive the meta on the storing thread, and the echo of the PUBLISH is not passed on to
   * them again.
   */
  LocalDelivery expectEcho(String channel, String text) {
    synchronized (lock) {
      Channel c = channels.get(channel);
      if (c == null || c.sinks.isEmpty()) {
        return LocalDelivery.NONE;
      }
      boolean echo = c.confirmed.isDone();
      if (echo) {
        c.echoes.add(text);
      }
      return new LocalDelivery(this, channel, c, text, List.copyOf(c.sinks), echo);
    }
  }

  private StatefulRedisPubSubConnection<String, byte[]> connection() {
    StatefulRedisPubSubConnection<String, byte[]> c = pubsub;
    if (c != null) {
      return c;
    }
    // Connected outside the hub's lock: Lettuce's event loop takes it to report the connection.
    synchronized (connectLock) {
      if (pubsub == null) {
        StatefulRedisPubSubConnection<String, byte[]> made = link.connectPubSub();
        made.addListener(new Messages());
        pubsub = made;
      }
      return pubsub;
    }
  }

  private void unsubscribe(Collection<String> names) {
    StatefulRedisPubSubConnection<String, byte[]> c = pubsub;
    if (c == null || names.isEmpty()) {
      return;
    }
    List<String> all = new ArrayList<>(names);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      try {
        // Not awaited: a channel left subscribed is unsubscribed again when Redis confirms it.
        c.async().unsubscribe(batch.toArray(String[]::new));
      } catch (RedisException e) {
        LOG.log(Level.DEBUG, () -> "could not unsubscribe " + batch.get(0) + ": " + e);
      }
    }
  }

  /** Stops delivering; every sink is told its subscription lapsed, so that waits end. */
  @Override
  public void close() {
    Set<Sink> lapsed = new LinkedHashSet<>();
    synchronized (lock) {
      closed = true;
      for (Channel c : channels.values()) {
        lapsed.addAll(c.sinks);
      }
      channels.clear();
    }
    for (Sink sink : lapsed) {
      sink.interrupted();
    }
  }

  /** The channels a sink listens to, released one by one as their results arrive. */
  final class Registration implements AutoCloseable {
    private final Sink sink;
    private final Set<String> held;

    private Registration(Sink sink, Set<String> held) {
      this.sink = sink;
      this.held = held;
    }

    /** Stops listening to one channel ({@code cancel_for}). */
    void release(String name) {
      List<String> drop = new ArrayList<>(1);
      synchronized (lock) {
        if (held.remove(name)) {
          drop(name, drop);
        }
      }
      unsubscribe(drop);
    }

    /** Stops listening to every channel still held. */
    @Override
    public void close() {
      List<String> drop = new ArrayList<>();
      synchronized (lock) {
        for (String name : held) {
          drop(name, drop);
        }
        held.clear();
      }
      unsubscribe(drop);
    }

    private void drop(String name, List<String> drop) {
      Channel c = channels.get(name);
      if (c != null && c.sinks.remove(sink) && c.sinks.isEmpty()) {
        channels.remove(name);
        drop.add(name);
      }
    }
  }

  /** A store's delivery to this process's sinks. */
  static final class LocalDelivery {
    static final LocalDelivery NONE = new LocalDelivery(null, null, null, null, List.of(), false);

    private final ChannelHub hub;
    private final String channel;
    private final Channel target;
    private final String text;
    private final List<Sink> sinks;
    private final boolean echo;

    private LocalDelivery(
        ChannelHub hub,
        String channel,
        Channel target,
        String text,
        List<Sink> sinks,
        boolean echo) {
      this.hub = hub;
      this.channel = channel;
      this.target = target;
      this.text = text;
      this.sinks = sinks;
      this.echo = echo;
    }

    boolean hasSinks() {
      return !sinks.isEmpty();
    }

    /** Delivers the stored meta on this thread. */
    void deliver(TaskMeta meta) {
      for (Sink sink : sinks) {
        sink.deliver(channel, meta, text, true);
      }
    }

    /** The store did not happen: no echo is coming. */
    void cancel() {
      if (echo) {
        synchronized (hub.lock) {
          target.echoes.removeFirstOccurrence(text);
        }
      }
    }
  }

  /** Messages and subscription confirmations, on Lettuce's event loop. */
  private final class Messages extends RedisPubSubAdapter<String, byte[]> {
    @Override
    public void message(String channel, byte[] message) {
      String text = new String(message, StandardCharsets.UTF_8);
      List<Sink> sinks;
      synchronized (lock) {
        Channel c = channels.get(channel);
        if (c == null || c.echoes.removeFirstOccurrence(text)) {
          return;
        }
        sinks = List.copyOf(c.sinks);
      }
      TaskMeta meta;
      try {
        meta = metas.decodeTask(text, channel);
      } catch (WireFormatException e) {
        LOG.log(
            Level.WARNING, () -> "ignored a message that is not a task meta: " + e.getMessage());
        for (Sink sink : sinks) {
          sink.malformed(channel, e);
        }
        return;
      }
      for (Sink sink : sinks) {
        sink.deliver(channel, meta, text, false);
      }
    }

    @Override
    public void subscribed(String channel, long count) {
      synchronized (lock) {
        Channel c = channels.get(channel);
        if (c != null) {
          c.confirmed.complete(null);
          return;
        }
      }
      // Nobody listens any more (left while the subscription was on its way, or a channel that
      // Lettuce renewed after a reconnect): drop it again.
      unsubscribe(List.of(channel));
    }

    @Override
    public void unsubscribed(String channel, long count) {
      List<Sink> lapsed;
      synchronized (lock) {
        Channel c = channels.get(channel);
        if (c == null || c.sinks.isEmpty()) {
          return;
        }
        // Someone listens again since this channel was left: subscribe anew, re-read after. A
        // subscription still on its way is confirmed after this reply, so its future stays.
        if (c.confirmed.isDone()) {
          c.confirmed = new CompletableFuture<>();
        }
        c.echoes.clear();
        lapsed = List.copyOf(c.sinks);
      }
      for (Sink sink : lapsed) {
        sink.interrupted();
      }
    }
  }

  /** The pub/sub connection lost and made again, as Lettuce reports it. */
  private final class ConnectionEvents implements RedisConnectionStateListener {
    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
      if (connection != pubsub) {
        return;
      }
      Set<Sink> lapsed = new LinkedHashSet<>();
      synchronized (lock) {
        for (Channel c : channels.values()) {
          if (c.confirmed.isDone()) {
            c.confirmed = new CompletableFuture<>();
          }
          c.echoes.clear();
          lapsed.addAll(c.sinks);
        }
      }
      for (Sink sink : lapsed) {
        sink.interrupted();
      }
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
      if (connection != pubsub) {
        return;
      }
      Set<Sink> back = new LinkedHashSet<>();
      synchronized (lock) {
        for (Channel c : channels.values()) {
          back.addAll(c.sinks);
        }
      }
      for (Sink sink : back) {
        sink.reconnected();
      }
    }
  }
}
