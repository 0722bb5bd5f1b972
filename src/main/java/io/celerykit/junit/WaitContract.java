package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.GetOptions;
import io.celerykit.result.ImproperlyConfiguredException;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The backend contract's waiting and native iteration: {@code waitFor} returns ready metas, waits
 * for the worker side and times out; {@code iterNative} yields metas as they become ready and times
 * out across the iteration; {@code onMessage} works or is refused as the backend can notify. A
 * backend that implements only the storage passes with the SPI's polling defaults. Part of {@link
 * ResultBackendContract}.
 */
// The JUnit annotations on the public tests belong to a `requires static` module.
@SuppressWarnings("exports")
public abstract class WaitContract extends BackendContractSupport {

  /** Creates the piece; subclasses are JUnit test classes that say how to make the backend. */
  protected WaitContract() {}

  /** Creates the piece nested in a whole contract, over its backend and hooks. */
  WaitContract(BackendContractSupport owner) {
    super(owner);
  }

  /** {@code waitFor} returns a meta that is ready at once, even with a zero timeout. */
  @Test
  public void waitForReturnsAReadyMetaAtOnce() {
    TaskMeta meta = success(id("ready"), "v");
    backend().store(meta);
    Instant before = backend().clock().instant();
    assertThat(backend().waitFor(meta.taskId(), GetOptions.defaults().timeout(Duration.ZERO)))
        .isEqualTo(meta);
    assertThat(backend().waitFor(meta.taskId(), GetOptions.defaults().timeout(longTimeout())))
        .isEqualTo(meta);
    assertThat(Duration.between(before, backend().clock().instant())).isLessThan(longTimeout());
  }

  /** {@code waitFor} returns failed and revoked metas; raising is the result API's business. */
  @Test
  public void waitForReturnsFailuresWithoutRaising() {
    TaskMeta failure =
        failure(
            id("wait-failed"),
            new RemoteTaskException("ValueError", "builtins", List.of("boom"), null));
    TaskMeta revoked = revoked(id("wait-revoked"), "revoked");
    backend().store(failure);
    backend().store(revoked);
    GetOptions options = GetOptions.defaults().timeout(longTimeout());
    assertThat(backend().waitFor(failure.taskId(), options).state()).isEqualTo(TaskState.FAILURE);
    assertThat(backend().waitFor(revoked.taskId(), options).state()).isEqualTo(TaskState.REVOKED);
  }

  /** {@code waitFor} waits past unready states for the ready meta stored from the worker side. */
  @Test
  public void waitForReturnsTheMetaStoredWhileWaiting() {
    String id = id("later");
    backend().store(TaskMeta.builder(id, TaskState.STARTED).result(Map.of("pid", 1)).build());
    TaskMeta done = success(id, 7);
    storeLater(backend(), done);
    TaskMeta meta = backend().waitFor(id, GetOptions.defaults().timeout(longTimeout()));
    assertThat(meta).isEqualTo(done);
  }

  /** {@code waitFor} on a task that never becomes ready times out with ResultTimeoutException. */
  @Test
  public void waitForTimesOut() {
    String never = id("never");
    assertThatThrownBy(
            () -> backend().waitFor(never, GetOptions.defaults().timeout(shortTimeout())))
        .isInstanceOf(ResultTimeoutException.class);
    String stuck = id("stuck");
    backend().store(TaskMeta.builder(stuck, TaskState.STARTED).build());
    assertThatThrownBy(
            () -> backend().waitFor(stuck, GetOptions.defaults().timeout(shortTimeout())))
        .isInstanceOf(ResultTimeoutException.class);
  }

  /**
   * {@code iterNative} yields the metas of the given tasks as they become ready, each once; a
   * backend without native join says so and refuses.
   */
  @Test
  public void iterNativeYieldsReadyMetas() {
    List<String> ids = List.of(id("n0"), id("n1"), id("n2"));
    if (!backend().supportsNativeJoin()) {
      assertThatThrownBy(
              () -> backend().iterNative(ids, GetOptions.defaults().timeout(shortTimeout())))
          .isInstanceOf(UnsupportedOperationException.class);
      return;
    }
    backend().store(success(ids.get(0), 0));
    backend()
        .store(
            failure(
                ids.get(1),
                new RemoteTaskException("ValueError", "builtins", List.of("boom"), null)));
    backend().store(TaskMeta.builder(ids.get(2), TaskState.STARTED).build());
    storeLater(backend(), success(ids.get(2), 2));
    List<TaskMeta> yielded = new ArrayList<>();
    Iterator<TaskMeta> it = backend().iterNative(ids, GetOptions.defaults().timeout(longTimeout()));
    while (it.hasNext()) {
      yielded.add(it.next());
    }
    assertThat(yielded).extracting(TaskMeta::taskId).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(yielded).allSatisfy(m -> assertThat(m.isReady()).isTrue());
    assertThat(yielded.get(yielded.size() - 1).taskId())
        .as("the task stored last comes last")
        .isEqualTo(ids.get(2));
  }

  /** {@code iterNative} yields what is ready, then times out on a task that never is. */
  @Test
  public void iterNativeTimesOutOnATaskThatNeverFinishes() {
    if (!backend().supportsNativeJoin()) {
      return;
    }
    String ready = id("native-ready");
    String never = id("native-never");
    backend().store(success(ready, 1));
    Iterator<TaskMeta> it =
        backend().iterNative(List.of(ready, never), GetOptions.defaults().timeout(shortTimeout()));
    assertThat(it.hasNext()).isTrue();
    assertThat(it.next().taskId()).isEqualTo(ready);
    assertThatThrownBy(it::hasNext).isInstanceOf(ResultTimeoutException.class);
  }

  /**
   * {@code onMessage} while waiting: a backend that notifies calls it with what is stored for the
   * task; one that cannot refuses it with {@code ImproperlyConfiguredException}, as Celery's {@code
   * SyncBackendMixin.wait_for_pending} raises {@code ImproperlyConfigured('Backend does not support
   * on_message callback')}.
   */
  @Test
  public void onMessageIsCalledOrRefusedAsTheBackendCanNotify() {
    String id = id("messages");
    List<TaskMeta> messages = new CopyOnWriteArrayList<>();
    GetOptions options = GetOptions.defaults().timeout(longTimeout()).onMessage(messages::add);
    if (!backend().isAsync()) {
      assertThatThrownBy(() -> backend().waitFor(id, options))
          .isInstanceOf(ImproperlyConfiguredException.class)
          .hasMessageContaining("Backend does not support on_message callback");
      return;
    }
    TaskMeta done = success(id, "ok");
    storeLater(backend(), done);
    assertThat(backend().waitFor(id, options)).isEqualTo(done);
    assertThat(messages).contains(done);
  }
}
