package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.internal.OptionValues;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

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

  private static final CeleryConfig DEFAULTS = new CeleryConfig(new Builder());

  private final Builder values;

  private CeleryConfig(Builder values) {
    this.values = values;
  }

  private CeleryConfig copy(Consumer<Builder> change) {
    return new CeleryConfig(values.with(change));
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
    return copy(
        b ->
            b.resultExpires =
                ttl == null
                    ? null
                    : Checks.requirePositive(
                        ttl, "result_expires", "pass null to keep results forever"));
  }

  /**
   * Sets the default retry delay ({@code Task.default_retry_delay}, 180 s in Celery).
   *
   * @param delay a non-negative duration
   * @return the new config
   */
  public CeleryConfig defaultRetryDelay(Duration delay) {
    return copy(b -> b.defaultRetryDelay = Checks.requireRetryDelay(delay));
  }

  /**
   * Sets the default maximum number of retries ({@code Task.max_retries}, 3 in Celery); null
   * retries forever.
   *
   * @param max a non-negative count, or null
   * @return the new config
   */
  public CeleryConfig maxRetries(Integer max) {
    return copy(b -> b.maxRetries = Checks.requireMaxRetries(max));
  }

  /**
   * Sets how the worker runs tasks: deterministically on the caller's thread (default) or on a pool
   * of real threads.
   *
   * @param mode the mode
   * @return the new config
   */
  public CeleryConfig workerMode(WorkerMode mode) {
    return copy(b -> b.workerMode = Objects.requireNonNull(mode, "mode"));
  }

  /**
   * Sets the number of worker threads in {@link WorkerMode#THREADED} ({@code worker_concurrency}).
   *
   * @param threads at least 1
   * @return the new config
   */
  public CeleryConfig concurrency(int threads) {
    return copy(b -> b.concurrency = Checks.requireAtLeast(threads, 1, "concurrency", ""));
  }

  /**
   * Sets the worker's host name (stored as {@code worker} with result_extended).
   *
   * @param hostname e.g. {@code celery@host}
   * @return the new config
   */
  public CeleryConfig hostname(String hostname) {
    return copy(b -> b.hostname = Checks.requireNonBlank(hostname, "hostname"));
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
    return copy(b -> b.workerPid = Checks.requireAtLeast(pid, 1, "worker pid", ""));
  }

  /**
   * Sets the default queue ({@code task_default_queue}, {@code celery}).
   *
   * @param queue the queue name
   * @return the new config
   */
  public CeleryConfig defaultQueue(String queue) {
    return copy(b -> b.defaultQueue = Checks.requireNonBlank(queue, "default queue"));
  }

  /**
   * Sets how many events the journal keeps (the oldest are dropped past it, and the journal says
   * how many); 0 switches the journal off.
   *
   * @param capacity a non-negative count
   * @return the new config
   */
  public CeleryConfig journalCapacity(int capacity) {
    return copy(
        b ->
            b.journalCapacity =
                Checks.requireAtLeast(capacity, 0, "journal capacity", " (0 switches it off)"));
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
    return copy(
        b ->
            b.sentTaskCapacity =
                Checks.requireAtLeast(
                    capacity, 0, "sent task capacity", " (0 switches recording off)"));
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
    return copy(b -> b.resultSerializer = Objects.requireNonNull(serializer, "serializer"));
  }

  /**
   * Returns {@code result_serializer}.
   *
   * @return the serializer
   */
  public ResultSerializer resultSerializer() {
    return values.resultSerializer;
  }

  /**
   * Returns whether handed-out results are tracked.
   *
   * @return the setting
   */
  public boolean trackResults() {
    return values.trackResults;
  }

  /**
   * Returns {@code task_track_started}.
   *
   * @return the setting
   */
  public boolean taskTrackStarted() {
    return values.taskTrackStarted;
  }

  /**
   * Returns {@code result_extended}.
   *
   * @return the setting
   */
  public boolean resultExtended() {
    return values.resultExtended;
  }

  /**
   * Returns {@code task_always_eager}.
   *
   * @return the setting
   */
  public boolean taskAlwaysEager() {
    return values.taskAlwaysEager;
  }

  /**
   * Returns {@code task_eager_propagates}.
   *
   * @return the setting
   */
  public boolean taskEagerPropagates() {
    return values.taskEagerPropagates;
  }

  /**
   * Returns {@code task_store_eager_result}.
   *
   * @return the setting
   */
  public boolean taskStoreEagerResult() {
    return values.taskStoreEagerResult;
  }

  /**
   * Returns {@code task_ignore_result}.
   *
   * @return the setting
   */
  public boolean taskIgnoreResult() {
    return values.taskIgnoreResult;
  }

  /**
   * Returns {@code result_expires}, or null.
   *
   * @return the setting
   */
  public Duration resultExpires() {
    return values.resultExpires;
  }

  /**
   * Returns the default retry delay.
   *
   * @return the setting
   */
  public Duration defaultRetryDelay() {
    return values.defaultRetryDelay;
  }

  /**
   * Returns the default maximum number of retries, or null for unlimited.
   *
   * @return the setting
   */
  public Integer maxRetries() {
    return values.maxRetries;
  }

  /**
   * Returns the worker mode.
   *
   * @return the setting
   */
  public WorkerMode workerMode() {
    return values.workerMode;
  }

  /**
   * Returns the worker concurrency.
   *
   * @return the setting
   */
  public int concurrency() {
    return values.concurrency;
  }

  /**
   * Returns the worker host name.
   *
   * @return the setting
   */
  public String hostname() {
    return values.hostname;
  }

  /**
   * Returns the process id the worker reports.
   *
   * @return the setting
   */
  public int workerPid() {
    return values.workerPid;
  }

  /**
   * Returns the default queue.
   *
   * @return the setting
   */
  public String defaultQueue() {
    return values.defaultQueue;
  }

  /**
   * Returns the journal capacity.
   *
   * @return the setting
   */
  public int journalCapacity() {
    return values.journalCapacity;
  }

  /**
   * Returns how many sent tasks the app keeps.
   *
   * @return the setting
   */
  public int sentTaskCapacity() {
    return values.sentTaskCapacity;
  }

  /**
   * Describes the settings with Celery's names.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "CeleryConfig[task_track_started="
        + values.taskTrackStarted
        + ", result_extended="
        + values.resultExtended
        + ", task_always_eager="
        + values.taskAlwaysEager
        + ", task_eager_propagates="
        + values.taskEagerPropagates
        + ", task_store_eager_result="
        + values.taskStoreEagerResult
        + ", task_ignore_result="
        + values.taskIgnoreResult
        + ", result_expires="
        + values.resultExpires
        + ", default_retry_delay="
        + values.defaultRetryDelay
        + ", max_retries="
        + values.maxRetries
        + ", result_serializer="
        + values.resultSerializer
        + ", worker="
        + values.workerMode
        + "]";
  }

  private static final class Builder extends OptionValues<Builder> {
    boolean taskTrackStarted;
    boolean resultExtended;
    boolean taskAlwaysEager;
    boolean taskEagerPropagates;
    boolean taskStoreEagerResult;
    boolean taskIgnoreResult;
    Duration resultExpires = Duration.ofDays(1);
    Duration defaultRetryDelay = Duration.ofSeconds(180);
    Integer maxRetries = 3;
    WorkerMode workerMode = WorkerMode.DETERMINISTIC;
    int concurrency = 2;
    String hostname = "celery@celerykit";
    String defaultQueue = "celery";
    int journalCapacity = 10_000;
    boolean trackResults;
    ResultSerializer resultSerializer = ResultSerializer.JSON;
    int workerPid = DEFAULT_WORKER_PID;
    int sentTaskCapacity = 10_000;
  }
}
