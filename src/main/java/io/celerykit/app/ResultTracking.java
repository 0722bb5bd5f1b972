package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The results handed out for task calls and which of them were consumed, for strict mode ({@link
 * CeleryConfig#trackResults(boolean)}); remembers nothing when tracking is off. Thread-safe.
 */
final class ResultTracking {
  private final boolean enabled;
  private final Map<String, AsyncResult<?>> handedOut =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private final Set<String> consumed = ConcurrentHashMap.newKeySet();

  ResultTracking(boolean enabled) {
    this.enabled = enabled;
  }

  /** Remembers a result handed out for a call. */
  void handedOut(AsyncResult<?> result) {
    if (enabled) {
      handedOut.put(result.id(), result);
    }
  }

  /** Remembers that a result was consumed. */
  void consumed(AsyncResult<?> result) {
    if (enabled) {
      consumed.add(result.id());
    }
  }

  /** Tells whether a result was consumed; false when tracking is off. */
  boolean isConsumed(String taskId) {
    return enabled && consumed.contains(taskId);
  }

  /**
   * Returns the results handed out and never consumed, in the order they were sent; a result marked
   * ignored ({@code ignore_result}) is not expected to be consumed.
   */
  List<AsyncResult<?>> unconsumed() {
    if (!enabled) {
      throw new IllegalStateException(
          "results are not tracked; create the app with CeleryConfig.defaults().trackResults(true)");
    }
    List<AsyncResult<?>> out = new ArrayList<>();
    synchronized (handedOut) {
      for (AsyncResult<?> r : handedOut.values()) {
        if (!r.ignored() && !consumed.contains(r.id())) {
          out.add(r);
        }
      }
    }
    return out;
  }
}
