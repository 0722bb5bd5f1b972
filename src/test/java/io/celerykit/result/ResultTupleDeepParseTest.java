package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fromList on a deep chain: linear time, and error locations still name the exact place. */
class ResultTupleDeepParseTest {

  private static final int DEPTH = 200_000;

  /** [[c{depth-1}, [[..., [[c0, null], null]...]], null]], built iteratively. */
  private static List<Object> chain(int depth, String firstId) {
    List<Object> tuple = null;
    for (int i = 0; i < depth; i++) {
      List<Object> head = new ArrayList<>(2);
      head.add(i == 0 ? firstId : "c" + i);
      head.add(tuple);
      List<Object> pair = new ArrayList<>(2);
      pair.add(head);
      pair.add(null);
      tuple = pair;
    }
    return tuple;
  }

  @Test
  void parsesDeepChainInLinearTime() {
    List<Object> raw = chain(DEPTH, "c0");
    // The location of every part used to be built eagerly as a string as long as the depth,
    // which made this quadratic (hours at a million); now it takes milliseconds.
    ResultTuple tuple =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ResultTuple.fromList(raw));
    assertThat(tuple.id()).isEqualTo("c" + (DEPTH - 1));
    int depth = 0;
    ResultTuple last = tuple;
    for (ResultTuple t = tuple; t != null; t = t.parent()) {
      depth++;
      last = t;
    }
    assertThat(depth).isEqualTo(DEPTH);
    assertThat(last.id()).isEqualTo("c0");
  }

  @Test
  void parsesDeepChainThroughAGroupInLinearTime() {
    // A group as the first step: the general parser, not the one-pass chain parser, reads it.
    List<Object> group = new ArrayList<>();
    group.add(Arrays.asList("g", null));
    group.add(List.of(Arrays.asList(Arrays.asList("m0", null), null)));
    List<Object> raw = chain(DEPTH, "c0");
    List<Object> bottom = raw;
    for (int i = 1; i < DEPTH; i++) {
      @SuppressWarnings("unchecked")
      List<Object> head = (List<Object>) bottom.get(0);
      @SuppressWarnings("unchecked")
      List<Object> parent = (List<Object>) head.get(1);
      bottom = parent;
    }
    bottom.set(0, Arrays.asList("c0", group));
    ResultTuple tuple =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ResultTuple.fromList(raw));
    ResultTuple last = tuple;
    int depth = 1;
    while (last.parent() != null) {
      last = last.parent();
      depth++;
    }
    assertThat(depth).isEqualTo(DEPTH + 1);
    assertThat(last.isGroup()).isTrue();
    assertThat(last.members()).containsExactly(ResultTuple.of("m0", null));
  }

  @Test
  void lenientFormsReadTheSameInAChain() {
    assertThat(ResultTuple.fromList(Arrays.asList("a", null))).isEqualTo(ResultTuple.of("a", null));
    assertThat(ResultTuple.fromList(Arrays.asList(Arrays.asList(5, null), null)))
        .isEqualTo(ResultTuple.of("5", null));
    assertThat(
            ResultTuple.fromList(Arrays.asList(Arrays.asList("b", Arrays.asList("a", null)), null)))
        .isEqualTo(ResultTuple.of("b", ResultTuple.of("a", null)));
    assertThat(ResultTuple.fromList(new Object[] {new Object[] {"b", null}, null}))
        .isEqualTo(ResultTuple.of("b", null));
  }

  @Test
  void errorNamesTheExactPlaceDeepInTheChain() {
    List<Object> raw = chain(3, " ");
    assertThatThrownBy(() -> ResultTuple.fromList(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("result tuple id at tuple[0][1][0][1][0][0] must be a non-blank");
  }

  @Test
  void errorNamesTheMemberIndex() {
    Object raw =
        Arrays.asList(
            Arrays.asList("g", null),
            List.of(Arrays.asList(Arrays.asList("m0", null), null), List.of("x")));
    assertThatThrownBy(() -> ResultTuple.fromList(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed result tuple at tuple[1][1]: expected 2 elements");
  }
}
