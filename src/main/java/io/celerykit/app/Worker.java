package io.celerykit.app;

import io.celerykit.backend.ScheduledEvent;
import io.celerykit.backend.VirtualClock;
import io.celerykit.internal.PythonRepr;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import io.celerykit.wire.EncodeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  private final InMemoryCelery app;
  private final VirtualClock clock;
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final List<Map<String, Object>> revokedStamps = new CopyOnWriteArrayList<>();
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger executed = new AtomicInteger();
  private final ExecutorService pool;

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

  Worker(InMemoryCelery app) {
    this.app = app;
    this.clock = app.clock();
    this.pool =
        app.config().workerMode() == WorkerMode.THREADED
            ? Executors.newFixedThreadPool(
                app.config().concurrency(),
                r -> {
                  Thread t = new Thread(r, "celerykit-worker");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    app.control().onRevoke(this::onRevoke);
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
    return Set.copyOf(revoked);
  }

  /** Stops the threads of a threaded worker; a deterministic worker has none. */
  @Override
  public void close() {
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

  void submit(Message m) {
    queued.incrementAndGet();
    journal("task-received", m, () -> receivedPayload(m));
    Instant now = clock.now();
    if (pool == null) {
      if (m.eta != null && m.eta.isAfter(now)) {
        clock.scheduleAt(m.eta, () -> execute(m));
      } else {
        clock.schedule(Duration.ZERO, () -> execute(m));
      }
    } else if (m.eta != null && m.eta.isAfter(now)) {
      clock.scheduleAt(m.eta, () -> pool.execute(() -> execute(m)));
    } else {
      pool.execute(() -> execute(m));
    }
  }

  private static Map<String, Object> receivedPayload(Message m) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("args", m.args);
    p.put("kwargs", m.kwargs);
    p.put("retries", m.retries);
    if (m.eta != null) {
      p.put("eta", m.eta);
    }
    if (m.expires != null) {
      p.put("expires", m.expires);
    }
    return p;
  }

  // ---------------------------------------------------------------- running

  private void execute(Message m) {
    queued.decrementAndGet();
    if (m.expires != null && clock.now().isAfter(m.expires)) {
      storeRevoked(m, "expired", false, true, null);
      return;
    }
    if (isRevoked(m)) {
      storeRevoked(m, "revoked", false, false, null);
      return;
    }
    RegisteredTask task = app.registered(m.name);
    TaskContext self = new TaskContext(app, m, task, false);
    RegisteredTask.Step step = task.plan(self);
    if (step == null) {
      return;
    }
    executed.incrementAndGet();
    Instant started = clock.now();
    journal(
        "task-started",
        m,
        () -> {
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put("hostname", app.config().hostname());
          fields.put("pid", app.config().workerPid());
          return fields;
        });
    if (task.options().trackStarted(app.config()) && storesErrors(task)) {
      Map<String, Object> startedMeta = new LinkedHashMap<>();
      startedMeta.put("pid", app.config().workerPid());
      startedMeta.put("hostname", app.config().hostname());
      app.backend()
          .store(metaFor(m, task, TaskState.STARTED, startedMeta, null, List.of()).build());
    }
    if (step.progressState() != null) {
      app.backend()
          .store(
              metaFor(
                      m,
                      task,
                      step.progressState(),
                      app.serialize(step.progressMeta()),
                      null,
                      List.of())
                  .build());
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
                  finish(m, task, self, step, started);
                }
              });
    }
  }

  private void finish(
      Message m, RegisteredTask task, TaskContext self, RegisteredTask.Step step, Instant started) {
    app.enter(self);
    try {
      Object value;
      try {
        value = step.body().run(self);
      } catch (RetryException retry) {
        retried(m, task, self, retry);
        return;
      } catch (FailNow failNow) {
        failed(m, task, self, failNow.failure());
        return;
      } catch (RejectException reject) {
        journal("task-rejected", m, () -> Map.of("requeue", reject.requeue()));
        return;
      } catch (Exception | Error error) {
        failed(m, task, self, error);
        return;
      }
      Object stored;
      try {
        stored = app.serialize(value);
      } catch (EncodeException notStorable) {
        failed(m, task, self, notStorable);
        return;
      }
      succeeded(m, task, self, stored, started);
    } finally {
      app.exit(self);
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
    if (storesSuccess(m, task)) {
      app.backend()
          .store(metaFor(m, task, TaskState.SUCCESS, value, null, self.children()).build());
    }
    Instant finished = clock.now(); // the runtime is measured now, the payload built later
    journal(
        "task-succeeded",
        m,
        () -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("result", PythonRepr.repr(value));
          p.put("runtime", Duration.between(started, finished));
          return p;
        });
  }

  private void failed(Message m, RegisteredTask task, TaskContext self, Throwable error) {
    String traceback = traceback(error);
    if (storesErrors(task)) {
      app.backend()
          .store(metaFor(m, task, TaskState.FAILURE, error, traceback, self.children()).build());
    }
    journal(
        "task-failed",
        m,
        () -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("exception", error.toString());
          p.put("traceback", traceback);
          return p;
        });
    for (Signature errback : m.linkError) {
      errback.withPrepended(m.id).applyAsync();
    }
    for (Consumer<Completion> hook : m.onComplete) {
      hook.accept(new Completion(m.id, TaskState.FAILURE, error));
    }
  }

  private void retried(Message m, RegisteredTask task, TaskContext self, RetryException retry) {
    List<ResultBase> children = new ArrayList<>(self.children());
    if (task.options().trail()) {
      children.add(app.asyncResult(m.id));
    }
    if (storesErrors(task)) {
      app.backend()
          .store(
              metaFor(m, task, TaskState.RETRY, retry.exc(), traceback(retry), children).build());
    }
    journal("task-retried", m, () -> Map.of("exception", retry.toString()));
    submit(m.retry(clock.now().plus(retry.countdown())));
  }

  /**
   * Whether a SUCCESS is stored: not when the task ignores its result ({@code publish_result} in
   * Celery's trace), nor when the call asked to ({@code request.ignore_result} in {@code
   * mark_as_done}); a call cannot keep the result of a task that ignores it.
   */
  boolean storesSuccess(Message m, RegisteredTask task) {
    return storesErrors(task) && !Boolean.TRUE.equals(m.ignoreResult);
  }

  /**
   * Whether FAILURE, RETRY, REVOKED and STARTED are stored: not when the task ignores its result
   * (Celery's {@code store_errors}: {@code not task.ignore_result}); a call's own ignore_result
   * does not matter here.
   */
  boolean storesErrors(RegisteredTask task) {
    return task == null || !task.options().ignoreResult(app.config());
  }

  static String traceback(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  TaskMeta.Builder metaFor(
      Message m,
      RegisteredTask task,
      TaskState state,
      Object result,
      String traceback,
      List<ResultBase> children) {
    TaskMeta.Builder b = TaskMeta.builder(m.id, state).result(result).traceback(traceback);
    if (!children.isEmpty()) {
      List<ResultTuple> tuples = new ArrayList<>(children.size());
      for (ResultBase child : children) {
        tuples.add(ResultTuple.of(child));
      }
      b.children(tuples);
    }
    if (state.isReady()) {
      b.dateDone(clock.now());
    }
    b.groupId(m.groupId);
    if (m.parentId != null) {
      b.parentId(m.parentId);
    }
    if (app.config().resultExtended()) {
      b.extended(m.name, m.args, m.kwargs, app.config().hostname(), queueOf(m));
      b.retries(m.retries);
    }
    return b;
  }

  private String queueOf(Message m) {
    return m.queue != null ? m.queue : app.config().defaultQueue();
  }

  // ---------------------------------------------------------------- revoking

  private void onRevoke(RevokeRequest request) {
    if (request.byStampedHeaders()) {
      revokedStamps.add(request.headers());
    } else {
      revoked.addAll(request.taskIds());
    }
    if (!request.options().terminate()) {
      return;
    }
    for (Running run : List.copyOf(running.values())) {
      boolean hit =
          request.byStampedHeaders()
              ? stampsMatch(run.message().headers, request.headers())
              : request.revokes(run.message().id);
      if (hit && running.remove(run.message().id, run)) {
        run.cancel();
        storeRevoked(run.message(), "terminated", true, false, request.options().signal());
      }
    }
  }

  private boolean isRevoked(Message m) {
    if (revoked.contains(m.id)) {
      return true;
    }
    for (Map<String, Object> stamps : revokedStamps) {
      if (stampsMatch(m.headers, stamps)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a task's stamps match a revoke by stamped headers: any one header of the request whose
   * value (or one of whose values) the task carries, as Celery's worker does.
   */
  static boolean stampsMatch(Map<String, Object> headers, Map<String, Object> wanted) {
    for (Map.Entry<String, Object> want : wanted.entrySet()) {
      if (!headers.containsKey(want.getKey())) {
        continue;
      }
      Object have = headers.get(want.getKey());
      Object value = want.getValue();
      boolean ok =
          value instanceof List<?> accepted
              ? (have instanceof List<?> haveList
                  ? haveList.stream().anyMatch(accepted::contains)
                  : accepted.contains(have))
              : (have instanceof List<?> haveList ? haveList.contains(value) : value.equals(have));
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private void storeRevoked(
      Message m, String reason, boolean terminated, boolean expired, String signal) {
    RegisteredTask task = app.registeredOrNull(m.name);
    TaskRevokedException exc = new TaskRevokedException(reason);
    if (storesErrors(task)) {
      app.backend().store(metaFor(m, task, TaskState.REVOKED, exc, null, List.of()).build());
    }
    journal(
        "task-revoked",
        m,
        () -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("terminated", terminated);
          p.put("signum", signal);
          p.put("expired", expired);
          return p;
        });
    for (Consumer<Completion> hook : m.onComplete) {
      hook.accept(new Completion(m.id, TaskState.REVOKED, exc));
    }
  }

  /** Records an event at the current virtual time; its payload is built when first read. */
  private void journal(String type, Message m, Supplier<Map<String, Object>> payload) {
    app.journal().record(type, m.id, m.name, payload);
  }
}
