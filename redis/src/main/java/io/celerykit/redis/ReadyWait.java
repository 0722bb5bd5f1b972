package io.celerykit.redis;

import io.celerykit.result.CeleryException;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import io.celerykit.wire.WireFormatException;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Waits for tasks to become ready and yields their metas in the order they do, as Celery's Redis
 * {@code ResultConsumer} behind {@code wait_for_pending} and {@code iter_native}: read every key
 * (MGET, in batches), subscribe to the channels of those not ready, read them again to close the
 * race with a store made in between, then wait for the PUBLISH of each, never polling.
 *
 * <p>A lapsed subscription (lost connection) is renewed with the {@link RetryPolicy}: every attempt
 * subscribes again and re-reads the keys (as {@code _reconnect_pubsub}); after {@code max_retries}
 * failed attempts the wait ends with a {@link RedisBackendException}. {@code timeout} counts across
 * the whole iteration; {@code on_interval} runs once per {@code interval}; {@code on_message} gets
 * every meta published while waiting, on the waiting thread.
 *
 * <p>Used by one thread; the hub feeds its inbox from others.
 */
final class ReadyWait implements Iterator<TaskMeta>, AutoCloseable {
  private static final int BATCH = 1000;
  private static final Cleaner CLEANER = Cleaner.create();

  private final RedisResultBackend backend;
  private final Duration timeout;
  private final long deadline;
  private final long intervalNanos;
  private final Runnable onInterval;
  private final Consumer<TaskMeta> onMessage;

  /** Channel (key) to task id, in the order the ids were given. */
  private final Map<String, String> remaining = new LinkedHashMap<>();

  private final Map<String, TaskState> lastStates = new HashMap<>();
  private final ArrayDeque<TaskMeta> ready = new ArrayDeque<>();
  private final Inbox inbox = new Inbox();
  private ChannelHub.Registration registration;
  private Cleaner.Cleanable cleanable;
  private long nextTick;
  private boolean live;
  private int failures;
  private long retryAt;

  ReadyWait(RedisResultBackend backend, Collection<String> taskIds, GetOptions options) {
    this.backend = backend;
    for (String id : taskIds) {
      remaining.put(backend.keys().task(id), id);
    }
    this.timeout = options.timeout();
    long now = System.nanoTime();
    this.deadline = timeout == null ? 0 : now + timeout.toNanos();
    this.intervalNanos = options.interval().toNanos();
    this.onInterval = options.onInterval();
    this.onMessage = options.onMessage();
    this.nextTick = now + intervalNanos;
    this.retryAt = now;
    if (remaining.isEmpty()) {
      return;
    }
    // Celery's on_wait_for_pending: what is ready already comes first, in the order given.
    backend.retrier().run("read the results of", describeIds(), () -> readRemaining(false));
    if (!remaining.isEmpty() && (timeout == null || !timeout.isZero())) {
      registration = backend.hub().register(new ArrayList<>(remaining.keySet()), inbox);
      // An iterator dropped before its end must not keep its channels subscribed for ever.
      cleanable = CLEANER.register(this, registration::close);
      try {
        attempt();
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
  }

  @Override
  public boolean hasNext() {
    if (!ready.isEmpty()) {
      return true;
    }
    try {
      while (ready.isEmpty()) {
        if (remaining.isEmpty()) {
          close();
          return false;
        }
        long now = System.nanoTime();
        if (timeout != null && now - deadline >= 0) {
          throw timedOut();
        }
        if (onInterval != null && now - nextTick >= 0) {
          nextTick = now + intervalNanos;
          onInterval.run();
          continue;
        }
        if (!live && now - retryAt >= 0) {
          attempt();
          continue;
        }
        long wait = Long.MAX_VALUE;
        if (timeout != null) {
          wait = Math.min(wait, deadline - now);
        }
        if (onInterval != null) {
          wait = Math.min(wait, nextTick - now);
        }
        if (!live) {
          wait = Math.min(wait, retryAt - now);
        }
        handle(inbox.await(Math.max(wait, 1)));
      }
      return true;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public TaskMeta next() {
    if (!hasNext()) {
      throw new NoSuchElementException("iter_native is exhausted");
    }
    TaskMeta out = ready.poll();
    if (ready.isEmpty() && remaining.isEmpty()) {
      close();
    }
    return out;
  }

  /** Stops listening; what is ready stays readable. */
  @Override
  public void close() {
    if (registration != null) {
      cleanable.clean();
      registration = null;
    }
  }

  /**
   * Subscribes (again) and re-reads; a lost connection counts one failure, as one round of Celery's
   * {@code ensure(_reconnect_pubsub)}.
   */
  private void attempt() {
    backend.retrier().ensureOpen();
    try {
      List<String> channels = new ArrayList<>(remaining.keySet());
      if (timeout == null) {
        backend.hub().confirm(channels);
      } else {
        backend.hub().confirm(channels, Duration.ofNanos(deadline - System.nanoTime()));
      }
      // A store made between the first read and the subscription is seen by this re-read, not
      // by a message: it is passed to on_message as the message it would have been.
      readRemaining(true);
      live = true;
      failures = 0;
    } catch (RuntimeException e) {
      if (!ConnectionErrors.isConnectionError(e)) {
        throw e;
      }
      if (timeout != null && System.nanoTime() - deadline >= 0) {
        throw timedOut();
      }
      live = false;
      Retrier retrier = backend.retrier();
      if (failures >= retrier.policy().maxRetries()) {
        throw retrier.exhausted("wait for the result of", describeIds(), failures, e);
      }
      Duration pause = retrier.policy().interval(failures);
      retrier.logRetry(failures + 1, pause, "wait for the result of", describeIds(), e);
      failures++;
      retryAt = System.nanoTime() + pause.toNanos();
    }
  }

  /**
   * MGET of every key not ready yet, in batches; ready metas move to the queue (and, on a re-read
   * after subscribing, to {@code on_message}).
   */
  private void readRemaining(boolean asMessages) {
    List<String> keys = new ArrayList<>(remaining.keySet());
    for (int from = 0; from < keys.size(); from += BATCH) {
      List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
      List<TaskMeta> metas = backend.readMany(batch);
      for (int i = 0; i < batch.size(); i++) {
        TaskMeta meta = metas.get(i);
        if (meta != null) {
          lastStates.put(batch.get(i), meta.state());
          if (meta.isReady()) {
            if (asMessages && onMessage != null && remaining.containsKey(batch.get(i))) {
              onMessage.accept(meta);
            }
            accept(batch.get(i), meta);
          }
        }
      }
    }
  }

  private void accept(String channel, TaskMeta meta) {
    if (remaining.remove(channel) != null) {
      ready.add(meta);
      if (registration != null) {
        registration.release(channel);
      }
    }
  }

  private void handle(Inbox.Events events) {
    if (events.error != null) {
      throw events.error;
    }
    for (Delivery d : events.deliveries) {
      if (!remaining.containsKey(d.channel)) {
        continue;
      }
      lastStates.put(d.channel, d.meta.state());
      if (onMessage != null) {
        onMessage.accept(d.meta);
      }
      if (d.meta.isReady()) {
        accept(d.channel, d.meta);
      }
    }
    if (events.interrupted) {
      live = false;
      retryAt = System.nanoTime();
    } else if (events.reconnected && !live) {
      retryAt = System.nanoTime();
    }
  }

  private ResultTimeoutException timedOut() {
    Map.Entry<String, String> first = remaining.entrySet().iterator().next();
    TaskState state = lastStates.getOrDefault(first.getKey(), TaskState.PENDING);
    String what =
        remaining.size() == 1
            ? "task " + first.getValue() + " (state " + state + ")"
            : remaining.size() + " tasks (first: " + first.getValue() + ", state " + state + ")";
    return new ResultTimeoutException(
        "The operation timed out. "
            + what
            + " is not ready after "
            + timeout
            + " (Redis result backend at "
            + backend.url()
            + ")");
  }

  private String describeIds() {
    if (remaining.isEmpty()) {
      return "no task";
    }
    String first = remaining.values().iterator().next();
    return remaining.size() == 1
        ? "task " + first
        : remaining.size() + " tasks (first: " + first + ")";
  }

  private record Delivery(String channel, TaskMeta meta) {}

  /** Where the hub leaves what it hears for this wait; the waiting thread takes it. */
  private static final class Inbox implements ChannelHub.Sink {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private List<Delivery> deliveries = new ArrayList<>();
    private WireFormatException error;
    private boolean interrupted;
    private boolean reconnected;

    record Events(
        List<Delivery> deliveries,
        WireFormatException error,
        boolean interrupted,
        boolean reconnected) {}

    @Override
    public void deliver(String channel, TaskMeta meta, String text, boolean local) {
      lock.lock();
      try {
        deliveries.add(new Delivery(channel, meta));
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void malformed(String channel, WireFormatException e) {
      lock.lock();
      try {
        if (error == null) {
          error = e;
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void interrupted() {
      lock.lock();
      try {
        interrupted = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void reconnected() {
      lock.lock();
      try {
        reconnected = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    /** Waits until something arrives or the time passes; takes what arrived. */
    Events await(long nanos) {
      lock.lock();
      try {
        long left = nanos;
        while (deliveries.isEmpty() && error == null && !interrupted && !reconnected && left > 0) {
          left = changed.awaitNanos(left);
        }
        Events out = new Events(deliveries, error, interrupted, reconnected);
        deliveries = new ArrayList<>();
        error = null;
        interrupted = false;
        reconnected = false;
        return out;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CeleryException("interrupted while waiting for task results", e);
      } finally {
        lock.unlock();
      }
    }
  }
}
