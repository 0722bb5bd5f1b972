package io.celerykit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.CollectedValue;
import io.celerykit.result.GetOptions;
import io.celerykit.result.GroupNotFoundException;
import io.celerykit.result.GroupResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.Outcome;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loads what a real Celery 5.2.6 stored (fixtures captured from the conformance vectors) into an
 * in-memory app and reads it back through the result API.
 */
class CeleryFixturesTest {

  private static final String RESULTS = "fixtures/celery-5.2.6-results.json";

  private InMemoryCelery app;

  @BeforeEach
  void createApp() {
    app = InMemoryCelery.create();
  }

  @AfterEach
  void closeApp() {
    app.close();
  }

  @Nested
  class RecordedResults {

    private CeleryFixtures.Fixture fixture;

    @BeforeEach
    void load() {
      fixture = CeleryFixtures.loadResource(app.backend(), RESULTS);
    }

    @Test
    void everyKeyIsLoaded() {
      assertThat(fixture.source()).isEqualTo(RESULTS);
      assertThat(fixture.metas()).hasSize(21);
      assertThat(fixture.groups()).containsOnlyKeys("grp");
      assertThat(app.backend().taskIds())
          .hasSize(21)
          .contains("cs-1", "cs-2", "cs-3", "grp-0", "grp-4", "task-b", "rv-eta", "st-1");
    }

    @Test
    void aChainReadsStepByStep() {
      AsyncResult<Integer> first = app.asyncResult("cs-1");
      AsyncResult<Integer> second = app.asyncResult("cs-2", first);
      AsyncResult<Integer> last = app.asyncResult("cs-3", second);
      assertThat(last.get()).isEqualTo(112);
      assertThat(second.get()).isEqualTo(12);
      assertThat(first.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(first.children()).containsExactly(app.asyncResult("cs-2"));
      assertThat(last.name()).isEqualTo("wtasks.add");
      assertThat(last.args()).containsExactly(12, 100);
      assertThat(last.kwargs()).isEmpty();
      assertThat(last.worker()).isEqualTo("wext@oracle");
      assertThat(last.queue()).isEqualTo("celery");
      assertThat(last.retries()).isZero();
      assertThat(last.dateDone()).isEqualTo(Instant.parse("2026-11-24T10:00:03.104113Z"));
      assertThat(app.backend().getTaskMeta("cs-3").parentId()).isEqualTo("cs-2");
    }

    @Test
    void collectWalksTheChainThroughTheStoredChildren() {
      List<Object> values =
          app.asyncResult("cs-1").collect().map(CollectedValue::value).collect(Collectors.toList());
      assertThat(values).containsExactly(2, 12, 112);
      assertThat(app.asyncResult("cs-1").collect().map(c -> ((AsyncResult<?>) c.result()).id()))
          .containsExactly("cs-1", "cs-2", "cs-3");
    }

    @Test
    void aFailureRaisesThePythonException() {
      AsyncResult<Object> failed = app.asyncResult("task-b");
      assertThat(failed.state()).isEqualTo(TaskState.FAILURE);
      assertThat(failed.failed()).isTrue();
      assertThat(failed.ready()).isTrue();
      assertThatThrownBy(failed::get)
          .isExactlyInstanceOf(RemoteTaskException.class)
          .hasMessage("ValueError: boom")
          .satisfies(
              e -> {
                RemoteTaskException remote = (RemoteTaskException) e;
                assertThat(remote.excType()).isEqualTo("ValueError");
                assertThat(remote.excModule()).isEqualTo("builtins");
                assertThat(remote.excMessage()).containsExactly("boom");
                assertThat(remote.traceback())
                    .endsWith("raise ValueError(msg)\nValueError: boom\n");
              });
      assertThat(failed.traceback()).startsWith("Traceback (most recent call last):\n");
      assertThat(failed.outcome()).isInstanceOf(Outcome.Failure.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "task-custom | wtasks.OracleError: ('custom', 42)",
          "task-keyerror | KeyError: 'missing'",
          "cf-2 | ValueError: boom"
        })
    void otherFailuresCarryPythonsMessage(String id, String message) {
      assertThatThrownBy(() -> app.asyncResult(id).get())
          .isExactlyInstanceOf(RemoteTaskException.class)
          .hasMessage(message);
    }

    @Test
    void aChainThatFailedInTheMiddleRaisesTheStepsError() {
      AsyncResult<Object> cf1 = app.asyncResult("cf-1");
      AsyncResult<Object> cf2 = app.asyncResult("cf-2", cf1);
      AsyncResult<Object> cf3 = app.asyncResult("cf-3", cf2);
      assertThat(cf1.successful()).isTrue();
      assertThatThrownBy(cf3::get)
          .isInstanceOf(RemoteTaskException.class)
          .hasMessage("ValueError: boom");
      assertThat(cf3.worker()).isNull();
      assertThat(cf3.queue()).isNull();
    }

    @Test
    void maxRetriesExceededIsCelerykitsException() {
      AsyncResult<Object> r = app.asyncResult("retry-max");
      assertThat(r.retries()).isEqualTo(2);
      assertThatThrownBy(r::get)
          .isExactlyInstanceOf(MaxRetriesExceededException.class)
          .hasMessage("Can't retry wtasks.flaky[retry-max] args:(5,) kwargs:{}");
    }

    @Test
    void revokedTasksRaiseTaskRevokedException() {
      assertThat(app.asyncResult("rv-eta").state()).isEqualTo(TaskState.REVOKED);
      assertThatThrownBy(() -> app.asyncResult("rv-eta").get())
          .isExactlyInstanceOf(TaskRevokedException.class)
          .hasMessage("revoked");
      assertThatThrownBy(() -> app.asyncResult("rv-term").get())
          .isExactlyInstanceOf(TaskRevokedException.class)
          .hasMessage("terminated");
    }

    @Test
    void theSavedGroupRestoresWithItsMembers() {
      GroupResult group = GroupResult.restore("grp", app);
      assertThat(group.id()).isEqualTo("grp");
      assertThat(group.results())
          .extracting(r -> ((AsyncResult<?>) r).id())
          .containsExactly("grp-0", "grp-1", "grp-2", "grp-3", "grp-4");
      assertThat(group.ready()).isTrue();
      assertThat(group.completedCount()).isEqualTo(4);
      assertThat(group.failed()).isTrue();
      assertThat(group.successful()).isFalse();
      assertThatThrownBy(group::get)
          .isInstanceOf(RemoteTaskException.class)
          .hasMessage("ValueError: boom");
      List<Object> values = group.join(GetOptions.defaults().propagate(false));
      assertThat(values).hasSize(5);
      assertThat(values.get(0)).isEqualTo(0);
      assertThat(values.get(1)).isEqualTo(2);
      assertThat(values.get(2)).isInstanceOf(RemoteTaskException.class);
      assertThat(values.subList(3, 5)).containsExactly(6, 8);
      assertThat(app.backend().getTaskMeta("grp-3").groupId()).isEqualTo("grp");
      assertThatThrownBy(() -> GroupResult.restore("no-such-group", app))
          .isInstanceOf(GroupNotFoundException.class);
    }

    @Test
    void unfinishedTasksAreNotReady() {
      AsyncResult<Object> started = app.asyncResult("st-1");
      assertThat(started.state()).isEqualTo(TaskState.STARTED);
      assertThat(started.ready()).isFalse();
      assertThat(started.info()).isEqualTo(Map.of("pid", 31337, "hostname", "wext@oracle"));
      assertThat(started.args()).containsExactly(1.0);
      assertThatThrownBy(() -> started.get(Duration.ofSeconds(5)))
          .isInstanceOf(ResultTimeoutException.class);

      AsyncResult<Object> progress = app.asyncResult("pr-1");
      assertThat(progress.state()).isEqualTo(TaskState.of("PROGRESS"));
      assertThat(progress.info()).isEqualTo(Map.of("current", 1, "total", 2));
    }

    @Test
    void childrenThatStoredNothingArePending() {
      AsyncResult<Object> parent = app.asyncResult("sp2");
      assertThat(parent.get()).isEqualTo("spawned");
      assertThat(parent.children())
          .extracting(c -> ((AsyncResult<?>) c).state())
          .containsExactly(TaskState.PENDING, TaskState.PENDING);
      assertThat(parent.children())
          .extracting(c -> ((AsyncResult<?>) c).id())
          .containsExactly("sp2-c1", "sp2-c2");
    }

    @Test
    void aPlainResultHasNoExtendedFields() {
      AsyncResult<Integer> plain = app.asyncResult("task-a-plain");
      assertThat(plain.get()).isEqualTo(5);
      assertThat(plain.name()).isNull();
      assertThat(plain.args()).isNull();
      assertThat(plain.retries()).isNull();
    }

    @Test
    void metasWriteBackAsCelerysJson() {
      TaskMeta meta = app.backend().getTaskMeta("task-a-plain");
      assertThat(CeleryJson.writeTaskMeta(meta))
          .isEqualTo(
              "{\"status\": \"SUCCESS\", \"result\": 5, \"traceback\": null, \"children\": [],"
                  + " \"date_done\": \"2026-11-24T10:00:20.127420\", \"task_id\":"
                  + " \"task-a-plain\"}");
    }
  }

  @Test
  void collectOverAGroupOfTasksThatEachSentASubtask() {
    CeleryFixtures.loadResource(app.backend(), "fixtures/collect-tree.json");
    AsyncResult<Object> root = app.asyncResult("coll");
    List<CollectedValue> collected = root.collect().collect(Collectors.toList());
    assertThat(collected).hasSize(1 + 1 + 10 + 10);
    assertThat(collected.get(0).result()).isEqualTo(root);
    assertThat(collected.get(1).result()).isInstanceOf(GroupResult.class);
    assertThat(((GroupResult) collected.get(1).result()).id()).isEqualTo("coll-g");
    // As in Celery's docs: the leaves are the values of pow2(i) for i in range(10)
    List<Object> leaves =
        collected.stream()
            .map(CollectedValue::value)
            .filter(v -> v instanceof Integer)
            .collect(Collectors.toList());
    assertThat(leaves).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
    // B's stored result is the tuple of the AsyncResult it returned
    assertThat(app.asyncResult("coll-b3").get())
        .isEqualTo(ResultTuple.of("coll-b3-p", null).toList());
    ResultBase leaf = collected.get(collected.size() - 1).result();
    assertThat(((AsyncResult<?>) leaf).id()).isEqualTo("coll-b9-p");
  }

  @Test
  void storedStringsAsRedisHoldsThemLoadToo() {
    CeleryFixtures.Fixture fixture =
        CeleryFixtures.loadResource(app.backend(), "fixtures/redis-strings.json");
    assertThat(fixture.metas())
        .extracting(TaskMeta::taskId)
        .containsExactly("task-a", "task-b-plain", "retry-max-exc");
    assertThat(app.<Integer>asyncResult("task-a").get()).isEqualTo(5);
    assertThat(app.asyncResult("retry-max-exc").state()).isEqualTo(TaskState.RETRY);
    assertThat(app.asyncResult("retry-max-exc").result())
        .isInstanceOf(RemoteTaskException.class)
        .hasFieldOrPropertyWithValue("excMessage", List.of("attempt 0"));
    GroupResult pair = GroupResult.restore("pair", app);
    assertThatThrownBy(pair::get).hasMessage("ValueError: boom");
    assertThat(pair.completedCount()).isEqualTo(1);
  }

  @Test
  void aFileLoadsFromItsPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("results.json");
    Files.writeString(
        file,
        "{\"celery-task-meta-x\": {\"status\": \"SUCCESS\", \"result\": [1, 2], \"traceback\":"
            + " null, \"children\": [], \"date_done\": \"2026-11-24T10:00:00\"}}",
        StandardCharsets.UTF_8);
    CeleryFixtures.Fixture fixture = CeleryFixtures.load(app.backend(), file);
    assertThat(fixture.source()).isEqualTo(file.toString());
    assertThat(app.asyncResult("x").get()).isEqualTo(List.of(1, 2));
  }

  @Test
  void aListOfMetasIsAFixtureToo() {
    CeleryFixtures.Fixture fixture =
        CeleryFixtures.parse(
            "[{\"status\": \"SUCCESS\", \"result\": 1, \"task_id\": \"a\"},"
                + " {\"status\": \"PENDING\", \"result\": null, \"task_id\": \"b\"}]",
            "inline");
    assertThat(fixture.metas()).extracting(TaskMeta::taskId).containsExactly("a", "b");
    assertThat(fixture.groups()).isEmpty();
    assertThatThrownBy(() -> CeleryFixtures.parse("[{\"status\": \"SUCCESS\"}]", "inline"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("inline[0]")
        .hasMessageContaining("\"task_id\"");
  }

  // ---------------------------------------------------------------- errors

  @Nested
  class Errors {

    @Test
    void malformedJsonNamesTheFileLineAndColumn() {
      assertThatThrownBy(
              () -> CeleryFixtures.loadResource(app.backend(), "fixtures/broken/malformed.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith(
              "fixtures/broken/malformed.json: malformed JSON at line 3, column ");
      assertThat(app.backend().size()).isZero();
    }

    @Test
    void aMissingStatusNamesTheFileAndTheKey() {
      assertThatThrownBy(
              () ->
                  CeleryFixtures.loadResource(app.backend(), "fixtures/broken/missing-status.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessage(
              "fixtures/broken/missing-status.json: key \"celery-task-meta-no-status\": missing key"
                  + " \"status\" (the task state)");
      assertThat(app.backend().size()).as("nothing is loaded from a broken fixture").isZero();
    }

    @Test
    void aStatusThatIsNotAStringNamesTheFileAndTheKey() {
      assertThatThrownBy(
              () ->
                  CeleryFixtures.loadResource(
                      app.backend(), "fixtures/broken/status-not-a-string.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith(
              "fixtures/broken/status-not-a-string.json: key \"celery-task-meta-numeric\": key"
                  + " \"status\" must be a state name")
          .hasMessageContaining("got 2");
    }

    @Test
    void anUnknownTopLevelKeyNamesTheFileAndTheKey() {
      assertThatThrownBy(
              () -> CeleryFixtures.loadResource(app.backend(), "fixtures/broken/unknown-key.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith(
              "fixtures/broken/unknown-key.json: key \"celery-result-ok\": unknown key")
          .hasMessageContaining("celery-task-meta-<id>")
          .hasMessageContaining("celery-taskset-meta-<id>");
    }

    @Test
    void aTaskIdThatDiffersFromTheKeyNamesBoth() {
      assertThatThrownBy(
              () ->
                  CeleryFixtures.loadResource(
                      app.backend(), "fixtures/broken/task-id-mismatch.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessage(
              "fixtures/broken/task-id-mismatch.json: key \"celery-task-meta-a\": its task_id is"
                  + " \"b\", not \"a\"");
    }

    @Test
    void aGroupWithoutResultNamesTheFileAndTheKey() {
      assertThatThrownBy(
              () ->
                  CeleryFixtures.loadResource(
                      app.backend(), "fixtures/broken/group-without-result.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith(
              "fixtures/broken/group-without-result.json: key \"celery-taskset-meta-g\"")
          .hasMessageContaining("\"result\"");
    }

    @Test
    void aMissingResourceIsNamed() {
      assertThatThrownBy(() -> CeleryFixtures.loadResource(app.backend(), "fixtures/nope.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("fixtures/nope.json")
          .hasMessageContaining("not found on the class path");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
      Path missing = dir.resolve("missing.json");
      assertThatThrownBy(() -> CeleryFixtures.load(app.backend(), missing))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(missing.toString());
    }

    @Test
    void aBrokenFileOnDiskNamesItsPathAndTheKey(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("broken.json");
      Files.writeString(
          file, "{\"celery-task-meta-q\": {\"status\": null}}", StandardCharsets.UTF_8);
      assertThatThrownBy(() -> CeleryFixtures.load(app.backend(), file))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith(file + ": key \"celery-task-meta-q\": key \"status\"");
    }

    @Test
    void aTypoOfACeleryStateIsRefusedWithTheLikelyName() {
      String json = "{\"celery-task-meta-t\": {\"status\": \"SUCESS\", \"task_id\": \"t\"}}";
      assertThatThrownBy(() -> CeleryFixtures.parse(json, "typo.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("typo.json: key \"celery-task-meta-t\": key \"status\"")
          .hasMessageContaining("unknown state \"SUCESS\" (did you mean SUCCESS?)");
    }

    @Test
    void aLowerCaseStateIsRefusedListingCelerysStates() {
      String json = "{\"celery-task-meta-t\": {\"status\": \"done\", \"task_id\": \"t\"}}";
      assertThatThrownBy(() -> CeleryFixtures.parse(json, "lower.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("unknown state \"done\"")
          .hasMessageContaining("SUCCESS")
          .hasMessageContaining("custom states are upper-case names such as PROGRESS");
    }

    @Test
    void anUpperCaseCustomStateIsAccepted() {
      String json =
          "{\"celery-task-meta-t\": {\"status\": \"PROGRESS\", \"result\": {\"current\": 1}, \"task_id\": \"t\"}}";
      assertThat(CeleryFixtures.parse(json, "custom.json").metas().get(0).state().name())
          .isEqualTo("PROGRESS");
    }

    @Test
    void aFixtureThatIsNotAnObjectIsRefused() {
      assertThatThrownBy(() -> CeleryFixtures.parse("\"text\"", "f.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("f.json: a fixture is a JSON object");
    }
  }
}
