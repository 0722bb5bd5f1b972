package io.celerykit.wire;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.app.WorkerMode;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Values Celery's JSON serializer cannot store fail as Celery fails them, with Python's words
 * (kombu's {@code dumps} wraps what {@code json.dumps} raises in {@code EncodeError}; {@code
 * kombu/serialization.py}, {@code _reraise_errors}), and never overflow the stack; values it can
 * store, NaN and infinities included, read back.
 */
class UnstorableValuesTest {

  /** A list that holds itself: {@code a = [1]; a.append(a)}. */
  private static List<Object> cyclicList() {
    List<Object> list = new ArrayList<>();
    list.add(1);
    list.add(list);
    return list;
  }

  /** A map that holds itself: {@code d = {}; d["self"] = d}. */
  private static Map<String, Object> cyclicMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", "loop");
    map.put("self", map);
    return map;
  }

  /** {@code depth} lists, each the only element of the one outside it. */
  static List<Object> nested(int depth) {
    List<Object> outer = new ArrayList<>();
    List<Object> current = outer;
    for (int i = 1; i < depth; i++) {
      List<Object> inner = new ArrayList<>();
      current.add(inner);
      current = inner;
    }
    return outer;
  }

  @Nested
  class Encoding {

    @Test
    void aListOrMapThatHoldsItselfIsACircularReference() {
      // Python's json.dumps: ValueError("Circular reference detected") (json/encoder.py).
      for (Object value :
          List.of(cyclicList(), cyclicMap(), List.of(cyclicMap()), Map.of("k", cyclicList()))) {
        assertThatThrownBy(() -> CeleryJson.roundTrip(value))
            .isInstanceOf(EncodeException.class)
            .hasMessage("Circular reference detected");
      }
      Object[] array = new Object[1];
      array[0] = array;
      assertThatThrownBy(() -> CeleryJson.encodeValue(array))
          .isInstanceOf(EncodeException.class)
          .hasMessage("Circular reference detected");
    }

    @Test
    void theSameListTwiceIsNoCircle() {
      // Python's markers hold only the containers being encoded, not every one seen.
      List<Object> shared = List.of(1, 2);
      assertThat(CeleryJson.dumps(List.of(shared, shared, Map.of("again", shared))))
          .isEqualTo("[[1, 2], [1, 2], {\"again\": [1, 2]}]");
    }

    @Test
    void nestingDeeperThanPythonsRecursionLimitFailsAsPythonDoes() {
      // Python's json.dumps: RecursionError("maximum recursion depth exceeded while encoding a
      // JSON object"), a little before sys.getrecursionlimit() == 1000 levels.
      assertThat(CeleryJson.roundTrip(nested(1000))).isEqualTo(nested(1000));
      for (int depth : List.of(1001, 100_000)) {
        assertThatThrownBy(() -> CeleryJson.roundTrip(nested(depth)))
            .isInstanceOf(EncodeException.class)
            .hasMessageStartingWith(
                "maximum recursion depth exceeded while encoding a JSON object");
      }
      assertThatThrownBy(() -> CeleryJson.encodeValue(Map.of("deep", nested(1000))))
          .isInstanceOf(EncodeException.class);
    }

    @Test
    void aResultTupleNestedTooDeepFailsAlike() {
      ResultTuple chain = null;
      for (int i = 0; i < 600; i++) {
        chain = ResultTuple.of("c" + i, chain);
      }
      ResultTuple tooDeep = chain;
      assertThatThrownBy(() -> CeleryJson.encodeValue(tooDeep))
          .isInstanceOf(EncodeException.class)
          .hasMessageStartingWith("maximum recursion depth exceeded");
    }

    @Test
    void nanAndInfinitiesInListsAndMapsReadBack() {
      // Python's json writes NaN, Infinity and -Infinity (allow_nan=True) and reads them back.
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("nan", Double.NaN);
      value.put("values", Arrays.asList(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5f));
      assertThat(CeleryJson.dumps(value))
          .isEqualTo("{\"nan\": NaN, \"values\": [Infinity, -Infinity, 1.5]}");
      Object back = CeleryJson.roundTrip(value);
      assertThat(back)
          .isEqualTo(
              Map.of(
                  "nan",
                  Double.NaN,
                  "values",
                  List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5)));
      TaskMeta meta = TaskMeta.success("t", value);
      assertThat(CeleryJson.readTaskMeta(CeleryJson.writeTaskMeta(meta)).result()).isEqualTo(back);
    }

    @Test
    void aFloatBeyondADoubleReadsAsInfinityAndIsWrittenAsPythonWritesIt() {
      // Python: json.loads("1e400") == float("inf"); json.dumps(float("inf")) == "Infinity".
      Object read = CeleryJson.parse("[1e400, -1e400, 1e-400]", "text");
      assertThat(read).isEqualTo(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0));
      String written = CeleryJson.dumps(read);
      assertThat(written).isEqualTo("[Infinity, -Infinity, 0.0]");
      assertThat(CeleryJson.parse(written, "again")).isEqualTo(read);
    }

    @Test
    void aWholeNumberOfMoreThan4300DigitsIsRefusedAsPython311Does() {
      // CPython 3.11: int -> str is limited to sys.get_int_max_str_digits() == 4300 digits.
      BigInteger longest = BigInteger.TEN.pow(4300).subtract(BigInteger.ONE);
      assertThat(CeleryJson.roundTrip(longest)).isEqualTo(longest);
      assertThat(CeleryJson.roundTrip(longest.negate())).isEqualTo(longest.negate());
      for (BigInteger tooLong : List.of(BigInteger.TEN.pow(4300), BigInteger.TEN.pow(100_000))) {
        assertThatThrownBy(() -> CeleryJson.encodeValue(List.of(tooLong)))
            .isInstanceOf(EncodeException.class)
            .hasMessageStartingWith(
                "Exceeds the limit (4300 digits) for integer string conversion");
      }
    }
  }

  @Nested
  class Arguments {

    @Test
    void argumentsJsonCannotHoldAreRefusedNamingTheArgument() {
      // celery/app/task.py apply_async -> kombu dumps the message body: EncodeError.
      assertThatThrownBy(() -> CeleryJson.requireEncodable(List.of(1, new Object()), Map.of()))
          .isInstanceOf(EncodeException.class)
          .hasMessageStartingWith("Object of type Object is not JSON serializable (args[1] of");
      assertThatThrownBy(
              () -> CeleryJson.requireEncodable(List.of(), Map.of("items", cyclicList())))
          .isInstanceOf(EncodeException.class)
          .hasMessageStartingWith("Circular reference detected (kwargs[\"items\"] of")
          .hasMessageContaining("EncodeError");
    }

    @Test
    void argumentsJsonCanHoldPass() {
      CeleryJson.requireEncodable(
          List.of(1, "a", List.of(2.5, Double.NaN), Map.of("k", true)), Map.of("n", nested(10)));
      CeleryJson.requireEncodable(List.of(), Map.of());
    }
  }

  @Nested
  class TaskResults {

    private final Map<String, Object> unstorable =
        Map.of("cyclic list", cyclicList(), "cyclic map", cyclicMap(), "deep", nested(100_000));

    @Test
    void aTaskReturningWhatJsonCannotHoldFailsWithEncodeException() {
      // celery/app/trace.py build_tracer: an EncodeError from storing the return value makes the
      // task fail (on_error), so the result is FAILURE with the EncodeError.
      try (InMemoryCelery app = InMemoryCelery.create()) {
        for (Map.Entry<String, Object> value : unstorable.entrySet()) {
          Task<Object> task =
              app.task("tasks." + value.getKey().replace(' ', '_'), value::getValue);
          AsyncResult<Object> r = task.delay();
          // Stored under JSON, the failure reads back as the remote form of EncodeException.
          assertThatThrownBy(r::get).as(value.getKey()).is(raisedAs(EncodeException.class));
          assertThat(r.state()).as(value.getKey()).isEqualTo(TaskState.FAILURE);
          assertThat(r.traceback()).contains("EncodeException");
        }
      }
    }

    @Test
    void aTaskReturningWhatJsonCannotHoldFailsInThreadedModeToo() {
      try (InMemoryCelery app =
          InMemoryCelery.create(CeleryConfig.defaults().workerMode(WorkerMode.THREADED))) {
        for (Map.Entry<String, Object> value : unstorable.entrySet()) {
          Task<Object> task =
              app.task("tasks." + value.getKey().replace(' ', '_'), value::getValue);
          AsyncResult<Object> r = task.delay();
          assertThatThrownBy(() -> r.get(Duration.ofSeconds(30)))
              .as(value.getKey())
              .is(raisedAs(EncodeException.class));
          assertThat(r.state()).isEqualTo(TaskState.FAILURE);
        }
      }
    }
  }
}
