package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskFailedException;
import io.celerykit.result.TaskState;
import io.celerykit.result.WouldBlockForeverException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StubTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  @Test
  void returnsGivesTheValue() {
    TaskStub stub = app.stub("tasks.report").returns("pdf");

    AsyncResult<String> r = app.sendTask("tasks.report", 42);

    assertThat(r.get()).isEqualTo("pdf");
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(stub.name()).isEqualTo("tasks.report");
  }

  @Test
  void stubIsARegisteredTask() {
    app.stub("tasks.report").returns("pdf");

    Task<String> t = app.taskNamed("tasks.report");

    assertThat(t.delay().get()).isEqualTo("pdf");
    assertThat(app.taskNames()).containsExactly("tasks.report");
  }

  // The default JSON serializer stores a failure as Celery's exception dict, read back as a
  // RemoteTaskException (celery/backends/base.py, Backend.prepare_exception and
  // exception_to_python); the OBJECT serializer (Celery's pickle) keeps the instance.

  @Test
  void failsStoresTheFailureAndGetRaisesItAsAClientReadsIt() {
    IllegalStateException boom = new IllegalStateException("boom");
    app.stub("tasks.report").fails(boom);

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThatThrownBy(r::get)
        .isInstanceOf(RemoteTaskException.class)
        .is(raisedAs(IllegalStateException.class))
        .hasMessage("java.lang.IllegalStateException: boom");
    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(r.result()).isInstanceOf(RemoteTaskException.class);
    assertThat(r.traceback()).contains("IllegalStateException: boom");
  }

  @Test
  void failsWithAPickledFailureRaisesTheSameInstance() {
    InMemoryCelery pickle =
        InMemoryCelery.create(CeleryConfig.defaults().resultSerializer(ResultSerializer.OBJECT));
    IllegalStateException boom = new IllegalStateException("boom");
    pickle.stub("tasks.report").fails(boom);

    AsyncResult<String> r = pickle.sendTask("tasks.report");

    assertThatThrownBy(r::get).isSameAs(boom);
    assertThat(r.result()).isSameAs(boom);
  }

  @Test
  void failsWithACheckedExceptionIsRaisedAsItsRemoteForm() {
    IOException disk = new IOException("disk full");
    app.stub("tasks.report").fails(disk);

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThatThrownBy(r::get)
        .isInstanceOfSatisfying(
            RemoteTaskException.class,
            e -> {
              assertThat(e.excType()).isEqualTo("IOException");
              assertThat(e.excModule()).isEqualTo("java.io");
              assertThat(e.excMessage()).containsExactly("disk full");
            });
  }

  @Test
  void failsWithAPickledCheckedExceptionIsRaisedWrapped() {
    InMemoryCelery pickle =
        InMemoryCelery.create(CeleryConfig.defaults().resultSerializer(ResultSerializer.OBJECT));
    IOException disk = new IOException("disk full");
    pickle.stub("tasks.report").fails(disk);

    AsyncResult<String> r = pickle.sendTask("tasks.report");

    assertThatThrownBy(r::get).isInstanceOf(TaskFailedException.class).hasCause(disk);
    assertThat(r.result()).isSameAs(disk);
  }

  @Test
  void failsWithAnErrorIsStoredAsFailure() {
    AssertionError error = new AssertionError("bad");
    app.stub("tasks.report").fails(error);

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThatThrownBy(r::get).is(raisedAs(AssertionError.class)).hasMessageEndingWith("bad");
    assertThat(r.failed()).isTrue();
  }

  @Test
  void failsWithAPythonExceptionReachesTheClientAsTheWorkerStoredIt() {
    app.stub("invoices.render").fails(PythonException.of("ValueError", "bad invoice"));

    AsyncResult<String> r = app.sendTask("invoices.render", "INV-1");

    assertThatThrownBy(r::get)
        .isInstanceOfSatisfying(
            RemoteTaskException.class,
            e -> {
              assertThat(e.excType()).isEqualTo("ValueError");
              assertThat(e.excModule()).isEqualTo("builtins");
              assertThat(e).hasMessage("ValueError: bad invoice");
            });
    assertThat(r.traceback()).startsWith("Traceback (most recent call last):");
    assertThat(r.traceback()).endsWith("ValueError: bad invoice\n");
  }

  @Test
  void retriesThenReturnsRetriesOnTheVirtualClock() {
    IOException flaky = new IOException("flaky");
    TaskStub stub = app.stub("tasks.report").retries(2, flaky).thenReturns("pdf");

    AsyncResult<String> r = app.sendTask("tasks.report");
    app.worker().step();

    assertThat(r.state()).isEqualTo(TaskState.RETRY);
    assertThat((Throwable) r.result())
        .is(raisedAs(IOException.class))
        .hasMessageEndingWith("flaky");
    assertThat(r.get()).isEqualTo("pdf");
    assertThat(stub.calls()).isEqualTo(3);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(360));
  }

  @Test
  void retriesPastMaxRetriesFailsWithTheException() {
    IOException flaky = new IOException("flaky");
    TaskStub stub = app.stub("tasks.report").retries(5, flaky).thenReturns("never");

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThatThrownBy(r::get).is(raisedAs(IOException.class)).hasMessageEndingWith("flaky");
    assertThat(stub.calls()).isEqualTo(4);
  }

  @Test
  void retriesThenFails() {
    IllegalStateException boom = new IllegalStateException("boom");
    app.stub("tasks.report").retries(1, null).thenFails(boom);

    AsyncResult<String> r = app.sendTask("tasks.report");
    app.worker().step();

    assertThat(r.state()).isEqualTo(TaskState.RETRY);
    assertThat(r.result()).isNull();
    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalStateException.class))
        .hasMessageEndingWith("boom");
  }

  @Test
  void retriesFollowsTheTasksRetryDelay() {
    app.stub("tasks.report").retries(1, null).thenReturns("ok");
    app.taskNamed("tasks.report")
        .configure(TaskOptions.defaults().defaultRetryDelay(Duration.ofSeconds(5)));

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThat(r.get()).isEqualTo("ok");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void takesKeepsTheTaskRunningForThatVirtualTime() {
    app.stub("tasks.report").returns("pdf").takes(Duration.ofSeconds(30));

    AsyncResult<String> r = app.sendTask("tasks.report");
    app.worker().step();

    assertThat(app.worker().active()).containsExactly(r.id());
    app.clock().advance(Duration.ofSeconds(29));
    assertThat(r.ready()).isFalse();
    app.clock().advance(Duration.ofSeconds(1));
    assertThat(r.ready()).isTrue();
    assertThat(r.get()).isEqualTo("pdf");
  }

  @Test
  void getWithTimeoutOfATaskThatTakesTimeReturnsWhenItCompletes() {
    app.stub("tasks.report").returns("pdf").takes(Duration.ofSeconds(30));

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThat(r.get(Duration.ofMinutes(5))).isEqualTo("pdf");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void takesAppliesToFailuresToo() {
    IllegalStateException boom = new IllegalStateException("boom");
    app.stub("tasks.report").fails(boom).takes(Duration.ofSeconds(30));

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThatThrownBy(r::get).is(raisedAs(IllegalStateException.class));
    assertThat(r.dateDone()).isEqualTo(app.clock().now());
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void progressesStoresTheCustomStateWhenTheTaskStarts() {
    app.stub("tasks.report")
        .returns("pdf")
        .takes(Duration.ofMinutes(1))
        .progresses(TaskState.of("PROGRESS"), Map.of("current", 1, "total", 2));

    AsyncResult<String> r = app.sendTask("tasks.report");
    app.worker().step();

    assertThat(r.state()).isEqualTo(TaskState.of("PROGRESS"));
    assertThat(r.info()).isEqualTo(Map.of("current", 1, "total", 2));
    assertThat(r.ready()).isFalse();
    app.clock().advance(Duration.ofMinutes(1));
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.get()).isEqualTo("pdf");
  }

  @Test
  void progressesComesAfterStartedWithTrackStarted() {
    InMemoryCelery tracked = InMemoryCelery.create(CeleryConfig.defaults().taskTrackStarted(true));
    tracked
        .stub("tasks.report")
        .returns("pdf")
        .takes(Duration.ofMinutes(1))
        .progresses(TaskState.of("PROGRESS"), Map.of("current", 1));
    List<TaskState> seen = new ArrayList<>();

    AsyncResult<String> r = tracked.sendTask("tasks.report");
    tracked.backend().subscribe(r.id(), meta -> seen.add(meta.state()));
    r.get();

    assertThat(seen)
        .containsExactly(TaskState.STARTED, TaskState.of("PROGRESS"), TaskState.SUCCESS);
  }

  @Test
  void neverRunsLeavesTheResultPending() {
    TaskStub stub = app.stub("tasks.report").neverRuns();

    AsyncResult<String> r = app.sendTask("tasks.report");
    app.worker().runUntilIdle();

    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThat(app.worker().queued()).isZero();
    assertThat(app.worker().executed()).isZero();
    assertThat(app.journal().typesFor(r.id())).containsExactly("task-sent", "task-received");
    assertThat(stub.used()).isTrue();
  }

  @Test
  void getWithTimeoutOfANeverRunTaskTimesOut() {
    app.stub("tasks.report").neverRuns();

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThatThrownBy(() -> r.get(Duration.ofHours(1)))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageStartingWith("The operation timed out.");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void getWithoutTimeoutOfANeverRunTaskFailsInsteadOfBlockingForever() {
    app.stub("tasks.report").neverRuns();

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThatThrownBy(r::get)
        .isInstanceOf(WouldBlockForeverException.class)
        .hasMessageContaining(r.id())
        .hasMessageContaining("would block forever");
    assertThat(app.clock().elapsed()).isZero();
  }

  @Test
  void successiveCallsTakeSuccessiveOutcomesAndTheLastRepeats() {
    IllegalStateException boom = new IllegalStateException("boom");
    TaskStub stub = app.stub("tasks.report").returns("a").returns("b").fails(boom);

    AsyncResult<String> first = app.sendTask("tasks.report");
    AsyncResult<String> second = app.sendTask("tasks.report");
    AsyncResult<String> third = app.sendTask("tasks.report");
    AsyncResult<String> fourth = app.sendTask("tasks.report");
    app.worker().runUntilIdle();

    assertThat(first.get()).isEqualTo("a");
    assertThat(second.get()).isEqualTo("b");
    assertThatThrownBy(third::get).is(raisedAs(IllegalStateException.class));
    assertThatThrownBy(fourth::get).is(raisedAs(IllegalStateException.class));
    assertThat(stub.calls()).isEqualTo(4);
  }

  @Test
  void neverRunsThenReturns() {
    app.stub("tasks.report").neverRuns().returns("second");

    AsyncResult<String> first = app.sendTask("tasks.report");
    AsyncResult<String> second = app.sendTask("tasks.report");
    app.worker().runUntilIdle();

    assertThat(first.state()).isEqualTo(TaskState.PENDING);
    assertThat(second.get()).isEqualTo("second");
  }

  @Test
  void callsCountsRunsNotSends() {
    TaskStub stub = app.stub("tasks.report").returns("pdf");

    assertThat(stub.used()).isFalse();
    assertThat(stub.calls()).isZero();
    AsyncResult<String> r = app.sendTask("tasks.report");
    assertThat(stub.used()).isFalse();

    r.get();

    assertThat(stub.used()).isTrue();
    assertThat(stub.calls()).isEqualTo(1);
  }

  @Test
  void unscriptedStubFailsLoudlyWhenRun() {
    app.stub("tasks.report");

    AsyncResult<String> r = app.sendTask("tasks.report");

    assertThatThrownBy(r::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stub tasks.report")
        .hasMessageContaining("no scripted outcome");
  }

  @Test
  void badScriptsAreRejected() {
    TaskStub stub = app.stub("tasks.report");

    assertThatThrownBy(() -> stub.retries(0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> stub.takes(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1S");
    // Bad input is an IllegalArgumentException naming the fix, not a NullPointerException.
    assertThatThrownBy(() -> stub.fails(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PythonException.of");
    assertThatThrownBy(() -> app.stub(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stubReplacesAnEarlierRegistration() {
    app.task("tasks.report", () -> "real");
    app.stub("tasks.report").returns("stubbed");

    assertThat(app.<String>sendTask("tasks.report").get()).isEqualTo("stubbed");
  }
}
