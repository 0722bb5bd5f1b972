package io.celerykit.result;

import io.celerykit.internal.Checks;
import io.celerykit.internal.ResultHooks;
import io.celerykit.internal.ResultKey;
import io.celerykit.internal.TreeWalk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A collection of results, as Celery's {@code celery.result.ResultSet}: ask them all at once
 * whether they are ready, successful or failed, and {@link #join()} their values in order.
 *
 * <p>Thread-safe: members may be added and removed while other threads iterate or join (they see a
 * snapshot).
 *
 * <pre>{@code
 * ResultSet set = new ResultSet(List.of(r1, r2), app);
 * List<Object> values = set.join(Duration.ofSeconds(10));
 * }</pre>
 */
public non-sealed class ResultSet extends ResultBase implements Iterable<ResultBase> {

  private final CopyOnWriteArrayList<ResultBase> results;
  private final CeleryApp app;

  /**
   * Creates a set, as {@code ResultSet(results, app=app)}.
   *
   * @param results the members, in order
   * @param app the app (for control and backend), or null to use the first member's
   */
  public ResultSet(List<? extends ResultBase> results, CeleryApp app) {
    Objects.requireNonNull(results, "results (use List.of() for an empty set)");
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) == null) {
        throw new IllegalArgumentException("results[" + i + "] is null; a set holds results only");
      }
    }
    this.results = new CopyOnWriteArrayList<>(results);
    this.app = app;
  }

  /**
   * Creates a set whose app is its first member's, as {@code ResultSet(results)}.
   *
   * @param results the members, in order
   */
  public ResultSet(List<? extends ResultBase> results) {
    this(results, null);
  }

  // ---------------------------------------------------------------- membership

  /**
   * Adds a result as a new member, unless it is already one ({@code add()}).
   *
   * @param result the result
   */
  public void add(ResultBase result) {
    Objects.requireNonNull(result, "result");
    refuseCycle(result);
    results.addIfAbsent(result);
  }

  /**
   * Refuses a member that is this set or holds it among its members (at any depth): a set that
   * contains itself has no end to walk ({@code ready}, {@code join}, {@code supports_native_join}).
   */
  private void refuseCycle(ResultBase candidate) {
    if (candidate instanceof ResultSet set && set.contains(this)) {
      throw new IllegalArgumentException(
          "cannot add "
              + candidate
              + " to "
              + this
              + ": it "
              + (candidate == this ? "is" : "contains")
              + " this set, and a set that contains itself has no end; add its members instead");
    }
  }

  /** Tells whether this set is the target or holds it among its members, at any depth. */
  private boolean contains(ResultSet target) {
    var walk =
        TreeWalk.<ResultBase>over(node -> node instanceof ResultSet set ? set.results : List.of())
            .distinctBy(ResultKey::of)
            .breadthFirst(this);
    while (walk.hasNext()) {
      if (walk.next().node() == target) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes a member ({@code remove()}); it must be one.
   *
   * @param result the member
   * @throws java.util.NoSuchElementException (Celery's {@code KeyError}) if it is not a member
   */
  public void remove(ResultBase result) {
    Objects.requireNonNull(result, "result");
    if (!results.remove(result)) {
      throw notAMember(String.valueOf(result));
    }
  }

  /**
   * Removes the member with this task id ({@code remove(task_id)}); it must be one.
   *
   * @param taskId the member's id
   * @throws java.util.NoSuchElementException (Celery's {@code KeyError}) if no member has the id
   */
  public void remove(String taskId) {
    Checks.requireId(taskId, "task id to remove");
    if (!results.removeIf(r -> r instanceof AsyncResult<?> a && a.id().equals(taskId))) {
      throw notAMember(taskId);
    }
  }

  private java.util.NoSuchElementException notAMember(String what) {
    return new java.util.NoSuchElementException(
        what + " is not a member of " + this + "; use discard() to remove only if present");
  }

  /**
   * Removes a member if it is one, else does nothing ({@code discard()}).
   *
   * @param result the result
   */
  public void discard(ResultBase result) {
    if (result != null) {
      results.remove(result);
    }
  }

  /**
   * Removes the member with this task id if there is one ({@code discard(task_id)}).
   *
   * @param taskId the id
   */
  public void discard(String taskId) {
    results.removeIf(r -> r instanceof AsyncResult<?> a && a.id().equals(taskId));
  }

  /**
   * Adds every result that is not a member yet, in order ({@code update()}).
   *
   * @param more the results to add
   */
  public void update(Iterable<? extends ResultBase> more) {
    Objects.requireNonNull(more, "results");
    for (ResultBase r : more) {
      add(r);
    }
  }

  /** Removes every member ({@code clear()}). */
  public void clear() {
    results.clear();
  }

  /**
   * Returns a snapshot of the members ({@code results}).
   *
   * @return an unmodifiable list
   */
  public List<ResultBase> results() {
    return List.copyOf(results);
  }

  /**
   * Returns the member at an index ({@code set[index]}).
   *
   * @param index the index
   * @return the member
   * @throws IndexOutOfBoundsException naming the index and the size
   */
  public ResultBase member(int index) {
    List<ResultBase> snapshot = results;
    if (index < 0 || index >= snapshot.size()) {
      throw new IndexOutOfBoundsException(
          "index " + index + " is out of range for " + this + " of size " + snapshot.size());
    }
    return snapshot.get(index);
  }

  /**
   * Returns the number of members ({@code len(set)}).
   *
   * @return the size
   */
  public int size() {
    return results.size();
  }

  /**
   * Iterates over a snapshot of the members.
   *
   * @return the iterator
   */
  @Override
  public Iterator<ResultBase> iterator() {
    return results.iterator();
  }

  /** {@inheritDoc} Members of a set are its children. */
  @Override
  public List<ResultBase> children() {
    return results();
  }

  /** A plain set has no parent. */
  @Override
  public ResultBase parent() {
    return null;
  }

  // ---------------------------------------------------------------- predicates

  /**
   * Tells whether every member succeeded ({@code successful()}).
   *
   * @return true when all are SUCCESS (and for an empty set)
   */
  public boolean successful() {
    for (ResultBase r : results) {
      if (!successful(r)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether any member failed ({@code failed()}).
   *
   * @return true when one is FAILURE
   */
  public boolean failed() {
    for (ResultBase r : results) {
      if (r instanceof AsyncResult<?> a ? a.failed() : ((ResultSet) r).failed()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether any member is not ready ({@code waiting()}).
   *
   * @return true when one is still waiting
   */
  public boolean waiting() {
    for (ResultBase r : results) {
      if (!r.ready()) {
        return true;
      }
    }
    return false;
  }

  /** {@inheritDoc} True when every member is ready. */
  @Override
  public boolean ready() {
    for (ResultBase r : results) {
      if (!r.ready()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns how many members succeeded ({@code completed_count()}).
   *
   * @return the number of SUCCESS members
   */
  public int completedCount() {
    int count = 0;
    for (ResultBase r : results) {
      if (successful(r)) {
        count++;
      }
    }
    return count;
  }

  private static boolean successful(ResultBase r) {
    return r instanceof AsyncResult<?> a ? a.successful() : ((ResultSet) r).successful();
  }

  // ---------------------------------------------------------------- re-raising

  /** Re-raises the exception of the first failed or revoked member ({@code maybe_throw()}). */
  public void maybeThrow() {
    maybeThrow(true, null);
  }

  /** {@inheritDoc} */
  @Override
  public Object maybeThrow(boolean propagate, BiConsumer<String, Object> callback) {
    for (ResultBase r : results) {
      r.maybeThrow(propagate, callback);
    }
    return null;
  }

  /** Re-raises the exception of the first failed or revoked member ({@code maybe_reraise()}). */
  public void maybeReraise() {
    maybeThrow();
  }

  /**
   * Same as {@link #maybeThrow(boolean, BiConsumer)}; Celery's alias {@code maybe_reraise}.
   *
   * @param propagate whether to raise
   * @param callback called with each task id and value, or null
   */
  public void maybeReraise(boolean propagate, BiConsumer<String, Object> callback) {
    maybeThrow(propagate, callback);
  }

  // ---------------------------------------------------------------- lifecycle

  /** Forgets every member ({@code forget()}). */
  @Override
  public void forget() {
    forgetAll(this);
  }

  @Override
  List<ResultBase> forgetDependencies() {
    return results();
  }

  @Override
  void forgetOwn() {}

  /** {@inheritDoc} Sends one revoke request with every member's id. */
  @Override
  public void revoke(RevokeOptions options) {
    Objects.requireNonNull(options, "options");
    List<String> ids = new ArrayList<>();
    for (ResultBase r : results) {
      ids.add(r instanceof AsyncResult<?> a ? a.id() : ((GroupResult) r).id());
    }
    app().control().revoke(ids, options);
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Waits for every member and returns their values, as {@code get()}: {@link #joinNative} when the
   * backend supports it, else {@link #join}.
   *
   * @param options the keyword arguments
   * @return the values in member order
   */
  public List<Object> get(GetOptions options) {
    return supportsNativeJoin() ? joinNative(options) : join(options);
  }

  /**
   * Waits for every member and returns their values, as {@code get()}.
   *
   * @return the values in member order
   */
  public List<Object> get() {
    return get(GetOptions.defaults());
  }

  /** {@inheritDoc} */
  @Override
  public Object value(GetOptions options) {
    return get(options);
  }

  /**
   * Waits for every member, in order, and returns their values ({@code join()}).
   *
   * @return the values in member order
   */
  public List<Object> join() {
    return join(GetOptions.defaults());
  }

  /**
   * Waits at most {@code timeout} for all members together and returns their values ({@code
   * join(timeout=...)}).
   *
   * @param timeout the time for the whole join
   * @return the values in member order
   */
  public List<Object> join(Duration timeout) {
    return join(GetOptions.defaults().timeout(timeout));
  }

  /**
   * Waits for every member, in order, and returns their values ({@code join(...)}). The timeout
   * counts across the whole join; with a {@code callback} it is called with {@code (id, value)} for
   * each member and the returned list is empty, as Celery's.
   *
   * @param options the keyword arguments
   * @return the values in member order
   * @throws ResultTimeoutException ({@code join operation timed out}) when the time runs out,
   *     before a member or while waiting for one (then the member's timeout is the cause)
   */
  public List<Object> join(GetOptions options) {
    Objects.requireNonNull(options, "options");
    if (options.disableSyncSubtasks()) {
      assertWillNotBlock();
    }
    if (options.onMessage() != null) {
      throw new ImproperlyConfiguredException("Backend does not support on_message callback");
    }
    return SetJoins.join(this, results, options);
  }

  /**
   * Waits for every member through the backend's native iteration and returns their values in
   * member order ({@code join_native()}).
   *
   * @return the values in member order
   */
  public List<Object> joinNative() {
    return joinNative(GetOptions.defaults());
  }

  /**
   * Waits for every member through the backend's native iteration and returns their values in
   * member order ({@code join_native(...)}); with a callback, values are passed to it in the order
   * they became ready.
   *
   * @param options the keyword arguments
   * @return the values in member order
   */
  public List<Object> joinNative(GetOptions options) {
    Objects.requireNonNull(options, "options");
    if (options.disableSyncSubtasks()) {
      assertWillNotBlock();
    }
    return SetJoins.joinNative(this, results, options);
  }

  /**
   * Yields each member's meta as it becomes ready, in that order ({@code iter_native(...)}).
   *
   * @param options timeout, interval, onInterval, onMessage, noAck
   * @return an iterator of ready metas
   */
  public Iterator<TaskMeta> iterNative(GetOptions options) {
    List<String> ids = new ArrayList<>();
    for (ResultBase member : results) {
      ids.add(idOf(member));
    }
    return backend().iterNative(ids, options);
  }

  /**
   * Tells whether the backend can join natively ({@code supports_native_join}); false for an empty
   * set.
   *
   * @return the first member's answer
   */
  public boolean supportsNativeJoin() {
    ResultSet set = this;
    while (true) {
      List<ResultBase> snapshot = set.results;
      if (snapshot.isEmpty()) {
        return false;
      }
      ResultBase first = snapshot.get(0);
      if (first instanceof AsyncResult<?> a) {
        return a.supportsNativeJoin();
      }
      set = (ResultSet) first;
    }
  }

  /**
   * Calls {@code callback} with this set once every member is ready, or {@code onError} if that
   * fails ({@code then(callback, on_error)}).
   *
   * @param <R> the callbacks' result type
   * @param callback the callback
   * @param onError the error callback, or null
   * @return a future of the value the callback (or error callback) returned
   */
  public <R> CompletableFuture<R> then(
      Function<? super ResultSet, ? extends R> callback,
      Function<? super Throwable, ? extends R> onError) {
    Objects.requireNonNull(callback, "callback");
    CompletableFuture<ResultSet> all = readiness().thenApply(ignored -> this);
    return Callbacks.chain(all, callback, onError);
  }

  @Override
  CompletableFuture<?> readiness() {
    List<ResultBase> snapshot = results;
    CompletableFuture<?>[] members = new CompletableFuture<?>[snapshot.size()];
    for (int i = 0; i < members.length; i++) {
      members[i] = snapshot.get(i).readiness();
    }
    return CompletableFuture.allOf(members);
  }

  // ---------------------------------------------------------------- app

  /**
   * Returns the app: the one given, else the first member's ({@code app}).
   *
   * @return the app
   * @throws IllegalStateException for an empty set created without app
   */
  @Override
  public CeleryApp app() {
    if (app != null) {
      return app;
    }
    List<ResultBase> snapshot = results;
    if (snapshot.isEmpty()) {
      throw new IllegalStateException(
          "an empty "
              + getClass().getSimpleName()
              + " created without app has no app;"
              + " pass the app to the constructor");
    }
    return snapshot.get(0).app();
  }

  /**
   * Returns the backend: the app's, else the first member's ({@code backend}).
   *
   * @return the backend
   */
  @Override
  public ResultBackend backend() {
    CeleryApp theApp = app != null ? app : results.isEmpty() ? null : results.get(0).app();
    if (theApp != null && theApp.backend() != null) {
      return theApp.backend();
    }
    return member(0).backend();
  }

  private void assertWillNotBlock() {
    CeleryApp theApp = app != null ? app : results.isEmpty() ? null : results.get(0).app();
    if (theApp instanceof ResultHooks hooks) {
      hooks.assertWillNotBlock();
    }
  }

  static String idOf(ResultBase r) {
    if (r instanceof AsyncResult<?> a) {
      return a.id();
    }
    if (r instanceof GroupResult g) {
      return g.id();
    }
    return null;
  }

  // ---------------------------------------------------------------- object

  /**
   * Compares members, in order ({@code ResultSet.__eq__}).
   *
   * @param o the other object
   * @return true for a set with equal members
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ResultSet other
        && !(o instanceof GroupResult)
        && !(this instanceof GroupResult)
        && other.results.equals(results);
  }

  /**
   * Hashes the members.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return results.hashCode();
  }

  /**
   * Returns Celery's {@code repr}: {@code <ResultSet: [id1, id2]>}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("<ResultSet: [");
    appendIds(sb);
    return sb.append("]>").toString();
  }

  void appendIds(StringBuilder sb) {
    boolean first = true;
    for (ResultBase r : results) {
      sb.append(first ? "" : ", ").append(idOf(r));
      first = false;
    }
  }
}
