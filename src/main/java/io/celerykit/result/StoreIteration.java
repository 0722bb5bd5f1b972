package io.celerykit.result;

import io.celerykit.internal.Checks;
import io.celerykit.internal.PendingIds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@link ResultBackend#iterNative}'s default, as Celery's {@code get_many}: yields the metas ready
 * already in the order given, then reads the others every {@code interval} (woken early by a store
 * that notifies) and yields each as it is found ready; the timeout spans the whole iteration. As in
 * {@code get_many}, {@code on_message} gets each ready meta as it is yielded (every meta stored,
 * for a store that notifies).
 */
final class StoreIteration implements Iterator<TaskMeta> {
  private final ResultBackend backend;
  private final GetOptions options;
  private final Set<String> remaining = new LinkedHashSet<>();
  private final ArrayDeque<TaskMeta> ready = new ArrayDeque<>();
  private StorePause pause;
  private List<ResultBackend.Subscription> subscriptions;

  StoreIteration(ResultBackend backend, Collection<String> taskIds, GetOptions options) {
    Checks.requireNonNull(taskIds, "taskIds");
    Checks.requireNonNull(options, "options");
    if (!backend.supportsNativeJoin()) {
      throw new UnsupportedOperationException(
          backend.getClass().getSimpleName()
              + " does not support native join (supports_native_join is false); use join()");
    }
    this.backend = backend;
    this.options = options;
    for (String id : taskIds) {
      remaining.add(Checks.requireNonBlank(id, "task id"));
    }
    collectReady();
  }

  @Override
  public boolean hasNext() {
    if (!ready.isEmpty()) {
      return true;
    }
    if (remaining.isEmpty()) {
      close();
      return false;
    }
    boolean found = false;
    try {
      if (pause == null) {
        startWaiting();
      }
      while (ready.isEmpty()) {
        pause.await(this::describe);
        collectReady();
      }
      found = true;
    } finally {
      if (!found) {
        close(); // timed out or interrupted: stop listening
      }
    }
    return true;
  }

  @Override
  public TaskMeta next() {
    if (!hasNext()) {
      throw new NoSuchElementException("iter_native is exhausted");
    }
    TaskMeta out = ready.poll();
    if (ready.isEmpty() && remaining.isEmpty()) {
      close();
    }
    return out;
  }

  /** Starts the clock of the timeout and listens to a store that notifies. */
  private void startWaiting() {
    pause = new StorePause(options);
    List<String> ids = new ArrayList<>(remaining);
    subscriptions = StoreWaits.subscribe(backend, ids, options);
    if (backend.isAsync()) {
      for (String id : ids) {
        subscriptions.add(backend.subscribe(id, stored -> pause.wake()));
      }
    }
    // A meta stored before the subscriptions were open is found by this read.
    collectReady();
  }

  /** Reads every task not ready yet and moves those ready now to the queue, in order. */
  private void collectReady() {
    for (Iterator<String> it = remaining.iterator(); it.hasNext(); ) {
      TaskMeta meta = backend.getTaskMeta(it.next());
      if (meta.isReady()) {
        it.remove();
        ready.add(meta);
        if (options.onMessage() != null && !backend.isAsync()) {
          options.onMessage().accept(meta);
        }
      }
    }
  }

  private String describe() {
    return PendingIds.noneReady(remaining);
  }

  private void close() {
    if (subscriptions != null) {
      subscriptions.forEach(ResultBackend.Subscription::close);
      subscriptions = null;
    }
  }
}
