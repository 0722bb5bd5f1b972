package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every send is recorded as the message Celery would publish: its headers and body ({@code
 * celery/app/amqp.py}, {@code AMQP.as_task_v2}: id, task, args, kwargs, eta, expires, group,
 * parent_id, root_id), the apply_async options, and the virtual time, whatever result_extended
 * says.
 */
class SentTasksTest {

  private static final Instant T0 = VirtualClock.DEFAULT_START;

  private final InMemoryCelery app = InMemoryCelery.create();

  @Test
  void aSendIsRecordedWithItsNameAndArgumentsWithoutResultExtended() {
    app.stub("invoices.render").returns("pdf");

    AsyncResult<Object> r = app.sendTask("invoices.render", "INV-1", 3);

    SentTask sent = app.sentTasks().get(0);
    assertThat(sent.taskId()).isEqualTo(r.id());
    assertThat(sent.name()).isEqualTo("invoices.render");
    assertThat(sent.args()).containsExactly("INV-1", 3);
    assertThat(sent.kwargs()).isEmpty();
    assertThat(sent.sentAt()).isEqualTo(T0);
    assertThat(sent.queue()).isEqualTo("celery");
    assertThat(sent.eager()).isFalse();
    assertThat(sent.call()).isEqualTo("invoices.render('INV-1', 3)");
    assertThat(r.name()).as("the backend stores no name without result_extended").isNull();
  }

  @Test
  void theApplyAsyncOptionsAreRecordedAndTheTimesMadeAbsolute() {
    app.stub("invoices.render").returns("pdf");
    app.clock().advance(Duration.ofSeconds(5));
    ApplyOptions options =
        ApplyOptions.defaults()
            .queue("pdf")
            .countdown(Duration.ofSeconds(10))
            .expires(Duration.ofMinutes(1))
            .header("tenant", "acme")
            .ignoreResult(true);

    app.sendTask("invoices.render", List.of("INV-1"), Map.of("lang", "fr"), options);

    SentTask sent = app.sentTasks().get(0);
    assertThat(sent.options()).isSameAs(options);
    assertThat(sent.kwargs()).containsExactly(Map.entry("lang", "fr"));
    assertThat(sent.queue()).isEqualTo("pdf");
    assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(sent.eta()).isEqualTo(T0.plusSeconds(15));
    assertThat(sent.expires()).isEqualTo(T0.plusSeconds(65));
    assertThat(sent.toString())
        .startsWith(
            "invoices.render('INV-1', lang='fr') with queue='pdf', countdown=10, expires=60,"
                + " headers={'tenant': 'acme'}, ignore_result=True [");
  }

  @Test
  void aTaskSentFromATaskHasItAsParentAndItsRootAsRoot() {
    app.task("child", () -> 1);
    Task<Object> parent =
        app.task(
            "parent",
            () -> {
              app.sendTask("child");
              return "sent";
            });

    AsyncResult<Object> r = parent.delay();
    r.get();

    SentTask child = app.sentTasks().named("child").get(0);
    assertThat(child.parentId()).isEqualTo(r.id());
    assertThat(child.rootId()).isEqualTo(r.id());
    assertThat(app.sentTasks().named("parent").get(0).parentId()).isNull();
  }

  @Test
  void groupMembersCarryTheGroupIdAndTheirIndexInTheGroup() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    GroupResult g = Canvas.group(add.s(1, 1), add.s(2, 2), add.s(3, 3)).applyAsync();

    SentTasks sent = app.sentTasks();
    assertThat(sent).extracting(SentTask::groupId).containsOnly(g.id());
    assertThat(sent).extracting(SentTask::groupIndex).containsExactly(0, 1, 2);
    assertThat(sent.get(0).toString()).contains("group='" + g.id() + "'");
  }

  @Test
  void aChainInAGroupGivesItsLastTaskTheChainsPlaceInTheGroup() {
    // celery/canvas.py _chain.prepare_steps: only the last task of a chain in a group is frozen
    // with group_id and group_index (the chain's index), whenever it is sent.
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    GroupResult g = Canvas.group(Canvas.chain(add.s(1, 1), add.s(10)), add.s(3, 3)).applyAsync();
    g.join();

    SentTasks sent = app.sentTasks();
    assertThat(sent)
        .extracting(SentTask::args)
        .containsExactly(List.of(1, 1), List.of(3, 3), List.of(2, 10));
    assertThat(sent).extracting(SentTask::groupId).containsExactly(null, g.id(), g.id());
    assertThat(sent).extracting(SentTask::groupIndex).containsExactly(null, 1, 0);
  }

  @Test
  void aChainsNextStepHasTheStepBeforeItAsParent() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = Canvas.chain(add.s(1, 1), add.s(10)).delay();
    r.get();

    SentTasks sent = app.sentTasks();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).args()).containsExactly(2, 10);
    assertThat(sent.get(1).parentId()).isEqualTo(sent.get(0).taskId());
    assertThat(sent.get(1).groupIndex()).isNull();
  }

  @Test
  void eagerSendsAreRecordedToo() {
    InMemoryCelery eager = InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));
    Task<Integer> add = eager.task("tasks.add", (Integer x, Integer y) -> x + y);

    add.delay(2, 3);

    assertThat(eager.sentTasks()).singleElement().satisfies(t -> assertThat(t.eager()).isTrue());
  }

  @Test
  void applyIsNotASendAndRetriesAreNotNewSends() {
    // Task.apply runs locally and sends no message (celery/app/task.py, Task.apply).
    app.task("tasks.one", () -> 1).apply();
    app.stub("tasks.flaky").retries(2, null).thenReturns("ok");
    app.sendTask("tasks.flaky").get();

    assertThat(app.sentTasks()).extracting(SentTask::name).containsExactly("tasks.flaky");
  }

  @Test
  void theRecordKeepsTheLastSendsUpToItsCapacityAndCountsTheOthers() {
    InMemoryCelery small = InMemoryCelery.create(CeleryConfig.defaults().sentTaskCapacity(2));
    small.stub("t").returns(1);

    for (int i = 0; i < 5; i++) {
      small.sendTask("t", i);
    }

    SentTasks sent = small.sentTasks();
    assertThat(sent).extracting(t -> t.args().get(0)).containsExactly(3, 4);
    assertThat(sent).extracting(SentTask::sequence).containsExactly(3L, 4L);
    assertThat(sent.dropped()).isEqualTo(3);
    assertThat(sent.capacity()).isEqualTo(2);
  }

  @Test
  void capacityZeroSwitchesTheRecordOff() {
    InMemoryCelery off = InMemoryCelery.create(CeleryConfig.defaults().sentTaskCapacity(0));
    off.stub("t").returns(1);

    off.sendTask("t");

    assertThat(off.sentTasks()).isEmpty();
    assertThat(off.sentTasks().dropped()).isEqualTo(1);
    assertThatThrownBy(() -> CeleryConfig.defaults().sentTaskCapacity(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1");
  }

  @Test
  void sentResultsAreTheResultsOfTheSendsAndKnowTheirNames() {
    app.stub("invoices.render").returns("pdf");
    AsyncResult<Object> r = app.sendTask("invoices.render", "INV-1");

    List<AsyncResult<?>> results = app.sentResults();

    assertThat(results).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo(r.id()));
    assertThat(results.get(0).name()).isEqualTo("invoices.render");
  }

  @Test
  void theSnapshotIsImmutable() {
    app.stub("t").returns(1);
    app.sendTask("t");
    SentTasks sent = app.sentTasks();

    app.sendTask("t");

    assertThat(sent).hasSize(1);
    assertThatThrownBy(sent::clear).isInstanceOf(UnsupportedOperationException.class);
  }
}
