package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ChordException;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.GroupResult;
import io.celerykit.result.Outcome;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CanvasTest {

  /** A failure stored through the JSON serializer, read back in its remote form. */
  private static final String BOOM = "java.lang.IllegalStateException: boom";

  /** One app with the usual tasks. */
  private static final class Fixture {
    final InMemoryCelery app;
    final Task<Integer> add;
    final Task<Integer> mul;
    final Task<Integer> tsum;
    final Task<Object> boom;
    final Task<Object> echo;

    Fixture(CeleryConfig config) {
      app = InMemoryCelery.create(config);
      add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
      mul = app.task("tasks.mul", (Integer x, Integer y) -> x * y);
      tsum =
          app.task(
              "tasks.tsum", (List<Integer> xs) -> xs.stream().mapToInt(Integer::intValue).sum());
      boom =
          app.boundTask(
              "tasks.boom",
              self -> {
                throw new IllegalStateException("boom");
              });
      echo = app.boundTask("tasks.echo", self -> new ArrayList<>(self.args()));
    }

    Fixture() {
      this(CeleryConfig.defaults());
    }

    TaskMeta meta(String id) {
      return app.backend().getTaskMeta(id);
    }

    TaskMeta meta(ResultBase r) {
      return meta(((AsyncResult<?>) r).id());
    }
  }

  private static ResultTuple leaf(String id) {
    return ResultTuple.of(id, null);
  }

  private static String idOf(ResultBase r) {
    return r instanceof GroupResult g ? g.id() : ((AsyncResult<?>) r).id();
  }

  // ---------------------------------------------------------------- group

  @Test
  void groupRunsMembersAsIndependentTasksAndJoinsTheirValuesInOrder() {
    Fixture f = new Fixture();
    GroupResult g = Canvas.group(f.add.s(2, 2), f.add.s(4, 4), f.add.s(8, 8)).applyAsync();

    assertThat(g.size()).isEqualTo(3);
    assertThat(g.ready()).isFalse();
    assertThat(f.app.worker().queued()).isEqualTo(3);
    assertThat(g.join()).containsExactly(4, 8, 16);
    assertThat(g.successful()).isTrue();
    for (ResultBase member : g) {
      TaskMeta meta = f.meta(member);
      assertThat(meta.groupId()).isEqualTo(g.id());
      assertThat(meta.parentId()).isNull();
      assertThat(member.parent()).isNull();
      assertThat(f.app.journal().typesFor(idOf(member)))
          .containsExactly("task-sent", "task-received", "task-started", "task-succeeded");
    }
    assertThat(g.id()).isNotIn(g.results().stream().map(CanvasTest::idOf).toList());
  }

  @Test
  void groupAsTupleListsItsMembers() {
    Fixture f = new Fixture();
    GroupResult g = Canvas.group(List.of(f.add.s(1, 1), f.add.s(2, 2))).applyAsync();
    String a = idOf(g.member(0));
    String b = idOf(g.member(1));

    assertThat(g.asTuple()).isEqualTo(ResultTuple.group(g.id(), null, List.of(leaf(a), leaf(b))));
    assertThat(g.asTuple().toList().toString())
        .isEqualTo(
            "[[" + g.id() + ", null], [[[" + a + ", null], null], [[" + b + ", null], null]]]");
  }

  @Test
  void groupPartialFailureJoinRaisesAndPropagateFalseReturnsTheException() {
    Fixture f = new Fixture();
    GroupResult g = Canvas.group(f.add.s(1, 1), f.boom.s(), f.add.s(2, 2)).applyAsync();

    assertThatThrownBy(g::join).is(raisedAs(IllegalStateException.class)).hasMessage(BOOM);
    f.app.worker().runUntilIdle();
    assertThat(g.completedCount()).isEqualTo(2);
    assertThat(g.failed()).isTrue();
    @SuppressWarnings("unchecked")
    List<Object> values = (List<Object>) g.value(GetOptions.defaults().propagate(false));
    assertThat(values).hasSize(3);
    assertThat(values.get(0)).isEqualTo(2);
    assertThat(values.get(1))
        .isInstanceOf(RemoteTaskException.class)
        .hasFieldOrPropertyWithValue("message", BOOM);
    assertThat(values.get(2)).isEqualTo(4);
    assertThat(f.meta(g.member(1)).groupId()).isEqualTo(g.id());
  }

  @Test
  void groupDelayPrependsTheArgumentsToEveryMemberButImmutableOnes() {
    Fixture f = new Fixture();
    GroupResult g = Canvas.group(f.add.s(1), f.mul.s(3), f.add.si(5, 5)).delay(10);

    assertThat(g.join()).containsExactly(11, 30, 10);
  }

  @Test
  void nestedGroupsAreUnrolledIntoOneGroup() {
    Fixture f = new Fixture();
    GroupResult g =
        Canvas.group(f.add.s(1, 1), Canvas.group(f.add.s(2, 2), f.add.s(3, 3))).applyAsync();

    assertThat(g.size()).isEqualTo(3);
    assertThat(g.join()).containsExactly(2, 4, 6);
    assertThat(g.results()).allSatisfy(m -> assertThat(f.meta(m).groupId()).isEqualTo(g.id()));
  }

  @Test
  void groupSentFromATaskIsOneChildOfThatTaskAndItsMembersAreNot() {
    // Keeps the returned GroupResult as a Java object (Celery's pickle serializer).
    Fixture f = new Fixture(CeleryConfig.defaults().resultSerializer(ResultSerializer.OBJECT));
    Task<Object> fanOut =
        f.app.task("tasks.fan_out", () -> Canvas.group(f.add.s(1, 1), f.add.s(2, 2)).applyAsync());
    AsyncResult<Object> parent = fanOut.delay();
    GroupResult g = (GroupResult) parent.get();

    assertThat(f.meta(parent.id()).children())
        .containsExactly(
            ResultTuple.group(
                g.id(), null, List.of(leaf(idOf(g.member(0))), leaf(idOf(g.member(1))))));
    assertThat(g.join()).containsExactly(2, 4);
    assertThat(f.meta(g.member(0)).parentId()).isEqualTo(parent.id());
  }

  @Test
  void emptyGroupWithoutAnyTaskCannotBeSent() {
    assertThatThrownBy(() -> Canvas.group(List.of()).applyAsync())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no task signature");
  }

  // ---------------------------------------------------------------- chain

  @Test
  void chainPassesEachValueToTheNextStepAndReturnsTheLastStepsResult() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r = Canvas.chain(f.add.s(2, 2), f.mul.s(8), f.add.s(1)).applyAsync();

    assertThat(r.get()).isEqualTo(33);
    AsyncResult<?> second = (AsyncResult<?>) r.parent();
    AsyncResult<?> first = (AsyncResult<?>) second.parent();
    assertThat(first.parent()).isNull();
    assertThat(first.get()).isEqualTo(4);
    assertThat(second.get()).isEqualTo(32);
    assertThat(r.asList()).containsExactly(r.id(), second.id(), first.id());
    assertThat(f.app.journal().eventsFor(second.id()).get(0).payload().get("args"))
        .isEqualTo(List.of(4, 8));
  }

  @Test
  void chainIdsArePreassignedSoTheResultHasItsShapeBeforeAnythingRuns() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r = Canvas.chain(f.add.s(2, 2), f.mul.s(8)).applyAsync();
    AsyncResult<?> first = (AsyncResult<?>) r.parent();

    assertThat(f.app.worker().executed()).isZero();
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThat(f.app.journal().typesFor(first.id())).containsExactly("task-sent", "task-received");
    assertThat(f.app.journal().typesFor(r.id())).isEmpty();
    assertThat(r.asTuple()).isEqualTo(ResultTuple.of(r.id(), leaf(first.id())));
    assertThat(r.asTuple().toList().toString())
        .isEqualTo("[[" + r.id() + ", [[" + first.id() + ", null], null]], null]");
  }

  @Test
  void chainStepsStoreTheNextStepAsChildAndThePreviousAsParentIdLikeCelery5() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r = Canvas.chain(f.add.s(2, 2), f.mul.s(8), f.add.s(1)).applyAsync();
    r.get();
    AsyncResult<?> second = (AsyncResult<?>) r.parent();
    AsyncResult<?> first = (AsyncResult<?>) second.parent();

    assertThat(f.meta(first.id()).children()).containsExactly(leaf(second.id()));
    assertThat(f.meta(first.id()).children().get(0).toList().toString())
        .isEqualTo("[[" + second.id() + ", null], null]");
    assertThat(f.meta(second.id()).children()).containsExactly(leaf(r.id()));
    assertThat(f.meta(r.id()).children()).isEmpty();
    assertThat(f.meta(first.id()).parentId()).isNull();
    assertThat(f.meta(second.id()).parentId()).isEqualTo(first.id());
    assertThat(f.meta(r.id()).parentId()).isEqualTo(second.id());
    assertThat(f.meta(r.id()).groupId()).isNull();
    assertThat(first.children()).containsExactly(second);
  }

  @Test
  void immutableStepIgnoresThePreviousValue() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r = Canvas.chain(f.add.s(2, 2), f.add.si(10, 10), f.mul.s(2)).applyAsync();

    assertThat(r.get()).isEqualTo(40);
  }

  @Test
  void chainDelayPrependsTheArgumentsToTheFirstStep() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r = Canvas.chain(f.add.s(2), f.mul.s(8)).delay(3);

    assertThat(r.get()).isEqualTo(40);
  }

  @Test
  void chainFailureStoresEveryRemainingStepAsFailureWithTheSameException() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chain(f.add.s(1, 1), f.boom.s(), f.add.s(1), f.mul.s(2)).applyAsync();
    AsyncResult<?> third = (AsyncResult<?>) r.parent();
    AsyncResult<?> failing = (AsyncResult<?>) third.parent();
    AsyncResult<?> first = (AsyncResult<?>) failing.parent();

    assertThatThrownBy(r::get).is(raisedAs(IllegalStateException.class)).hasMessage(BOOM);
    assertThat(first.successful()).isTrue();
    Object exception = failing.result();
    assertThat(exception).is(raisedAs(IllegalStateException.class));
    for (AsyncResult<?> step : List.of(third, r)) {
      assertThat(step.state()).isEqualTo(TaskState.FAILURE);
      assertThat(step.result()).isSameAs(exception);
      assertThat(step.traceback()).contains("IllegalStateException: boom");
      assertThat(f.app.journal().typesFor(step.id())).isEmpty();
    }
    assertThat(f.app.worker().executed()).isEqualTo(2);
    assertThat(f.meta(failing.id()).children()).isEmpty();
  }

  @Test
  void propagatedFailuresKeepTheStepsNameAndArgumentsWithResultExtended() {
    Fixture f = new Fixture(CeleryConfig.defaults().resultExtended(true));
    AsyncResult<Integer> r = Canvas.chain(f.boom.s(), f.add.s(7)).applyAsync();

    assertThatThrownBy(r::get).is(raisedAs(IllegalStateException.class));
    TaskMeta meta = f.meta(r.id());
    assertThat(meta.name()).isEqualTo("tasks.add");
    assertThat(meta.args()).containsExactly(7);
    assertThat(meta.worker()).isNull();
    assertThat(meta.dateDone()).isEqualTo(f.app.clock().now());
  }

  @Test
  void revokedStepFailsTheRemainingStepsWithItsRevokedState() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r = Canvas.chain(f.add.s(1, 1), f.add.s(1), f.mul.s(2)).applyAsync();
    AsyncResult<?> second = (AsyncResult<?>) r.parent();
    second.revoke();

    assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class).hasMessage("revoked");
    assertThat(second.state()).isEqualTo(TaskState.REVOKED);
    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThat(r.result()).isSameAs(second.result());
  }

  @Test
  void failureBeforeAGroupAtTheEndOfAChainFailsEveryMember() {
    Fixture f = new Fixture();
    GroupResult g =
        Canvas.chain(f.boom.s(), Canvas.group(f.add.s(1), f.add.s(2))).applyAsyncForGroup();

    assertThatThrownBy(g::join).is(raisedAs(IllegalStateException.class)).hasMessage(BOOM);
    assertThat(g.ready()).isTrue();
    assertThat(g.results()).allSatisfy(m -> assertThat(f.meta(m).groupId()).isEqualTo(g.id()));
    assertThat(f.app.worker().executed()).isEqualTo(1);
  }

  @Test
  void revokedChordMemberIsNamedInTheChordErrorWithCelerysClassName() {
    // celery/backends/redis.py on_chord_part_return: ChordError(f"Dependency {culprit.id} raised
    // {exc!r}"), the repr of Celery's TaskRevokedError.
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chord(List.of(f.add.s(1, 1), f.add.s(2, 2)), f.tsum.s()).applyAsync();
    GroupResult header = (GroupResult) r.parent();
    header.member(1).revoke();

    assertThatThrownBy(() -> r.get(GetOptions.defaults().followParents(false)))
        .isInstanceOf(ChordException.class)
        .hasMessage("Dependency " + idOf(header.member(1)) + " raised TaskRevokedError('revoked')");
  }

  @Test
  void chainOfChainsIsSplicedIntoOneChain() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chain(
                Canvas.chain(f.add.s(1, 1), f.add.s(1)),
                Canvas.chain(f.mul.s(10), Canvas.chain(f.add.s(5))))
            .applyAsync();

    assertThat(r.get()).isEqualTo(35);
    assertThat(r.asList()).hasSize(4);
  }

  @Test
  void chainWithACountdownOnTheFirstStepRunsLaterAndGetWithTimeoutDrivesEveryStep() {
    Fixture f = new Fixture();
    Signature later = f.add.s(2, 2).set(ApplyOptions.defaults().countdown(Duration.ofSeconds(10)));
    AsyncResult<Integer> r = Canvas.chain(later, f.mul.s(8), f.add.s(1)).applyAsync();
    AsyncResult<?> first = (AsyncResult<?>) r.parent().parent();

    assertThat(f.app.worker().runDue()).isZero();
    assertThat(first.state()).isEqualTo(TaskState.PENDING);
    assertThat(r.get(Duration.ofMinutes(1))).isEqualTo(33);
    assertThat(f.app.journal().eventsFor(first.id()).get(2).at())
        .isEqualTo(io.celerykit.backend.VirtualClock.DEFAULT_START.plusSeconds(10));
    assertThat(f.app.clock().elapsed()).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
  }

  @Test
  void chainGetTimesOutInVirtualTimeBeforeADelayedFirstStep() {
    Fixture f = new Fixture();
    Signature later = f.add.s(2, 2).set(ApplyOptions.defaults().countdown(Duration.ofSeconds(10)));
    AsyncResult<Integer> r = Canvas.chain(later, f.mul.s(8)).applyAsync();

    assertThatThrownBy(() -> r.get(Duration.ofSeconds(5)))
        .isInstanceOf(ResultTimeoutException.class);
    assertThat(r.get(Duration.ofSeconds(10))).isEqualTo(32);
  }

  @Test
  void chainEndingWithAGroupReturnsTheGroupResultWhoseParentIsThePreviousStep() {
    Fixture f = new Fixture();
    Chain chain = Canvas.chain(f.add.s(1, 1), Canvas.group(f.mul.s(2), f.mul.s(3)));

    assertThatThrownBy(chain::applyAsync)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GroupResult");
    assertThat(f.app.worker().queued()).isZero();
    GroupResult g = chain.applyAsyncForGroup();
    assertThat(g.join()).containsExactly(4, 6);
    AsyncResult<?> first = (AsyncResult<?>) g.parent();
    assertThat(first.get()).isEqualTo(2);
    assertThat(f.meta(first.id()).children())
        .containsExactly(
            ResultTuple.group(
                g.id(), null, List.of(leaf(idOf(g.member(0))), leaf(idOf(g.member(1))))));
    assertThat(f.meta(g.member(0)).parentId()).isEqualTo(first.id());
    assertThat(f.meta(g.member(0)).groupId()).isEqualTo(g.id());
  }

  @Test
  void signatureTakesPartialArgumentsLikeEveryCanvasElement() {
    Fixture f = new Fixture();
    CanvasElement element = f.add.s(10);

    assertThat(((AsyncResult<?>) element.applyAsync(List.of(5))).get()).isEqualTo(15);
    assertThat(f.add.si(1, 1).applyAsync(List.of(5)).get()).isEqualTo(2);
  }

  // ---------------------------------------------------------------- chord

  @Test
  void chordBodyGetsTheHeaderValuesInHeaderOrderAndItsParentIsTheHeader() {
    Fixture f = new Fixture();
    f.app.stub("tasks.slow").returns("slow").takes(Duration.ofSeconds(5));
    f.app.stub("tasks.fast").returns("fast");
    AsyncResult<Object> r =
        Canvas.chord(
                List.of(f.app.taskNamed("tasks.slow").s(), f.app.taskNamed("tasks.fast").s()),
                f.echo.s("tail"))
            .applyAsync();
    GroupResult header = (GroupResult) r.parent();
    String slow = idOf(header.member(0));
    String fast = idOf(header.member(1));

    assertThat(r.get()).isEqualTo(List.of(List.of("slow", "fast"), "tail"));
    assertThat(header.parent()).isNull();
    assertThat(f.meta(slow).groupId()).isEqualTo(header.id());
    assertThat(f.meta(fast).groupId()).isEqualTo(header.id());
    assertThat(f.meta(r.id()).groupId()).isNull();
    assertThat(f.meta(r.id()).parentId()).isEqualTo(slow);
    assertThat(f.meta(slow).children()).isEmpty();
    assertThat(f.app.journal().eventsFor(fast).get(3).at())
        .isBefore(f.app.journal().eventsFor(slow).get(3).at());
    assertThat(r.asTuple())
        .isEqualTo(
            ResultTuple.of(
                r.id(), ResultTuple.group(header.id(), null, List.of(leaf(slow), leaf(fast)))));
  }

  @Test
  void chordBodyIsSentOnlyWhenTheLastHeaderMemberIsDone() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chord(List.of(f.add.s(1, 1), f.add.s(2, 2), f.add.s(3, 3)), f.tsum.s()).applyAsync();

    f.app.worker().step();
    f.app.worker().step();
    assertThat(f.app.journal().typesFor(r.id())).isEmpty();
    f.app.worker().step();
    assertThat(f.app.journal().typesFor(r.id())).containsExactly("task-sent", "task-received");
    assertThat(r.get()).isEqualTo(12);
    assertThat(f.app.journal().eventsFor(r.id()).get(0).payload().get("args"))
        .isEqualTo(List.of(List.of(2, 4, 6)));
  }

  @Test
  void chordHeaderFailureStoresCeleryChordErrorOnTheBodyWithoutRunningIt() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chord(List.of(f.add.s(1, 1), f.boom.s(), f.boom.s()), f.tsum.s()).applyAsync();
    GroupResult header = (GroupResult) r.parent();
    String culprit = idOf(header.member(1));

    assertThatThrownBy(() -> r.get(GetOptions.defaults().followParents(false)))
        .isInstanceOf(ChordException.class)
        .hasMessage("Dependency " + culprit + " raised IllegalStateException('boom')");
    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(f.app.journal().typesFor(r.id())).isEmpty();
    assertThat(header.ready()).isTrue();
    assertThat(header.completedCount()).isEqualTo(1);
  }

  @Test
  void aChordBodysChordErrorIsStoredWithoutTheBodysRequestFields() {
    // celery/backends/base.py chord_error_from_stack -> fail_from_current_stack ->
    // mark_as_failure(task_id, exc, traceback) with no request: no name, args, kwargs, worker,
    // retries or queue even with result_extended.
    Fixture f = new Fixture(CeleryConfig.defaults().resultExtended(true));
    AsyncResult<Integer> r =
        Canvas.chord(List.of(f.add.s(1, 1), f.boom.s()), f.tsum.s()).applyAsync();

    assertThatThrownBy(() -> r.get(GetOptions.defaults().followParents(false)))
        .isInstanceOf(ChordException.class);
    TaskMeta meta = f.meta(r);

    assertThat(meta.state()).isEqualTo(TaskState.FAILURE);
    assertThat(meta.result()).isInstanceOf(ChordException.class);
    assertThat(meta.name()).isNull();
    assertThat(meta.args()).isNull();
    assertThat(meta.kwargs()).isNull();
    assertThat(f.meta(((GroupResult) r.parent()).member(1)).name()).isEqualTo("tasks.boom");
  }

  @Test
  void chordErrorMessageUsesPythonReprOfTheMembersException() {
    Fixture f = new Fixture();
    f.app
        .stub("tasks.remote")
        .fails(new RemoteTaskException("ValueError", "builtins", List.of("it's bad"), null));
    AsyncResult<Integer> r =
        Canvas.chord(List.of(f.app.taskNamed("tasks.remote").s()), f.tsum.s()).applyAsync();
    String member = idOf(((GroupResult) r.parent()).member(0));

    Outcome<Integer> outcome = r.outcome(GetOptions.defaults().followParents(false));
    assertThat(outcome).isInstanceOf(Outcome.Failure.class);
    assertThat(((Outcome.Failure<Integer>) outcome).error())
        .isInstanceOf(ChordException.class)
        .hasMessage("Dependency " + member + " raised ValueError(\"it's bad\")");
  }

  @Test
  void chordBodyErrbacksAreCalledWithTheBodyIdWhenTheHeaderFails() {
    Fixture f = new Fixture();
    List<Object> seen = new ArrayList<>();
    Task<Object> onError =
        f.app.task(
            "tasks.on_error",
            (String id) -> {
              seen.add(id);
              return null;
            });
    Signature body = f.tsum.s().set(ApplyOptions.defaults().linkError(onError.s()));
    AsyncResult<Integer> r = Canvas.chord(List.of(f.boom.s()), body).applyAsync();

    f.app.worker().runUntilIdle();
    assertThat(r.failed()).isTrue();
    assertThat(seen).containsExactly(r.id());
  }

  @Test
  void emptyChordHeaderRunsTheBodyAtOnceWithAnEmptyList() {
    Fixture f = new Fixture();
    AsyncResult<Object> r = Canvas.chord(List.of(), f.echo.s()).applyAsync();

    assertThat(f.app.worker().queued()).isEqualTo(1);
    assertThat(r.get()).isEqualTo(List.of(List.of()));
    assertThat(((GroupResult) r.parent()).size()).isZero();
  }

  @Test
  void chordDelayPrependsTheArgumentsToEveryHeaderMember() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r = Canvas.chord(List.of(f.add.s(1), f.add.s(2)), f.tsum.s()).delay(10);

    assertThat(r.get()).isEqualTo(23);
  }

  // ---------------------------------------------------------------- nesting

  @Test
  void groupOfChainsPutsTheGroupIdOnTheLastStepOfEachChain() {
    Fixture f = new Fixture();
    GroupResult g =
        Canvas.group(
                Canvas.chain(f.add.s(1, 1), f.mul.s(10)), Canvas.chain(f.add.s(2, 2), f.mul.s(10)))
            .applyAsync();

    assertThat(g.join()).containsExactly(20, 40);
    for (ResultBase member : g) {
      AsyncResult<?> last = (AsyncResult<?>) member;
      AsyncResult<?> first = (AsyncResult<?>) last.parent();
      assertThat(f.meta(last.id()).groupId()).isEqualTo(g.id());
      assertThat(f.meta(first.id()).groupId()).isNull();
      assertThat(f.meta(last.id()).parentId()).isEqualTo(first.id());
    }
    AsyncResult<?> m0 = (AsyncResult<?>) g.member(0);
    assertThat(g.asTuple().members().get(0))
        .isEqualTo(ResultTuple.of(m0.id(), leaf(((AsyncResult<?>) m0.parent()).id())));
  }

  @Test
  void groupOfChainsFailsOnlyTheChainThatFailed() {
    Fixture f = new Fixture();
    GroupResult g =
        Canvas.group(
                Canvas.chain(f.boom.s(), f.mul.s(10)), Canvas.chain(f.add.s(2, 2), f.mul.s(10)))
            .applyAsync();

    assertThatThrownBy(g::join).is(raisedAs(IllegalStateException.class)).hasMessage(BOOM);
    f.app.worker().runUntilIdle();
    assertThat(((AsyncResult<?>) g.member(0)).failed()).isTrue();
    assertThat(f.meta(g.member(0)).groupId()).isEqualTo(g.id());
    assertThat(((AsyncResult<?>) g.member(1)).get()).isEqualTo(40);
  }

  @Test
  void groupFollowedByAStepInAChainBecomesAChord() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chain(f.add.s(1, 1), Canvas.group(f.mul.s(2), f.mul.s(3)), f.tsum.s()).applyAsync();

    assertThat(r.get()).isEqualTo(10);
    GroupResult header = (GroupResult) r.parent();
    AsyncResult<?> first = (AsyncResult<?>) header.parent();
    assertThat(first.get()).isEqualTo(2);
    assertThat(r.asTuple())
        .isEqualTo(
            ResultTuple.of(
                r.id(),
                ResultTuple.group(
                    header.id(),
                    leaf(first.id()),
                    List.of(leaf(idOf(header.member(0))), leaf(idOf(header.member(1)))))));
    assertThat(f.meta(first.id()).children())
        .containsExactly(
            ResultTuple.group(
                header.id(),
                null,
                List.of(leaf(idOf(header.member(0))), leaf(idOf(header.member(1))))));
    assertThat(f.meta(r.id()).parentId()).isEqualTo(idOf(header.member(1)));
  }

  @Test
  void chainEndingWithAChordPassesThePreviousValueToEveryHeaderMember() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chain(f.add.s(1, 1), Canvas.chord(List.of(f.mul.s(2), f.mul.s(3)), f.tsum.s()))
            .applyAsync();

    assertThat(r.get()).isEqualTo(10);
    GroupResult header = (GroupResult) r.parent();
    assertThat(((AsyncResult<?>) header.parent()).get()).isEqualTo(2);
    assertThat(header.join()).containsExactly(4, 6);
  }

  @Test
  void chainContinuesAfterAChordWithTheBodysValue() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chain(Canvas.chord(List.of(f.add.s(1, 1), f.add.s(2, 2)), f.tsum.s()), f.mul.s(10))
            .applyAsync();

    assertThat(r.get()).isEqualTo(60);
    AsyncResult<?> body = (AsyncResult<?>) r.parent();
    assertThat(body.get()).isEqualTo(6);
    assertThat(f.meta(body.id()).children()).containsExactly(leaf(r.id()));
    assertThat(body.parent()).isInstanceOf(GroupResult.class);
  }

  @Test
  void chordHeaderOfChainsWaitsForTheLastStepOfEachChain() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chord(List.of(Canvas.chain(f.add.s(1, 1), f.mul.s(10)), f.add.s(5, 5)), f.tsum.s())
            .applyAsync();

    assertThat(r.get()).isEqualTo(30);
    GroupResult header = (GroupResult) r.parent();
    AsyncResult<?> chainLast = (AsyncResult<?>) header.member(0);
    assertThat(f.meta(chainLast.id()).groupId()).isEqualTo(header.id());
    assertThat(f.meta(((AsyncResult<?>) chainLast.parent()).id()).groupId()).isNull();
  }

  @Test
  void failureInAChainInsideAChordHeaderNamesTheChainsLastStep() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chord(List.of(Canvas.chain(f.boom.s(), f.mul.s(10)), f.add.s(1, 1)), f.tsum.s())
            .applyAsync();
    String chainLast = idOf(((GroupResult) r.parent()).member(0));

    assertThatThrownBy(() -> r.get(GetOptions.defaults().followParents(false)))
        .isInstanceOf(ChordException.class)
        .hasMessage("Dependency " + chainLast + " raised IllegalStateException('boom')");
    assertThat(f.meta(chainLast).groupId()).isEqualTo(((GroupResult) r.parent()).id());
  }

  @Test
  void failureBeforeAChordInAChainFailsTheChordWithTheOriginalException() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chain(
                f.boom.s(), Canvas.chord(List.of(f.mul.s(2), f.mul.s(3)), f.tsum.s()), f.add.s(1))
            .applyAsync();

    assertThatThrownBy(r::get).is(raisedAs(IllegalStateException.class)).hasMessage(BOOM);
    AsyncResult<?> body = (AsyncResult<?>) r.parent();
    GroupResult header = (GroupResult) body.parent();
    assertThat(body.result()).is(raisedAs(IllegalStateException.class));
    assertThat(header.ready()).isTrue();
    assertThat(header.failed()).isTrue();
    assertThat(f.app.worker().executed()).isEqualTo(1);
  }

  @Test
  void chordBodyThatIsAChainGetsTheListAndChainsFromTheHeader() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chord(List.of(f.add.s(1, 1), f.add.s(2, 2)), Canvas.chain(f.tsum.s(), f.mul.s(10)))
            .applyAsync();

    assertThat(r.get()).isEqualTo(60);
    AsyncResult<?> tsum = (AsyncResult<?>) r.parent();
    assertThat(tsum.get()).isEqualTo(6);
    assertThat(tsum.parent()).isInstanceOf(GroupResult.class);
  }

  @Test
  void chordInsideAChordHeaderCountsAsOneMember() {
    Fixture f = new Fixture();
    AsyncResult<Integer> r =
        Canvas.chord(
                List.of(
                    Canvas.chord(List.of(f.add.s(1, 1), f.add.s(2, 2)), f.tsum.s()), f.add.s(3, 3)),
                f.tsum.s())
            .applyAsync();

    assertThat(r.get()).isEqualTo(12);
    GroupResult outer = (GroupResult) r.parent();
    AsyncResult<?> innerBody = (AsyncResult<?>) outer.member(0);
    assertThat(f.meta(innerBody.id()).groupId()).isEqualTo(outer.id());
    assertThat(innerBody.parent()).isInstanceOf(GroupResult.class);
  }

  // ---------------------------------------------------------------- eager

  @Test
  void eagerModeRunsGroupChainAndChordAtOnceWithTheRightValues() {
    Fixture f = new Fixture(CeleryConfig.defaults().taskAlwaysEager(true));

    GroupResult g = Canvas.group(f.add.s(1, 1), f.add.s(2, 2)).applyAsync();
    assertThat(g.ready()).isTrue();
    assertThat(g.join()).containsExactly(2, 4);
    assertThat(g.results()).allSatisfy(m -> assertThat(m).isInstanceOf(EagerResult.class));

    AsyncResult<Integer> c = Canvas.chain(f.add.s(2, 2), f.mul.s(8)).applyAsync();
    assertThat(c).isInstanceOf(EagerResult.class);
    assertThat(c.get()).isEqualTo(32);
    assertThat(((AsyncResult<?>) c.parent()).get()).isEqualTo(4);
    assertThat(c.repr()).isEqualTo("<EagerResult: " + c.id() + ">");

    AsyncResult<Integer> s =
        Canvas.chain(f.add.s(1, 1), Canvas.group(f.mul.s(2), f.mul.s(3)), f.tsum.s()).applyAsync();
    assertThat(s.get()).isEqualTo(10);
    assertThat(s.parent()).isInstanceOf(GroupResult.class);

    assertThat(f.app.worker().executed()).isZero();
    assertThat(f.app.backend().size()).isZero();
  }

  @Test
  void eagerChainFailureFailsTheRemainingStepsAndChordErrorsTheBody() {
    Fixture f = new Fixture(CeleryConfig.defaults().taskAlwaysEager(true));

    AsyncResult<Integer> c = Canvas.chain(f.boom.s(), f.add.s(1), f.mul.s(2)).applyAsync();
    assertThat(c.state()).isEqualTo(TaskState.FAILURE);
    assertThatThrownBy(c::get).isInstanceOf(IllegalStateException.class).hasMessage("boom");

    AsyncResult<Integer> s =
        Canvas.chord(List.of(f.add.s(1, 1), f.boom.s()), f.tsum.s()).applyAsync();
    String culprit = idOf(((GroupResult) s.parent()).member(1));
    assertThatThrownBy(s::get)
        .isInstanceOf(ChordException.class)
        .hasMessage("Dependency " + culprit + " raised IllegalStateException('boom')");
  }

  @Test
  void eagerPropagatesRaisesTheFailureFromApplyAsync() {
    Fixture f =
        new Fixture(CeleryConfig.defaults().taskAlwaysEager(true).taskEagerPropagates(true));

    assertThatThrownBy(() -> Canvas.chain(f.add.s(1, 1), f.boom.s()).applyAsync())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  @Test
  void elementsDescribeThemselvesLikeCeleryRepr() {
    Fixture f = new Fixture();

    assertThat(Canvas.group(f.add.s(2, 2), f.add.s(4, 4)).toString())
        .isEqualTo("group([tasks.add(2, 2), tasks.add(4, 4)])");
    assertThat(Canvas.chain(f.add.s(2, 2), f.mul.s(8)).toString())
        .isEqualTo("tasks.add(2, 2) | tasks.mul(8)");
    assertThat(Canvas.chord(List.of(f.add.s(1, 1)), f.tsum.s()).toString())
        .isEqualTo("chord(group([tasks.add(1, 1)]), tasks.tsum())");
  }

  @Test
  void invalidCanvasesAreRefusedWithAHint() {
    Fixture f = new Fixture();
    InMemoryCelery other = InMemoryCelery.create();
    Task<Integer> otherAdd = other.task("tasks.add", (Integer x, Integer y) -> x + y);

    assertThatThrownBy(() -> Canvas.chain(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one step");
    assertThatThrownBy(() -> Canvas.group(f.add.s(1, 1), otherAdd.s(1, 1)).applyAsync())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two apps");
    assertThatThrownBy(
            () -> Canvas.chord(List.of(f.add.s(1, 1)), Canvas.group(f.tsum.s())).applyAsync())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GroupResult");
    assertThat(f.app.worker().queued()).isZero();
  }

  // ---------------------------------------------------------------- threads, replay

  @Test
  void threadedWorkerCompletesAChordOfManyMembers() {
    Fixture f = new Fixture(CeleryConfig.defaults().workerMode(WorkerMode.THREADED).concurrency(4));
    try {
      List<Signature> header = IntStream.range(0, 50).mapToObj(i -> f.add.s(i, i)).toList();
      AsyncResult<Integer> r =
          Canvas.chain(Canvas.chord(header, f.tsum.s()), f.add.s(1)).applyAsync();

      assertThat(r.get(Duration.ofSeconds(30))).isEqualTo(2 * (49 * 50 / 2) + 1);
    } finally {
      f.app.close();
    }
  }

  /** Everything observable about one run of a nested canvas. */
  private record Run(List<String> ids, String journal, List<Object> values, ResultTuple tuple) {}

  private static Run runNestedCanvas() {
    Fixture f = new Fixture(CeleryConfig.defaults().resultExtended(true));
    AsyncResult<Integer> r =
        Canvas.chain(
                f.add.s(1, 1),
                Canvas.group(Canvas.chain(f.mul.s(2), f.add.s(1)), f.mul.s(3)),
                f.tsum.s(),
                Canvas.chord(List.of(f.add.s(1), f.add.s(2)), f.tsum.s()))
            .applyAsync();
    GroupResult g =
        Canvas.group(f.add.s(5, 5), Canvas.chain(f.add.s(6, 6), f.mul.s(2))).applyAsync();
    List<Object> values = new ArrayList<>();
    values.add(r.get());
    values.addAll(g.join());
    List<String> ids = f.app.journal().events().stream().map(TaskEvent::taskId).distinct().toList();
    return new Run(ids, f.app.journal().timeline(), values, r.asTuple());
  }

  @Test
  void sameCanvasInTwoFreshAppsGivesTheSameIdsJournalAndValues() {
    Run first = runNestedCanvas();
    Run second = runNestedCanvas();

    assertThat(first.values()).containsExactly(25, 10, 24);
    assertThat(second.ids()).isEqualTo(first.ids()).hasSize(11);
    assertThat(second.journal()).isEqualTo(first.journal());
    assertThat(second.tuple()).isEqualTo(first.tuple());
    assertThat(second.values()).isEqualTo(first.values());
  }
}
