package io.celerykit.app;

import io.celerykit.backend.ScheduledEvent;
import io.celerykit.backend.VirtualClock;
import io.celerykit.internal.PythonRepr;
import io.celerykit.internal.TimeMath;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import io.celerykit.wire.EncodeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app's worker. In {@link WorkerMode#DETERMINISTIC} mode (the default) nothing runs until the
 * test says so ({@link #step()}, {@link #runDue()}, {@link #runUntilIdle()}, advancing the clock)
 * or a blocking call ({@code get}, {@code join}) needs it; tasks run on the calling thread in (ETA,
 * arrival) order. In {@link WorkerMode#THREADED} mode due tasks run on a pool of real threads.
 *
 * <p>It stores what Celery's worker stores: STARTED only with {@code task_track_started}; RETRY
 * with the retry's exception and a retries count; FAILURE with the exception and a traceback;
 * REVOKED with a {@link TaskRevokedException}; SUCCESS with the value; name, args, kwargs, worker,
 * queue and retries only with {@code result_extended}; children when the task is {@code trail}.
 */
public final class Worker implements AutoCloseable {

  private final TaskRegistry registry;
  private final TaskExecution execution;
  private final ResultStore results;
  private final VirtualClock clock;
  private final EventJournal journal;
  private final CeleryConfig config;
  private final SentTaskLog sent;
  private final RevokedTasks revoked = new RevokedTasks();
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger executed = new AtomicInteger();

  /** Work handed to the pool and not done yet (threaded mode): queued or running bodies. */
  private final AtomicInteger onPool = new AtomicInteger();

  private final ExecutorService pool;
  private final RealTimeDriver driver;

  /**
   * A run that takes virtual time: its message and the event that completes it. It is active before
   * its completion is scheduled, so a clock advanced on another thread cannot complete it unseen;
   * compared by identity.
   */
  private static final class Running {
    private final Message message;
    private volatile ScheduledEvent completion;

    Running(Message message) {
      this.message = message;
    }

    Message message() {
      return message;
    }

    /** Cancels the completion, if it is scheduled yet; one scheduled later finds the run gone. */
    void cancel() {
      ScheduledEvent event = completion;
      if (event != null) {
        event.cancel();
      }
    }
  }

  Worker(
      TaskRegistry registry,
      TaskExecution execution,
      ResultStore results,
      VirtualClock clock,
      EventJournal journal,
      InMemoryControl control,
      CeleryConfig config,
      SentTaskLog sent) {
    this.registry = registry;
    this.execution = execution;
    this.results = results;
    this.clock = clock;
    this.journal = journal;
    this.config = config;
    this.sent = sent;
    this.pool =
        config.workerMode() == WorkerMode.THREADED
            ? Executors.newFixedThreadPool(
                config.concurrency(),
                r -> {
                  Thread t = new Thread(r, "celerykit-worker");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    this.driver = pool == null ? null : new RealTimeDriver(clock);
    control.onRevoke(this::onRevoke);
  }

  /**
   * Returns how the worker runs tasks.
   *
   * @return the mode
   */
  public WorkerMode mode() {
    return pool == null ? WorkerMode.DETERMINISTIC : WorkerMode.THREADED;
  }

  // ---------------------------------------------------------------- driving

  /**
   * Runs the next scheduled event (the next task, a retry, a completion), advancing the virtual
   * clock to its time. Result expiry alone does not count: with only that left, nothing runs.
   *
   * @return false when no task, retry or completion is scheduled
   */
  public boolean step() {
    return clock.hasPendingProgress() && clock.runNext();
  }

  /**
   * Runs everything due now, without advancing the clock.
   *
   * @return how many events ran
   */
  public int runDue() {
    int count = 0;
    while (clock.runNextDueBy(clock.now())) {
      count++;
    }
    return count;
  }

  /**
   * Runs until nothing that can make progress is scheduled (countdowns, ETAs and retries included),
   * advancing the virtual clock as needed.
   *
   * @return how many events ran
   */
  public int runUntilIdle() {
    int count = 0;
    while (clock.hasPendingProgress()) {
      clock.runNext();
      count++;
    }
    return count;
  }

  /**
   * Returns how many received tasks have not started yet.
   *
   * @return the count
   */
  public int queued() {
    return queued.get();
  }

  /**
   * Returns how many task runs started so far.
   *
   * @return the count
   */
  public int executed() {
    return executed.get();
  }

  /**
   * Returns the ids of tasks running now (started and taking virtual time).
   *
   * @return a snapshot
   */
  public Set<String> active() {
    return Set.copyOf(running.keySet());
  }

  /**
   * Returns the ids the worker holds as revoked.
   *
   * @return a snapshot
   */
  public Set<String> revoked() {
    return revoked.ids();
  }

  /** Stops the threads of a threaded worker; a deterministic worker has none. */
  @Override
  public void close() {
    if (driver != null) {
      driver.close();
    }
    if (pool != null) {
      pool.shutdownNow();
      try {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---------------------------------------------------------------- receiving

  /**
   * Tells whether the worker takes no more tasks: a threaded worker after {@link #close()}; a
   * deterministic worker has no threads to stop and always takes them.
   */
  boolean closed() {
    return pool != null && pool.isShutdown();
  }

  /** Refuses to send a task to a closed worker, naming the task and the way out. */
  void requireOpen(String taskName) {
    if (closed()) {
      throw new IllegalStateException(
          "cannot send "
              + taskName
              + ": the app is closed and its worker threads are stopped; send tasks before"
              + " app.close(), or create a new app with InMemoryCelery.create()");
    }
  }

  /** Receives a task message; after {@link #close()} it is dropped (the app refuses sends then). */
  void submit(Message m) {
    if (closed()) {
      return;
    }
    queued.incrementAndGet();
    journal("task-received", m, m::receivedPayload);
    Instant now = clock.now();
    if (pool == null) {
      if (m.eta != null && m.eta.isAfter(now)) {
        clock.scheduleAt(m.eta, () -> execute(m));
      } else {
        clock.schedule(Duration.ZERO, () -> execute(m));
      }
    } else if (m.eta != null && m.eta.isAfter(now)) {
      clock.scheduleAt(m.eta, () -> executeOnPool(m));
      driver.wake();
    } else {
      runOnPool(() -> execute(m));
    }
  }

  /** Hands a task that came due to the pool; after {@link #close()} it is dropped. */
  private void executeOnPool(Message m) {
    if (closed()) {
      queued.decrementAndGet();
      return;
    }
    runOnPool(() -> execute(m));
  }

  /** Hands work to the pool, counted until it is done, for {@link #stallReason()}. */
  private void runOnPool(Runnable work) {
    onPool.incrementAndGet();
    try {
      pool.execute(
          () -> {
            try {
              work.run();
            } finally {
              onPool.decrementAndGet();
            }
          });
    } catch (RejectedExecutionException closedMeanwhile) {
      onPool.decrementAndGet();
    }
  }

  /**
   * Tells why nothing in this app can make progress any more, or returns null while something can:
   * a threaded worker with no body queued or running on its threads and nothing due later on the
   * clock (a countdown, a retry, a task's duration) is stalled. Real-time waits read it to fail
   * instead of blocking forever, and to say why in a timeout's message.
   */
  String stallReason() {
    if (onPool.get() > 0 || clock.hasPendingProgress()) {
      return null;
    }
    int held = sent.heldCount();
    return "the worker is idle: no task is queued, running or due later on the clock"
        + (held == 0 ? "" : " (" + held + " sent task(s) held by a neverRuns() stub)");
  }

  // ---------------------------------------------------------------- running

  private void execute(Message m) {
    queued.decrementAndGet();
    if (m.expires != null && clock.now().isAfter(m.expires)) {
      sent.started(m.id);
      storeRevoked(m, "expired", false, true, null);
      return;
    }
    if (revoked.contains(m)) {
      sent.started(m.id);
      storeRevoked(m, "revoked", false, false, null);
      return;
    }
    RegisteredTask task = registry.get(m.name);
    TaskContext self = execution.context(m, task, false);
    RegisteredTask.Step step = task.plan(self);
    if (step == null) {
      sent.heldByStub(m.id);
      return;
    }
    sent.started(m.id);
    executed.incrementAndGet();
    Instant started = clock.now();
    journal(
        "task-started", m, () -> payload("hostname", config.hostname(), "pid", config.workerPid()));
    if (task.options().trackStarted(config) && results.storesErrors(task)) {
      Map<String, Object> startedMeta = new LinkedHashMap<>();
      startedMeta.put("pid", config.workerPid());
      startedMeta.put("hostname", config.hostname());
      results.store(m, TaskState.STARTED, startedMeta, null, List.of());
    }
    if (step.progressState() != null) {
      Object meta = results.serialize(step.progressMeta());
      results.store(m, step.progressState(), meta, null, List.of());
    }
    if (step.duration().isZero()) {
      finish(m, task, self, step, started);
    } else {
      Running run = new Running(m);
      running.put(m.id, run);
      run.completion =
          clock.schedule(
              step.duration(),
              () -> {
                if (running.remove(m.id, run)) {
                  completeAfterDuration(m, task, self, step, started);
                }
              });
      if (driver != null) {
        driver.wake();
      }
    }
  }

  /**
   * Ends a run whose duration has passed: on the thread that moved the clock in deterministic mode,
   * on a worker thread in threaded mode (the clock's own thread moves it there).
   */
  private void completeAfterDuration(
      Message m, RegisteredTask task, TaskContext self, RegisteredTask.Step step, Instant started) {
    if (pool == null) {
      finish(m, task, self, step, started);
    } else if (!closed()) {
      runOnPool(() -> finish(m, task, self, step, started));
    }
  }

  private void finish(
      Message m, RegisteredTask task, TaskContext self, RegisteredTask.Step step, Instant started) {
    execution.run(
        self,
        step,
        ending -> {
          end(m, task, self, ending, started);
          return null;
        });
  }

  /** Stores and records how a run ended, while the task is still the current one. */
  private void end(
      Message m,
      RegisteredTask task,
      TaskContext self,
      TaskExecution.Ending ending,
      Instant started) {
    if (ending instanceof TaskExecution.Retried retried) {
      retried(m, task, self, retried.retry());
    } else if (ending instanceof TaskExecution.Failed failed) {
      failed(m, task, self, failed.error());
    } else if (ending instanceof TaskExecution.Rejected rejected) {
      journal("task-rejected", m, () -> Map.of("requeue", rejected.reject().requeue()));
    } else if (ending instanceof TaskExecution.Succeeded succeeded) {
      Object stored;
      try {
        stored = results.serialize(succeeded.value());
      } catch (EncodeException notStorable) {
        failed(m, task, self, notStorable);
        return;
      }
      succeeded(m, task, self, stored, started);
    }
  }

  private void succeeded(
      Message m, RegisteredTask task, TaskContext self, Object value, Instant started) {
    for (Signature link : m.link) {
      link.withPrepended(value).applyAsync();
    }
    for (Consumer<Completion> hook : m.onComplete) {
      hook.accept(new Completion(m.id, TaskState.SUCCESS, value));
    }
    if (results.storesSuccess(m, task)) {
      results.store(m, TaskState.SUCCESS, value, null, self.children());
    }
    Instant finished = clock.now(); // the runtime is measured now, the payload built later
    journal(
        "task-succeeded",
        m,
        () ->
            payload(
                "result", PythonRepr.repr(value), "runtime", Duration.between(started, finished)));
  }

  private void failed(Message m, RegisteredTask task, TaskContext self, Throwable error) {
    String traceback = traceback(error);
    // What a client reads back: under the JSON serializer a RemoteTaskException, as Celery's.
    Object stored = results.storedForm(error, traceback);
    if (results.storesErrors(task)) {
      results.store(m, TaskState.FAILURE, stored, traceback, self.children());
    }
    journal("task-failed", m, () -> payload("exception", error.toString(), "traceback", traceback));
    callErrbacks(m.linkError, m.id);
    for (Consumer<Completion> hook : m.onComplete) {
      hook.accept(new Completion(m.id, TaskState.FAILURE, stored));
    }
  }

  private void retried(Message m, RegisteredTask task, TaskContext self, RetryException retry) {
    if (results.storesErrors(task)) {
      results.storeRetry(m, task, retry, self.children());
    }
    journal("task-retried", m, () -> Map.of("exception", retry.toString()));
    submit(m.retry(TimeMath.plus(clock.now(), retry.countdown())));
  }

  /** Returns the stack trace of an error as text, as stored with a failure. */
  /**
   * Sends a failed task's errbacks: the task's id their one argument, all as the members of one new
   * group, as Celery's {@code Backend._call_task_errbacks} sends one-argument errbacks ({@code
   * group(old_signature).apply_async((task_id,), parent_id=task_id)}).
   */
  static void callErrbacks(List<Signature> errbacks, String taskId) {
    if (!errbacks.isEmpty()) {
      Canvas.group(errbacks).applyAsync(List.of(taskId));
    }
  }

  static String traceback(Throwable error) {
    return ResultStore.traceback(error);
  }

  /** Returns the first failure of an event the threaded clock ran, or null. */
  RuntimeException clockFailure() {
    return driver == null ? null : driver.failure();
  }

  /** Tells whether a task id was revoked (by id). */
  boolean isRevoked(String taskId) {
    return revoked.contains(taskId);
  }

  // ---------------------------------------------------------------- revoking

  private void onRevoke(RevokeRequest request) {
    revoked.add(request);
    if (!request.options().terminate()) {
      return;
    }
    for (Running run : List.copyOf(running.values())) {
      if (RevokedTasks.hits(request, run.message()) && running.remove(run.message().id, run)) {
        run.cancel();
        storeRevoked(run.message(), "terminated", true, false, request.options().signal());
      }
    }
  }

  private void storeRevoked(
      Message m, String reason, boolean terminated, boolean expired, String signal) {
    RegisteredTask task = registry.getOrNull(m.name);
    Object exc = results.storedForm(new TaskRevokedException(reason), null);
    if (results.storesErrors(task)) {
      results.store(m, TaskState.REVOKED, exc, null, List.of());
    }
    journal(
        "task-revoked",
        m,
        () -> payload("terminated", terminated, "signum", signal, "expired", expired));
    for (Consumer<Completion> hook : m.onComplete) {
      hook.accept(new Completion(m.id, TaskState.REVOKED, exc));
    }
  }

  /** Records an event at the current virtual time; its payload is built when first read. */
  private void journal(String type, Message m, Supplier<Map<String, Object>> payload) {
    journal.record(type, m.id, m.name, payload);
  }

  /** An event's fields in this order; a value may be null (a missing traceback). */
  private static Map<String, Object> payload(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(k1, v1);
    fields.put(k2, v2);
    return fields;
  }

  /** An event's fields in this order; a value may be null. */
  private static Map<String, Object> payload(
      String k1, Object v1, String k2, Object v2, String k3, Object v3) {
    Map<String, Object> fields = payload(k1, v1, k2, v2);
    fields.put(k3, v3);
    return fields;
  }
}
