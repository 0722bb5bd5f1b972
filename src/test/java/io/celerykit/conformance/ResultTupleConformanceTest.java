package io.celerykit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskState;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link ResultTuple} and {@code as_tuple}/{@code as_list} against {@code result_from_tuple.json},
 * recorded from Celery 5.2.6. Every recorded observation becomes one dynamic test; an observation
 * without a Java check fails, so new vectors cannot be skipped silently.
 */
class ResultTupleConformanceTest {

  private static final String FILE = "result_from_tuple.json";
  private static final Map<String, JsonNode> OBSERVED = ConformanceVectors.observedByEntry(FILE);

  private final InMemoryCelery app = InMemoryCelery.create();

  // ---------------------------------------------------------------- recorded objects

  /** Builds, in Java, the result an entry's description says Celery built. */
  private Map<String, ResultBase> fixture(String entry) {
    Map<String, ResultBase> named = new LinkedHashMap<>();
    switch (entry) {
      case "async_chain_depth3" -> {
        AsyncResult<Object> c1 = new AsyncResult<>("c1", app);
        AsyncResult<Object> c2 = new AsyncResult<>("c2", app, c1);
        named.put("c3", new AsyncResult<>("c3", app, c2));
        named.put("c1", c1);
      }
      case "group_with_parent" ->
          named.put(
              "original",
              new GroupResult(
                  "g1",
                  List.of(
                      new AsyncResult<>("m1", app),
                      new AsyncResult<>("m2", app, new AsyncResult<>("m2p", app))),
                  new AsyncResult<>("gp", app, new AsyncResult<>("gpp", app)),
                  app));
      case "nested_groups" ->
          named.put(
              "original",
              new GroupResult(
                  "outer",
                  List.of(
                      new GroupResult(
                          "inner",
                          List.of(new AsyncResult<>("i1", app), new AsyncResult<>("i2", app)),
                          app),
                      new AsyncResult<>("o2", app)),
                  app));
      case "async_with_group_parent" ->
          named.put(
              "original",
              new AsyncResult<>(
                  "after",
                  app,
                  new GroupResult("gpar", List.of(new AsyncResult<>("x1", app)), app)));
      case "eager_result_tuple" ->
          named.put("original", new EagerResult<>("e1", 5, TaskState.SUCCESS, null, null, app));
      default -> fail("no Java fixture for entry " + entry);
    }
    return named;
  }

  private static ResultTuple tupleOf(ResultBase result) {
    if (result instanceof GroupResult g) {
      return g.asTuple();
    }
    return ((AsyncResult<?>) result).asTuple();
  }

  // ---------------------------------------------------------------- structures

  /**
   * The structure Celery's vectors record for a result: {@code type}, {@code id}, and {@code
   * parent} and {@code results} when present.
   */
  static Map<String, Object> structure(ResultBase result) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (result instanceof GroupResult g) {
      out.put("type", "GroupResult");
      out.put("id", g.id());
    } else {
      AsyncResult<?> a = (AsyncResult<?>) result;
      assertThat(a)
          .as("result_from_tuple builds plain AsyncResults")
          .isExactlyInstanceOf(AsyncResult.class);
      out.put("type", "AsyncResult");
      out.put("id", a.id());
    }
    if (result.parent() != null) {
      out.put("parent", structure(result.parent()));
    }
    if (result instanceof GroupResult g) {
      List<Object> members = new ArrayList<>();
      for (ResultBase member : g) {
        members.add(structure(member));
      }
      out.put("results", members);
    }
    return out;
  }

  /**
   * The recorded structure as plain Java, with ids as strings: celerykit ids are strings, so
   * Celery's int id {@code 123} is {@code "123"} in Java.
   */
  static Object recordedStructure(JsonNode node) {
    Object plain = ConformanceVectors.plain(node);
    return stringIds(plain);
  }

  private static Object stringIds(Object plain) {
    if (plain instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object v = e.getValue();
        out.put(
            (String) e.getKey(),
            "id".equals(e.getKey()) && v instanceof Number n ? n.toString() : stringIds(v));
      }
      return out;
    }
    if (plain instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(stringIds(o));
      }
      return out;
    }
    return plain;
  }

  private ResultBase fromJsonText(String text) throws Exception {
    return ResultTuple.toResult(
        ResultTuple.fromList(ConformanceVectors.JSON.readValue(text, Object.class)), app);
  }

  // ---------------------------------------------------------------- result entries

  @TestFactory
  Stream<DynamicTest> resultEntriesMatchCelery() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : OBSERVED.entrySet()) {
      String name = entry.getKey();
      if (name.equals("malformed_and_variant_inputs") || name.equals("deep_chain_recursion")) {
        continue;
      }
      JsonNode observed = entry.getValue();
      for (String key : ConformanceVectors.fieldNames(observed)) {
        tests.add(dynamicTest(name + ": " + key, () -> check(name, key, observed.get(key))));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
    return tests.stream();
  }

  private void check(String entry, String key, JsonNode recorded) throws Exception {
    Map<String, ResultBase> named = fixture(entry);
    ResultBase original = named.values().iterator().next();
    JsonNode observed = OBSERVED.get(entry);
    switch (key) {
      case "as_tuple()", "c1.as_tuple()" -> {
        ResultTuple tuple = tupleOf(key.startsWith("c1.") ? named.get("c1") : original);
        assertThat(tuple.toList()).isEqualTo(ConformanceVectors.plain(recorded.get("value")));
        assertThat(tuple.toString()).as("Python repr").isEqualTo(recorded.get("repr").asText());
        assertThat(ResultTuple.fromList(tuple.toList())).isEqualTo(tuple);
      }
      case "as_list()", "c1.as_list()" -> {
        AsyncResult<?> result =
            (AsyncResult<?>) (key.startsWith("c1.") ? named.get("c1") : original);
        if (recorded.has("raises")) {
          // Celery: AttributeError, a GroupResult parent has no as_list.
          assertThat(recorded.at("/raises/class").asText()).isEqualTo("AttributeError");
          assertThatThrownBy(result::asList)
              .isInstanceOf(UnsupportedOperationException.class)
              .hasMessageContaining("has no as_list");
        } else {
          JsonNode value = recorded.has("value") ? recorded.get("value") : recorded;
          assertThat(result.asList()).isEqualTo(ConformanceVectors.plain(value));
        }
      }
      case "as_list (GroupResult has as_list?)" -> {
        assertThat(recorded.at("/raises/class").asText()).isEqualTo("AttributeError");
        // Java: GroupResult has no asList method at all.
        assertThat(Arrays.stream(GroupResult.class.getMethods()).map(Method::getName))
            .doesNotContain("asList");
      }
      case "result_from_tuple", "round trip" -> {
        ResultTuple tuple = tupleOf(original);
        Object expected = recordedStructure(recorded);
        assertThat(structure(ResultTuple.toResult(tuple, app))).isEqualTo(expected);
        // The round trip through JSON text (json.loads(json.dumps(t))) gives the same.
        String text = ConformanceVectors.JSON.writeValueAsString(tuple.toList());
        assertThat(structure(fromJsonText(text))).isEqualTo(expected);
      }
      case "result_from_tuple(json)" -> {
        ResultBase back = fromJsonText(observed.get("json text").asText());
        assertThat(structure(back)).isEqualTo(recordedStructure(recorded));
      }
      case "json text" -> {
        JsonNode expected = ConformanceVectors.JSON.readTree(recorded.asText());
        JsonNode actual = ConformanceVectors.JSON.valueToTree(tupleOf(original).toList());
        assertThat(actual).isEqualTo(expected);
        assertThat(ResultTuple.fromList(ConformanceVectors.plain(expected)))
            .isEqualTo(tupleOf(original));
      }
      case "== c3", "== original" -> {
        ResultBase back = ResultTuple.toResult(tupleOf(original), app);
        assertThat(back.equals(original)).isEqualTo(recorded.asBoolean());
        assertThat(original.equals(back)).isEqualTo(recorded.asBoolean());
        assertThat(back.hashCode()).isEqualTo(original.hashCode());
      }
      case "result_from_tuple(e) (already a result)", "result_from_tuple(e) is e" -> {
        // Python only: result_from_tuple passes a result object through untouched. Java is
        // statically typed: toResult takes a ResultTuple, so there is nothing to pass through.
        assertThat(recorded.isBoolean() ? recorded.asBoolean() : recorded.has("value")).isTrue();
        assertThat(
                ResultTuple.class.getMethod(
                    "toResult", ResultTuple.class, io.celerykit.result.CeleryApp.class))
            .isNotNull();
        assertThat(original).isInstanceOf(EagerResult.class);
      }
      default -> fail("no Java check for " + entry + ": " + key);
    }
  }

  // ---------------------------------------------------------------- malformed inputs

  /** A Python tuple is a Java array here (fromList accepts both); a Python list is a List. */
  private static Object[] tuple(Object... items) {
    return items;
  }

  /** Celery accepts an empty id; celerykit rejects it by design (see the test below). */
  private static final Set<String> BLANK_ID_INPUTS =
      Set.of(
          "(('', None), None) empty id",
          "(('a', (('', None), None)), None) empty-string parent id is falsy?");

  /** The Java form of each recorded input, keyed by the recorded Python form. */
  private static Object input(String key) throws Exception {
    return switch (key) {
      case "('a', None)  bare id" -> tuple("a", null);
      case "(('a', None), None)" -> tuple(tuple("a", null), null);
      case "[['a', null], null] (JSON lists)" ->
          ConformanceVectors.JSON.readValue("[[\"a\", null], null]", Object.class);
      case "(('a', None), [])  empty node list" -> tuple(tuple("a", null), List.of());
      case "(('a', ('p', None)), None)  parent not wrapped in (.., None)" ->
          tuple(tuple("a", tuple("p", null)), null);
      case "(('a', 'p'), None)  parent bare 1-char string" -> tuple(tuple("a", "p"), null);
      case "(('a', 'pq'), None)  parent bare 2-char string" -> tuple(tuple("a", "pq"), null);
      case "(('a', (('p', None), None)), None) correct parent" ->
          tuple(tuple("a", tuple(tuple("p", null), null)), null);
      case "(('a',), None)" -> tuple(tuple("a"), null);
      case "(('a', None, 'x'), None)" -> tuple(tuple("a", null, "x"), null);
      case "((None, None), None)" -> tuple(tuple(null, null), null);
      case "((123, None), None)" -> tuple(tuple(123, null), null);
      case "('a',)" -> tuple("a");
      case "('a', None, None)" -> tuple("a", null, null);
      case "'ab' (2-char string)" -> "ab";
      case "'abc'" -> "abc";
      case "None" -> null;
      case "42" -> 42;
      case "(('g', None), [('m1', None)])  bare-id members" ->
          tuple(tuple("g", null), List.of((Object) tuple("m1", null)));
      case "(('g', None), ['m1'])  members as plain strings" ->
          tuple(tuple("g", null), List.of("m1"));
      case "(('g', None), [(('m1', None), None)])" ->
          tuple(tuple("g", null), List.of((Object) tuple(tuple("m1", null), null)));
      case "(('', None), None) empty id" -> tuple(tuple("", null), null);
      case "(('a', (('', None), None)), None) empty-string parent id is falsy?" ->
          tuple(tuple("a", tuple(tuple("", null), null)), null);
      case "{'id': 'a'} dict" -> Map.of("id", "a");
      default -> throw new AssertionError("no Java input for recorded input " + key);
    };
  }

  @TestFactory
  Stream<DynamicTest> malformedAndVariantInputsMatchCelery() {
    JsonNode observed = OBSERVED.get("malformed_and_variant_inputs");
    List<DynamicTest> tests = new ArrayList<>();
    for (String key : ConformanceVectors.fieldNames(observed)) {
      JsonNode recorded = observed.get(key);
      Executable check;
      if (BLANK_ID_INPUTS.contains(key)) {
        check =
            () -> {
              // Celery accepts '' as an id (AsyncResult only rejects None). celerykit rejects a
              // blank id by design: no Celery task has one, and a blank id in a test is a bug.
              assertThat(recorded.has("value")).isTrue();
              Object raw = input(key);
              assertThatThrownBy(() -> ResultTuple.fromList(raw))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("must be a non-blank string")
                  .hasMessageContaining("got \"\"");
            };
      } else if (recorded.has("raises")) {
        check =
            () -> {
              assertThat(recorded.at("/raises/class").asText()).isIn("ValueError", "TypeError");
              Object raw = input(key);
              assertThatThrownBy(() -> ResultTuple.fromList(raw))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("malformed result tuple");
            };
      } else {
        check =
            () -> {
              ResultBase result = ResultTuple.toResult(ResultTuple.fromList(input(key)), app);
              assertThat(structure(result)).isEqualTo(recordedStructure(recorded.get("value")));
            };
      }
      tests.add(dynamicTest(key, check));
    }
    assertThat(tests).hasSize(24);
    return tests.stream();
  }

  @Test
  void unpackingErrorsNameCelerysMessage() {
    assertThatThrownBy(() -> ResultTuple.fromList(tuple(tuple("a"), null)))
        .hasMessageContaining("not enough values to unpack (expected 2, got 1)");
    assertThatThrownBy(() -> ResultTuple.fromList(tuple("a", null, null)))
        .hasMessageContaining("too many values to unpack (expected 2)");
    assertThatThrownBy(() -> ResultTuple.fromList(tuple(tuple(null, null), null)))
        .hasMessageContaining("AsyncResult requires valid id");
  }

  @Test
  void errorsNameWhereInTheInputTheMalformedPartIs() {
    assertThatThrownBy(() -> ResultTuple.fromList(tuple(tuple("a", "p"), null)))
        .hasMessageStartingWith("malformed result tuple at tuple[0][1]: ");
    Object deep =
        tuple(
            tuple(
                "a", tuple(tuple("b", null), List.of((Object) tuple(tuple("m", null), null), "x"))),
            null);
    assertThatThrownBy(() -> ResultTuple.fromList(deep))
        .hasMessageStartingWith("malformed result tuple at tuple[0][1][1][1]: ");
    assertThatThrownBy(
            () -> ResultTuple.fromList(tuple(tuple("a", tuple(tuple(" ", null), null)), null)))
        .hasMessageStartingWith("result tuple id at tuple[0][1][0][0] must be a non-blank string");
  }

  @Test
  void aFalsyParentMeansNoParentAsInCelery() {
    // result_from_tuple: `if parent: parent = result_from_tuple(parent)`, so an empty list,
    // an empty string, 0 or False in the parent slot is no parent.
    for (Object falsy : Arrays.asList(List.of(), "", 0, false, new Object[0])) {
      ResultTuple t = ResultTuple.fromList(tuple(tuple("a", falsy), null));
      assertThat(t).as("parent %s", falsy).isEqualTo(ResultTuple.of("a", null));
    }
  }

  // ---------------------------------------------------------------- deep chains

  @TestFactory
  Stream<DynamicTest> deepChainsWorkInJavaAtEveryRecordedDepth() {
    JsonNode observed = OBSERVED.get("deep_chain_recursion");
    List<DynamicTest> tests = new ArrayList<>();
    for (String key : ConformanceVectors.fieldNames(observed)) {
      if (key.equals("recursionlimit")) {
        // Python's recursion limit: what makes Celery fail on deep chains; no Java counterpart.
        tests.add(dynamicTest(key, () -> assertThat(observed.get(key).asInt()).isEqualTo(1000)));
        continue;
      }
      assertThat(key).startsWith("depth ");
      int depth = Integer.parseInt(key.substring("depth ".length()));
      JsonNode recorded = observed.get(key);
      tests.add(dynamicTest(key, () -> checkDeepChain(depth, recorded)));
    }
    return tests.stream();
  }

  @Test
  void aChainFarDeeperThanRecordedConvertsAndPrintsInLinearTime() {
    // Each step must cost O(1): building a path string or a repr per node would be quadratic,
    // minutes at this depth instead of well under a second.
    int depth = 100_000;
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          ResultTuple tuple = null;
          for (int i = 1; i <= depth; i++) {
            tuple = ResultTuple.of("c" + i, tuple);
          }
          ResultTuple back = ResultTuple.fromList(tuple.toList());
          assertThat(back).isEqualTo(tuple);
          String repr = back.toString();
          assertThat(repr.startsWith("(('c100000', (('c99999', ")).isTrue();
          assertThat(repr.endsWith("(('c1', None), None)" + "), None)".repeat(depth - 1))).isTrue();
          assertThat(repr.length()).isEqualTo(expectedChainReprLength(depth));
          AsyncResult<?> result = (AsyncResult<?>) ResultTuple.toResult(back, app);
          assertThat(result.asList()).hasSize(depth);
        });
  }

  /**
   * Length of {@code (('cN', ...(('c1', None), None)...), None)}: per step "(('" id "', " + "),
   * None)".
   */
  private static int expectedChainReprLength(int depth) {
    int length = "None".length();
    for (int i = 1; i <= depth; i++) {
      length += "(('".length() + ("c" + i).length() + "', ".length() + "), None)".length();
    }
    return length;
  }

  private void checkDeepChain(int depth, JsonNode recorded) throws Exception {
    AsyncResult<Object> last = null;
    for (int i = 1; i <= depth; i++) {
      last = new AsyncResult<>("c" + i, app, last);
    }
    AsyncResult<Object> tail = last;

    // as_tuple and as_list: Celery hits RecursionError from depth 1000; Java must not.
    ResultTuple tuple = tail.asTuple();
    List<String> ids = tail.asList();
    assertThat(ids).hasSize(depth);
    assertThat(ids.get(0)).isEqualTo("c" + depth);
    assertThat(ids.get(depth - 1)).isEqualTo("c1");
    if (depth >= 1000) {
      assertThat(recorded.get("as_tuple").asText()).isEqualTo("RecursionError");
      assertThat(recorded.get("as_list").asText()).isEqualTo("RecursionError");
    } else {
      assertThat(recorded.get("as_tuple").asText()).isEqualTo("ok");
      assertThat(recorded.get("as_list").asText()).isEqualTo("ok");
    }

    // The nested-list form, back to a tuple and back to results: same chain.
    List<Object> list = tuple.toList();
    ResultTuple back = ResultTuple.fromList(list);
    assertThat(back).isEqualTo(tuple);
    assertThat(back.hashCode()).isEqualTo(tuple.hashCode());
    AsyncResult<?> rebuilt = (AsyncResult<?>) ResultTuple.toResult(back, app);
    assertThat(rebuilt.asList()).isEqualTo(ids);
    assertThat(rebuilt.asTuple()).isEqualTo(tuple);
    String repr = tuple.toString();
    assertThat(repr.startsWith("(('c" + depth + "', (('c" + (depth - 1) + "', ")).isTrue();
    assertThat(repr.endsWith("(('c1', None), None)" + "), None)".repeat(depth - 1))).isTrue();
    assertThat(repr.length()).isEqualTo(expectedChainReprLength(depth));

    if (recorded.has("json.dumps(as_tuple)")) {
      // JSON text through a real JSON library, where Celery's json.dumps was recorded working.
      String text = ConformanceVectors.JSON.writeValueAsString(list);
      assertThat(((AsyncResult<?>) fromJsonText(text)).asList()).isEqualTo(ids);
      assertThat(recorded.get("result_from_tuple(json.loads)").asText()).isEqualTo("ok");
    }
  }
}
