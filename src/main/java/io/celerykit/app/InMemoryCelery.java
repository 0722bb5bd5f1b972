package io.celerykit.app;

import io.celerykit.backend.InMemoryBackend;
import io.celerykit.backend.VirtualClock;
import io.celerykit.backend.WaitMode;
import io.celerykit.internal.Checks;
import io.celerykit.internal.PlainScalars;
import io.celerykit.internal.ResultHooks;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A whole Celery in one object, in memory: configuration, virtual clock, result backend, control,
 * worker, task registry and event journal ({@code app.conf}, {@code app.backend}, {@code
 * app.control}, ...). Create one per test; nothing is shared between apps, and {@link #close()}
 * releases a threaded worker's threads.
 *
 * <pre>{@code
 * InMemoryCelery app = InMemoryCelery.create();
 * Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
 * assertThat(add.delay(2, 3).get()).isEqualTo(5);
 * }</pre>
 *
 * <p>Every task it sends is recorded ({@link #sentTasks()}) and can be verified ({@link
 * #verify()}); {@link #reset()} makes it new again for frameworks that keep one app across tests.
 *
 * <p>Ids are generated from a seeded sequence, so two runs of the same test give the same ids, the
 * same journal and the same results. Thread-safe.
 */
public final class InMemoryCelery implements Celery, ResultHooks {

  private final CeleryConfig config;
  private final Instant start;
  private volatile Parts parts;

  /**
   * Everything an app holds between its creation and a {@link #reset()}: a reset replaces it with a
   * new one, so that the app behaves as a new app.
   */
  private static final class Parts {
    final VirtualClock clock;
    final InMemoryBackend backend;
    final InMemoryControl control;
    final EventJournal journal;
    final TaskRegistry registry = new TaskRegistry();
    final TaskIds ids = new TaskIds();
    final TaskStack stack = new TaskStack();
    final ResultTracking tracking;
    final SentTaskLog sent;
    final ResultStore results;
    final TaskExecution execution;
    final Worker worker;

    Parts(InMemoryCelery app, CeleryConfig config, Instant start) {
      boolean threaded = config.workerMode() == WorkerMode.THREADED;
      this.clock = new VirtualClock(start);
      this.backend =
          new InMemoryBackend(clock)
              .resultExpires(config.resultExpires())
              .waitMode(threaded ? WaitMode.REAL_TIME : WaitMode.VIRTUAL);
      this.control = new InMemoryControl(clock);
      this.journal = new EventJournal(config.journalCapacity(), clock);
      this.tracking = new ResultTracking(config.trackResults());
      this.sent = new SentTaskLog(config.sentTaskCapacity(), config.trackResults());
      this.results = new ResultStore(config, clock, backend);
      this.execution = new TaskExecution(app, stack, results, config, clock);
      this.worker = new Worker(registry, execution, results, clock, journal, control, config, sent);
      if (threaded) {
        backend.stallReason(worker::stallReason);
      }
    }

    void close() {
      worker.close();
    }
  }

  private InMemoryCelery(CeleryConfig config, Instant start) {
    this.config = Objects.requireNonNull(config, "config");
    this.start = Objects.requireNonNull(start, "start");
    this.parts = new Parts(this, config, start);
  }

  private Parts parts() {
    return parts;
  }

  /**
   * Creates an app with Celery's default settings and a fresh virtual clock.
   *
   * @return the app
   */
  public static InMemoryCelery create() {
    return create(CeleryConfig.defaults());
  }

  /**
   * Creates an app with settings.
   *
   * @param config the settings
   * @return the app
   */
  public static InMemoryCelery create(CeleryConfig config) {
    return new InMemoryCelery(config, VirtualClock.DEFAULT_START);
  }

  /**
   * Creates an app with settings whose clock starts at an instant.
   *
   * @param config the settings
   * @param start the virtual start time
   * @return the app
   */
  public static InMemoryCelery create(CeleryConfig config, Instant start) {
    return new InMemoryCelery(config, start);
  }

  // ---------------------------------------------------------------- parts

  /**
   * Returns the settings ({@code app.conf}).
   *
   * @return the settings
   */
  public CeleryConfig config() {
    return config;
  }

  /**
   * Returns the app's virtual clock.
   *
   * @return the clock
   */
  public VirtualClock clock() {
    return parts().clock;
  }

  /** {@inheritDoc} */
  @Override
  public InMemoryBackend backend() {
    return parts().backend;
  }

  /** {@inheritDoc} */
  @Override
  public InMemoryControl control() {
    return parts().control;
  }

  /**
   * Returns the worker.
   *
   * @return the worker
   */
  public Worker worker() {
    return parts().worker;
  }

  /**
   * Returns the event journal.
   *
   * @return the journal
   */
  public EventJournal journal() {
    return parts().journal;
  }

  /**
   * Returns the seeder: store results by id in any state, with parents and children.
   *
   * @return the seeder
   */
  public ResultSeeder seed() {
    return new ResultSeeder(this);
  }

  /** Returns a result as the configured result serializer stores it (see ResultStore). */
  Object storedForm(Object result, String traceback) {
    return parts.results.storedForm(result, traceback);
  }

  // ---------------------------------------------------------------- tasks

  /**
   * Registers a task without arguments, as {@code @app.task(name=name)}. A name holds one task: a
   * second registration is refused (see {@link #unregister(String)} and {@link #stub(String)}).
   *
   * @param <T> the return type
   * @param name the task name, e.g. {@code tasks.ping}
   * @param body the body
   * @return the task
   * @throws IllegalArgumentException when the name is blank or already registered
   */
  public <T> Task<T> task(String name, TaskBody.Of0<T> body) {
    return task(name, TaskOptions.defaults(), body);
  }

  /**
   * Registers a task without arguments with settings, as {@code @app.task(name=name, max_retries=3,
   * ignore_result=True)}.
   *
   * @param <T> the return type
   * @param name the task name
   * @param options the task's settings
   * @param body the body
   * @return the task
   */
  public <T> Task<T> task(String name, TaskOptions options, TaskBody.Of0<T> body) {
    Objects.requireNonNull(body, "body");
    return register(name, options, TaskArguments.of0(body));
  }

  /**
   * Registers a task of one argument; a call whose argument is not of the lambda's parameter type
   * fails with an {@link IllegalArgumentException} naming the task, the position and both types.
   *
   * @param <A> the argument type
   * @param <T> the return type
   * @param name the task name
   * @param body the body
   * @return the task
   */
  public <A, T> Task<T> task(String name, TaskBody.Of1<A, T> body) {
    return task(name, TaskOptions.defaults(), body);
  }

  /**
   * Registers a task of one argument with settings ({@code @app.task(**options)}).
   *
   * @param <A> the argument type
   * @param <T> the return type
   * @param name the task name
   * @param options the task's settings
   * @param body the body
   * @return the task
   */
  public <A, T> Task<T> task(String name, TaskOptions options, TaskBody.Of1<A, T> body) {
    Objects.requireNonNull(body, "body");
    return register(name, options, TaskArguments.of1(body));
  }

  /**
   * Registers a task of two arguments.
   *
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <T> the return type
   * @param name the task name
   * @param body the body
   * @return the task
   */
  public <A, B, T> Task<T> task(String name, TaskBody.Of2<A, B, T> body) {
    return task(name, TaskOptions.defaults(), body);
  }

  /**
   * Registers a task of two arguments with settings ({@code @app.task(**options)}).
   *
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <T> the return type
   * @param name the task name
   * @param options the task's settings
   * @param body the body
   * @return the task
   */
  public <A, B, T> Task<T> task(String name, TaskOptions options, TaskBody.Of2<A, B, T> body) {
    Objects.requireNonNull(body, "body");
    return register(name, options, TaskArguments.of2(body));
  }

  /**
   * Registers a task of three arguments.
   *
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <C> the third argument type
   * @param <T> the return type
   * @param name the task name
   * @param body the body
   * @return the task
   */
  public <A, B, C, T> Task<T> task(String name, TaskBody.Of3<A, B, C, T> body) {
    return task(name, TaskOptions.defaults(), body);
  }

  /**
   * Registers a task of three arguments with settings ({@code @app.task(**options)}).
   *
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <C> the third argument type
   * @param <T> the return type
   * @param name the task name
   * @param options the task's settings
   * @param body the body
   * @return the task
   */
  public <A, B, C, T> Task<T> task(
      String name, TaskOptions options, TaskBody.Of3<A, B, C, T> body) {
    Objects.requireNonNull(body, "body");
    return register(name, options, TaskArguments.of3(body));
  }

  /**
   * Registers a bound task, whose body sees the request ({@code @app.task(bind=True)}).
   *
   * @param <T> the return type
   * @param name the task name
   * @param body the body
   * @return the task
   */
  public <T> Task<T> boundTask(String name, TaskBody.Bound<T> body) {
    return boundTask(name, TaskOptions.defaults(), body);
  }

  /**
   * Registers a bound task with settings, as {@code @app.task(bind=True, max_retries=3)}.
   *
   * @param <T> the return type
   * @param name the task name
   * @param options the task's settings
   * @param body the body
   * @return the task
   */
  public <T> Task<T> boundTask(String name, TaskOptions options, TaskBody.Bound<T> body) {
    Objects.requireNonNull(body, "body");
    return register(name, options, body::call);
  }

  private <T> Task<T> register(String name, TaskOptions options, RegisteredTask.Body body) {
    Checks.requireNonNull(options, "options (use TaskOptions.defaults())");
    return new Task<>(this, parts().registry.register(name, options, body));
  }

  /**
   * Returns the scripted task of a name: no body, outcomes given by the stub ({@code returns},
   * {@code fails}, {@code retries}, {@code takes}, {@code progresses}, {@code neverRuns}). The
   * first call registers it (replacing a task registered with a body); later calls return the same
   * stub, with its script and its call count.
   *
   * @param name the task name
   * @return the stub, to script
   */
  public TaskStub stub(String name) {
    return parts().registry.stub(name);
  }

  /**
   * Removes a task or stub, as Celery's {@code app.tasks.unregister(name)}; the name can then be
   * registered again. Task handles of the name then run whatever is registered under it.
   *
   * @param name the task name
   * @throws NotRegisteredException when nothing is registered under the name
   */
  public void unregister(String name) {
    parts().registry.unregister(name);
  }

  /**
   * Returns the task registered under a name.
   *
   * @param <T> the return type
   * @param name the name
   * @return the task
   * @throws NotRegisteredException when nothing is registered under the name
   */
  public <T> Task<T> taskNamed(String name) {
    return new Task<>(this, parts().registry.get(name));
  }

  /**
   * Returns the registered task names.
   *
   * @return a snapshot, sorted
   */
  public List<String> taskNames() {
    return parts().registry.names();
  }

  /**
   * Returns the stubs registered with {@link #stub(String)}.
   *
   * @return the stubs by task name, in name order
   */
  public List<TaskStub> stubs() {
    return parts().registry.stubs();
  }

  // ---------------------------------------------------------------- sending

  /**
   * {@inheritDoc}
   *
   * <p>The send is recorded ({@link #sentTasks()}, {@link #verify()}). The value type {@code T} is
   * not checked; {@link #sendTask(String, Class, Object...)} checks it.
   *
   * @throws NotRegisteredException when nothing is registered under the name
   * @throws IllegalArgumentException when the name is null
   * @throws IllegalStateException when a threaded app was closed
   */
  @Override
  public <T> AsyncResult<T> sendTask(
      String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    return send(name, args, kwargs, options);
  }

  /** {@inheritDoc} */
  @Override
  public ResultBase applyCanvas(CanvasElement element, List<?> partialArgs) {
    return CanvasRun.applyInMemory(this, element, partialArgs);
  }

  /**
   * Sends a call as {@code Task.apply_async}: in eager mode it runs at once under Celery's {@code
   * denied_join_result()}, else it goes to the worker.
   */
  <T> AsyncResult<T> send(String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    if (config.taskAlwaysEager()) {
      return parts()
          .stack
          .deniedJoinResult(
              () -> send(name, args, kwargs, options, null, null, null, List.of(), true));
    }
    return send(name, args, kwargs, options, null, null, null, List.of(), true);
  }

  /**
   * Sends a call; with {@code addToParent} false the result does not become a child of the task
   * running on this thread (Celery's {@code add_to_parent=False}), as for a group's members.
   */
  <T> AsyncResult<T> send(
      String name,
      List<?> args,
      Map<String, ?> kwargs,
      ApplyOptions options,
      String groupId,
      Integer groupIndex,
      ResultBase parent,
      List<Consumer<Completion>> hooks,
      boolean addToParent) {
    Parts p = parts();
    RegisteredTask task = p.registry.get(name);
    boolean eager = config.taskAlwaysEager();
    if (!eager) {
      p.worker.requireOpen(name);
      if (config.resultSerializer() == ResultSerializer.JSON && !PlainScalars.all(args, kwargs)) {
        // Celery's apply_async serializes the call with the JSON task serializer: EncodeError.
        CeleryJson.requireEncodable(args, kwargs);
      }
    }
    TaskContext sender = p.stack.current();
    Instant now = p.clock.now();
    Message m = Message.of(p.ids, now, name, args, kwargs, options, groupId, hooks, sender);
    p.sent.record(now, m, options, p.results.queueOf(m), groupIndex, eager, this);
    AsyncResult<T> result =
        eager
            ? p.execution.<T>apply(m, task, config.taskEagerPropagates())
            : new AsyncResult<>(m.id, this, parent);
    if (addToParent && sender != null) {
      sender.addChild(result);
    }
    if (!eager) {
      result.ignored(p.results.ignored(m));
      p.tracking.handedOut(result);
      p.journal.record("task-sent", m.id, name, () -> m.sentPayload(config.defaultQueue()));
      p.worker.submit(m);
    }
    return result;
  }

  <T> EagerResult<T> apply(String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    Parts p = parts();
    RegisteredTask task = p.registry.get(name);
    TaskContext sender = p.stack.current();
    Message m =
        Message.of(p.ids, p.clock.now(), name, args, kwargs, options, null, List.of(), sender);
    return p.execution.apply(m, task, config.taskEagerPropagates());
  }

  /**
   * Returns a new task id: a version-4 UUID from the app's seeded sequence, so runs repeat.
   *
   * @return the id
   */
  public String newId() {
    return parts().ids.next();
  }

  // ---------------------------------------------------------------- task context

  /**
   * Returns the request of the task running on this thread, or null ({@code current_task.request}).
   *
   * @return the context or null
   */
  public TaskContext currentTask() {
    return parts().stack.current();
  }

  void addChildOfCurrent(ResultBase child) {
    TaskContext parent = parts().stack.current();
    if (parent != null) {
      parent.addChild(child);
    }
  }

  /**
   * Fails inside a task run by the worker, or by an eager {@code apply_async} (Celery's {@code
   * denied_join_result}), unless an {@link #allowJoinResult} scope is open, as Celery's {@code
   * assert_will_not_block}: the message starts with {@code Never call result.get() within a task!}.
   * A task run by {@code apply()} from outside the worker may wait, as in Celery.
   *
   * @throws IllegalStateException where waiting would block a task
   */
  @Override
  public void assertWillNotBlock() {
    parts().stack.assertWillNotBlock();
  }

  /**
   * Runs code in which waiting on results inside a task is allowed, as Celery's {@code
   * allow_join_result()} context manager.
   *
   * @param <R> the result type
   * @param body the code
   * @return what the code returned
   */
  public <R> R allowJoinResult(Supplier<R> body) {
    return parts().stack.allowJoinResult(body);
  }

  // ---------------------------------------------------------------- results

  /** {@inheritDoc} */
  @Override
  public <T> AsyncResult<T> asyncResult(String taskId, ResultBase parent) {
    return new AsyncResult<>(taskId, this, parent);
  }

  /** {@inheritDoc} */
  @Override
  public GroupResult groupResult(
      String groupId, List<? extends ResultBase> results, ResultBase parent) {
    return new GroupResult(groupId, results, parent, this);
  }

  /**
   * Passes a value through the configured result serializer, as the worker does before storing it:
   * a JSON round trip by default, nothing with {@link ResultSerializer#OBJECT}.
   *
   * @param value the value a task returned (or a custom state's meta)
   * @return the value as it will be stored
   * @throws io.celerykit.wire.EncodeException when JSON cannot hold the value
   */
  public Object serialize(Object value) {
    return parts().results.serialize(value);
  }

  /**
   * Remembers that a result was consumed when {@link CeleryConfig#trackResults()} is on; results
   * call it from {@code get}, {@code join} and {@code forget}.
   *
   * @param result the result
   */
  @Override
  public void resultConsumed(AsyncResult<?> result) {
    parts().tracking.consumed(result);
  }

  /**
   * Returns the results handed out for task calls that nobody consumed with {@code get}, {@code
   * join} or {@code forget}, in the order they were sent; needs {@link
   * CeleryConfig#trackResults(boolean)}. Results of calls that ignore their result are not listed.
   *
   * @return the unconsumed results
   * @throws IllegalStateException when tracking is off
   */
  public List<AsyncResult<?>> unconsumedResults() {
    return parts().tracking.unconsumed();
  }

  /**
   * Returns the results of the tasks the app sent, in the order they were sent, each knowing its
   * task name: one per {@link #sentTasks()} entry (so as many as the app keeps, see {@link
   * CeleryConfig#sentTaskCapacity(int)}), whatever {@code result_extended} and {@code trackResults}
   * say.
   *
   * @return the results
   */
  public List<AsyncResult<?>> sentResults() {
    SentTasks sent = sentTasks();
    List<AsyncResult<?>> out = new ArrayList<>(sent.size());
    for (SentTask t : sent) {
      out.add(t.result());
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- verification

  /**
   * Returns the tasks the app sent, oldest first, with their arguments, options, parent, group and
   * virtual send time, whatever {@code result_extended} says: {@code delay}, {@code applyAsync},
   * {@code sendTask}, canvas steps, links and errbacks, eager sends too (retries are not new
   * sends). The app keeps the last {@link CeleryConfig#sentTaskCapacity()} (10,000 by default) and
   * counts the older ones as {@link SentTasks#dropped()}.
   *
   * @return a snapshot
   */
  public SentTasks sentTasks() {
    return parts().sent.snapshot();
  }

  /**
   * Starts verifying what the app sent, without AssertJ (with AssertJ: {@code
   * CeleryAssertions.assertThat(app).sent(...)}). A failed verification throws {@link
   * TaskVerificationException} listing what was sent, closest first.
   *
   * <pre>{@code
   * app.verify().sent("invoices.render").withArgs("INV-1").times(3);
   * app.verify().sent("invoices.delete").never();
   * }</pre>
   *
   * @return the verification
   */
  public CeleryVerification verify() {
    return CeleryVerification.verify(this);
  }

  /**
   * Returns the tasks sent that were never handled: the worker had not started them (their
   * countdown or ETA was not reached, or nothing ran the worker), a {@code neverRuns()} stub holds
   * them, or their stub had no outcome scripted; a task revoked, or whose result was consumed
   * ({@code get}, {@code join}, {@code forget}), counts as handled. Strict mode reports them. Needs
   * {@link CeleryConfig#trackResults(boolean)} (on under the JUnit extension).
   *
   * @return the unhandled sends, oldest first, with the reason
   * @throws IllegalStateException when results are not tracked
   */
  public List<UnhandledTask> unhandledTasks() {
    Parts p = parts();
    if (!p.sent.tracksStarts()) {
      throw new IllegalStateException(
          "sends are not tracked; create the app with CeleryConfig.defaults().trackResults(true)");
    }
    List<UnhandledTask> out = new ArrayList<>();
    for (SentTask t : p.sent.snapshot()) {
      if (t.eager()
          || !p.sent.notStarted(t.taskId())
          || p.worker.isRevoked(t.taskId())
          || p.tracking.isConsumed(t.taskId())) {
        continue;
      }
      out.add(new UnhandledTask(t, whyNotStarted(p, t)));
    }
    return List.copyOf(out);
  }

  /**
   * Explains why a task the app sent is not done, for failure messages: it runs (a stub's {@code
   * takes(...)}), a {@code neverRuns()} stub holds it, its stub has no outcome, it is due later on
   * the virtual clock, or it is queued with nothing running the worker. Null when it ran to its
   * end, when it ran eagerly, or when the app kept no record of the send.
   *
   * @param taskId the task id
   * @return the reason, or null
   */
  public String whyNotRun(String taskId) {
    Parts p = parts();
    SentTask sent = null;
    for (SentTask t : p.sent.snapshot()) {
      if (t.taskId().equals(taskId)) {
        sent = t;
      }
    }
    if (sent == null || sent.eager()) {
      return null;
    }
    if (p.worker.active().contains(taskId)) {
      return "it is running: its stub takes(...) a duration of virtual time that has not passed"
          + " yet (virtual time now "
          + p.clock.now()
          + ")";
    }
    if (p.sent.isHeldByStub(taskId)) {
      return whyNotStarted(p, sent);
    }
    TaskState state = p.backend.getTaskMeta(taskId).state();
    if (state.isReady()) {
      return null;
    }
    if (state.equals(TaskState.RETRY)) {
      return "it is waiting for its retry, due after the retry's countdown on the virtual clock"
          + " (now "
          + p.clock.now()
          + ")";
    }
    if (p.sent.tracksStarts() ? !p.sent.notStarted(taskId) : !state.equals(TaskState.PENDING)) {
      return null;
    }
    return whyNotStarted(p, sent);
  }

  private String whyNotStarted(Parts p, SentTask t) {
    if (p.sent.isHeldByStub(t.taskId())) {
      return "a neverRuns() stub holds it: its result stays PENDING; revoke() or forget() it if"
          + " the test means to leave it";
    }
    RegisteredTask task = p.registry.getOrNull(t.name());
    if (task == null) {
      return "no task or stub is registered under '" + t.name() + "' any more";
    }
    for (TaskStub stub : p.registry.stubs()) {
      if (stub.name().equals(t.name()) && !stub.scripted()) {
        return "its stub has no outcome scripted: script it with returns(...), fails(...),"
            + " retries(...) or neverRuns()";
      }
    }
    Instant now = p.clock.now();
    if (t.eta() != null && t.eta().isAfter(now)) {
      return "it is due at "
          + t.eta()
          + " (countdown or eta) and the virtual clock is at "
          + now
          + (config.workerMode() == WorkerMode.THREADED
              ? "; in threaded mode the clock follows real time: wait longer, or advance it with"
                  + " app.clock().advance(...)"
              : "; advance the clock or call get() with a timeout past it");
    }
    RuntimeException failure = p.worker.clockFailure();
    if (failure != null) {
      return "the clock thread failed running an event: " + failure;
    }
    return config.workerMode() == WorkerMode.THREADED
        ? "it is queued and no worker thread has reached it yet (concurrency "
            + config.concurrency()
            + ", "
            + p.worker.queued()
            + " queued)"
        : "it is queued and nothing ran the worker: call get() or join() on its result, or"
            + " app.worker().runUntilIdle()";
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Makes the app as it was when created, for test frameworks that keep one app across tests: a new
   * virtual clock at the same start, an empty backend, journal, control and sent-task record, no
   * tasks or stubs registered, the id sequence from its start (so ids repeat as in a new app), and
   * a new worker (a threaded worker's threads are stopped and new ones started). The settings stay.
   * Parts obtained before ({@link #clock()}, {@link #backend()}, {@link #worker()}, results, task
   * handles) belong to the old state: obtain them again.
   */
  public void reset() {
    Parts old;
    synchronized (this) {
      old = parts;
      parts = new Parts(this, config, start);
    }
    old.close();
  }

  /**
   * Stops a threaded worker's threads; the app then refuses to send tasks. A deterministic app has
   * nothing to release and keeps working.
   */
  @Override
  public void close() {
    parts().close();
  }

  /**
   * Describes the app.
   *
   * @return the text
   */
  @Override
  public String toString() {
    Parts p = parts();
    return "InMemoryCelery["
        + p.clock
        + ", tasks="
        + p.registry.size()
        + ", results="
        + p.backend.size()
        + "]";
  }
}
