package io.celerykit.app;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The worker's revoked set, as Celery's {@code worker_state.revoked} and {@code revoked_stamps}:
 * the ids revoked by id and the stamped headers revoked by {@code revoke_by_stamped_headers}.
 * Thread-safe.
 */
final class RevokedTasks {

  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private final List<Map<String, Object>> stamps = new CopyOnWriteArrayList<>();

  /** Records a revoke request: its ids, or its stamped headers. */
  void add(RevokeRequest request) {
    if (request.byStampedHeaders()) {
      stamps.add(request.headers());
    } else {
      ids.addAll(request.taskIds());
    }
  }

  /** Tells whether a task id was revoked (by id). */
  boolean contains(String taskId) {
    return ids.contains(taskId);
  }

  /** Tells whether a message is revoked: by its id, or by one of its stamps. */
  boolean contains(Message m) {
    if (ids.contains(m.id)) {
      return true;
    }
    for (Map<String, Object> revokedStamps : stamps) {
      if (stampsMatch(m.headers, revokedStamps)) {
        return true;
      }
    }
    return false;
  }

  /** Tells whether a request names a running message: by its id, or by its stamps. */
  static boolean hits(RevokeRequest request, Message m) {
    return request.byStampedHeaders()
        ? stampsMatch(m.headers, request.headers())
        : request.revokes(m.id);
  }

  /** Returns the ids revoked by id. */
  Set<String> ids() {
    return Set.copyOf(ids);
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
}
