package io.celerykit.app;

import io.celerykit.backend.InMemoryBackend;
import io.celerykit.backend.VirtualClock;
import io.celerykit.backend.WaitMode;
import io.celerykit.internal.Checks;
import io.celerykit.internal.ResultHooks;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.ResultBase;
import io.celerykit.wire.CeleryJson;
import java.time.Instant;
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
 * <p>Ids are generated from a seeded sequence, so two runs of the same test give the same ids, the
 * same journal and the same results. Thread-safe.
 */
public final class InMemoryCelery implements Celery, ResultHooks {

  private final CeleryConfig config;
  private final VirtualClock clock;
  private final InMemoryBackend backend;
  private final InMemoryControl control;
  private final EventJournal journal;
  private final TaskRegistry registry = new TaskRegistry();
  private final TaskIds ids = new TaskIds();
  private final TaskStack stack = new TaskStack();
  private final ResultTracking tracking;
  private final ResultStore results;
  private final TaskExecution execution;
  private final Worker worker;

  private InMemoryCelery(CeleryConfig config, VirtualClock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = clock;
    this.backend =
        new InMemoryBackend(clock)
            .resultExpires(config.resultExpires())
            .waitMode(
                config.workerMode() == WorkerMode.THREADED ? WaitMode.REAL_TIME : WaitMode.VIRTUAL);
    this.control = new InMemoryControl(clock);
    this.journal = new EventJournal(config.journalCapacity(), clock);
    this.tracking = new ResultTracking(config.trackResults());
    this.results = new ResultStore(config, clock, backend);
    this.execution = new TaskExecution(this, stack, results, config, clock);
    this.worker = new Worker(registry, execution, results, clock, journal, control, config);
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
    return new InMemoryCelery(config, new VirtualClock());
  }

  /**
   * Creates an app with settings whose clock starts at an instant.
   *
   * @param config the settings
   * @param start the virtual start time
   * @return the app
   */
  public static InMemoryCelery create(CeleryConfig config, Instant start) {
    return new InMemoryCelery(config, new VirtualClock(start));
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
    return clock;
  }

  /** {@inheritDoc} */
  @Override
  public InMemoryBackend backend() {
    return backend;
  }

  /** {@inheritDoc} */
  @Override
  public InMemoryControl control() {
    return control;
  }

  /**
   * Returns the worker.
   *
   * @return the worker
   */
  public Worker worker() {
    return worker;
  }

  /**
   * Returns the event journal.
   *
   * @return the journal
   */
  public EventJournal journal() {
    return journal;
  }

  /**
   * Returns the seeder: store results by id in any state, with parents and children.
   *
   * @return the seeder
   */
  public ResultSeeder seed() {
    return new ResultSeeder(this);
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
    return new Task<>(this, registry.register(name, options, body));
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
    return registry.stub(name);
  }

  /**
   * Removes a task or stub, as Celery's {@code app.tasks.unregister(name)}; the name can then be
   * registered again. Task handles of the name then run whatever is registered under it.
   *
   * @param name the task name
   * @throws NotRegisteredException when nothing is registered under the name
   */
  public void unregister(String name) {
    registry.unregister(name);
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
    return new Task<>(this, registry.get(name));
  }

  /**
   * Returns the registered task names.
   *
   * @return a snapshot, sorted
   */
  public List<String> taskNames() {
    return registry.names();
  }

  /**
   * Returns the stubs registered with {@link #stub(String)}.
   *
   * @return the stubs by task name, in name order
   */
  public List<TaskStub> stubs() {
    return registry.stubs();
  }

  // ---------------------------------------------------------------- sending

  /**
   * {@inheritDoc}
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
      return stack.deniedJoinResult(
          () -> send(name, args, kwargs, options, null, null, List.of(), true));
    }
    return send(name, args, kwargs, options, null, null, List.of(), true);
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
      ResultBase parent,
      List<Consumer<Completion>> hooks,
      boolean addToParent) {
    RegisteredTask task = registry.get(name);
    boolean eager = config.taskAlwaysEager();
    if (!eager) {
      worker.requireOpen(name);
      if (config.resultSerializer() == ResultSerializer.JSON) {
        // Celery's apply_async serializes the call with the JSON task serializer: EncodeError.
        CeleryJson.requireEncodable(args, kwargs);
      }
    }
    TaskContext sender = stack.current();
    Message m = Message.of(ids, clock.now(), name, args, kwargs, options, groupId, hooks, sender);
    AsyncResult<T> result =
        eager
            ? execution.<T>apply(m, task, config.taskEagerPropagates())
            : new AsyncResult<>(m.id, this, parent);
    if (addToParent && sender != null) {
      sender.addChild(result);
    }
    if (!eager) {
      result.ignored(results.ignored(m, task));
      tracking.handedOut(result);
      journal.record("task-sent", m.id, name, () -> m.sentPayload(config.defaultQueue()));
      worker.submit(m);
    }
    return result;
  }

  <T> EagerResult<T> apply(String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    RegisteredTask task = registry.get(name);
    TaskContext sender = stack.current();
    Message m = Message.of(ids, clock.now(), name, args, kwargs, options, null, List.of(), sender);
    return execution.apply(m, task, config.taskEagerPropagates());
  }

  /**
   * Returns a new task id: a version-4 UUID from the app's seeded sequence, so runs repeat.
   *
   * @return the id
   */
  public String newId() {
    return ids.next();
  }

  // ---------------------------------------------------------------- task context

  /**
   * Returns the request of the task running on this thread, or null ({@code current_task.request}).
   *
   * @return the context or null
   */
  public TaskContext currentTask() {
    return stack.current();
  }

  void addChildOfCurrent(ResultBase child) {
    TaskContext parent = stack.current();
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
    stack.assertWillNotBlock();
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
    return stack.allowJoinResult(body);
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
    return results.serialize(value);
  }

  /**
   * Remembers that a result was consumed when {@link CeleryConfig#trackResults()} is on; results
   * call it from {@code get}, {@code join} and {@code forget}.
   *
   * @param result the result
   */
  @Override
  public void resultConsumed(AsyncResult<?> result) {
    tracking.consumed(result);
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
    return tracking.unconsumed();
  }

  /**
   * Returns the results handed out for task calls, in the order they were sent; needs {@link
   * CeleryConfig#trackResults(boolean)}.
   *
   * @return the results
   */
  public List<AsyncResult<?>> sentResults() {
    return tracking.sent();
  }

  /**
   * Stops a threaded worker's threads; the app then refuses to send tasks. A deterministic app has
   * nothing to release and keeps working.
   */
  @Override
  public void close() {
    worker.close();
  }

  /**
   * Describes the app.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "InMemoryCelery["
        + clock
        + ", tasks="
        + registry.size()
        + ", results="
        + backend.size()
        + "]";
  }
}
