package io.celerykit.backend;

import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTuple;
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

/**
 * A thread-safe, in-memory result backend: task metas and saved groups in maps, waits on a
 * {@link VirtualClock} (or, in {@link WaitMode#REAL_TIME}, on real threads woken at once by the
 * store), optional expiry of results ({@code result_expires}) on the virtual clock.
 *
 * <p>A task nothing is stored for reads as PENDING, as in Celery.
 *
 * <pre>{@code
 * InMemoryBackend backend = new InMemoryBackend(new VirtualClock());
 * backend.store(TaskMeta.success("t1", 42));
 * backend.getTaskMeta("t1").state();   // SUCCESS
 * }</pre>
 */
public final class InMemoryBackend implements ResultBackend {

  private final VirtualClock clock;
  private final ConcurrentHashMap<String, TaskMeta> metas = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ResultTuple> groups = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CopyOnWriteArrayList<Consumer<TaskMeta>>> listeners =
      new ConcurrentHashMap<>();
  private final RealTimeSignal signal = new RealTimeSignal();
  private volatile WaitMode waitMode = WaitMode.VIRTUAL;
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
   * Makes ready results and saved groups expire this long (virtual time) after they are stored,
   * as Celery's {@code result_expires}; null keeps them forever. Expired entries read as absent
   * (PENDING) as soon as the virtual clock has passed their time.
   *
   * @param ttl a positive duration, or null
   * @return this backend
   */
  public InMemoryBackend resultExpires(Duration ttl) {
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new IllegalArgumentException(
          "result_expires must be positive, got " + ttl + "; pass null to keep results forever");
    }
    this.resultExpires = ttl;
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
    requireId(taskId);
    expiries.purge(clock, metas, groups);
    TaskMeta meta = metas.get(taskId);
    return meta != null ? meta : TaskMeta.pending(taskId);
  }

  /** {@inheritDoc} */
  @Override
  public void store(TaskMeta meta) {
    Objects.requireNonNull(meta, "meta");
    metas.put(meta.taskId(), meta);
    Duration ttl = resultExpires;
    if (ttl != null && meta.isReady()) {
      expiries.add(clock.now().plus(ttl), meta.taskId(), meta, false);
    }
    CopyOnWriteArrayList<Consumer<TaskMeta>> subscribed = listeners.get(meta.taskId());
    if (subscribed != null) {
      for (Consumer<TaskMeta> listener : subscribed) {
        listener.accept(meta);
      }
    }
    signal.wakeAll();
  }

  /** {@inheritDoc} */
  @Override
  public void forget(String taskId) {
    metas.remove(requireId(taskId));
  }

  /** {@inheritDoc} */
  @Override
  public boolean exists(String taskId) {
    requireId(taskId);
    expiries.purge(clock, metas, groups);
    return metas.containsKey(taskId);
  }

  /**
   * Returns how many task metas are stored.
   *
   * @return the count
   */
  public int size() {
    expiries.purge(clock, metas, groups);
    return metas.size();
  }

  /**
   * Returns the ids of every stored task meta (a snapshot).
   *
   * @return the ids
   */
  public Set<String> taskIds() {
    expiries.purge(clock, metas, groups);
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
    requireId(groupId);
    Objects.requireNonNull(group, "group");
    groups.put(groupId, group);
    Duration ttl = resultExpires;
    if (ttl != null) {
      expiries.add(clock.now().plus(ttl), groupId, group, true);
    }
  }

  /** {@inheritDoc} */
  @Override
  public Optional<ResultTuple> restoreGroup(String groupId) {
    requireId(groupId);
    expiries.purge(clock, metas, groups);
    return Optional.ofNullable(groups.get(groupId));
  }

  /** {@inheritDoc} */
  @Override
  public void deleteGroup(String groupId) {
    groups.remove(requireId(groupId));
  }

  // ---------------------------------------------------------------- listening

  /** {@inheritDoc} */
  @Override
  public Subscription subscribe(String taskId, Consumer<TaskMeta> listener) {
    requireId(taskId);
    Objects.requireNonNull(listener, "listener");
    listeners.computeIfAbsent(taskId, k -> new CopyOnWriteArrayList<>()).add(listener);
    return () ->
        listeners.computeIfPresent(
            taskId,
            (k, list) -> {
              list.remove(listener);
              return list.isEmpty() ? null : list;
            });
  }

  // ---------------------------------------------------------------- waiting

  /** {@inheritDoc} */
  @Override
  public TaskMeta waitFor(String taskId, GetOptions options) {
    requireId(taskId);
    Objects.requireNonNull(options, "options");
    TaskMeta now = metas.get(taskId);
    if (now != null && now.isReady()) {
      return now;
    }
    List<Subscription> subscriptions = subscribeMessages(List.of(taskId), options);
    try {
      waiter(options)
          .await(
              () -> {
                TaskMeta meta = metas.get(taskId);
                return meta != null && meta.isReady();
              },
              () -> "task " + taskId + " (state " + getTaskMeta(taskId).state() + ")");
      return metas.get(taskId);
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
        : new RealTimeWaiter(signal, options);
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
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(
          "task id must be a non-blank string, got " + (id == null ? "null" : "\"" + id + "\""));
    }
    return id;
  }

  /** Iterates over metas in the order they become ready; the timeout spans the iteration. */
  private final class NativeIterator implements Iterator<TaskMeta> {
    private final Set<String> remaining;
    private final GetOptions options;
    private final Waiter waiter;
    private TaskMeta next;

    NativeIterator(Set<String> remaining, GetOptions options) {
      this.remaining = remaining;
      this.options = options;
      this.waiter = waiter(options);
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (remaining.isEmpty()) {
        return false;
      }
      next = firstReady();
      if (next == null) {
        List<Subscription> subscriptions = subscribeMessages(remaining, options);
        try {
          waiter.await(
              () -> firstReadyId() != null,
              () -> remaining.size() + " tasks, none ready (first: " + remaining.iterator().next() + ")");
        } finally {
          subscriptions.forEach(Subscription::close);
        }
        next = firstReady();
      }
      return true;
    }

    @Override
    public TaskMeta next() {
      if (!hasNext()) {
        throw new NoSuchElementException("iter_native is exhausted");
      }
      TaskMeta out = next;
      next = null;
      return out;
    }

    private TaskMeta firstReady() {
      String id = firstReadyId();
      if (id == null) {
        return null;
      }
      remaining.remove(id);
      return metas.get(id);
    }

    private String firstReadyId() {
      for (String id : remaining) {
        TaskMeta meta = metas.get(id);
        if (meta != null && meta.isReady()) {
          return id;
        }
      }
      return null;
    }
  }

  static TaskState stateOf(TaskMeta meta) {
    return meta == null ? TaskState.PENDING : meta.state();
  }
}
