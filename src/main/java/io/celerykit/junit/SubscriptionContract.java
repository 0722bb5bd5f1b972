package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The backend contract's subscriptions: a backend that notifies ({@link ResultBackend#isAsync()})
 * calls each subscriber with every meta stored for its task until it is closed; for every backend,
 * {@code then} callbacks run once the result is ready. Part of {@link ResultBackendContract}.
 */
// The JUnit annotations on the public tests belong to a `requires static` module.
@SuppressWarnings("exports")
public abstract class SubscriptionContract extends BackendContractSupport {

  /** Creates the piece; subclasses are JUnit test classes that say how to make the backend. */
  protected SubscriptionContract() {}

  /** Creates the piece nested in a whole contract, over its backend and hooks. */
  SubscriptionContract(BackendContractSupport owner) {
    super(owner);
  }

  /**
   * A subscription receives every meta stored for its task, in order and on the storing thread (as
   * the SPI says), and none of other tasks'; once closed it receives nothing more; closing twice is
   * harmless.
   */
  @Test
  public void subscribeReceivesStoredMetasUntilClosed() {
    if (!backend().isAsync()) {
      return; // a backend that cannot notify has no one to call: see thenRunsOnceTheResultIsReady
    }
    String id = id("watched");
    List<TaskMeta> received = new CopyOnWriteArrayList<>();
    ResultBackend.Subscription subscription = backend().subscribe(id, received::add);
    TaskMeta started = TaskMeta.builder(id, TaskState.STARTED).build();
    TaskMeta progress =
        TaskMeta.builder(id, TaskState.of("PROGRESS")).result(Map.of("done", 1)).build();
    TaskMeta done = success(id, "ok");
    backend().store(started);
    backend().store(success(id("other"), "not mine"));
    backend().store(progress);
    backend().store(done);
    assertThat(received).containsExactly(started, progress, done);

    subscription.close();
    backend().store(success(id, "after close"));
    assertThat(received).hasSize(3);
    subscription.close();
  }

  /** Two listeners of the same task both receive; closing one leaves the other. */
  @Test
  public void subscriptionsAreIndependent() {
    if (!backend().isAsync()) {
      return; // a backend that cannot notify has no one to call: see thenRunsOnceTheResultIsReady
    }
    String id = id("two-listeners");
    List<TaskMeta> first = new CopyOnWriteArrayList<>();
    List<TaskMeta> second = new CopyOnWriteArrayList<>();
    ResultBackend.Subscription a = backend().subscribe(id, first::add);
    ResultBackend.Subscription b = backend().subscribe(id, second::add);
    backend().store(TaskMeta.builder(id, TaskState.STARTED).build());
    assertThat(first).hasSize(1);
    assertThat(second).hasSize(1);
    a.close();
    backend().store(success(id, 1));
    assertThat(second).hasSize(2);
    assertThat(first).hasSize(1);
    b.close();
  }

  /**
   * {@code then} callbacks run once the result is ready: at once when stored, for a backend that
   * notifies; when the result is next read ready, for one that cannot, as with Celery's synchronous
   * backends (whose {@code add_pending_result} listens to nothing, so {@code on_ready} fires from
   * {@code AsyncResult._maybe_set_cache}).
   */
  @Test
  public void thenRunsOnceTheResultIsReady() {
    String id = id("then");
    AsyncResult<Object> result = new AsyncResult<>(id, backend(), null, app(), null);
    List<ResultBase> called = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> then = result.then(called::add);
    assertThat(then).isNotDone();
    backend().store(success(id, "ok"));
    if (!backend().isAsync()) {
      assertThat(then).as("nothing notified yet").isNotDone();
      assertThat(result.ready()).isTrue();
    }
    assertThat(then).isDone();
    assertThat(called).containsExactly(result);
  }
}
