package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTuple;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A group id of the caller's choosing, as Celery's {@code group(...).set(task_id="g1")} and {@code
 * group(...).apply_async(task_id="g1")} (celery/canvas.py {@code group._freeze_gid}, which pops
 * {@code task_id} from the options and makes it the {@code group_id}).
 */
class GroupIdTest {
  private final InMemoryCelery app =
      InMemoryCelery.create(CeleryConfig.defaults().resultSerializer(ResultSerializer.OBJECT));
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
  private final Task<Integer> mul = app.task("tasks.mul", (Integer x, Integer y) -> x * y);
  private final Task<Integer> tsum =
      app.task("tasks.tsum", (List<Integer> xs) -> xs.stream().mapToInt(Integer::intValue).sum());

  private static String idOf(ResultBase r) {
    return ((AsyncResult<?>) r).id();
  }

  private String groupIdOf(ResultBase member) {
    return app.backend().getTaskMeta(idOf(member)).groupId();
  }

  @Test
  void groupSentAloneHasTheChosenIdAsItsResultsIdAndEveryMembersGroupId() {
    // celery/canvas.py group.apply_async -> _freeze_gid: options.pop('task_id') is the group_id
    Group group = Canvas.group(add.s(1, 1), add.s(2, 2)).taskId("g1");

    GroupResult g = group.applyAsync();

    assertThat(group.options().taskId()).isEqualTo("g1");
    assertThat(g.id()).isEqualTo("g1");
    assertThat(g.join()).containsExactly(2, 4);
    assertThat(g.results()).allSatisfy(m -> assertThat(groupIdOf(m)).isEqualTo("g1"));
    assertThat(g.results()).allSatisfy(m -> assertThat(idOf(m)).isNotEqualTo("g1"));
  }

  @Test
  void groupTakesItsIdFromSetAsSignatureSetDoes() {
    // Signature.set(task_id=...) on a group: group.options['task_id']
    Group base = Canvas.group(add.s(1, 1));

    assertThat(base.set(ApplyOptions.defaults().taskId("g1")).applyAsync().id()).isEqualTo("g1");
    assertThat(base.set(o -> o.taskId("g2")).applyAsync().id()).isEqualTo("g2");
    assertThat(base.options().taskId()).isNull();
    assertThat(base.applyAsync().id()).isNotIn("g1", "g2");
  }

  @Test
  void applyAsyncOptionsGiveTheGroupIdAndOtherwiseTheGroupsOwnIsKept() {
    // group.apply_async(args, task_id=...): dict(self.options, **options), task_id popped
    Group group = Canvas.group(add.s(1), add.s(2)).taskId("own");

    GroupResult chosen = group.applyAsync(List.of(10), ApplyOptions.defaults().taskId("g1"));
    GroupResult own = group.applyAsync(List.of(10), ApplyOptions.defaults());

    assertThat(chosen.id()).isEqualTo("g1");
    assertThat(chosen.join()).containsExactly(11, 12);
    assertThat(own.id()).isEqualTo("own");
    assertThat(own.join()).containsExactly(11, 12);
    assertThat(own.results()).allSatisfy(m -> assertThat(groupIdOf(m)).isEqualTo("own"));
  }

  @Test
  void groupAtTheEndOfAChainKeepsTheChosenId() {
    // celery/canvas.py prepare_steps: the last task is frozen, group keeps opts['task_id']
    GroupResult g =
        Canvas.chain(add.s(1, 1), Canvas.group(mul.s(2), mul.s(3)).taskId("g1"))
            .applyAsyncForGroup();

    assertThat(g.id()).isEqualTo("g1");
    assertThat(g.join()).containsExactly(4, 6);
    AsyncResult<?> first = (AsyncResult<?>) g.parent();
    assertThat(app.backend().getTaskMeta(first.id()).children())
        .containsExactly(
            ResultTuple.group(
                "g1",
                null,
                List.of(
                    ResultTuple.of(idOf(g.member(0)), null),
                    ResultTuple.of(idOf(g.member(1)), null))));
    assertThat(g.results()).allSatisfy(m -> assertThat(groupIdOf(m)).isEqualTo("g1"));
  }

  @Test
  void chordHeaderGroupKeepsTheChosenIdAsTheHeadersGroupId() {
    // celery/canvas.py chord.run: group_id = header.options.get('task_id') or uuid(); Celery
    // 5.2.6's
    // chord() drops the header group's options (_maybe_group), celerykit keeps them on purpose
    AsyncResult<Integer> r =
        Canvas.chord(Canvas.group(add.s(1, 1), add.s(2, 2)).taskId("h1"), tsum.s()).applyAsync();

    assertThat(r.get()).isEqualTo(6);
    GroupResult header = (GroupResult) r.parent();
    assertThat(header.id()).isEqualTo("h1");
    assertThat(header.results()).allSatisfy(m -> assertThat(groupIdOf(m)).isEqualTo("h1"));
  }

  @Test
  void groupFollowedByAStepInAChainKeepsTheChosenIdAsTheChordsHeader() {
    // celery/canvas.py prepare_steps upgrades group | s to chord(group, body=s); as above, the
    // chosen header id is kept, where Celery 5.2.6 draws a new one
    AsyncResult<Integer> r =
        Canvas.chain(Canvas.group(add.s(1, 1), add.s(2, 2)).taskId("h2"), tsum.s()).applyAsync();

    assertThat(r.get()).isEqualTo(6);
    assertThat(((GroupResult) r.parent()).id()).isEqualTo("h2");
  }

  @Test
  void groupSentFromATaskIsTheTasksChildUnderTheChosenId() {
    // celery/canvas.py group.apply_async: parent_task.add_trail(result)
    Task<Object> fanOut =
        app.task(
            "tasks.fan_out", () -> Canvas.group(add.s(1, 1), add.s(2, 2)).taskId("g1").delay());

    AsyncResult<Object> parent = fanOut.delay();
    GroupResult g = (GroupResult) parent.get();

    assertThat(g.id()).isEqualTo("g1");
    assertThat(g.join()).containsExactly(2, 4);
    assertThat(app.backend().getTaskMeta(parent.id()).children())
        .extracting(ResultTuple::id)
        .containsExactly("g1");
    assertThat(parent.graph().toDot()).contains("g1");
  }

  @Test
  void savedGroupIsRestoredByTheChosenIdAndItsTupleCarriesIt() {
    GroupResult g = Canvas.group(add.s(1, 1), add.s(2, 2)).taskId("g1").applyAsync().save();

    GroupResult back = GroupResult.restore("g1", app);

    assertThat(back.id()).isEqualTo("g1");
    assertThat(back.results()).isEqualTo(g.results());
    assertThat(g.asTuple().id()).isEqualTo("g1");
    assertThat(ResultTuple.toResult(g.asTuple(), app)).isEqualTo(g);
  }

  @Test
  void eagerGroupHasTheChosenIdToo() {
    // celery/canvas.py group.apply (task_always_eager): _freeze_gid as apply_async
    InMemoryCelery eager = InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));
    Task<Integer> twice = eager.task("tasks.twice", (Integer x) -> 2 * x);

    GroupResult g = Canvas.group(twice.s(1), twice.s(2)).taskId("g1").applyAsync();

    assertThat(g.id()).isEqualTo("g1");
    assertThat(g.join()).containsExactly(2, 4);
  }

  @Test
  void aGroupTakesNoOtherOptionThanItsIdAndSaysWhereToSetThem() {
    Group group = Canvas.group(add.s(1, 1));

    assertThatThrownBy(
            () -> group.set(ApplyOptions.defaults().taskId("g1").countdown(Duration.ofSeconds(5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countdown")
        .hasMessageContaining("each member");
    assertThatThrownBy(() -> group.applyAsync(List.of(), ApplyOptions.defaults().queue("q")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queue");
    assertThatThrownBy(() -> group.set((ApplyOptions) null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(app.worker().queued()).isZero();
  }
}
