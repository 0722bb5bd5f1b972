package io.celerykit.app;

import io.celerykit.backend.InMemoryBackend;
import io.celerykit.backend.VirtualClock;
import io.celerykit.backend.WaitMode;
import io.celerykit.internal.PythonRepr;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * same journal and the same results.
 */
public final class InMemoryCelery implements Celery {

  /** Celery's message for waiting inside a task. */
  static final String E_WOULDBLOCK =
      "Never call result.get() within a task!\n"
          + "See https://docs.celeryq.dev/en/latest/userguide/tasks.html"
          + "#avoid-launching-synchronous-subtasks";

  private final CeleryConfig config;
  private final VirtualClock clock;
  private final InMemoryBackend backend;
  private final InMemoryControl control;
  private final EventJournal journal;
  private final Map<String, RegisteredTask> registry = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong idSequence =
      new java.util.concurrent.atomic.AtomicLong();
  private final ThreadLocal<Deque<TaskContext>> current = ThreadLocal.withInitial(ArrayDeque::new);
  private final ThreadLocal<int[]> joinAllowed = ThreadLocal.withInitial(() -> new int[1]);
  private final Worker worker;
  private final Map<String, TaskStub> stubs = new ConcurrentHashMap<>();
  private final Map<String, AsyncResult<?>> handedOut =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  private final java.util.Set<String> consumed = ConcurrentHashMap.newKeySet();

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
    this.worker = new Worker(this);
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
   * Registers a task without arguments.
   *
   * @param <T> the return type
   * @param name the task name, e.g. {@code tasks.ping}
   * @param body the body
   * @return the task
   */
  public <T> Task<T> task(String name, TaskBody.Of0<T> body) {
    Objects.requireNonNull(body, "body");
    return register(
        name,
        self -> {
          checkArity(self, 0);
          return body.call();
        });
  }

  /**
   * Registers a task of one argument.
   *
   * @param <A> the argument type
   * @param <T> the return type
   * @param name the task name
   * @param body the body
   * @return the task
   */
  @SuppressWarnings("unchecked")
  public <A, T> Task<T> task(String name, TaskBody.Of1<A, T> body) {
    Objects.requireNonNull(body, "body");
    return register(name, self -> body.call((A) arg(self, 0, 1)));
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
  @SuppressWarnings("unchecked")
  public <A, B, T> Task<T> task(String name, TaskBody.Of2<A, B, T> body) {
    Objects.requireNonNull(body, "body");
    return register(name, self -> body.call((A) arg(self, 0, 2), (B) arg(self, 1, 2)));
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
  @SuppressWarnings("unchecked")
  public <A, B, C, T> Task<T> task(String name, TaskBody.Of3<A, B, C, T> body) {
    Objects.requireNonNull(body, "body");
    return register(
        name, self -> body.call((A) arg(self, 0, 3), (B) arg(self, 1, 3), (C) arg(self, 2, 3)));
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
    Objects.requireNonNull(body, "body");
    return register(name, body::call);
  }

  private static Object arg(TaskContext self, int index, int arity) {
    checkArity(self, arity);
    return self.args().get(index);
  }

  private static void checkArity(TaskContext self, int arity) {
    List<Object> args = self.args();
    if (args.size() != arity) {
      throw new IllegalArgumentException(
          self.name()
              + "() takes "
              + arity
              + " positional argument"
              + (arity == 1 ? "" : "s")
              + " but "
              + args.size()
              + (args.size() == 1 ? " was" : " were")
              + " given: "
              + PythonRepr.tuple(args));
    }
  }

  private <T> Task<T> register(String name, RegisteredTask.Body body) {
    RegisteredTask task =
        new RegisteredTask(requireName(name), TaskOptions.defaults(), RegisteredTask.always(body));
    registry.put(name, task);
    return new Task<>(this, task);
  }

  /**
   * Registers a scripted task: no body, outcomes given by the stub ({@code returns}, {@code fails},
   * {@code retries}, {@code takes}, {@code progresses}, {@code neverRuns}).
   *
   * @param name the task name
   * @return the stub, to script
   */
  public TaskStub stub(String name) {
    TaskStub stub = new TaskStub(requireName(name));
    registry.put(name, stub.registered());
    stubs.put(name, stub);
    return stub;
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
    return new Task<>(this, registered(name));
  }

  /**
   * Returns the registered task names.
   *
   * @return a snapshot
   */
  public List<String> taskNames() {
    return List.copyOf(new java.util.TreeSet<>(registry.keySet()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws NotRegisteredException when nothing is registered under the name
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

  RegisteredTask registered(String name) {
    RegisteredTask task = registry.get(name);
    if (task == null) {
      throw new NotRegisteredException(
          "Task of name '"
              + name
              + "' is not registered; registered: "
              + taskNames()
              + ". Register it with app.task(...), app.boundTask(...) or app.stub(...)");
    }
    return task;
  }

  RegisteredTask registeredOrNull(String name) {
    return registry.get(name);
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "task name must be a non-blank string such as \"tasks.add\", got " + name);
    }
    return name;
  }

  // ---------------------------------------------------------------- sending

  /** Sends a call: eagerly in eager mode, else to the worker. */
  <T> AsyncResult<T> send(String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
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
      List<java.util.function.Consumer<Completion>> hooks,
      boolean addToParent) {
    RegisteredTask task = registered(name);
    TaskContext sender = currentTask();
    Message m = message(name, args, kwargs, options, groupId, hooks, sender);
    if (config.taskAlwaysEager()) {
      EagerResult<T> result = runEager(m, task, config.taskEagerPropagates());
      if (addToParent && sender != null) {
        sender.addChild(result);
      }
      return result;
    }
    AsyncResult<T> result = new AsyncResult<>(m.id, this, parent);
    if (addToParent && sender != null) {
      sender.addChild(result);
    }
    if (config.trackResults()) {
      handedOut.put(m.id, result);
    }
    journal.record(
        "task-sent",
        m.id,
        name,
        () -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("args", m.args);
          p.put("kwargs", m.kwargs);
          p.put("retries", 0);
          p.put("eta", m.eta);
          p.put("expires", m.expires);
          p.put("queue", m.queue != null ? m.queue : config.defaultQueue());
          return p;
        });
    worker.submit(m);
    return result;
  }

  private Message message(
      String name,
      List<?> args,
      Map<String, ?> kwargs,
      ApplyOptions options,
      String groupId,
      List<java.util.function.Consumer<Completion>> hooks,
      TaskContext parentTask) {
    Objects.requireNonNull(args, "args (use List.of() for none)");
    Objects.requireNonNull(kwargs, "kwargs (use Map.of() for none)");
    Objects.requireNonNull(options, "options (use ApplyOptions.defaults())");
    Instant now = clock.now();
    Instant eta = options.countdown() != null ? now.plus(options.countdown()) : options.eta();
    Instant expires =
        options.expiresIn() != null ? now.plus(options.expiresIn()) : options.expiresAt();
    String id = options.taskId() != null ? options.taskId() : newId();
    return new Message(
        id,
        name,
        immutableCopy(args),
        kwargs.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kwargs)),
        eta,
        expires,
        options.queue(),
        options.headers(),
        0,
        options.ignoreResult(),
        options.link(),
        options.linkError(),
        parentTask == null ? null : parentTask.id(),
        parentTask == null ? id : parentTask.rootId(),
        groupId,
        Message.hooks(hooks));
  }

  /**
   * Copies a task's positional arguments into an unmodifiable list; an immutable list without nulls
   * (a signature's) is taken as it is.
   */
  private static List<Object> immutableCopy(List<?> args) {
    if (args.isEmpty()) {
      return List.of();
    }
    for (Object arg : args) {
      if (arg == null) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(args));
      }
    }
    return List.copyOf(args);
  }

  /**
   * Returns a new task id: a version-4 UUID from the app's seeded sequence, so runs repeat.
   *
   * @return the id
   */
  public String newId() {
    long n = idSequence.getAndIncrement();
    long hi = mix(0x5eedL + 2 * n);
    long lo = mix(0x5eedL + 2 * n + 1);
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  /** SplitMix64's finalizer: spreads a sequence number over 64 bits, the same on every run. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  <T> EagerResult<T> apply(String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    RegisteredTask task = registered(name);
    Message m = message(name, args, kwargs, options, null, List.of(), currentTask());
    return runEager(m, task, config.taskEagerPropagates());
  }

  /** Runs a message eagerly on this thread, as Celery's {@code apply()}. */
  <T> EagerResult<T> runEager(Message m, RegisteredTask task, boolean propagate) {
    TaskContext self = new TaskContext(this, m, task, true);
    RegisteredTask.Step step = task.plan(self);
    Object value = null;
    TaskState state;
    String traceback = null;
    enter(self);
    try {
      if (step == null) {
        state = TaskState.PENDING;
      } else {
        value = step.body().run(self);
        state = TaskState.SUCCESS;
      }
    } catch (RetryException retry) {
      value = retry;
      state = TaskState.RETRY;
      traceback = Worker.traceback(retry);
    } catch (FailNow failNow) {
      value = failNow.failure();
      state = TaskState.FAILURE;
      traceback = Worker.traceback(failNow.failure());
    } catch (Exception | Error error) {
      value = error;
      state = TaskState.FAILURE;
      traceback = Worker.traceback(error);
    } finally {
      exit(self);
    }
    if (state.equals(TaskState.FAILURE) && propagate) {
      if (value instanceof RuntimeException re) {
        throw re;
      }
      if (value instanceof Error e) {
        throw e;
      }
      throw new io.celerykit.result.TaskFailedException(
          m.id,
          state,
          "eager task " + m.name + "[" + m.id + "] raised " + value,
          (Throwable) value);
    }
    boolean store =
        state.equals(TaskState.SUCCESS) ? worker.storesSuccess(m, task) : worker.storesErrors(task);
    if (config.taskStoreEagerResult() && !state.equals(TaskState.PENDING) && store) {
      Object stored = state.equals(TaskState.SUCCESS) ? serialize(value) : value;
      backend.store(worker.metaFor(m, task, state, stored, traceback, self.children()).build());
    }
    return new EagerResult<>(m.id, value, state, traceback, m.name, this);
  }

  // ---------------------------------------------------------------- task context

  void enter(TaskContext self) {
    current.get().push(self);
  }

  void exit(TaskContext self) {
    Deque<TaskContext> stack = current.get();
    if (!stack.isEmpty() && stack.peek() == self) {
      stack.pop();
    }
  }

  /**
   * Returns the request of the task running on this thread, or null ({@code current_task.request}).
   *
   * @return the context or null
   */
  public TaskContext currentTask() {
    return current.get().peek();
  }

  void addChildOfCurrent(ResultBase child) {
    TaskContext parent = currentTask();
    if (parent != null) {
      parent.addChild(child);
    }
  }

  /**
   * Fails inside a task run by the worker unless an {@link #allowJoinResult} scope is open, as
   * Celery's {@code assert_will_not_block}: the message starts with {@code Never call result.get()
   * within a task!}. Tasks run eagerly ({@code apply()}, {@code task_always_eager}) outside the
   * worker may wait, as in Celery, where only worker processes set the guard.
   *
   * @throws IllegalStateException inside a task the worker runs
   */
  @Override
  public void assertWillNotBlock() {
    if (joinAllowed.get()[0] == 0 && insideWorkerTask()) {
      throw new IllegalStateException(E_WOULDBLOCK);
    }
  }

  private boolean insideWorkerTask() {
    for (TaskContext running : current.get()) {
      if (!running.isEager()) {
        return true;
      }
    }
    return false;
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
    int[] depth = joinAllowed.get();
    depth[0]++;
    try {
      return body.get();
    } finally {
      depth[0]--;
    }
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
    if (config.resultSerializer() == ResultSerializer.OBJECT) {
      return value;
    }
    if (value == null
        || value instanceof String
        || value instanceof Integer
        || value instanceof Boolean
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Long l && l == l.intValue()) {
      return l.intValue();
    }
    return io.celerykit.wire.CeleryJson.roundTrip(value);
  }

  /** {@inheritDoc} Remembers the id when {@link CeleryConfig#trackResults()} is on. */
  @Override
  public void resultConsumed(AsyncResult<?> result) {
    if (config.trackResults()) {
      consumed.add(result.id());
    }
  }

  /**
   * Returns the results handed out for task calls that nobody consumed with {@code get}, {@code
   * join} or {@code forget}, in the order they were sent; needs {@link
   * CeleryConfig#trackResults(boolean)}.
   *
   * @return the unconsumed results
   * @throws IllegalStateException when tracking is off
   */
  public List<AsyncResult<?>> unconsumedResults() {
    if (!config.trackResults()) {
      throw new IllegalStateException(
          "results are not tracked; create the app with CeleryConfig.defaults().trackResults(true)");
    }
    List<AsyncResult<?>> out = new ArrayList<>();
    synchronized (handedOut) {
      for (AsyncResult<?> r : handedOut.values()) {
        if (!consumed.contains(r.id())) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /**
   * Returns the results handed out for task calls, in the order they were sent; needs {@link
   * CeleryConfig#trackResults(boolean)}.
   *
   * @return the results
   */
  public List<AsyncResult<?>> sentResults() {
    synchronized (handedOut) {
      return List.copyOf(handedOut.values());
    }
  }

  /**
   * Returns the stubs registered with {@link #stub(String)}.
   *
   * @return the stubs by task name, in name order
   */
  public List<TaskStub> stubs() {
    List<TaskStub> out = new ArrayList<>(stubs.values());
    out.sort(java.util.Comparator.comparing(TaskStub::name));
    return out;
  }

  /** Stops a threaded worker's threads; nothing else needs cleaning up. */
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
