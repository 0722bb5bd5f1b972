package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.CollectedValue;
import io.celerykit.result.GetOptions;
import io.celerykit.result.GroupResult;
import io.celerykit.result.IncompleteStreamException;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeederTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  private static String id(ResultBase r) {
    return r instanceof AsyncResult<?> a ? a.id() : ((GroupResult) r).id();
  }

  @Test
  void succeededIsReadyWithItsValue() {
    app.clock().advance(Duration.ofMinutes(3));

    AsyncResult<Integer> r = app.seed().succeeded("t1", 42);

    assertThat(r.id()).isEqualTo("t1");
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.get()).isEqualTo(42);
    assertThat(r.dateDone()).isEqualTo(VirtualClock.DEFAULT_START.plus(Duration.ofMinutes(3)));
    assertThat(app.<Integer>asyncResult("t1").get()).isEqualTo(42);
    assertThat(app.worker().executed()).isZero();
  }

  @Test
  void failedRaisesTheExceptionAndStoresNoTracebackAsCelerysMarkAsFailure() {
    // celery/backends/base.py: mark_as_failure(task_id, exc, traceback=None) stores the traceback
    // it is given, None when none is.
    RemoteTaskException boom = PythonException.of("ValueError", "boom");

    AsyncResult<Object> r = app.seed().failed("t1", boom);

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(r.failed()).isTrue();
    assertThat(r.traceback()).isNull();
    assertThatThrownBy(r::get).isSameAs(boom);
  }

  @Test
  void aSeededJavaExceptionReadsBackAsTheRemoteFormAJsonBackendDelivers() {
    // celery/backends/base.py: prepare_exception under the JSON serializer stores
    // {exc_type: type(exc).__name__, exc_module: type(exc).__module__, exc_message: exc.args};
    // exception_to_python gives the client that form back, never the instance.
    AsyncResult<Object> r = app.seed().failed("t1", new IllegalStateException("boom"));

    assertThatThrownBy(r::get)
        .isInstanceOfSatisfying(
            RemoteTaskException.class,
            e -> {
              assertThat(e.excType()).isEqualTo("IllegalStateException");
              assertThat(e.excModule()).isEqualTo("java.lang");
              assertThat(e.excMessage()).containsExactly("boom");
            })
        .hasMessage("java.lang.IllegalStateException: boom");
    assertThat(CeleryJson.writeTaskMeta(app.backend().getTaskMeta("t1")))
        .contains(
            "\"result\": {\"exc_type\": \"IllegalStateException\", \"exc_message\": [\"boom\"],"
                + " \"exc_module\": \"java.lang\"}");
  }

  @Test
  void aSeededRetryKeepsTheRemoteFormOfItsExceptionToo() {
    AsyncResult<Object> r = app.seed().retrying("t1", new IOException("flaky"), 1);

    assertThat(r.result())
        .isInstanceOfSatisfying(
            RemoteTaskException.class, e -> assertThat(e.excType()).isEqualTo("IOException"));
  }

  @Test
  void underThePickleSerializerASeededJavaExceptionIsKeptAsItIs() {
    // Celery's pickle serializer stores the exception instance itself.
    InMemoryCelery pickled =
        InMemoryCelery.create(CeleryConfig.defaults().resultSerializer(ResultSerializer.OBJECT));
    IllegalStateException boom = new IllegalStateException("boom");

    AsyncResult<Object> r = pickled.seed().failed("t1", boom);

    assertThatThrownBy(r::get).isSameAs(boom);
  }

  @Test
  void failedStoresTheTracebackTheCallerGives() {
    RemoteTaskException boom = PythonException.of("ValueError", "boom");

    AsyncResult<Object> r = app.seed().failed("t1", boom, "Traceback (most recent call last): ...");

    assertThat(r.traceback()).isEqualTo("Traceback (most recent call last): ...");
    assertThat(r.result()).isSameAs(boom);
  }

  @Test
  void seedingAgainReplacesAStoredSuccess() {
    // The backend keeps a SUCCESS final (Celery's _store_result); the seeder replaces it.
    app.seed().succeeded("t1", 1);
    IllegalStateException boom = new IllegalStateException("boom");

    AsyncResult<Object> r = app.seed().failed("t1", boom);

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(app.seed().succeeded("t1", 2).get()).isEqualTo(2);
  }

  @Test
  void retryingIsNotReadyAndKeepsTheExceptionAndRetries() {
    RemoteTaskException flaky = PythonException.of("ConnectionError", "flaky");

    AsyncResult<Object> r = app.seed().retrying("t1", flaky, 2);

    assertThat(r.state()).isEqualTo(TaskState.RETRY);
    assertThat(r.ready()).isFalse();
    assertThat(r.result()).isSameAs(flaky);
    assertThat(r.retries()).isEqualTo(2);
    assertThat(r.dateDone()).isNull();
    assertThatThrownBy(() -> r.get(Duration.ofSeconds(1)))
        .hasMessageStartingWith("The operation timed out.");
  }

  @Test
  void revokedRaisesTaskRevoked() {
    AsyncResult<Object> r = app.seed().revoked("t1");

    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThat(r.ready()).isTrue();
    assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class).hasMessage("revoked");
  }

  @Test
  void startedHasPidAndHostname() {
    InMemoryCelery named = InMemoryCelery.create(CeleryConfig.defaults().hostname("w1@host"));

    AsyncResult<Object> r = named.seed().started("t1");

    assertThat(r.state()).isEqualTo(TaskState.STARTED);
    assertThat(r.info())
        .isEqualTo(Map.of("pid", CeleryConfig.DEFAULT_WORKER_PID, "hostname", "w1@host"));
    assertThat(r.ready()).isFalse();
  }

  @Test
  void pendingForgetsWhatWasStored() {
    app.seed().succeeded("t1", 1);

    AsyncResult<Object> r = app.seed().pending("t1");

    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThat(app.backend().exists("t1")).isFalse();
  }

  @Test
  void inStateStoresACustomStateWithItsMeta() {
    AsyncResult<Object> r =
        app.seed().inState("t1", TaskState.of("PROGRESS"), Map.of("current", 3, "total", 10));

    assertThat(r.state()).isEqualTo(TaskState.of("PROGRESS"));
    assertThat(r.info()).isEqualTo(Map.of("current", 3, "total", 10));
    assertThat(r.ready()).isFalse();
  }

  @Test
  void inStateOfAReadyStateSetsDateDone() {
    AsyncResult<Object> r = app.seed().inState("t1", TaskState.SUCCESS, "v");

    assertThat(r.dateDone()).isEqualTo(VirtualClock.DEFAULT_START);
    assertThat(r.get()).isEqualTo("v");
  }

  @Test
  void parentMakesAChainStep() {
    AsyncResult<Integer> first = app.seed().succeeded("first", 2);

    AsyncResult<Integer> second = app.seed().parent(first).succeeded("second", 12);

    assertThat(second.parent()).isEqualTo(first);
    assertThat(second.asList()).containsExactly("second", "first");
    assertThat(app.backend().getTaskMeta("second").parentId()).isEqualTo("first");
  }

  @Test
  void failedParentIsRaisedByTheChildsGet() {
    RemoteTaskException boom = PythonException.of("ValueError", "boom");
    AsyncResult<Object> first = app.seed().failed("first", boom);

    AsyncResult<Object> second = app.seed().parent(first).failed("second", boom);

    assertThatThrownBy(second::get).isSameAs(boom);
    assertThat(second.outcome(GetOptions.defaults().followParents(false)).exception())
        .isSameAs(boom);
  }

  @Test
  void childrenMakeATreeThatCollectWalksBreadthFirst() {
    AsyncResult<Integer> a1 = app.seed().succeeded("a1", 11);
    AsyncResult<Integer> a = app.seed().children(a1).succeeded("a", 1);
    AsyncResult<Integer> b = app.seed().succeeded("b", 2);
    AsyncResult<String> root = app.seed().children(a, b).succeeded("root", "done");

    List<CollectedValue> collected = root.collect().collect(Collectors.toList());

    assertThat(collected).extracting(c -> id(c.result())).containsExactly("root", "a", "b", "a1");
    assertThat(collected).extracting(CollectedValue::value).containsExactly("done", 1, 2, 11);
    assertThat(root.children()).containsExactly(a, b);
    assertThat(root.getLeaf()).isEqualTo(11);
  }

  @Test
  void collectRaisesAFailedNodeUnlessPropagateIsOff() {
    RemoteTaskException boom = PythonException.of("ValueError", "boom");
    AsyncResult<Object> bad = app.seed().failed("bad", boom);
    AsyncResult<Object> root = app.seed().children(bad).succeeded("root", "done");

    assertThatThrownBy(() -> root.collect().collect(Collectors.toList())).isSameAs(boom);

    List<Object> values =
        root.collect(false, GetOptions.defaults().propagate(false))
            .map(CollectedValue::value)
            .collect(Collectors.toList());
    assertThat(values).containsExactly("done", boom);
  }

  @Test
  void collectStopsAtANodeThatIsNotReady() {
    AsyncResult<Object> waiting = app.seed().retrying("waiting", null, 1);
    AsyncResult<Object> leaf = app.seed().succeeded("leaf", 1);
    AsyncResult<Object> root = app.seed().children(waiting, leaf).succeeded("root", "done");

    assertThat(root.iterdeps(true).map(e -> id(e.result())))
        .containsExactly("root", "waiting", "leaf");
    assertThatThrownBy(() -> root.iterdeps().collect(Collectors.toList()))
        .isInstanceOf(IncompleteStreamException.class)
        .hasMessageContaining("waiting");
  }

  @Test
  void seededTreeAndRunTasksMix() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> ran = add.delay(2, 3);
    AsyncResult<String> root = app.seed().children(ran).succeeded("root", "done");

    List<Object> values = root.collect().map(CollectedValue::value).collect(Collectors.toList());

    assertThat(values).containsExactly("done", 5);
  }

  @Test
  void groupIsSavedAndRestoredWithItsMembers() {
    AsyncResult<Integer> one = app.seed().succeeded("g-1", 1);
    AsyncResult<Integer> two = app.seed().succeeded("g-2", 2);

    GroupResult g = app.seed().group("g", one, two);

    GroupResult restored = GroupResult.restore("g", app);
    assertThat(restored.id()).isEqualTo("g");
    assertThat(restored.results()).containsExactly(one, two);
    assertThat(g.join()).containsExactly(1, 2);
  }

  @Test
  void groupAsAChildIsWalkedByCollect() {
    AsyncResult<Integer> one = app.seed().succeeded("g-1", 1);
    AsyncResult<Integer> two = app.seed().succeeded("g-2", 2);
    GroupResult g = app.seed().group("g", one, two);
    AsyncResult<String> root = app.seed().children(g).succeeded("root", "done");

    List<String> ids = root.collect().map(c -> id(c.result())).collect(Collectors.toList());

    assertThat(ids).containsExactly("root", "g", "g-1", "g-2");
  }

  @Test
  void seedingOverwritesEarlierSeeds() {
    app.seed().started("t1");

    AsyncResult<Integer> r = app.seed().succeeded("t1", 5);

    assertThat(r.get()).isEqualTo(5);
  }

  @Test
  void badSeedsAreRejected() {
    assertThatThrownBy(() -> app.seed().retrying("t1", null, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> app.seed().failed("t1", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> app.seed().succeeded(" ", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> app.seed().inState("t1", null, 1))
        .isInstanceOf(NullPointerException.class);
  }
}
