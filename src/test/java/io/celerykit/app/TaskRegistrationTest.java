package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.TaskState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registering tasks: options as {@code @app.task(...)}'s, one task per name, stubs, arguments. */
class TaskRegistrationTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  // ---------------------------------------------------------------- options

  @Test
  void taskOptionsAtRegistrationActAsTheTaskDecoratorsArguments() {
    // celery/app/base.py Celery.task(**opts): `@app.task(max_retries=3, ignore_result=True)`
    // sets the task's attributes when it is created.
    TaskOptions options = TaskOptions.defaults().maxRetries(3).ignoreResult(true);

    Task<Integer> add = app.task("tasks.add", options, (Integer x, Integer y) -> x + y);

    assertThat(add.options()).isSameAs(options);
    assertThat(add.delay(1, 2).ignored()).isTrue();
  }

  @Test
  void boundTaskOptionsAtRegistrationLimitItsRetries() {
    // celery/app/task.py Task.retry: `if max_retries is not None and retries > max_retries`.
    Task<String> t =
        app.boundTask(
            "tasks.flaky",
            TaskOptions.defaults().maxRetries(1),
            self -> {
              throw self.retry();
            });

    AsyncResult<String> r = t.delay();
    app.worker().runUntilIdle();

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(app.journal().typesFor(r.id()))
        .containsExactly(
            "task-sent",
            "task-received",
            "task-started",
            "task-retried",
            "task-received",
            "task-started",
            "task-failed");
  }

  @Test
  void taskOptionsOfEveryArityAreAccepted() {
    TaskOptions options = TaskOptions.defaults().trail(false);

    assertThat(app.task("tasks.zero", options, () -> 0).options()).isSameAs(options);
    assertThat(app.task("tasks.one", options, (Integer a) -> a).options()).isSameAs(options);
    assertThat(app.task("tasks.three", options, (Integer a, Integer b, Integer c) -> a + b + c))
        .satisfies(t -> assertThat(t.delay(1, 2, 3).get()).isEqualTo(6));
    assertThatThrownBy(() -> app.task("tasks.none", null, () -> 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("options");
  }

  // ---------------------------------------------------------------- one task per name

  @Test
  void registeringATaskNameTwiceIsRefused() {
    // celery/app/base.py Celery._task_from_fun: a name already in app._tasks keeps its task.
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    assertThatThrownBy(() -> app.task("tasks.add", (Integer x, Integer y) -> x * y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tasks.add' is already registered")
        .hasMessageContaining("app.unregister(\"tasks.add\")")
        .hasMessageContaining("app.stub(\"tasks.add\")");
    assertThatThrownBy(() -> app.boundTask("tasks.add", self -> 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(add.delay(2, 3).get()).as("the first body still runs").isEqualTo(5);
  }

  @Test
  void unregisterFreesTheNameForADeliberateReplacement() {
    // celery/app/registry.py TaskRegistry.unregister: removes the task, NotRegistered if absent.
    app.task("tasks.add", (Integer x, Integer y) -> x + y);

    app.unregister("tasks.add");
    Task<Integer> mul = app.task("tasks.add", (Integer x, Integer y) -> x * y);

    assertThat(mul.delay(2, 3).get()).isEqualTo(6);
    assertThatThrownBy(() -> app.unregister("tasks.nope"))
        .isInstanceOf(NotRegisteredException.class)
        .hasMessageContaining("'tasks.nope'");
  }

  @Test
  void aStubReplacesARegisteredTaskDeliberately() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    app.stub("tasks.add").returns(42);

    assertThat(add.delay(2, 3).get()).isEqualTo(42);
  }

  @Test
  void stubCalledTwiceReturnsTheSameStubWithItsScriptAndCalls() {
    TaskStub first = app.stub("tasks.report").returns("pdf");
    app.sendTask("tasks.report").get();

    TaskStub again = app.stub("tasks.report");

    assertThat(again).isSameAs(first);
    assertThat(again.calls()).isEqualTo(1);
    assertThat(app.<String>sendTask("tasks.report").get()).isEqualTo("pdf");
    assertThat(app.stubs()).containsExactly(first);
  }

  @Test
  void registeringATaskOverAStubIsRefused() {
    app.stub("tasks.report").returns("pdf");

    assertThatThrownBy(() -> app.task("tasks.report", () -> "html"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tasks.report' is already registered");
  }

  // ---------------------------------------------------------------- argument types

  @Test
  void anArgumentOfTheWrongTypeFailsTheTaskAsPythonsTypeErrorWould() {
    // celery/app/trace.py build_tracer: the body's TypeError ends the task in FAILURE.
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(1, "2");
    app.worker().runUntilIdle();

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalArgumentException.class))
        .hasMessageContaining("tasks.add()")
        .hasMessageContaining("argument at position 1")
        .hasMessageContaining("java.lang.Integer")
        .hasMessageContaining("java.lang.String '2'");
  }

  @Test
  void anArgumentOfTheWrongTypeRaisesFromAnEagerCallWithEagerPropagates() {
    InMemoryCelery eager =
        InMemoryCelery.create(
            CeleryConfig.defaults().taskAlwaysEager(true).taskEagerPropagates(true));
    Task<String> upper = eager.task("tasks.upper", (String s) -> s.toUpperCase());

    assertThatThrownBy(() -> upper.delay(7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tasks.upper() argument at position 0 must be a java.lang.String")
        .hasMessageContaining("java.lang.Integer 7");
  }

  @Test
  void argumentsOfSubtypesAndNullsReachTheBody() {
    Task<String> describe =
        app.task("tasks.describe", (Number n, Object o) -> n.intValue() + ":" + o);

    assertThat(describe.delay(3L, null).get()).isEqualTo("3:null");
  }

  @Test
  void aTaskBodyClassIsCheckedByItsDeclaredTypes() {
    TaskBody.Of1<Integer, Integer> twice =
        new TaskBody.Of1<>() {
          private static final long serialVersionUID = 1L;

          @Override
          public Integer call(Integer x) {
            return x * 2;
          }
        };
    Task<Integer> t = app.task("tasks.twice", twice);

    assertThat(t.delay(21).get()).isEqualTo(42);
    assertThatThrownBy(() -> t.delay("x").get())
        .is(raisedAs(IllegalArgumentException.class))
        .hasMessageContaining("tasks.twice() argument at position 0 must be a java.lang.Integer");
  }

  @Test
  void theTypesOfOneLambdaAreCheckedInEveryAppThatRegistersIt() {
    // The declared types are read once per lambda class; the check must still hold for every app
    // that registers a body of that class, and two call sites keep their own types.
    for (int i = 0; i < 3; i++) {
      InMemoryCelery fresh = InMemoryCelery.create();
      Task<String> upper = fresh.task("tasks.upper", (String s) -> s.toUpperCase());
      Task<Integer> twice = fresh.task("tasks.twice", (Integer x) -> x * 2);

      assertThat(upper.delay("a").get()).isEqualTo("A");
      assertThat(twice.delay(4).get()).isEqualTo(8);
      assertThatThrownBy(() -> upper.delay(7).get())
          .is(raisedAs(IllegalArgumentException.class))
          .hasMessageContaining("tasks.upper() argument at position 0 must be a java.lang.String");
      assertThatThrownBy(() -> twice.delay("x").get())
          .is(raisedAs(IllegalArgumentException.class))
          .hasMessageContaining("tasks.twice() argument at position 0 must be a java.lang.Integer");
    }
  }

  @Test
  void theWrongNumberOfArgumentsStillNamesTheArity() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    assertThatThrownBy(() -> add.delay(1).get())
        .is(raisedAs(IllegalArgumentException.class))
        .hasMessageEndingWith("tasks.add() takes 2 positional arguments but 1 was given: (1,)");
  }

  @Test
  void sendTaskOfANullNameIsABadArgument() {
    assertThatThrownBy(() -> app.sendTask(null, List.of(), Map.of(), ApplyOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task name")
        .hasMessageContaining("got null");
    assertThatThrownBy(() -> app.sendTask(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(app.journal().events()).isEmpty();
  }
}
