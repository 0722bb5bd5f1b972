package io.celerykit.app;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.Control;
import io.celerykit.result.RevokeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The in-memory app's control ({@code app.control}): records every revoke request, in order, for
 * tests to assert on, and passes it on to whoever listens (the worker). Revoking an id nobody knows
 * is recorded and harmless, as in Celery. Thread-safe.
 *
 * <pre>{@code
 * result.revoke();
 * assertThat(app.control().revoked()).contains(result.id());
 * }</pre>
 */
public final class InMemoryControl implements Control {

  private final VirtualClock clock;
  private final List<RevokeRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Consumer<RevokeRequest>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Creates a control that stamps requests with the clock's time.
   *
   * @param clock the app's virtual clock
   */
  public InMemoryControl(VirtualClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records a revoke and tells the worker, as Celery's {@code app.control.revoke}. A task that has
   * not started yet is not marked at once: its result reads PENDING (or RETRY, between retries)
   * until the worker reaches it and stores REVOKED instead of running it, as a real worker does
   * with the ids it holds as revoked ({@code celery/worker/request.py}, {@code Request.revoked}).
   * Run the worker ({@code get()}, {@code app.worker().runUntilIdle()}) to see REVOKED; with {@code
   * terminate} a running task ends REVOKED at once.
   *
   * @param taskIds the ids
   * @param options Celery's revoke keywords
   */
  @Override
  public void revoke(List<String> taskIds, RevokeOptions options) {
    Objects.requireNonNull(taskIds, "taskIds");
    for (int i = 0; i < taskIds.size(); i++) {
      String id = taskIds.get(i);
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(
            "taskIds[" + i + "] must be a non-blank task id, got " + id);
      }
    }
    record(new RevokeRequest(taskIds, Map.of(), Objects.requireNonNull(options), clock.now()));
  }

  /** {@inheritDoc} */
  @Override
  public void revokeByStampedHeaders(Map<String, Object> headers, RevokeOptions options) {
    Objects.requireNonNull(headers, "headers");
    if (headers.isEmpty()) {
      throw new IllegalArgumentException(
          "revoke_by_stamped_headers needs at least one header to match, got {}");
    }
    record(new RevokeRequest(List.of(), headers, Objects.requireNonNull(options), clock.now()));
  }

  private void record(RevokeRequest request) {
    requests.add(request);
    for (Consumer<RevokeRequest> listener : listeners) {
      listener.accept(request);
    }
  }

  /**
   * Returns every revoke request received, in order.
   *
   * @return an unmodifiable snapshot
   */
  public List<RevokeRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Returns every task id revoked by id, in order of the requests.
   *
   * @return the ids
   */
  public List<String> revoked() {
    List<String> ids = new ArrayList<>();
    for (RevokeRequest r : requests) {
      ids.addAll(r.taskIds());
    }
    return ids;
  }

  /**
   * Calls the listener with every request from now on (the worker listens here).
   *
   * @param listener the listener
   */
  public void onRevoke(Consumer<RevokeRequest> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }
}
