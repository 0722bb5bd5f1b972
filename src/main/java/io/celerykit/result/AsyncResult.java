package io.celerykit.result;

import io.celerykit.graph.DependencyGraph;
import io.celerykit.graph.GraphFormatter;
import io.celerykit.internal.Checks;
import io.celerykit.internal.ResultHooks;
import io.celerykit.internal.StoredFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A task's result, as Celery's {@code celery.result.AsyncResult}: its state, value, traceback,
 * parents and children, read from the app's result backend.
 *
 * <p>As in Celery, once the result is ready its meta is cached and the backend is not asked again
 * (until {@link #forget()}). Instances are thread-safe. Equality and hash are by task id.
 *
 * <pre>{@code
 * AsyncResult<Integer> r = app.asyncResult("task-1");
 * r.state();                              // PENDING until the worker stores something
 * int v = r.get(Duration.ofSeconds(10));  // waits (in virtual time) and re-raises failures
 * }</pre>
 *
 * <p>The class is kept whole, longer than celerykit's other classes, on purpose: it is Celery's
 * {@code AsyncResult} one to one, so that a reader finds every property and method of the Python
 * class in one place and in the same order; the work behind them lives elsewhere (waiting in the
 * backend, tree walks in {@code DependencyWalk}, tuples in {@code ResultTuples}, callbacks in
 * {@code Callbacks}, re-raising in {@code internal.StoredFailures}), and what remains here is
 * mostly one-line accessors of the meta.
 *
 * @param <T> the type of the task's return value
 */
public non-sealed class AsyncResult<T> extends ResultBase {

  private final String id;
  private final CeleryApp app;
  private final ResultBackend backend;
  private final ResultBase parent;
  private final String taskName;
  private volatile TaskMeta cache;
  private volatile List<ResultBase> cachedChildren;
  private volatile boolean ignored;
  private volatile CompletableFuture<AsyncResult<T>> onReady;
  private ResultBackend.Subscription readySubscription;
  private volatile DependencyGraph<ResultBase> graph;

  /**
   * Creates the result of a task, as {@code AsyncResult(id, app=app)}.
   *
   * @param id the task id, not blank
   * @param app the app, whose backend and control the result uses
   */
  public AsyncResult(String id, CeleryApp app) {
    this(id, null, null, app, null);
  }

  /**
   * Creates the result of a task with a parent, as {@code AsyncResult(id, app=app, parent=p)}.
   *
   * @param id the task id, not blank
   * @param app the app
   * @param parent the parent result (the previous step of a chain), or null
   */
  public AsyncResult(String id, CeleryApp app, ResultBase parent) {
    this(id, null, null, app, parent);
  }

  /**
   * Creates a result with every argument of Celery's constructor: {@code AsyncResult(id,
   * backend=None, task_name=None, app=None, parent=None)}.
   *
   * @param id the task id, not blank
   * @param backend the backend to read from, or null for the app's
   * @param taskName the task name, or null
   * @param app the app
   * @param parent the parent result, or null
   */
  public AsyncResult(
      String id, ResultBackend backend, String taskName, CeleryApp app, ResultBase parent) {
    this.id = Checks.requireId(id, "AsyncResult id");
    this.app = Objects.requireNonNull(app, "app (results need an app for backend and control)");
    this.backend = backend != null ? backend : app.backend();
    if (this.backend == null) {
      throw new IllegalArgumentException("app " + app + " has no result backend");
    }
    this.parent = parent;
    this.taskName = taskName;
  }

  /** Constructor for results that do not read a backend ({@link EagerResult}). */
  AsyncResult(String id, CeleryApp app, String taskName) {
    this.id = Checks.requireId(id, "EagerResult id");
    this.app = app;
    this.backend = app == null ? null : app.backend();
    this.parent = null;
    this.taskName = taskName;
  }

  // ---------------------------------------------------------------- identity

  /**
   * Returns the task's id ({@code id}).
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the task's id; Celery's compat alias {@code task_id}.
   *
   * @return the id
   */
  public String taskId() {
    return id;
  }

  /** {@inheritDoc} */
  @Override
  public CeleryApp app() {
    return app;
  }

  /** {@inheritDoc} */
  @Override
  public ResultBackend backend() {
    return backend;
  }

  /** {@inheritDoc} */
  @Override
  public ResultBase parent() {
    return parent;
  }

  // ---------------------------------------------------------------- meta

  /** Returns the meta: the cache when ready, else the backend's answer (caching a ready one). */
  TaskMeta meta() {
    TaskMeta cached = cache;
    if (cached != null) {
      return cached;
    }
    return maybeSetCache(backend.getTaskMeta(id));
  }

  TaskMeta maybeSetCache(TaskMeta meta) {
    if (meta != null && meta.isReady()) {
      if (cache == null) {
        cache = meta;
      }
      CompletableFuture<AsyncResult<T>> ready = onReady;
      if (ready != null) {
        ready.complete(this);
      }
      return cache;
    }
    return meta;
  }

  /**
   * Tells whether the meta is cached (the result was seen ready and the backend is no longer
   * asked).
   *
   * @return true when cached
   */
  public boolean isCached() {
    return cache != null;
  }

  /**
   * Returns the current state ({@code state}): PENDING, STARTED, RETRY, SUCCESS, FAILURE, REVOKED,
   * or a custom state such as PROGRESS.
   *
   * @return the state
   */
  public TaskState state() {
    return meta().state();
  }

  /**
   * Returns the current state; Celery's alias {@code status}.
   *
   * @return the state
   */
  public TaskState status() {
    return state();
  }

  /**
   * Returns the task's return value, or the exception if it failed, or the meta of a custom state
   * ({@code result}). Does not wait.
   *
   * @return the stored result
   */
  public Object result() {
    return meta().result();
  }

  /**
   * Returns the stored result; Celery's alias {@code info}.
   *
   * @return the stored result
   */
  public Object info() {
    return result();
  }

  /**
   * Returns the traceback text of a failed task ({@code traceback}), or null.
   *
   * @return the traceback
   */
  public String traceback() {
    return meta().traceback();
  }

  /**
   * Returns when the task finished, in UTC ({@code date_done}), or null while not ready.
   *
   * @return the instant
   */
  public Instant dateDone() {
    return meta().dateDone();
  }

  /**
   * Returns the task name ({@code name}; stored with {@code result_extended}), or the name given at
   * construction, or null.
   *
   * @return the name
   */
  public String name() {
    String stored = meta().name();
    return stored != null ? stored : taskName;
  }

  /**
   * Returns the positional arguments ({@code args}; stored with {@code result_extended}), or null.
   *
   * @return the arguments
   */
  public List<Object> args() {
    return meta().args();
  }

  /**
   * Returns the keyword arguments ({@code kwargs}; stored with {@code result_extended}), or null.
   *
   * @return the keyword arguments
   */
  public Map<String, Object> kwargs() {
    return meta().kwargs();
  }

  /**
   * Returns the worker's host name ({@code worker}; stored with {@code result_extended}), or null.
   *
   * @return the worker
   */
  public String worker() {
    return meta().worker();
  }

  /**
   * Returns the queue ({@code queue}; stored with {@code result_extended}), or null.
   *
   * @return the queue
   */
  public String queue() {
    return meta().queue();
  }

  /**
   * Returns how often the task was retried ({@code retries}; stored with {@code result_extended}),
   * or null.
   *
   * @return the retry count
   */
  public Integer retries() {
    return meta().retries();
  }

  /**
   * Returns the results of the tasks this task called ({@code children}; stored when the task is
   * {@code trail}, the default).
   *
   * @return an unmodifiable list, empty when none
   */
  @Override
  public List<ResultBase> children() {
    TaskMeta meta = meta();
    if (meta.children().isEmpty()) {
      return List.of();
    }
    if (meta == cache) {
      List<ResultBase> resolved = cachedChildren;
      if (resolved == null) {
        resolved = resolve(meta.children());
        cachedChildren = resolved;
      }
      return resolved;
    }
    return resolve(meta.children());
  }

  private List<ResultBase> resolve(List<ResultTuple> tuples) {
    List<ResultBase> out = new ArrayList<>(tuples.size());
    for (ResultTuple tuple : tuples) {
      out.add(ResultTuple.toResult(tuple, app));
    }
    return List.copyOf(out);
  }

  /**
   * Tells whether result retrieval is disabled ({@code ignored}): then {@code get} returns null at
   * once.
   *
   * @return true when ignored
   */
  public boolean ignored() {
    return ignored;
  }

  /**
   * Disables or enables result retrieval ({@code ignored = ...}).
   *
   * @param ignored true to make {@code get} return null at once
   */
  public void ignored(boolean ignored) {
    this.ignored = ignored;
  }

  // ---------------------------------------------------------------- predicates

  /**
   * Tells whether the task has executed ({@code ready()}): SUCCESS, FAILURE or REVOKED. A task
   * still running, pending or waiting for retry is not ready.
   *
   * @return true when ready
   */
  @Override
  public boolean ready() {
    return meta().isReady();
  }

  /**
   * Tells whether the task executed successfully ({@code successful()}).
   *
   * @return true in state SUCCESS
   */
  public boolean successful() {
    return meta().state().equals(TaskState.SUCCESS);
  }

  /**
   * Tells whether the task failed ({@code failed()}).
   *
   * @return true in state FAILURE
   */
  public boolean failed() {
    return meta().state().equals(TaskState.FAILURE);
  }

  /**
   * Tells whether the backend has anything stored for the task.
   *
   * @return true when a meta is stored
   */
  public boolean exists() {
    return cache != null || backend.exists(id);
  }

  /**
   * Tells whether the backend can join natively ({@code supports_native_join}).
   *
   * @return the backend's answer
   */
  public boolean supportsNativeJoin() {
    return backend.supportsNativeJoin();
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Waits until the task is ready and returns its value ({@code get()}), re-raising its exception
   * if it failed and any exception of its parents. In deterministic mode the wait drives the app's
   * worker and virtual clock; a result nothing can complete fails at once with {@link
   * WouldBlockForeverException}.
   *
   * @return the value
   */
  public T get() {
    return get(GetOptions.defaults());
  }

  /**
   * Waits at most {@code timeout} (virtual time in deterministic mode) and returns the value
   * ({@code get(timeout=...)}).
   *
   * @param timeout how long to wait
   * @return the value
   * @throws ResultTimeoutException when not ready in time
   */
  public T get(Duration timeout) {
    return get(GetOptions.defaults().timeout(timeout));
  }

  /**
   * Waits with Celery's keyword arguments and returns the value ({@code get(...)}). For {@code
   * propagate=False} use {@link #outcome(GetOptions)}, which returns a failure as a typed value.
   *
   * @param options the keyword arguments
   * @return the value
   * @throws IllegalArgumentException if {@code options.propagate()} is false
   */
  @SuppressWarnings("unchecked")
  public T get(GetOptions options) {
    if (!options.propagate()) {
      throw new IllegalArgumentException(
          "get(propagate=false) would return a failure's exception as a value of type T; call"
              + " outcome(options) for a typed Outcome, or value(options) for a plain Object");
    }
    return (T) value(options);
  }

  /**
   * Waits at most {@code timeout} and returns the value; Celery's alias {@code wait}.
   *
   * @param timeout how long to wait
   * @return the value
   */
  public T wait(Duration timeout) {
    return get(timeout);
  }

  /**
   * Waits with Celery's keyword arguments and returns the value; Celery's alias {@code wait}.
   *
   * @param options the keyword arguments
   * @return the value
   */
  public T wait(GetOptions options) {
    return get(options);
  }

  /**
   * Waits like {@link #get(GetOptions)} but never re-raises the task's own exception: returns
   * {@link Outcome.Success} with the value or {@link Outcome.Failure} with the exception ({@code
   * get(propagate=False)}, typed).
   *
   * @param options the keyword arguments ({@code propagate} is taken as false)
   * @return the outcome
   */
  @SuppressWarnings("unchecked")
  public Outcome<T> outcome(GetOptions options) {
    Object value = value(options.propagate(false));
    TaskState state = meta().state();
    if (value instanceof Throwable error && options.exceptionStates().contains(state)) {
      return new Outcome.Failure<>(state, error);
    }
    return new Outcome.Success<>(state, (T) value);
  }

  /**
   * Waits without limit and returns the outcome; see {@link #outcome(GetOptions)}.
   *
   * @return the outcome
   */
  public Outcome<T> outcome() {
    return outcome(GetOptions.defaults());
  }

  /** {@inheritDoc} */
  @Override
  public Object value(GetOptions options) {
    if (app instanceof ResultHooks hooks) {
      hooks.resultConsumed(this);
    }
    if (ignored) {
      return null;
    }
    if (options.disableSyncSubtasks() && app instanceof ResultHooks hooks) {
      hooks.assertWillNotBlock();
    }
    boolean checkParents = options.followParents() && options.propagate() && parent != null;
    if (checkParents) {
      reraiseParentError();
    }
    TaskMeta cached = cache;
    if (cached != null) {
      if (options.propagate()) {
        maybeThrow(cached, true, options.callback(), options.propagateStates());
      }
      return cached.result();
    }
    GetOptions waitOptions = options;
    if (checkParents) {
      Runnable userInterval = options.onInterval();
      waitOptions =
          options.onInterval(
              userInterval == null
                  ? this::reraiseParentError
                  : () -> {
                    reraiseParentError();
                    userInterval.run();
                  });
    }
    TaskMeta meta = maybeSetCache(backend.waitFor(id, waitOptions));
    if (meta == null) {
      // As Celery's wait_for_pending, which returns None when the backend gives no meta.
      return null;
    }
    return maybeThrow(meta, options.propagate(), options.callback(), options.propagateStates());
  }

  private void reraiseParentError() {
    List<ResultBase> parents = new ArrayList<>();
    for (ResultBase node = parent; node != null; node = node.parent()) {
      parents.add(node);
    }
    for (int i = parents.size() - 1; i >= 0; i--) {
      parents.get(i).maybeThrow(true, null);
    }
  }

  // ---------------------------------------------------------------- re-raising

  /**
   * Re-raises the task's exception if it failed or was revoked ({@code maybe_throw()}), else
   * returns the stored result.
   *
   * @return the stored result
   */
  public Object maybeThrow() {
    return maybeThrow(true, null);
  }

  /** {@inheritDoc} */
  @Override
  public Object maybeThrow(boolean propagate, BiConsumer<String, Object> callback) {
    return maybeThrow(meta(), propagate, callback, TaskState.PROPAGATE_STATES);
  }

  /**
   * Re-raises the task's exception if it failed or was revoked, else returns the stored result;
   * Celery's alias {@code maybe_reraise()}.
   *
   * @return the stored result
   */
  public Object maybeReraise() {
    return maybeThrow();
  }

  /**
   * Same as {@link #maybeThrow(boolean, BiConsumer)}; Celery's alias {@code maybe_reraise}.
   *
   * @param propagate whether to raise
   * @param callback called with the task id and value, or null
   * @return the stored result
   */
  public Object maybeReraise(boolean propagate, BiConsumer<String, Object> callback) {
    return maybeThrow(propagate, callback);
  }

  /** Tells whether a state re-raises, with Celery's PROPAGATE_STATES answered without hashing. */
  static boolean propagatesIn(java.util.Set<TaskState> propagateStates, TaskState state) {
    return propagateStates == TaskState.PROPAGATE_STATES
        ? state.propagates()
        : propagateStates.contains(state);
  }

  Object maybeThrow(
      TaskMeta meta,
      boolean propagate,
      BiConsumer<String, Object> callback,
      java.util.Set<TaskState> propagateStates) {
    if (propagate && propagatesIn(propagateStates, meta.state())) {
      throw StoredFailures.reraise(meta.result(), id, meta.state());
    }
    if (callback != null) {
      callback.accept(id, meta.result());
    }
    return meta.result();
  }

  /**
   * Rejects the result's readiness with an exception and raises it, as Celery's {@code throw()}
   * (vine's {@code promise.throw}, which re-raises unless the promise's own {@code on_error}
   * handles it; a result's {@code on_ready} promise has none): every {@link #then} registered with
   * an error handler gets the exception first, then it is thrown (unchecked ones as they are,
   * checked ones wrapped in {@link TaskFailedException}).
   *
   * @param exception the exception
   */
  public void throwError(Throwable exception) {
    Objects.requireNonNull(exception, "exception");
    readyFuture().completeExceptionally(exception);
    throw StoredFailures.reraise(exception, id, TaskState.FAILURE);
  }

  // ---------------------------------------------------------------- callbacks

  /**
   * Calls {@code callback} with this result once it is ready, or {@code onError} with the error if
   * the callback fails or {@link #throwError} is called ({@code then(callback, on_error)}).
   *
   * @param <R> the callbacks' result type
   * @param callback the callback
   * @param onError the error callback, or null
   * @return a future of the value the callback (or error callback) returned
   */
  public <R> CompletableFuture<R> then(
      Function<? super AsyncResult<T>, ? extends R> callback,
      Function<? super Throwable, ? extends R> onError) {
    Objects.requireNonNull(callback, "callback");
    return Callbacks.chain(readyFuture(), callback, onError);
  }

  @Override
  CompletableFuture<?> readiness() {
    return readyFuture();
  }

  synchronized CompletableFuture<AsyncResult<T>> readyFuture() {
    CompletableFuture<AsyncResult<T>> ready = onReady;
    if (ready == null) {
      ready = new CompletableFuture<>();
      onReady = ready;
      if (cache != null) {
        ready.complete(this);
      } else {
        readySubscription =
            backend.subscribe(
                id,
                stored -> {
                  if (stored.isReady()) {
                    maybeSetCache(stored);
                  }
                });
        ready.whenComplete((r, e) -> closeReadySubscription());
        meta();
      }
    }
    return ready;
  }

  private synchronized void closeReadySubscription() {
    if (readySubscription != null) {
      readySubscription.close();
      readySubscription = null;
    }
  }

  // ---------------------------------------------------------------- tree

  /**
   * Walks the result tree breadth-first from this result, yielding {@code (parent, result)} pairs
   * ({@code iterdeps(intermediate=False)}); a node that is not ready ends the walk with {@link
   * IncompleteStreamException}. The walk is lazy: children of a node are read when the walk moves
   * past it.
   *
   * @return a lazy stream of edges
   */
  public Stream<ResultEdge> iterdeps() {
    return iterdeps(false);
  }

  /**
   * Walks the result tree breadth-first ({@code iterdeps(intermediate)}).
   *
   * @param intermediate if true, a node that is not ready is yielded without its children instead
   *     of ending the walk
   * @return a lazy stream of edges
   */
  public Stream<ResultEdge> iterdeps(boolean intermediate) {
    return DependencyWalk.iterdeps(this, intermediate);
  }

  /**
   * Collects the results of the tree as they return ({@code collect()}): waits for each node like
   * {@code get} and yields {@code (result, value)} for every node, breadth-first.
   *
   * @return a lazy stream of results and values
   */
  public Stream<CollectedValue> collect() {
    return collect(false, GetOptions.defaults());
  }

  /**
   * Collects the results of the tree as they return ({@code collect(intermediate, **kwargs)}).
   *
   * @param intermediate passed to {@link #iterdeps(boolean)}
   * @param options the keyword arguments each {@code get} is called with
   * @return a lazy stream of results and values
   */
  public Stream<CollectedValue> collect(boolean intermediate, GetOptions options) {
    Objects.requireNonNull(options, "options");
    return iterdeps(intermediate)
        .map(edge -> new CollectedValue(edge.result(), edge.result().value(options)));
  }

  /**
   * Waits for every node of the tree in {@code iterdeps} order and returns the value of the last
   * one ({@code get_leaf()}).
   *
   * @return the value of the last node reached
   */
  public Object getLeaf() {
    Object value = null;
    var it = DependencyWalk.edges(this, false);
    while (it.hasNext()) {
      value = it.next().result().value(GetOptions.defaults());
    }
    return value;
  }

  /**
   * Builds the dependency graph of the tree with Celery's formatter ({@code
   * build_graph(intermediate)}).
   *
   * @param intermediate passed to {@link #iterdeps(boolean)}
   * @return the graph
   */
  public DependencyGraph<ResultBase> buildGraph(boolean intermediate) {
    return buildGraph(intermediate, null);
  }

  /**
   * Builds the dependency graph of the tree ({@code build_graph(intermediate, formatter)}): one
   * node per result reached by {@link #iterdeps(boolean)}, an edge from each node to each child.
   * Its {@link DependencyGraph#toDot()} prints Celery's DOT text.
   *
   * @param intermediate passed to {@link #iterdeps(boolean)}
   * @param formatter the formatter, or null for Celery's ({@code GraphFormatter(root=id,
   *     shape='oval')})
   * @return the graph
   */
  public DependencyGraph<ResultBase> buildGraph(
      boolean intermediate, GraphFormatter<? super ResultBase> formatter) {
    return DependencyWalk.buildGraph(this, intermediate, formatter);
  }

  /**
   * Returns the dependency graph of the tree with Celery's formatter ({@code graph}), built on the
   * first call and the same object on every later one, as Celery's {@code cached_property}.
   *
   * @return {@code buildGraph(false)}, once
   */
  public DependencyGraph<ResultBase> graph() {
    DependencyGraph<ResultBase> built = graph;
    if (built == null) {
      synchronized (this) {
        built = graph;
        if (built == null) {
          built = buildGraph(false);
          graph = built;
        }
      }
    }
    return built;
  }

  /**
   * Returns the result's serialized form ({@code as_tuple()}): {@code ((id, parent), None)}.
   *
   * @return the tuple
   */
  public ResultTuple asTuple() {
    return ResultTuples.of(this);
  }

  /**
   * Returns the ids of this result and its parents, nearest first ({@code as_list()}).
   *
   * @return the ids
   * @throws UnsupportedOperationException if a parent is a group, which has no {@code as_list}
   */
  public List<String> asList() {
    List<String> ids = new ArrayList<>();
    for (ResultBase node = this; node != null; node = node.parent()) {
      if (!(node instanceof AsyncResult<?> result)) {
        throw new UnsupportedOperationException(
            "as_list(): parent "
                + node
                + " of "
                + id
                + " is a "
                + node.getClass().getSimpleName()
                + ", which has no as_list in Celery; use asTuple() for trees with groups");
      }
      ids.add(result.id);
    }
    return ids;
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Forgets the result of this task and of its parents ({@code forget()}): clears the cache and
   * removes what the backend stores, parents first.
   */
  @Override
  public void forget() {
    forgetAll(this);
  }

  @Override
  List<ResultBase> forgetDependencies() {
    return parent == null ? List.of() : List.of(parent);
  }

  @Override
  void forgetOwn() {
    if (app instanceof ResultHooks hooks) {
      hooks.resultConsumed(this);
    }
    cache = null;
    cachedChildren = null;
    backend.forget(id);
  }

  /** {@inheritDoc} */
  @Override
  public void revoke(RevokeOptions options) {
    Objects.requireNonNull(options, "options");
    control().revoke(List.of(id), options);
  }

  /**
   * Asks the workers to revoke every task whose stamped headers match ({@code
   * revoke_by_stamped_headers(headers)}).
   *
   * @param headers the headers to match; values may be single values or lists
   */
  public void revokeByStampedHeaders(Map<String, Object> headers) {
    revokeByStampedHeaders(headers, RevokeOptions.defaults());
  }

  /**
   * Asks the workers to revoke every task whose stamped headers match ({@code
   * revoke_by_stamped_headers(headers, ...)}).
   *
   * @param headers the headers to match; values may be single values or lists
   * @param options terminate, signal, wait, timeout
   */
  public void revokeByStampedHeaders(Map<String, Object> headers, RevokeOptions options) {
    Objects.requireNonNull(headers, "headers (a map of stamp name to value or list of values)");
    Objects.requireNonNull(options, "options");
    control().revokeByStampedHeaders(headers, options);
  }

  private Control control() {
    if (app == null || app.control() == null) {
      throw new IllegalStateException(
          "result " + id + " has no app control to send the revoke to; create it with an app");
    }
    return app.control();
  }

  // ---------------------------------------------------------------- object

  /**
   * Compares task ids: two results of the same task are equal.
   *
   * @param o the other object
   * @return true for a result with the same id
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof AsyncResult<?> other && other.id.equals(id);
  }

  /**
   * Returns the hash of the id.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /**
   * Returns the task id, as Celery's {@code str(result)}.
   *
   * @return the id
   */
  @Override
  public String toString() {
    return id;
  }

  /**
   * Returns Celery's {@code repr}: {@code <AsyncResult: id>}.
   *
   * @return the text
   */
  public String repr() {
    return "<" + getClass().getSimpleName() + ": " + id + ">";
  }
}
