package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTupleOfResultTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  @Test
  void givesTheSameTupleAsAsTupleForTasksAndGroups() {
    AsyncResult<Object> step = new AsyncResult<>("b", app, app.asyncResult("a"));
    GroupResult group = new GroupResult("g", List.of(step, app.asyncResult("c")), app);

    assertThat(ResultTuple.of(step)).isEqualTo(step.asTuple());
    assertThat(ResultTuple.of(group)).isEqualTo(group.asTuple());
    assertThat(ResultTuple.of(EagerResult.success("e", 1)).toList().toString())
        .isEqualTo("[[e, null], null]");
  }

  @Test
  void refusesAPlainResultSetWhichHasNoTupleInCelery() {
    ResultSet set = new ResultSet(List.of(app.asyncResult("x")), app);

    assertThatThrownBy(() -> ResultTuple.of(set))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain ResultSet");
  }
}
