package io.celerykit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ChordException;
import io.celerykit.result.GroupResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CeleryJsonTest {

  private static final String DATE = "2026-11-24T10:00:00.123456";
  private static final Instant DATE_INSTANT = Instant.parse(DATE + "Z");
  private static final String TB =
      "Traceback (most recent call last):\\n  File \\\"/srv/tasks.py\\\", line 3, in fail\\n"
          + "    raise ValueError(msg)\\nValueError: boom\\n";
  private static final String EXTENDED =
      "\"name\": \"tasks.add\", \"args\": [2], \"kwargs\": {\"y\": 3}, \"worker\": \"w1@host\","
          + " \"retries\": 0, \"queue\": \"celery\", ";

  // ---------------------------------------------------------------- round trips

  static Stream<Arguments> storedMetas() {
    return Stream.of(
        Arguments.of(
            "success, plain",
            "{\"status\": \"SUCCESS\", \"result\": 5, \"traceback\": null, \"children\": [],"
                + " \"date_done\": \""
                + DATE
                + "\", \"task_id\": \"t-ok\"}"),
        Arguments.of(
            "success, extended",
            "{\"status\": \"SUCCESS\", \"result\": {\"total\": 5, \"items\": [1, 2.5, \"x\", null,"
                + " true]}, \"traceback\": null, \"children\": [], \"date_done\": \""
                + DATE
                + "\", "
                + EXTENDED
                + "\"task_id\": \"t-ext\"}"),
        Arguments.of(
            "failure",
            "{\"status\": \"FAILURE\", \"result\": {\"exc_type\": \"ValueError\", \"exc_message\":"
                + " [\"boom\"], \"exc_module\": \"builtins\"}, \"traceback\": \""
                + TB
                + "\","
                + " \"children\": [], \"date_done\": \""
                + DATE
                + "\", \"task_id\": \"t-fail\"}"),
        Arguments.of(
            "failure with a custom exception of several args",
            "{\"status\": \"FAILURE\", \"result\": {\"exc_type\": \"OracleError\", \"exc_message\":"
                + " [\"custom\", 42, [1, {\"k\": null}]], \"exc_module\": \"wtasks\"}, \"traceback\":"
                + " \""
                + TB
                + "\", \"children\": [], \"date_done\": \""
                + DATE
                + "\", "
                + EXTENDED
                + "\"task_id\": \"t-custom\"}"),
        Arguments.of(
            "retry without exc",
            "{\"status\": \"RETRY\", \"result\": null, \"traceback\": \""
                + TB
                + "\", \"children\":"
                + " [[[\"t-retry\", null], null]], \"date_done\": null, \"task_id\": \"t-retry\"}"),
        Arguments.of(
            "retry with exc",
            "{\"status\": \"RETRY\", \"result\": {\"exc_type\": \"ValueError\", \"exc_message\":"
                + " [\"attempt 0\"], \"exc_module\": \"builtins\"}, \"traceback\": \""
                + TB
                + "\","
                + " \"children\": [[[\"t-retry2\", null], null]], \"date_done\": null, "
                + EXTENDED
                + "\"task_id\": \"t-retry2\"}"),
        Arguments.of(
            "max retries exceeded",
            "{\"status\": \"FAILURE\", \"result\": {\"exc_type\": \"MaxRetriesExceededError\","
                + " \"exc_message\": [\"Can't retry tasks.flaky[t-max] args:(5,) kwargs:{}\"],"
                + " \"exc_module\": \"celery.exceptions\"}, \"traceback\": \""
                + TB
                + "\","
                + " \"children\": [], \"date_done\": \""
                + DATE
                + "\", \"parent_id\": \"t-max\","
                + " \"task_id\": \"t-max\"}"),
        Arguments.of(
            "revoked",
            "{\"status\": \"REVOKED\", \"result\": {\"exc_type\": \"TaskRevokedError\","
                + " \"exc_message\": [\"terminated\"], \"exc_module\": \"celery.exceptions\"},"
                + " \"traceback\": null, \"children\": [], \"date_done\": \""
                + DATE
                + "\","
                + " \"task_id\": \"t-rv\"}"),
        Arguments.of(
            "started with pid and hostname",
            "{\"status\": \"STARTED\", \"result\": {\"pid\": 4242, \"hostname\": \"w1@host\"},"
                + " \"traceback\": null, \"children\": [], \"date_done\": null, "
                + EXTENDED
                + "\"task_id\": \"t-st\"}"),
        Arguments.of(
            "progress, a custom state",
            "{\"status\": \"PROGRESS\", \"result\": {\"current\": 1, \"total\": 2}, \"traceback\":"
                + " null, \"children\": [], \"date_done\": null, \"task_id\": \"t-pr\"}"),
        Arguments.of(
            "group member",
            "{\"status\": \"SUCCESS\", \"result\": 0, \"traceback\": null, \"children\": [],"
                + " \"date_done\": \""
                + DATE
                + "\", \"group_id\": \"grp\", "
                + EXTENDED
                + "\"task_id\": \"grp-0\"}"),
        Arguments.of(
            "chain step",
            "{\"status\": \"SUCCESS\", \"result\": 12, \"traceback\": null, \"children\":"
                + " [[[\"cs-3\", null], null]], \"date_done\": \""
                + DATE
                + "\", \"parent_id\":"
                + " \"cs-1\", \"task_id\": \"cs-2\"}"),
        Arguments.of(
            "member of a group and step of a chain",
            "{\"status\": \"SUCCESS\", \"result\": [[\"b0-p\", null], null], \"traceback\": null,"
                + " \"children\": [[[\"b0-p\", null], null]], \"date_done\": \""
                + DATE
                + "\","
                + " \"group_id\": \"g\", \"parent_id\": \"root\", \"task_id\": \"b0\"}"),
        Arguments.of(
            "children: tasks, a chain and a group",
            "{\"status\": \"SUCCESS\", \"result\": \"spawned\", \"traceback\": null, \"children\":"
                + " [[[\"c1\", null], null], [[\"c3\", [[\"c2\", null], null]], null], [[\"g\","
                + " null], [[[\"g-0\", null], null], [[\"g-1\", null], null]]]], \"date_done\": \""
                + DATE
                + "\", \"task_id\": \"t-sp\"}"),
        Arguments.of(
            "extended with nulls (a task that never reached a worker)",
            "{\"status\": \"FAILURE\", \"result\": {\"exc_type\": \"ValueError\", \"exc_message\":"
                + " [\"boom\"], \"exc_module\": \"builtins\"}, \"traceback\": \""
                + TB
                + "\","
                + " \"children\": [], \"date_done\": \""
                + DATE
                + "\", \"name\": \"tasks.add\","
                + " \"args\": [5, 5], \"kwargs\": {}, \"worker\": null, \"retries\": 0, \"queue\":"
                + " null, \"task_id\": \"cf-3\"}"),
        Arguments.of(
            "floats, non-ASCII text and big numbers",
            "{\"status\": \"SUCCESS\", \"result\": [1.0, 0.0001, 1e-05, 1e+16, 10000000.0, -0.0,"
                + " \"caf\\u00e9 \\u2603 \\ud83d\\ude00\", 12345678901234567890, 9007199254740993],"
                + " \"traceback\": null, \"children\": [], \"date_done\": \"2026-11-24T10:00:00\","
                + " \"task_id\": \"t-num\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storedMetas")
  void readWriteReadGivesTheSameTextAndMeta(String kind, String text) {
    TaskMeta meta = CeleryJson.readTaskMeta(text);
    String written = CeleryJson.writeTaskMeta(meta);
    assertThat(written).isEqualTo(text);
    TaskMeta again = CeleryJson.readTaskMeta(written);
    assertSameMeta(again, meta);
  }

  @Test
  void readsEveryFieldOfAnExtendedChainStep() {
    TaskMeta meta =
        CeleryJson.readTaskMeta(
            "{\"status\": \"SUCCESS\", \"result\": 12, \"traceback\": null, \"children\":"
                + " [[[\"cs-3\", null], null]], \"date_done\": \""
                + DATE
                + "\", \"group_id\":"
                + " \"g\", \"parent_id\": \"cs-1\", "
                + EXTENDED
                + "\"task_id\": \"cs-2\"}");
    assertThat(meta.taskId()).isEqualTo("cs-2");
    assertThat(meta.state()).isSameAs(TaskState.SUCCESS);
    assertThat(meta.result()).isEqualTo(12);
    assertThat(meta.children()).containsExactly(ResultTuple.of("cs-3", null));
    assertThat(meta.dateDone()).isEqualTo(DATE_INSTANT);
    assertThat(meta.groupId()).isEqualTo("g");
    assertThat(meta.parentId()).isEqualTo("cs-1");
    assertThat(meta.name()).isEqualTo("tasks.add");
    assertThat(meta.args()).containsExactly(2);
    assertThat(meta.kwargs()).containsExactly(Map.entry("y", 3));
    assertThat(meta.worker()).isEqualTo("w1@host");
    assertThat(meta.retries()).isZero();
    assertThat(meta.queue()).isEqualTo("celery");
  }

  @Test
  void aPythonFailureReadsAsRemoteTaskExceptionWithPythonsMessage() {
    TaskMeta meta =
        CeleryJson.readTaskMeta(
            "{\"status\": \"FAILURE\", \"result\": {\"exc_type\": \"KeyError\", \"exc_message\":"
                + " [\"missing\"], \"exc_module\": \"builtins\"}, \"traceback\": \""
                + TB
                + "\","
                + " \"children\": [], \"date_done\": \""
                + DATE
                + "\", \"task_id\": \"t\"}");
    assertThat(meta.result()).isInstanceOf(RemoteTaskException.class);
    RemoteTaskException e = (RemoteTaskException) meta.result();
    assertThat(e.excType()).isEqualTo("KeyError");
    assertThat(e.excModule()).isEqualTo("builtins");
    assertThat(e.excMessage()).containsExactly("missing");
    assertThat(e.getMessage()).isEqualTo("KeyError: 'missing'");
    assertThat(e.traceback()).startsWith("Traceback (most recent call last):\n");
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("pythonMessages")
  void remoteExceptionMessagesAreTheLastLineOfPythonsTraceback(
      String type, String module, List<Object> args, String message) {
    assertThat(new RemoteTaskException(type, module, args, null).getMessage()).isEqualTo(message);
  }

  static Stream<Arguments> pythonMessages() {
    return Stream.of(
        Arguments.of("ValueError", "builtins", List.of("boom"), "ValueError: boom"),
        Arguments.of("ValueError", "builtins", List.of(), "ValueError"),
        Arguments.of("KeyError", "builtins", List.of("missing"), "KeyError: 'missing'"),
        Arguments.of(
            "OracleError", "wtasks", List.of("custom", 42), "wtasks.OracleError: ('custom', 42)"),
        Arguments.of(
            "OracleError",
            "wtasks",
            Arrays.asList("it's", null, true, 1.5, List.of("a")),
            "wtasks.OracleError: (\"it's\", None, True, 1.5, ['a'])"),
        Arguments.of("ZeroDivisionError", "builtins", List.of(7), "ZeroDivisionError: 7"));
  }

  @Test
  void celerysOwnExceptionsBecomeCelerykitsExceptions() {
    assertThat(
            CeleryJson.decodeException(
                exc("TaskRevokedError", List.of("revoked"), "celery.exceptions"), null, "t"))
        .isExactlyInstanceOf(TaskRevokedException.class)
        .hasMessage("revoked");
    assertThat(
            CeleryJson.decodeException(
                exc("MaxRetriesExceededError", List.of("Can't retry"), "celery.exceptions"),
                null,
                "t"))
        .isExactlyInstanceOf(MaxRetriesExceededException.class)
        .hasMessage("Can't retry");
    assertThat(
            CeleryJson.decodeException(
                exc("TimeoutError", List.of("The operation timed out."), "celery.exceptions"),
                null,
                "t"))
        .isExactlyInstanceOf(ResultTimeoutException.class);
    assertThat(
            CeleryJson.decodeException(
                exc(
                    "ChordError",
                    List.of("Dependency a raised ValueError('x')"),
                    "celery.exceptions"),
                null,
                "t"))
        .isExactlyInstanceOf(ChordException.class)
        .hasMessage("Dependency a raised ValueError('x')");
    // the same names from another module are someone else's exceptions
    assertThat(
            CeleryJson.decodeException(
                exc("TaskRevokedError", List.of("x"), "myapp.errors"), "tb", "t"))
        .isExactlyInstanceOf(RemoteTaskException.class)
        .hasMessage("myapp.errors.TaskRevokedError: x");
  }

  @Test
  void pythonNoneAmongTheExceptionArgsIsKept() {
    TaskMeta meta =
        CeleryJson.readTaskMeta(
            "{\"status\": \"FAILURE\", \"result\": {\"exc_type\": \"ValueError\", \"exc_message\":"
                + " [null, \"x\"], \"exc_module\": \"builtins\"}, \"traceback\": null, \"children\":"
                + " [], \"date_done\": \""
                + DATE
                + "\", \"task_id\": \"t\"}");
    RemoteTaskException e = (RemoteTaskException) meta.result();
    assertThat(e.excMessage()).containsExactly(null, "x");
    assertThat(e.getMessage()).isEqualTo("ValueError: (None, 'x')");
    assertThat(CeleryJson.writeTaskMeta(meta)).contains("\"exc_message\": [null, \"x\"]");
  }

  @Test
  void decodeExceptionAcceptsAStringMessageAndNoModule() {
    Map<String, Object> old = new LinkedHashMap<>();
    old.put("exc_type", "ValueError");
    old.put("exc_message", "boom");
    Throwable e = CeleryJson.decodeException(old, null, "t");
    assertThat(e).isInstanceOf(RemoteTaskException.class).hasMessage("ValueError: boom");
    assertThat(((RemoteTaskException) e).excModule()).isNull();
    assertThat(((RemoteTaskException) e).excMessage()).containsExactly("boom");
  }

  // ---------------------------------------------------------------- metas built in Java

  @Test
  void javaExceptionsEncodeAsSimpleNamePackageAndMessage() {
    assertThat(CeleryJson.encodeException(new IllegalStateException("bad state")))
        .containsExactly(
            Map.entry("exc_type", "IllegalStateException"),
            Map.entry("exc_message", List.of("bad state")),
            Map.entry("exc_module", "java.lang"));
    assertThat(CeleryJson.encodeException(new ReportFailed("no data")))
        .containsExactly(
            Map.entry("exc_type", "ReportFailed"),
            Map.entry("exc_message", List.of("no data")),
            Map.entry("exc_module", "io.celerykit.wire"));
    assertThat(CeleryJson.encodeException(new UnsupportedOperationException()))
        .containsEntry("exc_message", List.of());
  }

  @Test
  void anAnonymousExceptionClassStillHasAName() {
    RuntimeException anonymous = new RuntimeException("odd") {};
    Map<String, Object> encoded = CeleryJson.encodeException(anonymous);
    String binaryName = anonymous.getClass().getName();
    assertThat(encoded.get("exc_type"))
        .isEqualTo(binaryName.substring(binaryName.lastIndexOf('.') + 1))
        .asString()
        .startsWith("CeleryJsonTest$");
    TaskMeta back =
        CeleryJson.readTaskMeta(CeleryJson.writeTaskMeta(TaskMeta.failure("t", anonymous)));
    assertThat(((RemoteTaskException) back.result()).excType()).isEqualTo(encoded.get("exc_type"));
  }

  @Test
  void celerykitExceptionsEncodeWithCelerysNames() {
    assertThat(CeleryJson.encodeException(new TaskRevokedException("revoked")))
        .containsExactly(
            Map.entry("exc_type", "TaskRevokedError"),
            Map.entry("exc_message", List.of("revoked")),
            Map.entry("exc_module", "celery.exceptions"));
    assertThat(CeleryJson.encodeException(new MaxRetriesExceededException("Can't retry")))
        .containsEntry("exc_type", "MaxRetriesExceededError")
        .containsEntry("exc_module", "celery.exceptions");
    assertThat(CeleryJson.encodeException(new ResultTimeoutException("late")))
        .containsEntry("exc_type", "TimeoutError");
  }

  @Test
  void aJavaFailureIsWrittenAsCeleryWouldAndReadsBackAsRemoteException() {
    TaskMeta meta =
        TaskMeta.builder("t-java", TaskState.FAILURE)
            .result(new IllegalArgumentException("amount must be positive"))
            .traceback("java.lang.IllegalArgumentException: amount must be positive\n\tat X")
            .dateDone(DATE_INSTANT)
            .build();
    String text = CeleryJson.writeTaskMeta(meta);
    assertThat(text)
        .isEqualTo(
            "{\"status\": \"FAILURE\", \"result\": {\"exc_type\": \"IllegalArgumentException\","
                + " \"exc_message\": [\"amount must be positive\"], \"exc_module\": \"java.lang\"},"
                + " \"traceback\": \"java.lang.IllegalArgumentException: amount must be"
                + " positive\\n\\tat X\", \"children\": [], \"date_done\": \""
                + DATE
                + "\","
                + " \"task_id\": \"t-java\"}");
    RemoteTaskException back = (RemoteTaskException) CeleryJson.readTaskMeta(text).result();
    assertThat(back.excType()).isEqualTo("IllegalArgumentException");
    assertThat(back.excModule()).isEqualTo("java.lang");
    assertThat(back.excMessage()).containsExactly("amount must be positive");
    assertThat(back.getMessage())
        .isEqualTo("java.lang.IllegalArgumentException: amount must be positive");
  }

  @Test
  void aRemoteTaskExceptionWritesBackItsOwnFields() {
    RemoteTaskException remote =
        new RemoteTaskException("OracleError", "wtasks", List.of("custom", 42), "tb");
    assertThat(CeleryJson.encodeException(remote))
        .containsExactly(
            Map.entry("exc_type", "OracleError"),
            Map.entry("exc_message", List.of("custom", 42)),
            Map.entry("exc_module", "wtasks"));
    assertThat(CeleryJson.writeTaskMeta(TaskMeta.failure("t", remote)))
        .startsWith(
            "{\"status\": \"FAILURE\", \"result\": {\"exc_type\": \"OracleError\","
                + " \"exc_message\": [\"custom\", 42], \"exc_module\": \"wtasks\"}, \"traceback\":"
                + " null,");
  }

  @Test
  void aMetaBuiltInJavaIsWrittenInCelerysKeyOrder() {
    TaskMeta meta =
        TaskMeta.builder("m", TaskState.SUCCESS)
            .result(Map.of("k", List.of(1, 2)))
            .children(List.of(ResultTuple.of("c", null)))
            .dateDone(DATE_INSTANT)
            .parentId("p")
            .groupId("g")
            .extended("tasks.m", List.of("a"), Map.of(), "w@h", "q")
            .retries(1)
            .build();
    assertThat(CeleryJson.toJsonMap(meta).keySet())
        .containsExactly(
            "status",
            "result",
            "traceback",
            "children",
            "date_done",
            "group_id",
            "parent_id",
            "name",
            "args",
            "kwargs",
            "worker",
            "retries",
            "queue",
            "task_id");
    assertThat(CeleryJson.readTaskMeta(CeleryJson.writeTaskMeta(meta))).isEqualTo(meta);
  }

  @Test
  void retriesAloneKeepTheExtendedKeys() {
    TaskMeta seeded =
        TaskMeta.builder("r", TaskState.RETRY)
            .result(new RemoteTaskException("IOError", "builtins", List.of("flaky"), null))
            .retries(2)
            .build();
    String text = CeleryJson.writeTaskMeta(seeded);
    assertThat(text)
        .contains(
            "\"name\": null, \"args\": null, \"kwargs\": null, \"worker\": null, \"retries\": 2,"
                + " \"queue\": null");
    assertThat(CeleryJson.readTaskMeta(text).retries()).isEqualTo(2);
  }

  @Test
  void aPlainMetaHasNoExtendedKeys() {
    assertThat(CeleryJson.toJsonMap(TaskMeta.success("p", 1)).keySet())
        .containsExactly("status", "result", "traceback", "children", "date_done", "task_id");
  }

  // ---------------------------------------------------------------- groups and tuples

  @Test
  void groupMetaRoundTrips() {
    String text =
        "{\"result\": [[\"grp\", null], [[[\"grp-0\", null], null], [[\"grp-1\", null], null]]]}";
    ResultTuple group = CeleryJson.readGroupMeta(text, "redis");
    assertThat(group)
        .isEqualTo(
            ResultTuple.group(
                "grp",
                null,
                List.of(ResultTuple.of("grp-0", null), ResultTuple.of("grp-1", null))));
    assertThat(CeleryJson.writeGroupMeta(group)).isEqualTo(text);
    assertThat(CeleryJson.readGroupMeta(CeleryJson.writeGroupMeta(group), "again"))
        .isEqualTo(group);
  }

  @Test
  void groupMetaWithParentAndNestedGroupRoundTrips() {
    ResultTuple parent = ResultTuple.of("p", null);
    ResultTuple inner = ResultTuple.group("inner", null, List.of(ResultTuple.of("i-0", null)));
    ResultTuple group =
        ResultTuple.group("outer", parent, List.of(inner, ResultTuple.of("o-1", parent)));
    String text = CeleryJson.writeGroupMeta(group);
    assertThat(text)
        .isEqualTo(
            "{\"result\": [[\"outer\", [[\"p\", null], null]], [[[\"inner\", null], [[[\"i-0\","
                + " null], null]]], [[\"o-1\", [[\"p\", null], null]], null]]]}");
    assertThat(CeleryJson.readGroupMeta(text, "x")).isEqualTo(group);
  }

  @Test
  void tuplesRoundTrip() {
    ResultTuple chain = ResultTuple.of("c3", ResultTuple.of("c2", ResultTuple.of("c1", null)));
    String text = CeleryJson.writeTuple(chain);
    assertThat(text).isEqualTo("[[\"c3\", [[\"c2\", [[\"c1\", null], null]], null]], null]");
    assertThat(CeleryJson.readTuple(text)).isEqualTo(chain);
    ResultTuple empty = ResultTuple.group("g", null, List.of());
    assertThat(CeleryJson.writeTuple(empty)).isEqualTo("[[\"g\", null], []]");
    assertThat(CeleryJson.readTuple("[[\"g\", null], []]")).isEqualTo(empty);
  }

  @Test
  void malformedGroupMetaAndTuplesNameTheKey() {
    assertThatThrownBy(() -> CeleryJson.readGroupMeta("{\"results\": []}", "redis key g"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("redis key g")
        .hasMessageContaining("\"result\"");
    assertThatThrownBy(() -> CeleryJson.readGroupMeta("{\"result\": [\"g\"]}", "redis key g"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("redis key g: key \"result\"")
        .hasMessageContaining("expected 2 elements");
    assertThatThrownBy(() -> CeleryJson.readTuple("[[1.5, null]"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("malformed JSON");
  }

  // ---------------------------------------------------------------- dates

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-11-24T10:00:00.123456Z, 2026-11-24T10:00:00.123456",
    "2026-11-24T10:00:00.123456789Z, 2026-11-24T10:00:00.123456",
    "2026-11-24T10:00:00.5Z, 2026-11-24T10:00:00.500000",
    "2026-11-24T10:00:00.000001Z, 2026-11-24T10:00:00.000001",
    "2026-11-24T10:00:00Z, 2026-11-24T10:00:00",
    "2026-11-24T10:00:00.000000999Z, 2026-11-24T10:00:00",
    "1999-01-02T03:04:05.060708Z, 1999-01-02T03:04:05.060708"
  })
  void dateDoneIsPythonsIsoformatOfUtcWithMicroseconds(Instant instant, String text) {
    assertThat(CeleryJson.formatDateDone(instant)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-11-24T10:00:00.123456, 2026-11-24T10:00:00.123456Z",
    "2026-11-24T10:00:00.123456Z, 2026-11-24T10:00:00.123456Z",
    "2026-11-24T10:00:00.123456+00:00, 2026-11-24T10:00:00.123456Z",
    "2026-11-24T12:00:00.123456+02:00, 2026-11-24T10:00:00.123456Z",
    "2026-11-24T10:00:00, 2026-11-24T10:00:00Z",
    "2026-11-24T10:00:00+00:00, 2026-11-24T10:00:00Z",
    "2026-11-24T10:00:00.5, 2026-11-24T10:00:00.5Z"
  })
  void dateDoneIsReadNaiveAsUtcOrWithAnOffset(String text, Instant instant) {
    assertThat(CeleryJson.parseDateDone(text)).isEqualTo(instant);
  }

  @Test
  void aMetaWithAZeroFractionDateIsWrittenWithoutFractionAndReadBack() {
    TaskMeta meta =
        TaskMeta.builder("d", TaskState.SUCCESS)
            .dateDone(Instant.parse("2026-11-24T10:00:00Z"))
            .build();
    String text = CeleryJson.writeTaskMeta(meta);
    assertThat(text).contains("\"date_done\": \"2026-11-24T10:00:00\"");
    assertThat(CeleryJson.readTaskMeta(text)).isEqualTo(meta);
  }

  @Test
  void celery53DatesWithAnOffsetAreReadAndWrittenNaive() {
    String stored =
        "{\"status\": \"SUCCESS\", \"result\": 1, \"traceback\": null, \"children\": [],"
            + " \"date_done\": \"2026-11-24T10:00:00.123456+00:00\", \"task_id\": \"t\"}";
    TaskMeta meta = CeleryJson.readTaskMeta(stored);
    assertThat(meta.dateDone()).isEqualTo(DATE_INSTANT);
    assertThat(CeleryJson.writeTaskMeta(meta)).contains("\"date_done\": \"" + DATE + "\"");
  }

  // ---------------------------------------------------------------- Python's json.dumps

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.0, 1.0",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "1e16, 1e+16",
    "1e15, 1000000000000000.0",
    "10000000.0, 10000000.0",
    "0.1, 0.1",
    "-2.5, -2.5",
    "123456789.123, 123456789.123",
    "1.5e300, 1.5e+300",
    "-1.5e-300, -1.5e-300",
    "0.30000000000000004, 0.30000000000000004",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "4.9e-324, 5e-324",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    // Java 17's Double.toString prints more digits than needed for these (JDK-4511638)
    "1.373428634809579e18, 1.373428634809579e+18",
    "5.299064834871378e16, 5.299064834871378e+16",
    "-9.334465534579821e17, -9.334465534579821e+17",
    "2.82879384806159e17, 2.82879384806159e+17",
    "2.3851136372966235e25, 2.3851136372966235e+25",
    "2.4798487398601095e25, 2.4798487398601095e+25"
  })
  void floatsAreWrittenAsPythonsRepr(double value, String python) {
    assertThat(CeleryJson.dumps(value)).isEqualTo(python);
    assertThat(Double.parseDouble(python.replace("e+", "e"))).isEqualTo(value);
  }

  @Test
  void specialFloatsAreWrittenAsPythonDoes() {
    assertThat(CeleryJson.dumps(0.0)).isEqualTo("0.0");
    assertThat(CeleryJson.dumps(-0.0)).isEqualTo("-0.0");
    assertThat(CeleryJson.dumps(Double.NaN)).isEqualTo("NaN");
    assertThat(CeleryJson.dumps(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(CeleryJson.dumps(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(CeleryJson.dumps(0.1f)).isEqualTo("0.10000000149011612");
  }

  @Test
  void integersAreWrittenInFull() {
    assertThat(CeleryJson.dumps(42)).isEqualTo("42");
    assertThat(CeleryJson.dumps(-7L)).isEqualTo("-7");
    assertThat(CeleryJson.dumps(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
    assertThat(CeleryJson.roundTrip(List.of(1, 1L << 40, new BigInteger("99999999999999999999"))))
        .isEqualTo(List.of(1, 1L << 40, new BigInteger("99999999999999999999")));
  }

  @Test
  void textIsEscapedAsAsciiLikeJsonDumps() {
    assertThat(CeleryJson.dumps("café")).isEqualTo("\"caf\\u00e9\"");
    assertThat(CeleryJson.dumps("☃ \uD83D\uDE00")).isEqualTo("\"\\u2603 \\ud83d\\ude00\"");
    assertThat(CeleryJson.dumps("a\"b\\c/d\n\r\t\b\f\u0001\u007f"))
        .isEqualTo("\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u007f\"");
    assertThat(CeleryJson.roundTrip("café ☃ \uD83D\uDE00 \"q\""))
        .isEqualTo("café ☃ \uD83D\uDE00 \"q\"");
  }

  @Test
  void separatorsAreCommaSpaceAndColonSpace() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", List.of(1, 2));
    map.put("a", Map.of());
    map.put("c", List.of());
    map.put("d", null);
    map.put("e", true);
    assertThat(CeleryJson.dumps(map))
        .isEqualTo("{\"b\": [1, 2], \"a\": {}, \"c\": [], \"d\": null, \"e\": true}");
  }

  // ---------------------------------------------------------------- encodeValue

  @Test
  void mapKeysBecomeStringsAsInPython() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1, "int");
    map.put(2L, "long");
    map.put(1.5, "float");
    map.put(0.00001, "small float");
    map.put(true, "bool");
    map.put(null, "none");
    map.put('c', "char");
    assertThat(CeleryJson.dumps(map))
        .isEqualTo(
            "{\"1\": \"int\", \"2\": \"long\", \"1.5\": \"float\", \"1e-05\": \"small float\","
                + " \"true\": \"bool\", \"null\": \"none\", \"c\": \"char\"}");
    assertThat(CeleryJson.roundTrip(Map.of(7, List.of(1)))).isEqualTo(Map.of("7", List.of(1)));
  }

  @Test
  void mapKeysThatPythonRefusesFail() {
    assertThatThrownBy(() -> CeleryJson.encodeValue(Map.of(List.of(1), "x")))
        .isInstanceOf(EncodeException.class)
        .hasMessageContaining("keys must be str, int, float, bool or None");
  }

  @Test
  void arraysAndCollectionsBecomeLists() {
    assertThat(CeleryJson.encodeValue(new Object[] {1, "a", null}))
        .isEqualTo(Arrays.asList(1, "a", null));
    assertThat(CeleryJson.encodeValue(new int[] {1, 2, 3})).isEqualTo(List.of(1, 2, 3));
    assertThat(CeleryJson.encodeValue(new double[] {0.5})).isEqualTo(List.of(0.5));
    assertThat(CeleryJson.encodeValue(new String[][] {{"a"}, {"b", "c"}}))
        .isEqualTo(List.of(List.of("a"), List.of("b", "c")));
    assertThat(CeleryJson.encodeValue(new LinkedHashSet<>(List.of(3, 1, 2))))
        .isEqualTo(List.of(3, 1, 2));
    assertThat(CeleryJson.dumps(new ArrayList<>(List.of(List.of(), Map.of("k", new int[] {1})))))
        .isEqualTo("[[], {\"k\": [1]}]");
  }

  @Test
  void bytesAreNotJsonSerializable() {
    assertThatThrownBy(() -> CeleryJson.encodeValue(new byte[] {1}))
        .isInstanceOf(EncodeException.class)
        .hasMessage("Object of type byte[] is not JSON serializable");
  }

  @Test
  void resultsBecomeTheirTupleLists() {
    try (InMemoryCelery app = InMemoryCelery.create()) {
      AsyncResult<Object> c1 = app.asyncResult("c1");
      AsyncResult<Object> c2 = new AsyncResult<>("c2", app, c1);
      assertThat(CeleryJson.encodeValue(c2))
          .isEqualTo(c2.asTuple().toList())
          .hasToString("[[c2, [[c1, null], null]], null]");
      assertThat(CeleryJson.dumps(c2)).isEqualTo("[[\"c2\", [[\"c1\", null], null]], null]");
      GroupResult group =
          new GroupResult("g", List.of(app.asyncResult("g-0"), app.asyncResult("g-1")), app);
      assertThat(CeleryJson.dumps(group))
          .isEqualTo("[[\"g\", null], [[[\"g-0\", null], null], [[\"g-1\", null], null]]]");
      assertThat(CeleryJson.dumps(Map.of("r", ResultTuple.of("x", null))))
          .isEqualTo("{\"r\": [[\"x\", null], null]}");
      TaskMeta meta = TaskMeta.success("a", group);
      assertThat(CeleryJson.readTaskMeta(CeleryJson.writeTaskMeta(meta)).result())
          .isEqualTo(group.asTuple().toList());
    }
  }

  @Test
  void recordsAndPlainObjectsAreNotJsonSerializable() {
    assertThatThrownBy(() -> CeleryJson.encodeValue(new Invoice("i-1", 10)))
        .isInstanceOf(EncodeException.class)
        .hasMessage("Object of type Invoice is not JSON serializable");
    assertThatThrownBy(() -> CeleryJson.encodeValue(Map.of("nested", List.of(new Pojo()))))
        .isInstanceOf(EncodeException.class)
        .hasMessage("Object of type Pojo is not JSON serializable");
    assertThatThrownBy(() -> CeleryJson.encodeValue(Optional.of(1)))
        .isInstanceOf(EncodeException.class)
        .hasMessage("Object of type Optional is not JSON serializable");
    assertThatThrownBy(() -> CeleryJson.writeTaskMeta(TaskMeta.success("t", new Pojo())))
        .isInstanceOf(EncodeException.class)
        .hasMessage("Object of type Pojo is not JSON serializable");
  }

  @Test
  void roundTripShowsWhatAStoredValueLooksLike() {
    Map<Integer, Object> value = new HashMap<>();
    value.put(1, new Object[] {"a", 2.0f});
    assertThat(CeleryJson.roundTrip(value)).isEqualTo(Map.of("1", List.of("a", 2.0)));
    assertThat(CeleryJson.roundTrip(null)).isNull();
    assertThat(CeleryJson.roundTrip('x')).isEqualTo("x");
  }

  // ---------------------------------------------------------------- reading errors

  @Nested
  class ReadingErrors {

    @Test
    void malformedJsonNamesLineAndColumn() {
      assertThatThrownBy(
              () -> CeleryJson.readTaskMeta("{\"status\": \"SUCCESS\",\n  oops}", "key k"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("key k: malformed JSON at line 2, column ");
    }

    @Test
    void notAnObject() {
      assertThatThrownBy(() -> CeleryJson.readTaskMeta("[1]"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("expected a JSON object");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "missing status | {\"result\": 1, \"task_id\": \"t\"} | \"status\"",
          "status not a string | {\"status\": 3, \"task_id\": \"t\"} | \"status\"",
          "blank status | {\"status\": \" \", \"task_id\": \"t\"} | \"status\"",
          "missing task_id | {\"status\": \"SUCCESS\"} | \"task_id\"",
          "task_id not a string | {\"status\": \"SUCCESS\", \"task_id\": 5} | \"task_id\"",
          "children not a list | {\"status\": \"SUCCESS\", \"children\": {}, \"task_id\": \"t\"} |"
              + " \"children\"",
          "a malformed child | {\"status\": \"SUCCESS\", \"children\": [[\"c\"]], \"task_id\":"
              + " \"t\"} | \"children\"[0]",
          "date_done not a date | {\"status\": \"SUCCESS\", \"date_done\": \"yesterday\","
              + " \"task_id\": \"t\"} | \"date_done\"",
          "date_done not a string | {\"status\": \"SUCCESS\", \"date_done\": 17, \"task_id\":"
              + " \"t\"} | \"date_done\"",
          "traceback not a string | {\"status\": \"FAILURE\", \"traceback\": [], \"task_id\":"
              + " \"t\"} | \"traceback\"",
          "args not a list | {\"status\": \"SUCCESS\", \"name\": \"n\", \"args\": 1, \"task_id\":"
              + " \"t\"} | \"args\"",
          "kwargs not an object | {\"status\": \"SUCCESS\", \"name\": \"n\", \"kwargs\": [],"
              + " \"task_id\": \"t\"} | \"kwargs\"",
          "retries not a whole number | {\"status\": \"SUCCESS\", \"name\": \"n\", \"retries\":"
              + " 1.5, \"task_id\": \"t\"} | \"retries\"",
          "exc_type missing | {\"status\": \"FAILURE\", \"result\": {\"exc_type\": null},"
              + " \"task_id\": \"t\"} | \"exc_type\"",
          "group_id not a string | {\"status\": \"SUCCESS\", \"group_id\": 1, \"task_id\": \"t\"} |"
              + " \"group_id\""
        })
    void aBadValueNamesTheSourceAndTheKey(String what, String json, String key) {
      assertThatThrownBy(() -> CeleryJson.readTaskMeta(json, "redis celery-task-meta-t"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("redis celery-task-meta-t: ")
          .hasMessageContaining(key);
    }

    @Test
    void aMissingTaskIdIsTakenFromTheKeyWhenGiven() {
      TaskMeta meta =
          CeleryJson.fromJsonMap(Map.of("status", "SUCCESS", "result", 1), "from-key", "fixture");
      assertThat(meta.taskId()).isEqualTo("from-key");
    }

    @Test
    void aFailureWithoutExceptionDictKeepsItsRawResult() {
      TaskMeta meta =
          CeleryJson.readTaskMeta(
              "{\"status\": \"FAILURE\", \"result\": null, \"traceback\": null, \"children\": [],"
                  + " \"date_done\": \""
                  + DATE
                  + "\", \"task_id\": \"t\"}");
      assertThat(meta.result()).isNull();
      TaskMeta progress =
          CeleryJson.readTaskMeta(
              "{\"status\": \"PROGRESS\", \"result\": {\"exc_type\": \"not an exception\"},"
                  + " \"task_id\": \"t\"}");
      assertThat(progress.result()).isEqualTo(Map.of("exc_type", "not an exception"));
    }
  }

  // ---------------------------------------------------------------- helpers

  record Invoice(String id, int cents) {}

  static final class Pojo {}

  static final class ReportFailed extends RuntimeException {
    ReportFailed(String message) {
      super(message);
    }
  }

  private static Map<String, Object> exc(String type, List<Object> args, String module) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exc_type", type);
    out.put("exc_message", args);
    out.put("exc_module", module);
    return out;
  }

  /** Same fields; exceptions compared by class, message and Python fields. */
  static void assertSameMeta(TaskMeta actual, TaskMeta expected) {
    assertThat(actual.taskId()).isEqualTo(expected.taskId());
    assertThat(actual.state()).isEqualTo(expected.state());
    assertThat(actual.traceback()).isEqualTo(expected.traceback());
    assertThat(actual.children()).isEqualTo(expected.children());
    assertThat(actual.dateDone()).isEqualTo(expected.dateDone());
    assertThat(actual.groupId()).isEqualTo(expected.groupId());
    assertThat(actual.parentId()).isEqualTo(expected.parentId());
    assertThat(actual.name()).isEqualTo(expected.name());
    assertThat(actual.args()).isEqualTo(expected.args());
    assertThat(actual.kwargs()).isEqualTo(expected.kwargs());
    assertThat(actual.worker()).isEqualTo(expected.worker());
    assertThat(actual.retries()).isEqualTo(expected.retries());
    assertThat(actual.queue()).isEqualTo(expected.queue());
    if (expected.result() instanceof Throwable e) {
      assertThat(actual.result()).isExactlyInstanceOf(e.getClass());
      assertThat(((Throwable) actual.result()).getMessage()).isEqualTo(e.getMessage());
      if (e instanceof RemoteTaskException remote) {
        RemoteTaskException other = (RemoteTaskException) actual.result();
        assertThat(other.excType()).isEqualTo(remote.excType());
        assertThat(other.excModule()).isEqualTo(remote.excModule());
        assertThat(other.excMessage()).isEqualTo(remote.excMessage());
        assertThat(other.traceback()).isEqualTo(remote.traceback());
      }
    } else {
      assertThat(actual.result()).isEqualTo(expected.result());
      assertThat(actual).isEqualTo(expected);
    }
  }
}
