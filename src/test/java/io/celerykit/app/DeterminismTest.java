package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.Outcome;
import io.celerykit.result.RevokeOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  /** What one run of the scenario produced. */
  private record Run(List<String> ids, String timeline, List<String> outcomes, String clock) {}

  private static ApplyOptions countdown(long seconds) {
    return ApplyOptions.defaults().countdown(Duration.ofSeconds(seconds));
  }

  /** Success, failure, retry and revocation mixed, with countdowns, in a fresh app. */
  private static Run scenario() {
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().resultExtended(true));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<Integer> fail =
        app.task(
            "tasks.fail",
            (String msg) -> {
              throw new IllegalStateException(msg);
            });
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              int failTimes = (Integer) self.args().get(0);
              if (self.retries() < failTimes) {
                throw self.retry(
                    new IllegalStateException("attempt " + self.retries()), Duration.ofSeconds(5));
              }
              return "ok after " + self.retries() + " retries";
            });
    Task<String> spawn =
        app.task(
            "tasks.spawn",
            () -> {
              add.delay(10, 20);
              add.applyAsync(List.of(30, 40), Map.of(), countdown(7));
              return "spawned";
            });
    app.stub("tasks.slow").returns("slow").takes(Duration.ofSeconds(50));

    List<AsyncResult<?>> results = new ArrayList<>();
    results.add(add.delay(1, 2));
    results.add(add.applyAsync(List.of(3, 4), Map.of(), countdown(30)));
    results.add(fail.applyAsync(List.of("boom"), Map.of(), countdown(3)));
    results.add(flaky.delay(2));
    results.add(flaky.delay(9));
    results.add(spawn.applyAsync(List.of(), Map.of(), countdown(12)));
    AsyncResult<Integer> revokedEarly = add.applyAsync(List.of(5, 6), Map.of(), countdown(60));
    results.add(revokedEarly);
    AsyncResult<Object> slow = app.sendTask("tasks.slow");
    results.add(slow);
    AsyncResult<Object> slowToo = app.sendTask("tasks.slow");
    results.add(slowToo);
    results.add(
        add.applyAsync(
            List.of(7, 8),
            Map.of(),
            ApplyOptions.defaults()
                .countdown(Duration.ofSeconds(40))
                .expires(Duration.ofSeconds(20))));

    app.worker().runDue();
    revokedEarly.revoke();
    app.clock().advance(Duration.ofSeconds(10));
    slow.revoke(RevokeOptions.defaults().terminate(true));
    app.worker().runUntilIdle();

    List<String> ids = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    for (AsyncResult<?> r : results) {
      ids.add(r.id());
      Outcome<?> o = r.outcome(GetOptions.defaults().timeout(Duration.ofSeconds(1)));
      outcomes.add(
          r.id()
              + " "
              + o.state()
              + " "
              + (o.isSuccess() ? String.valueOf(o.value()) : o.exception().toString())
              + " retries="
              + r.retries()
              + " done="
              + r.dateDone()
              + " children="
              + r.children());
    }
    return new Run(ids, app.journal().timeline(), outcomes, app.clock().toString());
  }

  @Test
  void theSameScenarioInTwoFreshAppsGivesTheSameIdsJournalAndResults() {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(scenario());
    }
    Run first = runs.get(0);
    Run second = runs.get(1);

    assertThat(second.ids()).isEqualTo(first.ids());
    assertThat(second.timeline()).isEqualTo(first.timeline());
    assertThat(second.outcomes()).isEqualTo(first.outcomes());
    assertThat(second.clock()).isEqualTo(first.clock());
  }

  /**
   * Success, retries, a countdown, an expiry and a terminated run, with STARTED tracked and the
   * request stored; no failure, whose traceback would hold this file's line numbers.
   */
  private static String scenarioWithoutTracebacks() {
    InMemoryCelery app =
        InMemoryCelery.create(CeleryConfig.defaults().taskTrackStarted(true).resultExtended(true));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              if (self.retries() < 2) {
                throw self.retry(
                    new IllegalStateException("attempt " + self.retries()), Duration.ofSeconds(5));
              }
              return "ok";
            });
    app.stub("tasks.slow").returns("slow").takes(Duration.ofSeconds(50));
    add.delay(1, 2);
    add.applyAsync(List.of(3, 4), Map.of(), countdown(30));
    flaky.delay();
    add.applyAsync(
        List.of(7, 8),
        Map.of(),
        ApplyOptions.defaults().countdown(Duration.ofSeconds(40)).expires(Duration.ofSeconds(20)));
    AsyncResult<Object> slow = app.sendTask("tasks.slow");
    app.clock().advance(Duration.ofSeconds(10));
    slow.revoke(RevokeOptions.defaults().terminate(true));
    app.worker().runUntilIdle();
    return app.journal().timeline();
  }

  @Test
  void theJournalIsTheOneRecordedInAnotherJvm() throws Exception {
    String recorded;
    try (var in = DeterminismTest.class.getResourceAsStream("/golden/journal-timeline.txt")) {
      recorded = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    assertThat(scenarioWithoutTracebacks()).isEqualTo(recorded);
  }

  private static final String REMOTE = "io.celerykit.result.RemoteTaskException: ";

  @Test
  void theScenarioCoversEveryOutcome() {
    Run run = scenario();

    assertThat(run.outcomes())
        .anyMatch(o -> o.contains(" SUCCESS 3 "))
        // failures are stored through the JSON serializer, read back in their remote form
        .anyMatch(o -> o.contains(" FAILURE " + REMOTE + "java.lang.IllegalStateException: boom"))
        .anyMatch(o -> o.contains(" SUCCESS ok after 2 retries retries=2"))
        .anyMatch(
            o -> o.contains(" FAILURE " + REMOTE + "java.lang.IllegalStateException: attempt 3"))
        .anyMatch(o -> o.contains(" REVOKED io.celerykit.result.TaskRevokedException: revoked"))
        .anyMatch(o -> o.contains(" REVOKED io.celerykit.result.TaskRevokedException: terminated"))
        .anyMatch(o -> o.contains(" REVOKED io.celerykit.result.TaskRevokedException: expired"))
        .anyMatch(o -> o.contains(" SUCCESS slow "));
    assertThat(run.timeline())
        .contains("task-sent", "task-received", "task-started", "task-succeeded", "task-failed")
        .contains("task-retried", "task-revoked");
    assertThat(run.ids()).doesNotHaveDuplicates();
  }

  @RepeatedTest(3)
  void idsAreVersionFourUuidsFromASeededSequence() {
    InMemoryCelery one = InMemoryCelery.create();
    InMemoryCelery two = InMemoryCelery.create();

    List<String> a = List.of(one.newId(), one.newId(), one.newId());
    List<String> b = List.of(two.newId(), two.newId(), two.newId());

    assertThat(a).isEqualTo(b).doesNotHaveDuplicates();
    assertThat(a)
        .allSatisfy(
            id -> {
              java.util.UUID uuid = java.util.UUID.fromString(id);
              assertThat(uuid.version()).isEqualTo(4);
              assertThat(uuid.variant()).isEqualTo(2);
            });
  }

  @Test
  void givenTaskIdsDoNotConsumeTheSequence() {
    InMemoryCelery one = InMemoryCelery.create();
    InMemoryCelery two = InMemoryCelery.create();
    Task<Integer> addOne = one.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<Integer> addTwo = two.task("tasks.add", (Integer x, Integer y) -> x + y);

    addOne.applyAsync(List.of(1, 1), Map.of(), ApplyOptions.defaults().taskId("fixed"));
    AsyncResult<Integer> a = addOne.delay(1, 1);
    AsyncResult<Integer> b = addTwo.delay(1, 1);

    assertThat(a.id()).isEqualTo(b.id());
  }
}
