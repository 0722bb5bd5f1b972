package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TaskTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  // ---------------------------------------------------------------- bodies

  @Test
  void bodyWithoutArgumentsReturnsItsValue() {
    Task<String> ping = app.task("tasks.ping", () -> "pong");

    assertThat(ping.delay().get()).isEqualTo("pong");
  }

  @Test
  void bodyOfOneArgumentGetsIt() {
    Task<Integer> twice = app.task("tasks.twice", (Integer x) -> x * 2);

    assertThat(twice.delay(21).get()).isEqualTo(42);
  }

  @Test
  void bodyOfTwoArgumentsGetsThemInOrder() {
    Task<Integer> sub = app.task("tasks.sub", (Integer x, Integer y) -> x - y);

    assertThat(sub.delay(10, 3).get()).isEqualTo(7);
  }

  @Test
  void bodyOfThreeArgumentsGetsThemInOrder() {
    Task<String> join = app.task("tasks.join", (String a, String b, String c) -> a + b + c);

    assertThat(join.delay("x", "y", "z").get()).isEqualTo("xyz");
  }

  @Test
  void boundBodySeesItsOwnRequest() {
    Task<String> whoami =
        app.boundTask("tasks.whoami", self -> self.name() + "[" + self.id() + "]");

    AsyncResult<String> r = whoami.delay();

    assertThat(r.get()).isEqualTo("tasks.whoami[" + r.id() + "]");
  }

  @Test
  void nullArgumentsArePassedThrough() {
    Task<String> show = app.task("tasks.show", (Object x) -> String.valueOf(x));

    assertThat(show.delay((Object) null).get()).isEqualTo("null");
  }

  @Test
  void wrongArityFailsTheTaskNotTheSend() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(1, 2, 3);

    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalArgumentException.class))
        .hasMessageEndingWith(
            "tasks.add() takes 2 positional arguments but 3 were given: (1, 2, 3)");
    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
  }

  @Test
  void tooFewArgumentsFailTheTaskWithAClearMessage() {
    Task<Integer> twice = app.task("tasks.twice", (Integer x) -> x * 2);

    AsyncResult<Integer> r = twice.delay();

    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalArgumentException.class))
        .hasMessageEndingWith("tasks.twice() takes 1 positional argument but 0 were given: ()");
  }

  @Test
  void argumentsGivenToATaskWithoutParametersFailIt() {
    Task<String> ping = app.task("tasks.ping", () -> "pong");

    AsyncResult<String> r = ping.delay("unexpected");

    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalArgumentException.class))
        .hasMessageEndingWith(
            "tasks.ping() takes 0 positional arguments but 1 was given: ('unexpected',)");
  }

  @Test
  void wrongArgumentTypeFailsTheTask() {
    Task<Integer> twice = app.task("tasks.twice", (Integer x) -> x * 2);

    AsyncResult<Integer> r = twice.delay("not a number");

    // Python's TypeError, as Celery's worker stores it: named, not a bare ClassCastException
    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalArgumentException.class))
        .hasMessageContaining("tasks.twice() argument at position 0");
    assertThat(r.failed()).isTrue();
  }

  @Test
  void taskKnowsItsNameAndPrintsAsCelery() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    assertThat(add.name()).isEqualTo("tasks.add");
    assertThat(add).hasToString("<@task: tasks.add>");
    assertThat(app.<Integer>taskNamed("tasks.add").name()).isEqualTo("tasks.add");
    assertThat(app.taskNames()).containsExactly("tasks.add");
  }

  // ---------------------------------------------------------------- sending

  @Test
  void delaySendsWithoutRunning() {
    AtomicInteger runs = new AtomicInteger();
    Task<Integer> count = app.task("tasks.count", () -> runs.incrementAndGet());

    AsyncResult<Integer> r = count.delay();

    assertThat(runs).hasValue(0);
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThat(r.get()).isEqualTo(1);
  }

  @Test
  void applyAsyncPassesArgsAndKwargs() {
    AtomicReference<TaskContext> seen = new AtomicReference<>();
    Task<String> t =
        app.boundTask(
            "tasks.kw",
            self -> {
              seen.set(self);
              return self.args() + " " + self.kwargs();
            });

    AsyncResult<String> r = t.applyAsync(List.of(1, 2), Map.of("y", 3), ApplyOptions.defaults());

    assertThat(r.get()).isEqualTo("[1, 2] {y=3}");
    assertThat(seen.get().args()).containsExactly(1, 2);
    assertThat(seen.get().kwargs()).containsExactly(Map.entry("y", 3));
  }

  @Test
  void applyAsyncWithOnlyArgsUsesDefaults() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    assertThat(add.applyAsync(List.of(4, 5)).get()).isEqualTo(9);
  }

  @Test
  void taskIdOptionIsTheResultsId() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r =
        add.applyAsync(List.of(1, 1), Map.of(), ApplyOptions.defaults().taskId("my-id"));

    assertThat(r.id()).isEqualTo("my-id");
    assertThat(r.get()).isEqualTo(2);
    assertThat(app.asyncResult("my-id").state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void blankTaskIdIsRejected() {
    assertThatThrownBy(() -> ApplyOptions.defaults().taskId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task_id");
  }

  @Test
  void countdownDelaysTheRunOnTheVirtualClock() {
    AtomicReference<Instant> ranAt = new AtomicReference<>();
    Task<String> t =
        app.task(
            "tasks.stamp",
            () -> {
              ranAt.set(app.clock().now());
              return "ran";
            });

    AsyncResult<String> r =
        t.applyAsync(
            List.of(), Map.of(), ApplyOptions.defaults().countdown(Duration.ofSeconds(10)));
    app.worker().runDue();

    assertThat(r.ready()).isFalse();
    app.clock().advance(Duration.ofSeconds(10));
    assertThat(r.ready()).isTrue();
    assertThat(ranAt.get()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(10));
  }

  @Test
  void etaRunsTheTaskAtThatInstant() {
    AtomicReference<Instant> ranAt = new AtomicReference<>();
    Task<String> t =
        app.task(
            "tasks.stamp",
            () -> {
              ranAt.set(app.clock().now());
              return "ran";
            });
    Instant at = VirtualClock.DEFAULT_START.plus(Duration.ofHours(2));

    AsyncResult<String> r = t.applyAsync(List.of(), Map.of(), ApplyOptions.defaults().eta(at));

    assertThat(r.get()).isEqualTo("ran");
    assertThat(ranAt.get()).isEqualTo(at);
    assertThat(r.dateDone()).isEqualTo(at);
  }

  @Test
  void expiresIsCarriedOnTheMessage() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r =
        add.applyAsync(
            List.of(1, 2), Map.of(), ApplyOptions.defaults().expires(Duration.ofMinutes(5)));

    assertThat(r.get()).isEqualTo(3);
    assertThat(app.journal().eventsFor(r.id()).get(0).payload())
        .containsEntry("expires", VirtualClock.DEFAULT_START.plus(Duration.ofMinutes(5)));
  }

  @Test
  void queueOptionIsStoredWithResultExtended() {
    InMemoryCelery ext = InMemoryCelery.create(CeleryConfig.defaults().resultExtended(true));
    Task<Integer> add = ext.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> routed =
        add.applyAsync(List.of(1, 2), Map.of(), ApplyOptions.defaults().queue("reports"));
    AsyncResult<Integer> plain = add.delay(1, 2);
    ext.worker().runUntilIdle();

    assertThat(routed.queue()).isEqualTo("reports");
    assertThat(plain.queue()).isEqualTo("celery");
    assertThat(ext.journal().eventsFor(routed.id()).get(0).payload())
        .containsEntry("queue", "reports");
  }

  @Test
  void headersReachTheRequestAsStamps() {
    AtomicReference<TaskContext> seen = new AtomicReference<>();
    Task<String> t =
        app.boundTask(
            "tasks.h",
            self -> {
              seen.set(self);
              return "ok";
            });

    t.applyAsync(
            List.of(),
            Map.of(),
            ApplyOptions.defaults().header("tenant", "acme").header("tags", List.of("a", "b")))
        .get();

    assertThat(seen.get().headers())
        .containsEntry("tenant", "acme")
        .containsEntry("tags", List.of("a", "b"));
    assertThat(seen.get().stamps()).isEqualTo(seen.get().headers());
  }

  @Test
  void headersCanBeReplacedAtOnce() {
    ApplyOptions o = ApplyOptions.defaults().header("a", 1).headers(Map.of("b", 2));

    assertThat(o.headers()).containsExactly(Map.entry("b", 2));
  }

  @Test
  void ignoreResultForOneCallStoresNothing() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> ignored =
        add.applyAsync(List.of(1, 2), Map.of(), ApplyOptions.defaults().ignoreResult(true));
    AsyncResult<Integer> kept = add.delay(1, 2);
    app.worker().runUntilIdle();

    assertThat(app.backend().exists(ignored.id())).isFalse();
    assertThat(ignored.state()).isEqualTo(TaskState.PENDING);
    assertThat(kept.get()).isEqualTo(3);
    assertThat(app.journal().typesFor(ignored.id())).contains("task-succeeded");
  }

  @Test
  void linkIsSentWithTheValuePrependedAndBecomesAChild() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<Integer> mul = app.task("tasks.mul", (Integer x, Integer y) -> x * y);

    AsyncResult<Integer> r =
        add.applyAsync(List.of(2, 3), Map.of(), ApplyOptions.defaults().link(mul.s(10)));
    app.worker().runUntilIdle();

    assertThat(r.get()).isEqualTo(5);
    assertThat(r.children()).hasSize(1);
    @SuppressWarnings("unchecked")
    AsyncResult<Integer> callback = (AsyncResult<Integer>) r.children().get(0);
    assertThat(callback.get()).isEqualTo(50);
    assertThat(app.backend().getTaskMeta(callback.id()).parentId()).isEqualTo(r.id());
  }

  @Test
  void linkIsNotSentWhenTheTaskFails() {
    Task<Integer> boom =
        app.task(
            "tasks.boom",
            () -> {
              throw new IllegalStateException("boom");
            });
    List<Object> called = Collections.synchronizedList(new ArrayList<>());
    Task<Object> cb =
        app.task(
            "tasks.cb",
            (Object v) -> {
              called.add(v);
              return v;
            });

    AsyncResult<Integer> r =
        boom.applyAsync(List.of(), Map.of(), ApplyOptions.defaults().link(cb.s()));
    app.worker().runUntilIdle();

    assertThat(r.failed()).isTrue();
    assertThat(called).isEmpty();
  }

  @Test
  void linkErrorGetsTheFailedTasksId() {
    Task<Integer> boom =
        app.task(
            "tasks.boom",
            () -> {
              throw new IllegalStateException("boom");
            });
    List<Object> called = Collections.synchronizedList(new ArrayList<>());
    Task<Object> onError =
        app.task(
            "tasks.on_error",
            (Object id) -> {
              called.add(id);
              return id;
            });

    AsyncResult<Integer> r =
        boom.applyAsync(List.of(), Map.of(), ApplyOptions.defaults().linkError(onError.s()));
    app.worker().runUntilIdle();

    assertThat(r.failed()).isTrue();
    assertThat(called).containsExactly(r.id());
  }

  @Test
  void errbacksAreSentAsTheMembersOfOneNewGroup() {
    // celery/backends/base.py Backend._call_task_errbacks: one-argument errbacks are sent as
    // group(old_signature).apply_async((task_id,), parent_id=task_id, root_id=root_id).
    Task<Integer> boom =
        app.task(
            "tasks.boom",
            () -> {
              throw new IllegalStateException("boom");
            });
    Task<Object> first = app.task("tasks.first", (Object id) -> id);
    Task<Object> second = app.task("tasks.second", (Object id) -> id);

    AsyncResult<Integer> r =
        boom.applyAsync(
            List.of(),
            Map.of(),
            ApplyOptions.defaults().linkError(first.s()).linkError(second.s()));
    app.worker().runUntilIdle();

    List<SentTask> errbacks =
        app.sentTasks().stream()
            .filter(t -> !t.name().equals("tasks.boom"))
            .collect(Collectors.toList());
    assertThat(errbacks).extracting(SentTask::name).containsExactly("tasks.first", "tasks.second");
    assertThat(errbacks).extracting(SentTask::args).containsOnly(List.of(r.id()));
    assertThat(errbacks.get(0).groupId()).isNotNull().isEqualTo(errbacks.get(1).groupId());
    assertThat(errbacks).extracting(SentTask::parentId).containsOnly(r.id());
    assertThat(errbacks).extracting(SentTask::groupIndex).containsExactly(0, 1);
    assertThat(app.backend().getTaskMeta(errbacks.get(0).taskId()).groupId())
        .isEqualTo(errbacks.get(0).groupId());
  }

  @Test
  void linkErrorIsNotSentWhenTheTaskSucceeds() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    List<Object> called = Collections.synchronizedList(new ArrayList<>());
    Task<Object> onError =
        app.task(
            "tasks.on_error",
            (Object id) -> {
              called.add(id);
              return id;
            });

    add.applyAsync(List.of(1, 1), Map.of(), ApplyOptions.defaults().linkError(onError.s()));
    app.worker().runUntilIdle();

    assertThat(called).isEmpty();
  }

  @Test
  void severalLinksAreAllSent() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<Integer> mul = app.task("tasks.mul", (Integer x, Integer y) -> x * y);

    AsyncResult<Integer> r =
        add.applyAsync(
            List.of(1, 1), Map.of(), ApplyOptions.defaults().link(mul.s(3)).link(add.s(100)));
    app.worker().runUntilIdle();

    List<Object> values = new ArrayList<>();
    for (ResultBase child : r.children()) {
      values.add(((AsyncResult<?>) child).get());
    }
    assertThat(values).containsExactly(6, 102);
  }

  // ---------------------------------------------------------------- apply

  @Test
  void applyRunsAtOnceAndReturnsAnEagerResult() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    EagerResult<Integer> r = add.apply(2, 3);

    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.ready()).isTrue();
    assertThat(r.get()).isEqualTo(5);
    assertThat(r.name()).isEqualTo("tasks.add");
    assertThat(app.backend().exists(r.id())).isFalse();
    assertThat(app.worker().executed()).isZero();
    assertThat(app.journal().events()).isEmpty();
  }

  @Test
  void applyOfAFailingTaskReturnsAFailedEagerResult() {
    IllegalStateException boom = new IllegalStateException("boom");
    Task<Integer> t =
        app.task(
            "tasks.boom",
            () -> {
              throw boom;
            });

    EagerResult<Integer> r = t.apply();

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(r.result()).isSameAs(boom);
    assertThat(r.traceback()).contains("IllegalStateException: boom");
    assertThatThrownBy(r::get).isSameAs(boom);
  }

  @Test
  void applyWithOptionsUsesTheTaskIdAndHeaders() {
    AtomicReference<TaskContext> seen = new AtomicReference<>();
    Task<String> t =
        app.boundTask(
            "tasks.h",
            self -> {
              seen.set(self);
              return "ok";
            });

    EagerResult<String> r =
        t.apply(List.of(), Map.of("k", 1), ApplyOptions.defaults().taskId("e-1").header("h", "v"));

    assertThat(r.id()).isEqualTo("e-1");
    assertThat(seen.get().id()).isEqualTo("e-1");
    assertThat(seen.get().isEager()).isTrue();
    assertThat(seen.get().kwargs()).containsEntry("k", 1);
    assertThat(seen.get().headers()).containsEntry("h", "v");
  }

  // ---------------------------------------------------------------- by name

  @Test
  void sendTaskByName() {
    app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = app.sendTask("tasks.add", 2, 3);

    assertThat(r.get()).isEqualTo(5);
  }

  @Test
  void unknownNameIsNotRegisteredAndTheMessageListsRegisteredNames() {
    app.task("tasks.add", (Integer x, Integer y) -> x + y);
    app.stub("tasks.report").returns("pdf");

    assertThatThrownBy(() -> app.sendTask("tasks.nope", 1))
        .isInstanceOf(NotRegisteredException.class)
        .hasMessageContaining("'tasks.nope'")
        .hasMessageContaining("[tasks.add, tasks.report]");
    assertThatThrownBy(() -> app.taskNamed("tasks.nope"))
        .isInstanceOf(NotRegisteredException.class)
        .hasMessageContaining("tasks.nope");
    assertThat(app.journal().events()).isEmpty();
  }

  // ---------------------------------------------------------------- request

  @Test
  void requestOfATopLevelTask() {
    AtomicReference<TaskContext> seen = new AtomicReference<>();
    Task<String> t =
        app.boundTask(
            "tasks.req",
            self -> {
              seen.set(self);
              return "ok";
            });

    AsyncResult<String> r =
        t.applyAsync(List.of("a", 1), Map.of("flag", true), ApplyOptions.defaults().header("h", 1));
    r.get();
    TaskContext self = seen.get();

    assertThat(self.id()).isEqualTo(r.id());
    assertThat(self.name()).isEqualTo("tasks.req");
    assertThat(self.args()).containsExactly("a", 1);
    assertThat(self.kwargs()).containsExactly(Map.entry("flag", true));
    assertThat(self.retries()).isZero();
    assertThat(self.isEager()).isFalse();
    assertThat(self.headers()).containsEntry("h", 1);
    assertThat(self.parentId()).isNull();
    assertThat(self.rootId()).isEqualTo(r.id());
    assertThat(self.groupId()).isNull();
    assertThat(self.app()).isSameAs(app);
  }

  @Test
  void requestArgsCannotBeChanged() {
    AtomicReference<TaskContext> seen = new AtomicReference<>();
    Task<String> t =
        app.boundTask(
            "tasks.req",
            self -> {
              seen.set(self);
              return "ok";
            });

    t.delay(1).get();

    assertThatThrownBy(() -> seen.get().args().add(2))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void tasksSentFromATaskHaveItAsParentAndShareTheRoot() {
    Map<String, TaskContext> seen = new java.util.concurrent.ConcurrentHashMap<>();
    Task<String> leaf =
        app.boundTask(
            "tasks.leaf",
            self -> {
              seen.put("leaf", self);
              return "leaf";
            });
    Task<String> middle =
        app.boundTask(
            "tasks.middle",
            self -> {
              seen.put("middle", self);
              leaf.delay();
              return "middle";
            });
    Task<String> root =
        app.boundTask(
            "tasks.root",
            self -> {
              seen.put("root", self);
              middle.delay();
              return "root";
            });

    AsyncResult<String> r = root.delay();
    app.worker().runUntilIdle();

    assertThat(seen.get("root").parentId()).isNull();
    assertThat(seen.get("middle").parentId()).isEqualTo(r.id());
    assertThat(seen.get("middle").rootId()).isEqualTo(r.id());
    assertThat(seen.get("leaf").parentId()).isEqualTo(seen.get("middle").id());
    assertThat(seen.get("leaf").rootId()).isEqualTo(r.id());
    assertThat(app.backend().getTaskMeta(seen.get("leaf").id()).parentId())
        .isEqualTo(seen.get("middle").id());
  }

  @Test
  void currentTaskIsTheRunningRequestAndNullOutside() {
    AtomicReference<TaskContext> inside = new AtomicReference<>();
    Task<String> t =
        app.boundTask(
            "tasks.cur",
            self -> {
              inside.set(app.currentTask());
              return "ok";
            });

    AsyncResult<String> r = t.delay();
    r.get();

    assertThat(inside.get().id()).isEqualTo(r.id());
    assertThat(app.currentTask()).isNull();
  }

  // ---------------------------------------------------------------- children

  @Test
  void tasksCalledFromATaskBecomeItsChildren() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    List<String> childIds = Collections.synchronizedList(new ArrayList<>());
    Task<String> spawn =
        app.task(
            "tasks.spawn_two",
            () -> {
              childIds.add(add.delay(1, 1).id());
              childIds.add(add.delay(2, 2).id());
              return "spawned";
            });

    AsyncResult<String> r = spawn.delay();
    assertThat(r.get()).isEqualTo("spawned");

    assertThat(r.children())
        .extracting(c -> ((AsyncResult<?>) c).id())
        .containsExactlyElementsOf(childIds);
    assertThat(app.backend().getTaskMeta(r.id()).children()).hasSize(2);
    List<Object> values = new ArrayList<>();
    for (ResultBase child : r.children()) {
      values.add(((AsyncResult<?>) child).get());
    }
    assertThat(values).containsExactly(2, 4);
  }

  @Test
  void withoutTrailCalledTasksAreNotChildren() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<String> spawn =
        app.task(
                "tasks.spawn",
                () -> {
                  add.delay(1, 1);
                  return "spawned";
                })
            .configure(TaskOptions.defaults().trail(false));

    AsyncResult<String> r = spawn.delay();
    r.get();
    app.worker().runUntilIdle();

    assertThat(r.children()).isEmpty();
    assertThat(app.backend().getTaskMeta(r.id()).children()).isEmpty();
    assertThat(app.worker().executed()).isEqualTo(2);
  }

  @Test
  void tasksCalledOutsideATaskAreNobodysChildren() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(1, 1);
    r.get();

    assertThat(r.children()).isEmpty();
    assertThat(app.backend().getTaskMeta(r.id()).parentId()).isNull();
  }

  // ---------------------------------------------------------------- update_state

  @Test
  void updateStateStoresACustomStateVisibleThroughStateAndInfo() {
    List<Object> seenInside = new ArrayList<>();
    Task<String> t =
        app.boundTask(
            "tasks.progress",
            self -> {
              self.updateState("PROGRESS", Map.of("current", 1, "total", 2));
              AsyncResult<Object> me = app.asyncResult(self.id());
              seenInside.add(me.state());
              seenInside.add(me.info());
              seenInside.add(me.ready());
              return "done";
            });

    AsyncResult<String> r = t.delay();
    r.get();

    assertThat(seenInside)
        .containsExactly(TaskState.of("PROGRESS"), Map.of("current", 1, "total", 2), false);
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void updateStateMetaIsSeenByOnMessageWhileWaiting() {
    Task<String> t =
        app.boundTask(
            "tasks.progress",
            self -> {
              self.updateState(TaskState.of("PROGRESS"), Map.of("current", 1, "total", 2));
              self.updateState(TaskState.of("PROGRESS"), Map.of("current", 2, "total", 2));
              return "done";
            });
    List<TaskMeta> messages = Collections.synchronizedList(new ArrayList<>());

    AsyncResult<String> r = t.delay();
    String value = r.get(GetOptions.defaults().onMessage(messages::add));

    assertThat(value).isEqualTo("done");
    assertThat(messages)
        .extracting(TaskMeta::state)
        .containsExactly(TaskState.of("PROGRESS"), TaskState.of("PROGRESS"), TaskState.SUCCESS);
    assertThat(messages)
        .extracting(TaskMeta::result)
        .containsExactly(
            Map.of("current", 1, "total", 2), Map.of("current", 2, "total", 2), "done");
  }

  @Test
  void progressStateStaysUntilTheTaskEnds() {
    app.stub("tasks.slow")
        .progresses(TaskState.of("PROGRESS"), Map.of("current", 1, "total", 2))
        .takes(Duration.ofMinutes(1))
        .returns("done");

    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    assertThat(r.state()).isEqualTo(TaskState.of("PROGRESS"));
    assertThat(r.info()).isEqualTo(Map.of("current", 1, "total", 2));
    assertThat(r.ready()).isFalse();
    assertThat(r.get()).isEqualTo("done");
  }

  @Test
  void updateStateWithExtendedResultsStoresTheRequestFields() {
    InMemoryCelery ext = InMemoryCelery.create(CeleryConfig.defaults().resultExtended(true));
    List<TaskMeta> stored = new ArrayList<>();
    Task<String> t =
        ext.boundTask(
            "tasks.progress",
            self -> {
              self.updateState("PROGRESS", Map.of("current", 1));
              stored.add(ext.backend().getTaskMeta(self.id()));
              return "done";
            });

    t.delay(7).get();

    TaskMeta meta = stored.get(0);
    assertThat(meta.name()).isEqualTo("tasks.progress");
    assertThat(meta.args()).containsExactly(7);
    assertThat(meta.retries()).isZero();
    assertThat(meta.queue()).isEqualTo("celery");
    assertThat(meta.dateDone()).isNull();
  }
}
