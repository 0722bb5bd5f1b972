package io.celerykit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.celerykit.result.TaskState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@link TaskState} against {@code states.json}, recorded from {@code celery.states} 5.2.6. */
class StatesConformanceTest {

  private static final Map<String, JsonNode> OBSERVED =
      ConformanceVectors.observedByEntry("states.json");

  private static JsonNode observed(String entry) {
    JsonNode node = OBSERVED.get(entry);
    assertThat(node).as("entry %s in states.json", entry).isNotNull();
    return node;
  }

  /**
   * The Java state for a name used in the vectors. Celery's {@code state('')} (written {@code
   * <empty>}) is a custom state; celerykit rejects blank state names by design (see {@link
   * #blankAndNullStateNamesAreRejectedInJava()}), so a custom state literally named {@code <empty>}
   * stands in for it: like {@code ''}, it has the custom precedence and is equal to no other name
   * in the vectors.
   */
  static TaskState state(String name) {
    return TaskState.of(name);
  }

  @Test
  void everyConstantHasCelerysValue() {
    JsonNode constants = observed("constants");
    List<String> javaConstants = new ArrayList<>();
    for (Field field : TaskState.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == TaskState.class) {
        javaConstants.add(field.getName());
      }
    }
    assertThat(javaConstants)
        .containsExactlyInAnyOrderElementsOf(ConformanceVectors.fieldNames(constants));

    for (String name : ConformanceVectors.fieldNames(constants)) {
      TaskState constant = constant(name);
      String value = constants.get(name).asText();
      assertThat(constant.name()).as(name).isEqualTo(value);
      assertThat(constant.toString()).isEqualTo(value);
      assertThat(constant.isBuiltIn()).isTrue();
      assertThat(TaskState.of(value)).isSameAs(constant);
      assertThat(TaskState.known(value)).isSameAs(constant);
    }
    assertThat(TaskState.knownNames())
        .containsExactlyInAnyOrderElementsOf(ConformanceVectors.fieldNames(constants));
  }

  @Test
  void everyStateSetHasCelerysMembers() {
    JsonNode sets = observed("state_sets");
    assertThat(ConformanceVectors.fieldNames(sets))
        .containsExactlyInAnyOrder(
            "READY_STATES", "UNREADY_STATES", "EXCEPTION_STATES", "PROPAGATE_STATES", "ALL_STATES");
    for (String setName : ConformanceVectors.fieldNames(sets)) {
      List<String> expected = new ArrayList<>();
      sets.get(setName).forEach(n -> expected.add(n.asText()));
      List<String> actual = new ArrayList<>();
      for (TaskState s : stateSet(setName)) {
        actual.add(s.name());
      }
      Collections.sort(actual);
      assertThat(actual).as(setName).isEqualTo(expected);
    }
  }

  @Test
  void stateSetsAreUnmodifiable() {
    assertThatThrownBy(() -> TaskState.READY_STATES.add(TaskState.PENDING))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> TaskState.ALL_STATES.remove(TaskState.SUCCESS))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readyAndPropagatePredicatesFollowTheSets() {
    for (String name : TaskState.knownNames()) {
      TaskState s = TaskState.known(name);
      assertThat(s.isReady()).as(name).isEqualTo(TaskState.READY_STATES.contains(s));
      assertThat(s.propagates()).as(name).isEqualTo(TaskState.PROPAGATE_STATES.contains(s));
    }
    assertThat(TaskState.of("PROGRESS").isReady()).isFalse();
    assertThat(TaskState.of("PROGRESS").propagates()).isFalse();
    assertThat(TaskState.of("PROGRESS").isBuiltIn()).isFalse();
  }

  @Test
  void precedenceListMatchesCelerys() {
    JsonNode recorded = observed("PRECEDENCE_list");
    JsonNode list = recorded.get("PRECEDENCE");
    int nonePrecedence = recorded.get("NONE_PRECEDENCE").asInt();
    assertThat(list.get(nonePrecedence).isNull()).isTrue();

    Set<String> listed = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      if (entry.isNull()) {
        assertThat(TaskState.of("PROGRESS").precedence()).isEqualTo(i);
        assertThat(TaskState.of("ANY_CUSTOM_STATE").precedence()).isEqualTo(i);
      } else {
        listed.add(entry.asText());
        assertThat(TaskState.known(entry.asText()).precedence()).as(entry.asText()).isEqualTo(i);
      }
    }
    // Built-in states missing from PRECEDENCE (IGNORED) rank like custom states, as in Celery.
    for (String name : TaskState.knownNames()) {
      if (!listed.contains(name)) {
        assertThat(TaskState.known(name).precedence()).as(name).isEqualTo(nonePrecedence);
      }
    }
  }

  @Test
  void precedenceFunctionMatchesCelerys() {
    JsonNode recorded = observed("precedence_function");
    for (String name : ConformanceVectors.fieldNames(recorded)) {
      int expected = recorded.get(name).asInt();
      switch (name) {
        case "" ->
            // precedence('') is a custom state's: a blank name is rejected in Java (below), so
            // check the precedence every other custom name gets.
            assertThat(state("<empty>").precedence()).isEqualTo(expected);
        case "None" ->
            // precedence(None): Java has no null state; an unknown state is a custom state.
            assertThat(state("UNKNOWN").precedence()).isEqualTo(expected);
        default -> assertThat(TaskState.of(name).precedence()).as(name).isEqualTo(expected);
      }
    }
  }

  @Test
  void blankAndNullStateNamesAreRejectedInJava() {
    // Celery accepts state('') and precedence(None); celerykit rejects a blank or null name by
    // design, since no task stores such a state and it is almost always a bug in the caller.
    for (String bad : Arrays.asList("", "  ", null)) {
      assertThatThrownBy(() -> TaskState.of(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("state name must be a non-blank string");
    }
    assertThatThrownBy(() -> TaskState.known("PROGRESS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown task state \"PROGRESS\"")
        .hasMessageContaining("TaskState.of(name)");
  }

  @TestFactory
  Stream<DynamicTest> everyPairwiseComparisonMatchesCelery() {
    JsonNode pairs = observed("state_comparisons_all_pairs");
    Set<String> names = new LinkedHashSet<>();
    for (String key : ConformanceVectors.fieldNames(pairs)) {
      names.add(key.split(" vs ")[0]);
    }
    assertThat(pairs.size())
        .as("every ordered pair is recorded")
        .isEqualTo(names.size() * names.size());

    List<DynamicTest> tests = new ArrayList<>();
    for (String key : ConformanceVectors.fieldNames(pairs)) {
      String[] ab = key.split(" vs ");
      JsonNode results = pairs.get(key);
      assertThat(ConformanceVectors.fieldNames(results))
          .containsExactlyInAnyOrder(">", ">=", "<", "<=", "==", "!=");
      tests.add(
          dynamicTest(
              key,
              () -> {
                TaskState a = state(ab[0]);
                TaskState b = state(ab[1]);
                for (String op : ConformanceVectors.fieldNames(results)) {
                  assertThat(compare(a, op, b))
                      .as("state(%s) %s state(%s)", ab[0], op, ab[1])
                      .isEqualTo(results.get(op).asBoolean());
                }
                assertThat(a.isAfter(b)).isEqualTo(results.get(">").asBoolean());
                assertThat(a.isBefore(b)).isEqualTo(results.get("<").asBoolean());
                if (a.equals(b)) {
                  assertThat(a.hashCode()).isEqualTo(b.hashCode());
                }
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> comparisonsWithPlainStringsAndSortingMatchCelery() {
    JsonNode recorded = observed("state_vs_plain_str");
    Pattern stateVsState =
        Pattern.compile("state\\('(\\w+)'\\) (>=|<=|>|<|==) state\\('(\\w+)'\\)(.*)");
    List<DynamicTest> tests = new ArrayList<>();
    for (String key : ConformanceVectors.fieldNames(recorded)) {
      JsonNode value = recorded.get(key);
      JsonNode expected = value.has("value") ? value.get("value") : value;
      Matcher m = stateVsState.matcher(key);
      Runnable check;
      if (m.matches()) {
        String op = m.group(4).endsWith("precedence-wise: >=") ? ">=" : m.group(2);
        check =
            () ->
                assertThat(compare(state(m.group(1)), op, state(m.group(3))))
                    .as(key)
                    .isEqualTo(expected.asBoolean());
      } else {
        check =
            switch (key) {
              // A state compared with a plain string uses the state's precedence in Celery; in
              // Java the string is made a state first.
              case "state('SUCCESS') > 'PENDING'" ->
                  () ->
                      assertThat(TaskState.SUCCESS.compareTo(TaskState.of("PENDING")) > 0)
                          .isEqualTo(expected.asBoolean());
              case "'PENDING' < state('SUCCESS')" ->
                  () ->
                      assertThat(TaskState.of("PENDING").compareTo(TaskState.SUCCESS) < 0)
                          .isEqualTo(expected.asBoolean());
              // Plain names compare as strings, not by precedence.
              case "'SUCCESS' > 'PENDING' (plain str)" ->
                  () ->
                      assertThat("SUCCESS".compareTo("PENDING") > 0)
                          .isEqualTo(expected.asBoolean());
              case "'FAILURE' > 'PENDING' (plain str)" ->
                  () -> {
                    assertThat("FAILURE".compareTo("PENDING") > 0).isEqualTo(expected.asBoolean());
                    assertThat(TaskState.FAILURE.compareTo(TaskState.PENDING) > 0).isTrue();
                  };
              case "sorted([...], key=precedence)" ->
                  () -> assertThat(sortedNames(true)).isEqualTo(textList(expected));
              case "sorted(map(state, [...]))  (ascending = lowest precedence first)" ->
                  () -> assertThat(sortedNames(false)).isEqualTo(textList(expected));
              // A state is a str in Python; in Java its name() is the string.
              case "isinstance(state('X'), str)" ->
                  () -> {
                    assertThat(expected.asBoolean()).isTrue();
                    assertThat(TaskState.of("X").name()).isEqualTo("X");
                  };
              case "state('SUCCESS') == 'SUCCESS'" ->
                  () -> {
                    assertThat(TaskState.SUCCESS.equals(TaskState.of("SUCCESS")))
                        .isEqualTo(expected.asBoolean());
                    assertThat(TaskState.SUCCESS.name().equals("SUCCESS"))
                        .isEqualTo(expected.asBoolean());
                  };
              default -> () -> fail("no Java check for recorded comparison " + key);
            };
      }
      tests.add(dynamicTest(key, check::run));
    }
    return tests.stream();
  }

  /** The names of the recorded sort input, sorted by precedence or by the states' natural order. */
  private static List<String> sortedNames(boolean byPrecedenceIndex) {
    List<TaskState> states = new ArrayList<>();
    for (String name :
        List.of(
            "RETRY",
            "PROGRESS",
            "PENDING",
            "SUCCESS",
            "STARTED",
            "REVOKED",
            "FAILURE",
            "RECEIVED")) {
      states.add(TaskState.of(name));
    }
    if (byPrecedenceIndex) {
      states.sort(java.util.Comparator.comparingInt(TaskState::precedence));
    } else {
      Collections.sort(states);
    }
    List<String> names = new ArrayList<>();
    states.forEach(s -> names.add(s.name()));
    return names;
  }

  private static List<String> textList(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static boolean compare(TaskState a, String op, TaskState b) {
    int c = a.compareTo(b);
    return switch (op) {
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case "==" -> a.equals(b);
      case "!=" -> !a.equals(b);
      default -> throw new IllegalArgumentException("unknown operator " + op);
    };
  }

  private static TaskState constant(String name) {
    try {
      return (TaskState) TaskState.class.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("TaskState has no constant " + name, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<TaskState> stateSet(String name) {
    try {
      return (Set<TaskState>) TaskState.class.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("TaskState has no set " + name, e);
    }
  }
}
