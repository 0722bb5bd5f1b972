package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.GroupResult;
import io.celerykit.result.Outcome;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backend contract's result API on top of the backend: {@code AsyncResult} reports the stored
 * states, raises stored failures, waits and times out, reads children and forgets; {@code
 * GroupResult} saves and restores. Part of {@link ResultBackendContract}.
 */
// The JUnit annotations on the public tests belong to a `requires static` module.
@SuppressWarnings("exports")
public abstract class ResultApiContract extends BackendContractSupport {

  /** Creates the piece; subclasses are JUnit test classes that say how to make the backend. */
  protected ResultApiContract() {}

  /** Creates the piece nested in a whole contract, over its backend and hooks. */
  ResultApiContract(BackendContractSupport owner) {
    super(owner);
  }

  /** {@code AsyncResult} over the backend reports each state the backend holds. */
  @Test
  public void asyncResultReportsTheStoredStates() {
    String id = id("api");
    AsyncResult<Integer> pending = result(id);
    assertThat(pending.state()).isEqualTo(TaskState.PENDING);
    assertThat(pending.ready()).isFalse();
    assertThat(pending.exists()).isFalse();

    backend().store(TaskMeta.builder(id, TaskState.STARTED).result(Map.of("pid", 9)).build());
    AsyncResult<Integer> started = result(id);
    assertThat(started.state()).isEqualTo(TaskState.STARTED);
    assertThat(started.info()).isEqualTo(Map.of("pid", 9));
    assertThat(started.ready()).isFalse();

    backend()
        .store(
            TaskMeta.builder(id, TaskState.SUCCESS)
                .result(5)
                .dateDone(DATE_DONE)
                .extended("tasks.add", List.of(2, 3), Map.of(), "worker1@host", "celery")
                .retries(0)
                .build());
    AsyncResult<Integer> done = result(id);
    assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(done.ready()).isTrue();
    assertThat(done.successful()).isTrue();
    assertThat(done.get(longTimeout())).isEqualTo(5);
    assertThat(done.dateDone()).isEqualTo(DATE_DONE);
    assertThat(done.name()).isEqualTo("tasks.add");
    assertThat(done.args()).containsExactly(2, 3);
    assertThat(done.exists()).isTrue();
  }

  /** {@code AsyncResult.get} raises the stored failure, and {@code outcome} returns it. */
  @Test
  public void asyncResultRaisesStoredFailures() {
    String failedId = id("api-failed");
    backend()
        .store(
            failure(
                failedId,
                new RemoteTaskException("KeyError", "builtins", List.of("missing"), "tb"),
                "tb"));
    AsyncResult<Object> failed = result(failedId);
    assertThat(failed.failed()).isTrue();
    assertThat(failed.traceback()).isEqualTo("tb");
    assertThatThrownBy(() -> failed.get(longTimeout()))
        .isInstanceOf(RemoteTaskException.class)
        .hasMessage("KeyError: 'missing'");
    assertThat(result(failedId).outcome(GetOptions.defaults().timeout(longTimeout())))
        .isInstanceOf(Outcome.Failure.class);

    String revokedId = id("api-revoked");
    backend().store(revoked(revokedId, "terminated"));
    assertThat(result(revokedId).state()).isEqualTo(TaskState.REVOKED);
    assertThatThrownBy(() -> result(revokedId).get(longTimeout()))
        .isInstanceOf(TaskRevokedException.class)
        .hasMessage("terminated");
  }

  /** {@code AsyncResult.get} waits for a result stored from the worker side. */
  @Test
  public void asyncResultWaitsForTheWorker() {
    String id = id("api-later");
    storeLater(backend(), success(id, "late"));
    assertThat(this.<String>result(id).get(longTimeout())).isEqualTo("late");
  }

  /** {@code AsyncResult.get} on a task that never finishes times out. */
  @Test
  public void asyncResultTimesOut() {
    AsyncResult<Object> never = result(id("api-never"));
    assertThatThrownBy(() -> never.get(shortTimeout())).isInstanceOf(ResultTimeoutException.class);
  }

  /** Children and parents read through the result API; forget goes to the backend(). */
  @Test
  public void asyncResultReadsChildrenAndForgets() {
    String id = id("api-parent");
    backend()
        .store(
            TaskMeta.builder(id, TaskState.SUCCESS)
                .result("spawned")
                .children(
                    List.of(ResultTuple.of(id("api-c1"), null), ResultTuple.of(id("api-c2"), null)))
                .dateDone(DATE_DONE)
                .build());
    backend().store(success(id("api-c1"), 1));
    AsyncResult<Object> parent = result(id);
    assertThat(parent.children())
        .extracting(c -> ((AsyncResult<?>) c).id())
        .containsExactly(id("api-c1"), id("api-c2"));
    assertThat(parent.children())
        .extracting(c -> ((AsyncResult<?>) c).state())
        .containsExactly(TaskState.SUCCESS, TaskState.PENDING);
    parent.forget();
    assertThat(backend().exists(id)).isFalse();
    assertThat(result(id).state()).isEqualTo(TaskState.PENDING);
  }

  /** A {@code GroupResult} saves to and restores from the backend, then reads its members. */
  @Test
  public void groupResultSavesAndRestores() {
    String groupId = id("api-group");
    List<AsyncResult<Object>> members = List.of(result(id("api-m0")), result(id("api-m1")));
    new GroupResult(groupId, members, app()).save(backend());
    backend().store(success(id("api-m0"), 10));
    backend().store(success(id("api-m1"), 11));
    GroupResult restored = GroupResult.restore(groupId, backend(), app());
    assertThat(restored.id()).isEqualTo(groupId);
    assertThat(restored.results()).containsExactlyElementsOf(members);
    assertThat(restored.ready()).isTrue();
    assertThat(restored.completedCount()).isEqualTo(2);
    assertThat(restored.join(longTimeout())).containsExactly(10, 11);
    restored.delete(backend());
    assertThat(backend().restoreGroup(groupId)).isEmpty();
  }

  private <T> AsyncResult<T> result(String id) {
    return new AsyncResult<>(id, backend(), null, app(), null);
  }
}
