package io.celerykit.app;

import io.celerykit.backend.InMemoryBackend;
import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.CeleryApp;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import java.util.List;

/**
 * A whole Celery in one object, in memory: the virtual clock, the result backend and the control
 * ({@code app.clock}, {@code app.backend}, {@code app.control}). Create one per test; nothing is
 * shared between apps.
 *
 * <pre>{@code
 * InMemoryCelery app = InMemoryCelery.create();
 * app.backend().store(TaskMeta.success("t1", 42));
 * AsyncResult<Integer> r = app.asyncResult("t1");
 * r.get();   // 42
 * }</pre>
 */
public final class InMemoryCelery implements CeleryApp {

  private final VirtualClock clock;
  private final InMemoryBackend backend;
  private final InMemoryControl control;

  private InMemoryCelery(VirtualClock clock) {
    this.clock = clock;
    this.backend = new InMemoryBackend(clock);
    this.control = new InMemoryControl(clock);
  }

  /**
   * Creates an app with a fresh virtual clock at {@link VirtualClock#DEFAULT_START}.
   *
   * @return the app
   */
  public static InMemoryCelery create() {
    return new InMemoryCelery(new VirtualClock());
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
   * Describes the app.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "InMemoryCelery[" + clock + ", results=" + backend.size() + "]";
  }
}
