package io.celerykit.redis;

import io.celerykit.internal.Checks;
import io.celerykit.redis.protocol.RedisCommand;
import io.celerykit.result.CeleryException;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import io.celerykit.wire.WireFormatException;
import io.lettuce.core.KeyValue;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Celery's Redis result backend ({@code celery.backends.redis.RedisBackend}, Celery 5.2) for Java:
 * reads and writes the same keys ({@code celery-task-meta-<id>}, {@code celery-taskset-meta-<id>},
 * after {@code global_keyprefix}), the same JSON ({@link CeleryJson}), with {@code result_expires}
 * as the keys' time to live, and publishes every store on the key's channel, so that a Celery
 * worker and this backend see each other's results.
 *
 * <pre>{@code
 * try (RedisResultBackend backend = RedisResultBackend.connect("redis://127.0.0.1:6379/0")) {
 *   TaskMeta meta = backend.waitFor(taskId, GetOptions.defaults().timeout(Duration.ofSeconds(30)));
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #store} is {@code _store_result}: a task whose stored state is SUCCESS keeps it (the
 *       store is ignored); otherwise SETEX and PUBLISH, atomically.
 *   <li>{@link #waitFor} and {@link #iterNative} are the {@code ResultConsumer}'s: subscribe to the
 *       key channels, re-read the keys (MGET in batches) to close the race, then wake on each
 *       PUBLISH; nothing polls.
 *   <li>{@link #subscribe} listeners get this process's stores on the storing thread, and stores of
 *       other processes (a worker) on the backend's listener thread.
 *   <li>A lost connection is retried with {@code retry_policy}; then the operation fails with a
 *       {@link RedisBackendException} naming the URL and the task id. A value that is not Celery's
 *       JSON is a {@link WireFormatException} naming the key.
 * </ul>
 *
 * <p>Thread-safe; close it to release its connections and threads.
 */
public final class RedisResultBackend implements ResultBackend, AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.celerykit.redis");

  /** Celery's {@code _MAX_STR_VALUE_SIZE}: the largest string Redis holds, 512 MB. */
  static final int MAX_VALUE_SIZE = 536_870_912;

  /** How many times a store is tried again when another store changed the key in between. */
  private static final int MAX_CONFLICTS = 100;

  private final RedisKeys keys;
  private final RedisMetas metas;
  private final Duration resultExpires;
  private final long ttlSeconds;
  private final RedisLink link;
  private final ChannelHub hub;
  private final Retrier retrier;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ExecutorService listenerThread;
  private final ClientResources ownedResources;

  private RedisResultBackend(
      RedisCeleryConfig config, ClientResources resources, boolean ownsResources) {
    String url = config.resultBackendUrl();
    this.keys = new RedisKeys(config.globalKeyprefix());
    this.metas = new RedisMetas(keys);
    this.resultExpires = config.resultExpires();
    this.ttlSeconds = resultExpires == null ? 0 : resultExpires.getSeconds();
    this.link =
        new RedisLink(
            resources,
            url,
            "result_backend",
            config.redisSocketConnectTimeout(),
            config.redisSocketTimeout());
    this.retrier =
        new Retrier(
            config.retryPolicy(),
            link.url(),
            "result_backend_transport_options retry_policy",
            closed);
    this.hub = new ChannelHub(link, metas, config.redisSocketTimeout());
    this.listenerThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "celerykit-redis-listeners " + link.url());
              t.setDaemon(true);
              return t;
            });
    this.ownedResources = ownsResources ? resources : null;
  }

  /**
   * Connects to the Redis at the URL with the other settings at their defaults, as {@code
   * result_backend = url}. Nothing is sent until the first operation, so Redis need not be up yet.
   *
   * @param url a {@code redis://} or {@code rediss://} URL, such as {@code
   *     redis://127.0.0.1:6379/0}
   * @return the backend
   * @throws IllegalArgumentException when the URL is not a Redis URL
   */
  public static RedisResultBackend connect(String url) {
    return create(RedisCeleryConfig.defaults().brokerUrl(url));
  }

  /**
   * Creates the backend of the config's {@code result_backend} (else its {@code broker_url}), with
   * its {@code result_expires}, {@code global_keyprefix}, {@code retry_policy} and timeouts.
   *
   * @param config the settings
   * @return the backend
   */
  public static RedisResultBackend create(RedisCeleryConfig config) {
    Objects.requireNonNull(config, "config");
    ClientResources resources = LettuceResources.create();
    try {
      return new RedisResultBackend(config, resources, true);
    } catch (RuntimeException e) {
      LettuceResources.shutdown(resources);
      throw e;
    }
  }

  /** A backend on resources its owner (a {@link RedisCelery}) shuts down. */
  static RedisResultBackend create(RedisCeleryConfig config, ClientResources resources) {
    return new RedisResultBackend(config, resources, false);
  }

  // ---------------------------------------------------------------- settings

  /**
   * Returns the URL of the Redis, password masked.
   *
   * @return the URL
   */
  public String url() {
    return link.url();
  }

  /**
   * Returns {@code result_expires}, the keys' time to live, or null for none.
   *
   * @return the time to live
   */
  public Duration resultExpires() {
    return resultExpires;
  }

  /**
   * Returns the key of a task's meta, as Celery's {@code get_key_for_task}: {@code
   * celery-task-meta-<id>} after the {@code global_keyprefix}. It is also the channel its stores
   * are published on.
   *
   * @param taskId the task id
   * @return the key
   */
  public String keyForTask(String taskId) {
    return keys.task(taskId);
  }

  /**
   * Returns the key of a saved group, as Celery's {@code get_key_for_group}: {@code
   * celery-taskset-meta-<id>} after the {@code global_keyprefix}.
   *
   * @param groupId the group id
   * @return the key
   */
  public String keyForGroup(String groupId) {
    return keys.group(groupId);
  }

  // ---------------------------------------------------------------- task metas

  /**
   * Reads a task's meta (GET), as Celery's {@code _get_task_meta_for}: PENDING when no key.
   *
   * @throws WireFormatException when the key holds something other than Celery's JSON
   * @throws RedisBackendException when Redis stays unreachable
   */
  @Override
  public TaskMeta getTaskMeta(String taskId) {
    String key = keys.task(taskId);
    byte[] value = retrier.call("read the result of task", taskId, () -> commands().get(key));
    return value == null ? TaskMeta.pending(taskId) : metas.decodeTask(text(value), key);
  }

  /**
   * Stores a task's meta, as Celery's {@code _store_result}: when the stored state is SUCCESS the
   * store is ignored (a late duplicate never overwrites a success); otherwise the JSON is set with
   * {@code result_expires} as its time to live and published on the key's channel, atomically.
   * Listeners of this backend receive the meta (as read back) on this thread.
   *
   * @throws io.celerykit.wire.EncodeException when the result is not JSON-serializable
   * @throws WireFormatException when the key holds something other than Celery's JSON (it is kept)
   * @throws RedisBackendException when Redis stays unreachable (nothing is changed)
   */
  @Override
  public void store(TaskMeta meta) {
    Objects.requireNonNull(meta, "meta");
    String id = meta.taskId();
    String key = keys.task(id);
    String json = CeleryJson.writeTaskMeta(meta);
    byte[] value = json.getBytes(StandardCharsets.UTF_8);
    requireStorable(value, id);
    retrier.run("store the result of task", id, () -> storeUnlessSucceeded(key, id, json, value));
  }

  private void storeUnlessSucceeded(String key, String id, String json, byte[] value) {
    for (int conflicts = 0; ; conflicts++) {
      RedisCommands<String, byte[]> commands = commands();
      byte[] current = commands.get(key);
      if (current != null && metas.decodeTask(text(current), key).state() == TaskState.SUCCESS) {
        LOG.log(Level.DEBUG, () -> "ignored a store for task " + id + ": its SUCCESS is final");
        return;
      }
      String expected = current == null ? "" : StoreScript.sha1Hex(current);
      ChannelHub.LocalDelivery local = hub.expectEcho(key, json);
      boolean stored;
      try {
        stored = StoreScript.storeAndPublish(commands, key, expected, value, ttlSeconds);
      } catch (RuntimeException e) {
        local.cancel();
        throw e;
      }
      if (stored) {
        if (local.hasSinks()) {
          local.deliver(metas.decodeTask(json, key));
        }
        return;
      }
      local.cancel();
      if (conflicts >= MAX_CONFLICTS) {
        throw new CeleryException(
            "the result of task "
                + id
                + " at "
                + url()
                + " changed under every one of "
                + MAX_CONFLICTS
                + " attempts to store it; nothing was stored");
      }
    }
  }

  /**
   * Deletes a task's meta (DEL), as Celery's {@code forget}; afterwards it reads PENDING.
   *
   * @throws RedisBackendException when Redis stays unreachable
   */
  @Override
  public void forget(String taskId) {
    String key = keys.task(taskId);
    retrier.run("forget the result of task", taskId, () -> commands().del(key));
  }

  /**
   * Tells whether a task's key exists (EXISTS).
   *
   * @throws RedisBackendException when Redis stays unreachable
   */
  @Override
  public boolean exists(String taskId) {
    String key = keys.task(taskId);
    return retrier.call("look up the result of task", taskId, () -> commands().exists(key) > 0);
  }

  // ---------------------------------------------------------------- groups

  /**
   * Saves a group's tuple under {@code celery-taskset-meta-<id>} as {@code {"result": tuple}}, set
   * and published as every value ({@code _save_group}).
   *
   * @throws RedisBackendException when Redis stays unreachable
   */
  @Override
  public void saveGroup(String groupId, ResultTuple group) {
    String key = keys.group(groupId);
    Objects.requireNonNull(group, "group tuple");
    byte[] value = CeleryJson.writeGroupMeta(group).getBytes(StandardCharsets.UTF_8);
    requireStorable(value, groupId);
    retrier.run(
        "save group",
        groupId,
        () -> StoreScript.storeAndPublish(commands(), key, StoreScript.ANY, value, ttlSeconds));
  }

  /**
   * Reads a saved group's tuple, as Celery's {@code _restore_group}.
   *
   * @throws WireFormatException when the key holds something other than a group meta
   * @throws RedisBackendException when Redis stays unreachable
   */
  @Override
  public Optional<ResultTuple> restoreGroup(String groupId) {
    String key = keys.group(groupId);
    byte[] value = retrier.call("restore group", groupId, () -> commands().get(key));
    return value == null ? Optional.empty() : Optional.of(metas.decodeGroup(text(value), key));
  }

  /**
   * Deletes a saved group (DEL), as Celery's {@code _delete_group}.
   *
   * @throws RedisBackendException when Redis stays unreachable
   */
  @Override
  public void deleteGroup(String groupId) {
    String key = keys.group(groupId);
    retrier.run("delete group", groupId, () -> commands().del(key));
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Waits until the task is ready, as Celery's {@code wait_for_pending} over the Redis {@code
   * ResultConsumer}: a ready meta is returned at once; otherwise the key's channel is subscribed,
   * the key read again, and the wait woken by the PUBLISH of the ready meta. {@code on_message}
   * gets every meta published meanwhile, on this thread; {@code on_interval} runs every {@code
   * interval}. Without a timeout it waits as long as it takes: a worker may store the result any
   * time.
   *
   * @throws io.celerykit.result.ResultTimeoutException when the timeout passes first
   * @throws RedisBackendException when the connection is lost and not back within the retries
   * @throws WireFormatException when the key holds something other than Celery's JSON
   */
  @Override
  public TaskMeta waitFor(String taskId, GetOptions options) {
    Checks.requireNonBlank(taskId, "task id");
    Objects.requireNonNull(options, "options");
    try (ReadyWait wait = new ReadyWait(this, List.of(taskId), options)) {
      return wait.next();
    }
  }

  /** True: Celery's Redis backend joins natively. */
  @Override
  public boolean supportsNativeJoin() {
    return true;
  }

  /**
   * Yields the tasks' metas as each becomes ready, as Celery's {@code iter_native}: those ready
   * already first (MGET, in batches), in the order given, then the others in the order their
   * PUBLISH arrives. Each id is yielded once. The timeout spans the whole iteration; an iterator
   * left before its end releases its subscriptions once it is garbage-collected.
   */
  @Override
  public Iterator<TaskMeta> iterNative(Collection<String> taskIds, GetOptions options) {
    Objects.requireNonNull(taskIds, "taskIds");
    Objects.requireNonNull(options, "options");
    List<String> ids = new ArrayList<>(taskIds.size());
    for (String id : taskIds) {
      ids.add(Checks.requireNonBlank(id, "task id"));
    }
    return new ReadyWait(this, ids, options);
  }

  /**
   * Returns true: stores wake waiters through Redis pub/sub, as Celery's {@code RedisBackend} (an
   * {@code AsyncBackendMixin}, {@code is_async = True}).
   *
   * @return true
   */
  @Override
  public boolean isAsync() {
    return true;
  }

  /**
   * Calls the listener with every meta stored for the task from now on: this backend's own stores
   * on the storing thread, other processes' (published on the key's channel) on this backend's
   * listener thread, in the order they arrive. After a lost connection is back, the key is read
   * again and its meta passed on if it changed meanwhile, as Celery's {@code _reconnect_pubsub}.
   * Returns once Redis has confirmed the subscription.
   *
   * @throws RedisBackendException when Redis stays unreachable
   */
  @Override
  public Subscription subscribe(String taskId, Consumer<TaskMeta> listener) {
    String key = keys.task(taskId);
    Objects.requireNonNull(listener, "listener");
    ListenerSink sink = new ListenerSink(taskId, key, listener);
    ChannelHub.Registration registration = hub.register(List.of(key), sink);
    try {
      retrier.run("subscribe to the result of task", taskId, () -> hub.confirm(List.of(key)));
    } catch (RuntimeException e) {
      registration.close();
      throw e;
    }
    return () -> {
      sink.open = false;
      registration.close();
    };
  }

  /**
   * Returns the system clock in UTC: waits on a real Redis take real time.
   *
   * @return the clock
   */
  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** Closes the connections and the listener thread; waits in progress end with an error. */
  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    closed.countDown();
    hub.close();
    link.close();
    listenerThread.shutdownNow();
    if (ownedResources != null) {
      LettuceResources.shutdown(ownedResources);
    }
  }

  /**
   * Describes the backend: its URL and {@code result_expires}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "RedisResultBackend{" + url() + ", result_expires=" + resultExpires + "}";
  }

  // ---------------------------------------------------------------- for the publisher

  /**
   * Executes a write of the client side of a chord ({@code set_chord_size}, or the {@code
   * GroupResult.save} of a header that nests groups) as Celery's {@code RedisBackend.set}: the
   * {@code SETEX} (or {@code SET}) and the {@code PUBLISH} of the value in one MULTI/EXEC, the keys
   * after the {@code global_keyprefix}.
   *
   * @param commands the SETEX or SET, then the PUBLISH, of one key
   */
  void setAndPublish(List<RedisCommand> commands) {
    if (commands.size() != 2 || !commands.get(1).name().equals("PUBLISH")) {
      throw new IllegalArgumentException(
          "expected a SETEX or SET and its PUBLISH, got " + commands);
    }
    RedisCommand set = commands.get(0);
    String key = withGlobalPrefix(set.key());
    byte[] value = set.value().getBytes(StandardCharsets.UTF_8);
    retrier.run(
        "write the chord of",
        set.key(),
        () ->
            link.transaction(
                redis -> {
                  switch (set.name()) {
                    case "SETEX" -> redis.setex(key, Long.parseLong(set.args().get(1)), value);
                    case "SET" -> redis.set(key, value);
                    default ->
                        throw new IllegalArgumentException("expected SETEX or SET, got " + set);
                  }
                  redis.publish(key, value);
                }));
  }

  /** A group key the encoder wrote without the prefix ({@code celery-taskset-meta-<id>.s}). */
  private String withGlobalPrefix(String key) {
    if (!key.startsWith(RedisKeys.GROUP_KEYPREFIX)) {
      throw new IllegalArgumentException("expected a key of a group, got " + key);
    }
    return keys.group(key.substring(RedisKeys.GROUP_KEYPREFIX.length()));
  }

  // ---------------------------------------------------------------- for the wait

  RedisKeys keys() {
    return keys;
  }

  ChannelHub hub() {
    return hub;
  }

  Retrier retrier() {
    return retrier;
  }

  /** MGET of task keys; null where a key holds nothing. */
  List<TaskMeta> readMany(List<String> taskKeys) {
    List<KeyValue<String, byte[]>> values = commands().mget(taskKeys.toArray(String[]::new));
    List<TaskMeta> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      KeyValue<String, byte[]> kv = values.get(i);
      out.add(kv.hasValue() ? metas.decodeTask(text(kv.getValue()), taskKeys.get(i)) : null);
    }
    return out;
  }

  private RedisCommands<String, byte[]> commands() {
    retrier.ensureOpen();
    return link.commands();
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  private static void requireStorable(byte[] value, String id) {
    if (value.length > MAX_VALUE_SIZE) {
      throw new IllegalArgumentException(
          "value too large for Redis backend: "
              + value.length
              + " bytes for "
              + id
              + ", Redis holds at most "
              + MAX_VALUE_SIZE);
    }
  }

  /** A {@link #subscribe} listener. */
  private final class ListenerSink implements ChannelHub.Sink {
    private final String taskId;
    private final String key;
    private final Consumer<TaskMeta> listener;
    volatile boolean open = true;
    private volatile String lastText;

    ListenerSink(String taskId, String key, Consumer<TaskMeta> listener) {
      this.taskId = taskId;
      this.key = key;
      this.listener = listener;
    }

    @Override
    public void deliver(String channel, TaskMeta meta, String text, boolean local) {
      if (local) {
        pass(meta, text);
      } else {
        onListenerThread(() -> pass(meta, text));
      }
    }

    private void pass(TaskMeta meta, String text) {
      if (open) {
        lastText = text;
        listener.accept(meta);
      }
    }

    @Override
    public void malformed(String channel, WireFormatException error) {
      // Logged by the hub; a listener has nowhere to throw to.
    }

    @Override
    public void interrupted() {
      onListenerThread(this::catchUp);
    }

    @Override
    public void reconnected() {
      onListenerThread(this::catchUp);
    }

    /** Subscribes again and passes on what was stored while the subscription lapsed. */
    private void catchUp() {
      if (!open) {
        return;
      }
      try {
        hub.confirm(List.of(key));
        byte[] value = commands().get(key);
        String text = value == null ? null : text(value);
        if (text != null && !text.equals(lastText)) {
          pass(metas.decodeTask(text, key), text);
        }
      } catch (RuntimeException e) {
        if (!ConnectionErrors.isConnectionError(e) && !(e instanceof WireFormatException)) {
          throw e;
        }
        // Still unreachable: the next reconnection tries again.
        LOG.log(Level.DEBUG, () -> "could not catch up on task " + taskId + ": " + e);
      }
    }

    private void onListenerThread(Runnable work) {
      if (closed.getCount() == 0) {
        return;
      }
      try {
        listenerThread.execute(work);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // Closed meanwhile: no more calls.
      }
    }
  }
}
