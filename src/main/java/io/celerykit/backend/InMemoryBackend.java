package io.celerykit.backend;

import io.celerykit.internal.Checks;
import io.celerykit.internal.PendingIds;
import io.celerykit.internal.TimeMath;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.Subscribers;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A thread-safe, in-memory result backend: task metas and saved groups in maps, waits on a {@link
 * VirtualClock} (or, in {@link WaitMode#REAL_TIME}, on real threads woken at once by the store),
 * optional expiry of results ({@code result_expires}) on the virtual clock.
 *
 * <p>A task nothing is stored for reads as PENDING, as in Celery. As Celery's key-value backends
 * ({@code BaseKeyValueStoreBackend._store_result}), SUCCESS is final: once a task's stored state is
 * SUCCESS, any later store for it is ignored, until {@link #forget} (or its expiry). A ready meta
 * stored without {@code date_done} gets the virtual clock's time, as Celery's {@code
 * _get_result_meta} sets it on every ready store.
 *
 * <pre>{@code
 * InMemoryBackend backend = new InMemoryBackend(new VirtualClock());
 * backend.store(TaskMeta.success("t1", 42));
 * backend.getTaskMeta("t1").state();   // SUCCESS
 * }</pre>
 */
public final class InMemoryBackend implements ResultBackend {

  private final VirtualClock clock;
  // Each store is wrapped in its own entry, so that an expiry removes only the store that
  // scheduled it, never a later store of the same id (even an equal or the same meta).
  private final ConcurrentHashMap<String, StoredEntry<TaskMeta>> metas = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, StoredEntry<ResultTuple>> groups =
      new ConcurrentHashMap<>();
  private final Subscribers subscribers = new Subscribers();

  /** Listeners to every store (the iterators of {@code iter_native}), called after per-id ones. */
  private final CopyOnWriteArrayList<Consumer<TaskMeta>> storeListeners =
      new CopyOnWriteArrayList<>();

  private final RealTimeSignal signal = new RealTimeSignal();
  private volatile WaitMode waitMode = WaitMode.VIRTUAL;
  private volatile Supplier<String> stallReason;
  private volatile Duration resultExpires;
  private final ExpiryQueue expiries = new ExpiryQueue();

  /** Creates a backend with its own virtual clock. */
  public InMemoryBackend() {
    this(new VirtualClock());
  }

  /**
   * Creates a backend whose waits and expiry run on a clock (the app's).
   *
   * @param clock the virtual clock
   */
  public InMemoryBackend(VirtualClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the virtual clock the backend schedules on.
   *
   * @return the virtual clock
   */
  public VirtualClock virtualClock() {
    return clock;
  }

  /**
   * Returns the clock that waits are measured on: the virtual clock in {@link WaitMode#VIRTUAL},
   * the system clock in {@link WaitMode#REAL_TIME}.
   *
   * @return the clock
   */
  @Override
  public Clock clock() {
    return waitMode == WaitMode.VIRTUAL ? clock : Clock.systemUTC();
  }

  /**
   * Returns how waits work.
   *
   * @return the wait mode
   */
  public WaitMode waitMode() {
    return waitMode;
  }

  /**
   * Sets how waits work: {@link WaitMode#VIRTUAL} (default) or {@link WaitMode#REAL_TIME}.
   *
   * @param mode the mode
   * @return this backend
   */
  public InMemoryBackend waitMode(WaitMode mode) {
    this.waitMode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * Tells {@link WaitMode#REAL_TIME} waits how to see that nothing can complete them any more: the
   * probe returns why (for example "the worker is idle: no task is queued, running or due later"),
   * or null while something can still progress. A wait without timeout whose result stays unready
   * while the probe gives a reason for {@link RealTimeWaiter#STALL_GRACE} on end fails with {@link
   * io.celerykit.result.WouldBlockForeverException} instead of blocking forever, and a timeout's
   * message says the reason. {@code InMemoryCelery} in threaded mode wires its worker here; by
   * default nothing is known, and waits behave as Celery's.
   *
   * @param probe the probe, called from waiting threads; it must be thread-safe and cheap
   * @return this backend
   */
  public InMemoryBackend stallReason(Supplier<String> probe) {
    this.stallReason = Checks.requireNonNull(probe, "probe (a supplier of the reason, or null)");
    return this;
  }

  /**
   * Makes stored results, in any state, and saved groups expire this long (virtual time) after they
   * are stored, as Celery's {@code result_expires} does with its Redis and cache backends (each
   * store starts its own time to live); null keeps them forever.
   *
   * @param ttl a positive duration, or null
   * @return this backend
   */
  public InMemoryBackend resultExpires(Duration ttl) {
    this.resultExpires =
        ttl == null
            ? null
            : Checks.requirePositive(ttl, "result_expires", "pass null to keep results forever");
    return this;
  }

  /**
   * Returns the expiry of results, or null.
   *
   * @return the time to live
   */
  public Duration resultExpires() {
    return resultExpires;
  }

  // ---------------------------------------------------------------- metas

  /** {@inheritDoc} */
  @Override
  public TaskMeta getTaskMeta(String taskId) {
    TaskMeta meta = metaOf(requireId(taskId));
    return meta != null ? meta : TaskMeta.pending(taskId);
  }

  private TaskMeta metaOf(String taskId) {
    expiries.purge(clock);
    return valueOf(metas, taskId);
  }

  /**
   * The value stored under a key, or null. An entry read just as it leaves the map (replaced,
   * forgotten, expired) has lost its value: the map is read again.
   */
  private static <T> T valueOf(ConcurrentHashMap<String, StoredEntry<T>> map, String key) {
    while (true) {
      StoredEntry<T> entry = map.get(key);
      if (entry == null) {
        return null;
      }
      T value = entry.value();
      if (value != null) {
        return value;
      }
    }
  }

  /** Puts a new store of a value, expiring after the time to live when one is given. */
  private <T> void put(
      ConcurrentHashMap<String, StoredEntry<T>> map, String key, T value, Duration ttl) {
    removed(map.put(key, entry(map, key, value, ttl)));
  }

  /**
   * A new store of a value, queued for expiry after the time to live when one is given; an expiry
   * at or past the clock's end of time never comes (the clock stops there).
   */
  private <T> StoredEntry<T> entry(
      ConcurrentHashMap<String, StoredEntry<T>> map, String key, T value, Duration ttl) {
    long expiresAt =
        ttl == null ? Long.MAX_VALUE : TimeMath.add(clock.nanos(), TimeMath.nanos(ttl));
    if (expiresAt == Long.MAX_VALUE) {
      return new StoredEntry<>(value);
    }
    StoredEntry.Expiring<T> expiring = new StoredEntry.Expiring<>(map, key, value, expiresAt);
    expiries.add(expiring);
    return expiring;
  }

  /** Drops the value of an entry that left its map before it expired. */
  private void removed(StoredEntry<?> entry) {
    if (entry != null) {
      entry.kill();
      if (entry instanceof StoredEntry.Expiring<?>) {
        expiries.removedEarly();
      }
    }
  }

  private TaskMeta readyMetaOf(String taskId) {
    TaskMeta meta = metaOf(taskId);
    return meta != null && meta.isReady() ? meta : null;
  }

  /**
   * Stores the meta and calls its subscribers, unless the task's stored state is SUCCESS, which is
   * final (Celery's {@code BaseKeyValueStoreBackend._store_result}); then nothing is stored and
   * nobody is called. A ready meta without {@code date_done} is stored with the virtual clock's
   * time.
   *
   * @param meta the meta
   */
  @Override
  public void store(TaskMeta meta) {
    Objects.requireNonNull(meta, "meta");
    TaskMeta stamped =
        meta.isReady() && meta.dateDone() == null
            ? meta.toBuilder().dateDone(clock.instant()).build()
            : meta;
    expiries.purge(clock);
    if (!putUnlessSuccessful(stamped)) {
      return;
    }
    subscribers.publish(stamped);
    if (!storeListeners.isEmpty()) {
      for (Consumer<TaskMeta> listener : storeListeners) {
        listener.accept(stamped);
      }
    }
    signal.wakeAll();
  }

  /** Puts a new store of the meta unless a SUCCESS is stored; tells whether it put it. */
  private boolean putUnlessSuccessful(TaskMeta meta) {
    boolean[] put = {false};
    metas.compute(
        meta.taskId(),
        (id, current) -> {
          TaskMeta stored = current == null ? null : current.value();
          if (stored != null && stored.state().equals(TaskState.SUCCESS)) {
            return current;
          }
          removed(current);
          put[0] = true;
          return entry(metas, id, meta, resultExpires);
        });
    return put[0];
  }

  /** {@inheritDoc} */
  @Override
  public void forget(String taskId) {
    removed(metas.remove(requireId(taskId)));
  }

  /** {@inheritDoc} */
  @Override
  public boolean exists(String taskId) {
    requireId(taskId);
    expiries.purge(clock);
    return metas.containsKey(taskId);
  }

  /**
   * Returns how many task metas are stored.
   *
   * @return the count
   */
  public int size() {
    expiries.purge(clock);
    return metas.size();
  }

  /**
   * Returns the ids of every stored task meta (a snapshot).
   *
   * @return the ids
   */
  public Set<String> taskIds() {
    expiries.purge(clock);
    return Set.copyOf(metas.keySet());
  }

  /** Removes every stored meta and group. */
  public void clear() {
    metas.clear();
    groups.clear();
    expiries.clear();
  }

  // ---------------------------------------------------------------- groups

  /** {@inheritDoc} */
  @Override
  public void saveGroup(String groupId, ResultTuple group) {
    requireGroupId(groupId);
    Objects.requireNonNull(group, "group");
    put(groups, groupId, group, resultExpires);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<ResultTuple> restoreGroup(String groupId) {
    requireGroupId(groupId);
    expiries.purge(clock);
    return Optional.ofNullable(valueOf(groups, groupId));
  }

  /** {@inheritDoc} */
  @Override
  public void deleteGroup(String groupId) {
    removed(groups.remove(requireGroupId(groupId)));
  }

  // ---------------------------------------------------------------- listening

  /** {@inheritDoc} */
  @Override
  public Subscription subscribe(String taskId, Consumer<TaskMeta> listener) {
    requireId(taskId);
    Objects.requireNonNull(listener, "listener");
    return subscribers.subscribe(taskId, listener);
  }

  /** Always true: every store calls the subscribers of its task at once. */
  @Override
  public boolean isAsync() {
    return true;
  }

  // ---------------------------------------------------------------- waiting

  /** {@inheritDoc} */
  @Override
  public TaskMeta waitFor(String taskId, GetOptions options) {
    requireId(taskId);
    Objects.requireNonNull(options, "options");
    TaskMeta now = readyMetaOf(taskId);
    if (now != null) {
      return now;
    }
    List<Subscription> subscriptions = subscribeMessages(List.of(taskId), options);
    try {
      // Keep the ready meta the wait saw: a forget right after must not make the wait return null.
      TaskMeta[] ready = new TaskMeta[1];
      waiter(options)
          .await(
              () -> ready[0] != null || (ready[0] = readyMetaOf(taskId)) != null,
              () -> "task " + taskId + " (state " + getTaskMeta(taskId).state() + ")");
      return ready[0];
    } finally {
      subscriptions.forEach(Subscription::close);
    }
  }

  /** Always true: the in-memory backend yields results as they become ready. */
  @Override
  public boolean supportsNativeJoin() {
    return true;
  }

  /** {@inheritDoc} */
  @Override
  public Iterator<TaskMeta> iterNative(Collection<String> taskIds, GetOptions options) {
    Objects.requireNonNull(taskIds, "taskIds");
    Objects.requireNonNull(options, "options");
    Set<String> remaining = new LinkedHashSet<>();
    for (String id : taskIds) {
      remaining.add(requireId(id));
    }
    return new NativeIterator(remaining, options);
  }

  private Waiter waiter(GetOptions options) {
    return waitMode == WaitMode.VIRTUAL
        ? new VirtualWaiter(clock, options)
        : new RealTimeWaiter(signal, options, stallReason);
  }

  private List<Subscription> subscribeMessages(Collection<String> ids, GetOptions options) {
    Consumer<TaskMeta> onMessage = options.onMessage();
    if (onMessage == null) {
      return List.of();
    }
    List<Subscription> subscriptions = new ArrayList<>(ids.size());
    for (String id : ids) {
      subscriptions.add(subscribe(id, onMessage));
    }
    return subscriptions;
  }

  private static String requireId(String id) {
    return requireId(id, "task id");
  }

  private static String requireGroupId(String id) {
    return requireId(id, "group id");
  }

  private static String requireId(String id, String what) {
    return Checks.requireNonBlank(id, what);
  }

  /** Iterates over metas in the order they become ready; the timeout spans the iteration. */
  private final class NativeIterator implements Iterator<TaskMeta> {
    private final Set<String> remaining;
    private final GetOptions options;
    private final Waiter waiter;
    private final java.util.ArrayDeque<TaskMeta> ready = new java.util.ArrayDeque<>();
    private List<Subscription> subscriptions;

    NativeIterator(Set<String> remaining, GetOptions options) {
      this.remaining = remaining;
      this.options = options;
      this.waiter = waiter(options);
      // Those ready already come first, in member order.
      for (java.util.Iterator<String> it = remaining.iterator(); it.hasNext(); ) {
        TaskMeta meta = readyMetaOf(it.next());
        if (meta != null) {
          it.remove();
          ready.add(meta);
        }
      }
    }

    @Override
    public boolean hasNext() {
      synchronized (ready) {
        if (!ready.isEmpty()) {
          return true;
        }
        if (remaining.isEmpty()) {
          close();
          return false;
        }
      }
      listen();
      try {
        waiter.await(this::hasReady, this::describe);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      return true;
    }

    /**
     * Listens once to every store, so each awaited id becomes ready in O(1) and in the order it is
     * stored, instead of scanning every id at every step; one listener for the whole iteration,
     * however many ids it awaits.
     */
    private void listen() {
      if (subscriptions != null) {
        return;
      }
      List<String> ids;
      synchronized (ready) {
        ids = new ArrayList<>(remaining);
      }
      List<Subscription> subs = new ArrayList<>(subscribeMessages(ids, options));
      Consumer<TaskMeta> offer = this::offer;
      storeListeners.add(offer);
      subs.add(() -> storeListeners.remove(offer));
      subscriptions = subs;
      for (String id : ids) {
        TaskMeta meta = readyMetaOf(id);
        if (meta != null) {
          offer(meta);
        }
      }
    }

    private void offer(TaskMeta meta) {
      if (!meta.isReady()) {
        return;
      }
      synchronized (ready) {
        if (remaining.remove(meta.taskId())) {
          ready.add(meta);
        }
      }
    }

    private boolean hasReady() {
      synchronized (ready) {
        return !ready.isEmpty();
      }
    }

    private String describe() {
      synchronized (ready) {
        return PendingIds.noneReady(remaining);
      }
    }

    private void close() {
      if (subscriptions != null) {
        subscriptions.forEach(Subscription::close);
        subscriptions = null;
      }
    }

    @Override
    public TaskMeta next() {
      if (!hasNext()) {
        throw new NoSuchElementException("iter_native is exhausted");
      }
      synchronized (ready) {
        TaskMeta out = ready.poll();
        if (ready.isEmpty() && remaining.isEmpty()) {
          close();
        }
        return out;
      }
    }
  }
}
