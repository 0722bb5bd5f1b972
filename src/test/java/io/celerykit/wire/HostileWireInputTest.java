package io.celerykit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a reader of Celery's stored JSON meets in the wild: deep nesting, long numbers and strings,
 * out-of-range values, half-valid fixtures, bytes that are not UTF-8. Every such input is read, or
 * refused with a {@link WireFormatException} that names the source and the key; none gets a
 * NullPointerException, ClassCastException, StackOverflowError or a silent substitution.
 */
class HostileWireInputTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  @AfterEach
  void close() {
    app.close();
  }

  private static String meta(String fields) {
    return "{\"status\": \"SUCCESS\", \"result\": 1, " + fields + "\"task_id\": \"t\"}";
  }

  /** The JSON of a chain's tuple {@code depth} results long, built without recursion. */
  private static ResultTuple chain(int depth) {
    ResultTuple tuple = null;
    for (int i = 0; i < depth; i++) {
      tuple = ResultTuple.of("c" + i, tuple);
    }
    return tuple;
  }

  @Nested
  class Limits {

    @Test
    void nestingBeyondJacksonsDefaultOf1000Reads() {
      int depth = 100_000;
      Object parsed = CeleryJson.parse("[".repeat(depth) + "]".repeat(depth), "deep");
      int levels = 0;
      for (Object o = parsed; o instanceof List<?> list; o = list.isEmpty() ? null : list.get(0)) {
        levels++;
      }
      assertThat(levels).isEqualTo(depth);
    }

    @Test
    void aChainTupleFarDeeperThan500ResultsReadsAndWritesBack() {
      // The README promises chains of a million; Celery itself stops near 992 (RecursionError).
      ResultTuple deep = chain(200_000);
      String text =
          assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CeleryJson.writeTuple(deep));
      ResultTuple back =
          assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CeleryJson.readTuple(text));
      assertThat(back).isEqualTo(deep);
      assertThat(CeleryJson.writeTuple(back)).isEqualTo(text);

      ResultTuple group =
          ResultTuple.group(
              "g", deep, List.of(ResultTuple.of("m", null), ResultTuple.of("n", null)));
      String groupMeta = CeleryJson.writeGroupMeta(group);
      assertThat(CeleryJson.readGroupMeta(groupMeta, "redis key g")).isEqualTo(group);
      TaskMeta withDeepChild =
          TaskMeta.builder("t", TaskState.SUCCESS).children(List.of(deep)).build();
      assertThat(CeleryJson.readTaskMeta(CeleryJson.writeTaskMeta(withDeepChild)).children())
          .containsExactly(deep);
    }

    @Test
    void aDeeplyNestedTupleThatIsNoTupleIsRefusedWithoutOverflowingTheStack() {
      String deep = "[".repeat(100_000) + "]".repeat(100_000);
      assertThatThrownBy(() -> CeleryJson.readTuple(deep))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("result tuple: malformed result tuple")
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
      assertThatThrownBy(
              () -> CeleryJson.readGroupMeta("{\"result\": " + deep + "}", "redis key g"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("redis key g: key \"result\"");
      assertThatThrownBy(
              () ->
                  CeleryJson.readTaskMeta(
                      "{\"status\": \"SUCCESS\", \"children\": [" + deep + "], \"task_id\": \"t\"}",
                      "redis key t"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("redis key t: key \"children\"[0]");
      assertThatThrownBy(() -> CeleryJson.readTuple("[[\"x\", " + deep + "], null]"))
          .isInstanceOf(WireFormatException.class);
    }

    @Test
    void aLongWholeNumberReadsUpToPythonsLimitAndIsRefusedNamingTheKeyBeyond() {
      // Jackson's default stops at 1000 digits; CPython 3.11's int() at 4300 (ValueError).
      String digits = "7".repeat(4300);
      assertThat(CeleryJson.readTaskMeta(meta("").replace("1,", digits + ",")).result().toString())
          .isEqualTo(digits);
      assertThatThrownBy(
              () ->
                  CeleryJson.readTaskMeta(
                      "{\"status\": \"SUCCESS\", \"result\": [0, " + "9".repeat(4301) + "]}",
                      "redis key k"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("redis key k: malformed JSON at line 1, column ")
          .hasMessageContaining("(in key \"result\"[1])")
          .hasMessageContaining("Exceeds the limit (4300 digits) for integer string conversion");
    }

    @Test
    void aLongFloatAndALongStringRead() {
      String longFloat = "0." + "3".repeat(5000);
      assertThat(CeleryJson.parse("[" + longFloat + "]", "f")).isEqualTo(List.of(1.0 / 3));
      // Jackson's default limit is 20,000,000 characters; Python has none.
      String huge = "x".repeat(21_000_000);
      TaskMeta meta = CeleryJson.readTaskMeta(meta("\"traceback\": \"" + huge + "\", "));
      assertThat(meta.traceback()).hasSize(huge.length());
      assertThat(CeleryJson.parse("{\"" + "k".repeat(60_000) + "\": 1}", "long key"))
          .isEqualTo(java.util.Map.of("k".repeat(60_000), 1));
    }

    @Test
    void aValueNestedDeeperThanJsonCanStoreIsRefusedNamingTheKey() {
      String deep = "[".repeat(1001) + "]".repeat(1001);
      assertThatThrownBy(
              () -> CeleryJson.readTaskMeta(meta("").replace("1,", deep + ","), "redis key d"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith(
              "redis key d: key \"result\" nests lists and maps deeper than 1000");
      String fine = "[".repeat(1000) + "]".repeat(1000);
      assertThat(CeleryJson.readTaskMeta(meta("").replace("1,", fine + ",")).result())
          .isEqualTo(UnstorableValuesTest.nested(1000));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          " ",
          "[",
          "{\"a\": }",
          "{} {}",
          "{} x",
          "[INF]",
          "[+Infinity]",
          "[nan]",
          "[-NaN]",
          "[1,]",
          "{\"a\" 1}",
          "\"\\x\"",
          "[01]",
          "\"\u0001\""
        })
    void textPythonsJsonRefusesIsAWireFormatExceptionWithItsPlace(String text) {
      assertThatThrownBy(() -> CeleryJson.parse(text, "src"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("src: malformed JSON at line 1, column ");
    }

    @Test
    void anErrorDeepInsideNamesTheWayToItShortly() {
      String text = "{\"result\": " + "[".repeat(5000) + "x";
      assertThatThrownBy(() -> CeleryJson.parse(text, "src"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("(in key \"result\"[0][0]")
          .hasMessageContaining("...(4985 levels)...")
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
    }

    @Test
    void aNineteenMillionLetterStateIsCheckedInBoundedTime() {
      String state = "SUCESS" + "S".repeat(19_000_000);
      TaskMeta meta =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () -> CeleryJson.readTaskMeta("{\"status\": \"" + state + "\", \"task_id\": \"t\"}"));
      assertThat(meta.state().name()).hasSize(state.length());
      assertThatThrownBy(
              () -> CeleryJson.readTaskMeta("{\"status\": \"" + "s".repeat(19_000_000) + "\"}"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("unknown state")
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
    }
  }

  @Nested
  class Values {

    @Test
    void negativeRetriesAreRefusedNamingTheFileAndKey(@TempDir Path dir) throws IOException {
      // Celery counts request.retries from 0 (celery/app/task.py, Context.retries).
      Path file = dir.resolve("retries.json");
      Files.writeString(
          file,
          "{\"celery-task-meta-t\": {\"status\": \"SUCCESS\", \"name\": \"n\", \"retries\": -1,"
              + " \"task_id\": \"t\"}}");
      assertThatThrownBy(() -> CeleryFixtures.load(app.backend(), file))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith(file + ": key \"celery-task-meta-t\": key \"retries\"")
          .hasMessageContaining("got -1");
      for (String retries : List.of("2147483648", "1.0", "\"1\"", "true")) {
        assertThatThrownBy(() -> CeleryJson.readTaskMeta(meta("\"retries\": " + retries + ", ")))
            .isInstanceOf(WireFormatException.class)
            .hasMessageContaining("key \"retries\"");
      }
      assertThat(CeleryJson.readTaskMeta(meta("\"retries\": 0, ")).retries()).isZero();
    }

    @Test
    void anExceptionsModuleMustBeAString() {
      assertThatThrownBy(
              () ->
                  CeleryJson.readTaskMeta(
                      "{\"status\": \"FAILURE\", \"result\": {\"exc_type\": \"E\", \"exc_module\":"
                          + " [1]}, \"task_id\": \"t\"}"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("\"exc_module\"");
    }

    @Test
    void datesAtTheEdgesOfPythonsDatetimeRoundTrip() {
      // Python's datetime holds years 1 to 9999 (datetime.MINYEAR, datetime.MAXYEAR).
      for (String text :
          List.of(
              "0001-01-01T00:00:00",
              "0999-12-31T23:59:59.000001",
              "2026-11-24T10:00:00.123456",
              "9999-12-31T23:59:59.999999")) {
        Instant instant = CeleryJson.parseDateDone(text);
        assertThat(CeleryJson.formatDateDone(instant)).isEqualTo(text);
        TaskMeta meta = TaskMeta.builder("t", TaskState.SUCCESS).dateDone(instant).build();
        assertThat(CeleryJson.readTaskMeta(CeleryJson.writeTaskMeta(meta)).dateDone())
            .isEqualTo(instant);
      }
    }

    @Test
    void datesOutsidePythonsDatetimeAreRefusedBothWays() {
      for (String text :
          List.of(
              "0000-01-01T00:00:00",
              "-0001-01-01T00:00:00",
              "+10000-01-01T00:00:00",
              "9999-12-31T23:00:00-05:00",
              "0001-01-01T00:30:00+01:00",
              "2026-11-24T10:00:00" + " ".repeat(100))) {
        assertThatThrownBy(
                () ->
                    CeleryJson.readTaskMeta(
                        meta("\"date_done\": \"" + text + "\", "), "redis key t"))
            .as(text)
            .isInstanceOf(WireFormatException.class)
            .hasMessageStartingWith("redis key t: key \"date_done\"");
      }
      for (Instant instant :
          List.of(
              Instant.parse("0000-12-31T23:59:59Z"),
              Instant.parse("+10000-01-01T00:00:00Z"),
              Instant.MIN,
              Instant.MAX)) {
        assertThatThrownBy(() -> CeleryJson.formatDateDone(instant))
            .isInstanceOf(EncodeException.class)
            .hasMessageContaining("1 to 9999");
      }
    }

    @Test
    void yearsBeforeTheCommonEraAreNotWrittenAsYearsOfTheEra() {
      // "yyyy" (year of era) wrote year 0 as 0001; "uuuu" writes the proleptic year.
      assertThat(CeleryJson.formatDateDone(Instant.parse("0001-06-01T00:00:00Z")))
          .isEqualTo("0001-06-01T00:00:00");
      assertThatThrownBy(() -> CeleryJson.formatDateDone(Instant.parse("0000-06-01T00:00:00Z")))
          .isInstanceOf(EncodeException.class);
    }
  }

  @Nested
  class Groups {

    @Test
    void aTaskTupleStoredAsAGroupMetaIsRefusedAtLoad() {
      String fixture = "{\"celery-taskset-meta-g\": {\"result\": [[\"t\", null], null]}}";
      assertThatThrownBy(() -> CeleryFixtures.parse(fixture, "f.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("f.json: key \"celery-taskset-meta-g\"")
          .hasMessageContaining("the tuple of task t");
      assertThatThrownBy(
              () -> CeleryJson.readGroupMeta("{\"result\": [[\"t\", null], null]}", "redis key g"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("redis key g: key \"result\"");
      assertThatThrownBy(
              () ->
                  new CeleryFixtures.Fixture(
                      "made.json", List.of(), java.util.Map.of("g", ResultTuple.of("t", null))))
          .isInstanceOf(WireFormatException.class);
    }

    @Test
    void restoringATaskTupleSavedAsAGroupSaysSoInsteadOfAClassCastException() {
      // celery/result.py GroupResult.restore returns whatever result_from_tuple gives back.
      app.backend().saveGroup("g", ResultTuple.of("t", null));
      assertThatThrownBy(() -> GroupResult.restore("g", app))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("task t")
          .hasMessageContaining("group id g");
    }
  }

  @Nested
  class Fixtures {

    @Test
    void aKeyWithABlankIdIsRefused() {
      for (String key : List.of("celery-taskset-meta-", "celery-taskset-meta-  ")) {
        assertThatThrownBy(
                () ->
                    CeleryFixtures.parse(
                        "{\"" + key + "\": {\"result\": [[\"g\", null], []]}}", "f.json"))
            .isInstanceOf(WireFormatException.class)
            .hasMessageContaining("names no group id");
      }
      assertThatThrownBy(
              () ->
                  CeleryFixtures.parse(
                      "{\"celery-task-meta-\": {\"status\": \"SUCCESS\"}}", "f.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("names no task id");
    }

    @Test
    void aFixtureThatFailsHalfwayLoadsNothing(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("half.json");
      Files.writeString(
          file,
          "{\"celery-task-meta-a\": {\"status\": \"SUCCESS\", \"result\": 1, \"task_id\": \"a\"},"
              + " \"celery-taskset-meta-g\": {\"result\": [[\"g\", null], [[[\"a\", null], null]]]},"
              + " \"celery-taskset-meta-\": {\"result\": [[\"h\", null], []]}}");
      assertThatThrownBy(() -> CeleryFixtures.load(app.backend(), file))
          .isInstanceOf(WireFormatException.class);
      assertThat(app.backend().size()).isZero();
      assertThat(app.backend().restoreGroup("g")).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheByteOffset(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("latin1.json");
      byte[] prefix = "{\"celery-task-meta-caf".getBytes(StandardCharsets.UTF_8);
      byte[] bytes = new byte[prefix.length + 1];
      System.arraycopy(prefix, 0, bytes, 0, prefix.length);
      bytes[prefix.length] = (byte) 0xE9; // 'é' in Latin-1
      Files.write(file, bytes);
      assertThatThrownBy(() -> CeleryFixtures.load(app.backend(), file))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith(file + ": not UTF-8 at byte offset " + prefix.length)
          .hasMessageContaining("0xE9");
    }

    @Test
    void aResourceThatIsNotUtf8IsRefusedWithTheByteOffsetNotReplaced() {
      // fixtures/broken/not-utf8.json: {"celery-task-meta-t": {"status": "SUCCESS", "result":
      // "caf<0xE9>", ...}} - the byte 0xE9 at offset 59.
      assertThatThrownBy(
              () -> CeleryFixtures.loadResource(app.backend(), "fixtures/broken/not-utf8.json"))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("fixtures/broken/not-utf8.json: not UTF-8 at byte offset 59");
      assertThat(app.backend().size()).isZero();
    }

    @Test
    void validUtf8IncludingFourByteCharactersReads(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("utf8.json");
      Files.writeString(
          file,
          "{\"celery-task-meta-t\": {\"status\": \"SUCCESS\", \"result\": \"caf\u00e9 \ud83d\ude00\","
              + " \"task_id\": \"t\"}}",
          StandardCharsets.UTF_8);
      CeleryFixtures.load(app.backend(), file);
      assertThat(app.backend().getTaskMeta("t").result()).isEqualTo("caf\u00e9 \ud83d\ude00");
    }

    @Test
    void aListOfMetasWithABadOneLoadsNothing() {
      List<String> metas = new ArrayList<>();
      metas.add("{\"status\": \"SUCCESS\", \"task_id\": \"ok\"}");
      metas.add(
          "{\"status\": \"SUCCESS\", \"retries\": -5, \"name\": \"n\", \"task_id\": \"bad\"}");
      assertThatThrownBy(
              () ->
                  CeleryFixtures.parse("[" + String.join(", ", metas) + "]", "list.json")
                      .loadInto(app.backend()))
          .isInstanceOf(WireFormatException.class)
          .hasMessageStartingWith("list.json[1]: key \"retries\"");
      assertThat(app.backend().size()).isZero();
    }
  }
}
