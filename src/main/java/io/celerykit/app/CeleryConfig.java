package io.celerykit.app;

import io.celerykit.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * The app's settings, with Celery's names and defaults. Immutable; every wither returns a copy.
 *
 * <pre>{@code
 * InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().taskTrackStarted(true));
 * }</pre>
 */
public final class CeleryConfig {

  /**
   * The process id the worker reports unless told otherwise ({@link #workerPid(int)}): a fixed
   * number, not the JVM's, so STARTED metas and journals are the same on every run.
   */
  public static final int DEFAULT_WORKER_PID = 4242;

  private static final CeleryConfig DEFAULTS =
      new CeleryConfig(
          false,
          false,
          false,
          false,
          false,
          false,
          Duration.ofDays(1),
          Duration.ofSeconds(180),
          3,
          WorkerMode.DETERMINISTIC,
          2,
          "celery@celerykit",
          "celery",
          10_000,
          false,
          ResultSerializer.JSON,
          DEFAULT_WORKER_PID,
          10_000);

  private final boolean taskTrackStarted;
  private final boolean resultExtended;
  private final boolean taskAlwaysEager;
  private final boolean taskEagerPropagates;
  private final boolean taskStoreEagerResult;
  private final boolean taskIgnoreResult;
  private final Duration resultExpires;
  private final Duration defaultRetryDelay;
  private final Integer maxRetries;
  private final WorkerMode workerMode;
  private final int concurrency;
  private final String hostname;
  private final String defaultQueue;
  private final int journalCapacity;
  private final boolean trackResults;
  private final ResultSerializer resultSerializer;
  private final int workerPid;
  private final int sentTaskCapacity;

  private CeleryConfig(
      boolean taskTrackStarted,
      boolean resultExtended,
      boolean taskAlwaysEager,
      boolean taskEagerPropagates,
      boolean taskStoreEagerResult,
      boolean taskIgnoreResult,
      Duration resultExpires,
      Duration defaultRetryDelay,
      Integer maxRetries,
      WorkerMode workerMode,
      int concurrency,
      String hostname,
      String defaultQueue,
      int journalCapacity,
      boolean trackResults,
      ResultSerializer resultSerializer,
      int workerPid,
      int sentTaskCapacity) {
    this.taskTrackStarted = taskTrackStarted;
    this.resultExtended = resultExtended;
    this.taskAlwaysEager = taskAlwaysEager;
    this.taskEagerPropagates = taskEagerPropagates;
    this.taskStoreEagerResult = taskStoreEagerResult;
    this.taskIgnoreResult = taskIgnoreResult;
    this.resultExpires = resultExpires;
    this.defaultRetryDelay = defaultRetryDelay;
    this.maxRetries = maxRetries;
    this.workerMode = workerMode;
    this.concurrency = concurrency;
    this.hostname = hostname;
    this.defaultQueue = defaultQueue;
    this.journalCapacity = journalCapacity;
    this.trackResults = trackResults;
    this.resultSerializer = resultSerializer;
    this.workerPid = workerPid;
    this.sentTaskCapacity = sentTaskCapacity;
  }

  private CeleryConfig copy(Mutator m) {
    Builder b = new Builder(this);
    m.apply(b);
    return new CeleryConfig(
        b.taskTrackStarted,
        b.resultExtended,
        b.taskAlwaysEager,
        b.taskEagerPropagates,
        b.taskStoreEagerResult,
        b.taskIgnoreResult,
        b.resultExpires,
        b.defaultRetryDelay,
        b.maxRetries,
        b.workerMode,
        b.concurrency,
        b.hostname,
        b.defaultQueue,
        b.journalCapacity,
        b.trackResults,
        b.resultSerializer,
        b.workerPid,
        b.sentTaskCapacity);
  }

  /**
   * Returns Celery's defaults: nothing tracked or extended, not eager, results expire after one
   * day, retries every 180 s at most 3 times, deterministic worker, journal of 10,000 events.
   *
   * @return the defaults
   */
  public static CeleryConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Sets {@code task_track_started}: store STARTED when a task starts.
   *
   * @param on the setting
   * @return the new config
   */
  public CeleryConfig taskTrackStarted(boolean on) {
    return copy(b -> b.taskTrackStarted = on);
  }

  /**
   * Sets {@code result_extended}: store name, args, kwargs, worker, retries and queue.
   *
   * @param on the setting
   * @return the new config
   */
  public CeleryConfig resultExtended(boolean on) {
    return copy(b -> b.resultExtended = on);
  }

  /**
   * Sets {@code task_always_eager}: {@code delay}/{@code applyAsync} run the task at once, in the
   * caller's thread, and return an {@code EagerResult}.
   *
   * @param on the setting
   * @return the new config
   */
  public CeleryConfig taskAlwaysEager(boolean on) {
    return copy(b -> b.taskAlwaysEager = on);
  }

  /**
   * Sets {@code task_eager_propagates}: an eager task's exception is raised by {@code delay}.
   *
   * @param on the setting
   * @return the new config
   */
  public CeleryConfig taskEagerPropagates(boolean on) {
    return copy(b -> b.taskEagerPropagates = on);
  }

  /**
   * Sets {@code task_store_eager_result}: eager tasks store their results in the backend too.
   *
   * @param on the setting
   * @return the new config
   */
  public CeleryConfig taskStoreEagerResult(boolean on) {
    return copy(b -> b.taskStoreEagerResult = on);
  }

  /**
   * Sets {@code task_ignore_result}: tasks store no result.
   *
   * @param on the setting
   * @return the new config
   */
  public CeleryConfig taskIgnoreResult(boolean on) {
    return copy(b -> b.taskIgnoreResult = on);
  }

  /**
   * Sets {@code result_expires}: results, in any state, read as PENDING this long (virtual time)
   * after they were stored, as with Celery's Redis and cache backends (each store starts its own
   * time to live); null keeps them forever.
   *
   * @param ttl a positive duration, or null
   * @return the new config
   */
  public CeleryConfig resultExpires(Duration ttl) {
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new IllegalArgumentException(
          "result_expires must be positive, got " + ttl + "; pass null to keep results forever");
    }
    return copy(b -> b.resultExpires = ttl);
  }

  /**
   * Sets the default retry delay ({@code Task.default_retry_delay}, 180 s in Celery).
   *
   * @param delay a non-negative duration
   * @return the new config
   */
  public CeleryConfig defaultRetryDelay(Duration delay) {
    Checks.requireRetryDelay(delay);
    return copy(b -> b.defaultRetryDelay = delay);
  }

  /**
   * Sets the default maximum number of retries ({@code Task.max_retries}, 3 in Celery); null
   * retries forever.
   *
   * @param max a non-negative count, or null
   * @return the new config
   */
  public CeleryConfig maxRetries(Integer max) {
    Checks.requireMaxRetries(max);
    return copy(b -> b.maxRetries = max);
  }

  /**
   * Sets how the worker runs tasks: deterministically on the caller's thread (default) or on a pool
   * of real threads.
   *
   * @param mode the mode
   * @return the new config
   */
  public CeleryConfig workerMode(WorkerMode mode) {
    Objects.requireNonNull(mode, "mode");
    return copy(b -> b.workerMode = mode);
  }

  /**
   * Sets the number of worker threads in {@link WorkerMode#THREADED} ({@code worker_concurrency}).
   *
   * @param threads at least 1
   * @return the new config
   */
  public CeleryConfig concurrency(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, got " + threads);
    }
    return copy(b -> b.concurrency = threads);
  }

  /**
   * Sets the worker's host name (stored as {@code worker} with result_extended).
   *
   * @param hostname e.g. {@code celery@host}
   * @return the new config
   */
  public CeleryConfig hostname(String hostname) {
    if (hostname == null || hostname.isBlank()) {
      throw new IllegalArgumentException("hostname must not be blank, got " + hostname);
    }
    return copy(b -> b.hostname = hostname);
  }

  /**
   * Sets the process id the worker reports: in STARTED metas ({@code {pid, hostname}}) and in
   * {@code task-started} events. It is {@link #DEFAULT_WORKER_PID} unless set, never the JVM's own,
   * so two runs of a test store and journal the same values.
   *
   * @param pid a positive process id
   * @return the new config
   */
  public CeleryConfig workerPid(int pid) {
    if (pid < 1) {
      throw new IllegalArgumentException("worker pid must be >= 1, got " + pid);
    }
    return copy(b -> b.workerPid = pid);
  }

  /**
   * Sets the default queue ({@code task_default_queue}, {@code celery}).
   *
   * @param queue the queue name
   * @return the new config
   */
  public CeleryConfig defaultQueue(String queue) {
    if (queue == null || queue.isBlank()) {
      throw new IllegalArgumentException("default queue must not be blank, got " + queue);
    }
    return copy(b -> b.defaultQueue = queue);
  }

  /**
   * Sets how many events the journal keeps (the oldest are dropped past it, and the journal says
   * how many); 0 switches the journal off.
   *
   * @param capacity a non-negative count
   * @return the new config
   */
  public CeleryConfig journalCapacity(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException(
          "journal capacity must be >= 0 (0 switches it off), got " + capacity);
    }
    return copy(b -> b.journalCapacity = capacity);
  }

  /**
   * Sets how many sent tasks the app keeps for {@link InMemoryCelery#sentTasks()} and verification
   * (10,000 by default; the oldest are dropped past it and counted); 0 switches recording off. Each
   * send keeps one small object holding the message's arguments.
   *
   * @param capacity a non-negative count
   * @return the new config
   */
  public CeleryConfig sentTaskCapacity(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException(
          "sent task capacity must be >= 0 (0 switches recording off), got " + capacity);
    }
    return copy(b -> b.sentTaskCapacity = capacity);
  }

  /**
   * Makes the app remember every result it hands out for a task call and whether it was consumed
   * ({@code get}, {@code join} or {@code forget}), so that strict tests can list the results nobody
   * consumed. Costs memory per task; off by default.
   *
   * @param on the setting
   * @return the new config
   */
  public CeleryConfig trackResults(boolean on) {
    return copy(b -> b.trackResults = on);
  }

  /**
   * Sets {@code result_serializer}: {@link ResultSerializer#JSON} (Celery's default) or {@link
   * ResultSerializer#OBJECT} (Java values kept as they are, as Celery's pickle).
   *
   * @param serializer the serializer
   * @return the new config
   */
  public CeleryConfig resultSerializer(ResultSerializer serializer) {
    Objects.requireNonNull(serializer, "serializer");
    return copy(b -> b.resultSerializer = serializer);
  }

  /**
   * Returns {@code result_serializer}.
   *
   * @return the serializer
   */
  public ResultSerializer resultSerializer() {
    return resultSerializer;
  }

  /**
   * Returns whether handed-out results are tracked.
   *
   * @return the setting
   */
  public boolean trackResults() {
    return trackResults;
  }

  /**
   * Returns {@code task_track_started}.
   *
   * @return the setting
   */
  public boolean taskTrackStarted() {
    return taskTrackStarted;
  }

  /**
   * Returns {@code result_extended}.
   *
   * @return the setting
   */
  public boolean resultExtended() {
    return resultExtended;
  }

  /**
   * Returns {@code task_always_eager}.
   *
   * @return the setting
   */
  public boolean taskAlwaysEager() {
    return taskAlwaysEager;
  }

  /**
   * Returns {@code task_eager_propagates}.
   *
   * @return the setting
   */
  public boolean taskEagerPropagates() {
    return taskEagerPropagates;
  }

  /**
   * Returns {@code task_store_eager_result}.
   *
   * @return the setting
   */
  public boolean taskStoreEagerResult() {
    return taskStoreEagerResult;
  }

  /**
   * Returns {@code task_ignore_result}.
   *
   * @return the setting
   */
  public boolean taskIgnoreResult() {
    return taskIgnoreResult;
  }

  /**
   * Returns {@code result_expires}, or null.
   *
   * @return the setting
   */
  public Duration resultExpires() {
    return resultExpires;
  }

  /**
   * Returns the default retry delay.
   *
   * @return the setting
   */
  public Duration defaultRetryDelay() {
    return defaultRetryDelay;
  }

  /**
   * Returns the default maximum number of retries, or null for unlimited.
   *
   * @return the setting
   */
  public Integer maxRetries() {
    return maxRetries;
  }

  /**
   * Returns the worker mode.
   *
   * @return the setting
   */
  public WorkerMode workerMode() {
    return workerMode;
  }

  /**
   * Returns the worker concurrency.
   *
   * @return the setting
   */
  public int concurrency() {
    return concurrency;
  }

  /**
   * Returns the worker host name.
   *
   * @return the setting
   */
  public String hostname() {
    return hostname;
  }

  /**
   * Returns the process id the worker reports.
   *
   * @return the setting
   */
  public int workerPid() {
    return workerPid;
  }

  /**
   * Returns the default queue.
   *
   * @return the setting
   */
  public String defaultQueue() {
    return defaultQueue;
  }

  /**
   * Returns the journal capacity.
   *
   * @return the setting
   */
  public int journalCapacity() {
    return journalCapacity;
  }

  /**
   * Returns how many sent tasks the app keeps.
   *
   * @return the setting
   */
  public int sentTaskCapacity() {
    return sentTaskCapacity;
  }

  /**
   * Describes the settings with Celery's names.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "CeleryConfig[task_track_started="
        + taskTrackStarted
        + ", result_extended="
        + resultExtended
        + ", task_always_eager="
        + taskAlwaysEager
        + ", task_eager_propagates="
        + taskEagerPropagates
        + ", task_store_eager_result="
        + taskStoreEagerResult
        + ", task_ignore_result="
        + taskIgnoreResult
        + ", result_expires="
        + resultExpires
        + ", default_retry_delay="
        + defaultRetryDelay
        + ", max_retries="
        + maxRetries
        + ", result_serializer="
        + resultSerializer
        + ", worker="
        + workerMode
        + "]";
  }

  private interface Mutator {
    void apply(Builder b);
  }

  private static final class Builder {
    boolean taskTrackStarted;
    boolean resultExtended;
    boolean taskAlwaysEager;
    boolean taskEagerPropagates;
    boolean taskStoreEagerResult;
    boolean taskIgnoreResult;
    Duration resultExpires;
    Duration defaultRetryDelay;
    Integer maxRetries;
    WorkerMode workerMode;
    int concurrency;
    String hostname;
    String defaultQueue;
    int journalCapacity;
    boolean trackResults;
    ResultSerializer resultSerializer;
    int workerPid;
    int sentTaskCapacity;

    Builder(CeleryConfig c) {
      taskTrackStarted = c.taskTrackStarted;
      resultExtended = c.resultExtended;
      taskAlwaysEager = c.taskAlwaysEager;
      taskEagerPropagates = c.taskEagerPropagates;
      taskStoreEagerResult = c.taskStoreEagerResult;
      taskIgnoreResult = c.taskIgnoreResult;
      resultExpires = c.resultExpires;
      defaultRetryDelay = c.defaultRetryDelay;
      maxRetries = c.maxRetries;
      workerMode = c.workerMode;
      concurrency = c.concurrency;
      hostname = c.hostname;
      defaultQueue = c.defaultQueue;
      journalCapacity = c.journalCapacity;
      trackResults = c.trackResults;
      resultSerializer = c.resultSerializer;
      workerPid = c.workerPid;
      sentTaskCapacity = c.sentTaskCapacity;
    }
  }
}
