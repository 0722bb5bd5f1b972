package io.celerykit.result;

import io.celerykit.internal.StoredFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The waits of a {@link ResultSet} over a snapshot of its members: Celery's {@code join} (each
 * member in turn, one timeout for the whole join) and {@code join_native} (the backend's native
 * iteration, values put back in member order).
 */
final class SetJoins {
  private SetJoins() {}

  /** {@code ResultSet.join(...)}, once the set has checked the options and the thread. */
  static List<Object> join(ResultSet set, List<ResultBase> results, GetOptions options) {
    List<ResultBase> members = results;
    Duration timeout = options.timeout();
    Clock clock = members.isEmpty() ? null : set.backend().clock();
    Instant start = clock == null ? null : clock.instant();
    GetOptions memberOptions =
        GetOptions.defaults()
            .propagate(options.propagate())
            .interval(options.interval())
            .noAck(options.noAck())
            .onInterval(options.onInterval())
            // checked once above for the whole join; the calling thread does not change
            .disableSyncSubtasks(false);
    BiConsumer<String, Object> callback = options.callback();
    List<Object> values = new ArrayList<>(callback == null ? members.size() : 0);
    for (ResultBase member : members) {
      GetOptions these = memberOptions;
      if (timeout != null) {
        Duration remaining = timeout.minus(Duration.between(start, clock.instant()));
        // As Celery's `if remaining <= 0.0: raise TimeoutError(...)`; a zero timeout checks once.
        if (remaining.isNegative() || (remaining.isZero() && !timeout.isZero())) {
          throw joinTimedOut(set, timeout, null);
        }
        these = memberOptions.timeout(remaining);
      }
      Object value;
      try {
        value = member.value(these);
      } catch (ResultTimeoutException e) {
        if (timeout == null) {
          throw e;
        }
        // The member's wait was bounded by what was left of the join's timeout.
        throw joinTimedOut(set, timeout, e);
      }
      if (callback != null) {
        callback.accept(ResultSet.idOf(member), value);
      } else {
        values.add(value);
      }
    }
    return values;
  }

  /** {@code ResultSet.join_native(...)}, once the set has checked the options and the thread. */
  static List<Object> joinNative(ResultSet set, List<ResultBase> results, GetOptions options) {
    List<ResultBase> members = results;
    BiConsumer<String, Object> callback = options.callback();
    // Where each id sits: its first position, and any further ones (a set may hold a task twice).
    Map<String, Integer> positions = new HashMap<>(members.size() * 4 / 3 + 1);
    Map<String, List<Integer>> repeats = new HashMap<>();
    Object[] values = new Object[members.size()];
    for (int i = 0; i < members.size(); i++) {
      ResultBase member = members.get(i);
      if (!(member instanceof AsyncResult<?>) || member instanceof EagerResult<?>) {
        return set.join(options);
      }
      String id = ResultSet.idOf(member);
      if (positions.putIfAbsent(id, i) != null) {
        repeats.computeIfAbsent(id, k -> new ArrayList<>(1)).add(i);
      }
    }
    Iterator<TaskMeta> it = set.iterNative(options);
    while (it.hasNext()) {
      TaskMeta meta = it.next();
      Object value = meta.result();
      if (options.propagate()
          && AsyncResult.propagatesIn(options.propagateStates(), meta.state())) {
        throw StoredFailures.reraise(value, meta.taskId(), meta.state());
      }
      if (callback != null) {
        callback.accept(meta.taskId(), value);
      } else {
        Integer first = positions.get(meta.taskId());
        if (first != null) {
          values[first] = value;
        }
        for (int index : repeats.getOrDefault(meta.taskId(), List.of())) {
          values[index] = value;
        }
      }
    }
    return callback != null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(values));
  }

  private static ResultTimeoutException joinTimedOut(
      ResultSet set, Duration timeout, ResultTimeoutException cause) {
    String message =
        "join operation timed out after "
            + timeout
            + " ("
            + set.completedCount()
            + " of "
            + set.size()
            + " members successful)";
    return cause == null
        ? new ResultTimeoutException(message)
        : new ResultTimeoutException(message, cause);
  }
}
