package io.celerykit.assertj;

import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static io.celerykit.assertj.CeleryAssertions.assertThatTree;
import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;

class CeleryAssertionsTest {

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

  @Test
  void celeryTypesResolveToCeleryAssertsNextToAssertJsImport() {
    AsyncResult<Integer> sum = add.delay(2, 3);
    GroupResult group = app.seed().group("g-1", app.seed().succeeded("a", 1));
    ResultSet set = new ResultSet(List.of(sum), app);

    AsyncResultAssert<Integer> result = assertThat(sum);
    AsyncResultAssert<Integer> eager = assertThat(EagerResult.success("e-1", 1));
    ResultSetAssert groupAssert = assertThat(group);
    ResultSetAssert setAssert = assertThat(set);
    TaskStateAssert state = assertThat(TaskState.SUCCESS);
    EventJournalAssert journal = assertThat(app.journal());
    ResultTreeAssert tree = assertThatTree(sum);

    result.isPending();
    eager.isSuccessful();
    groupAssert.allSuccessful();
    setAssert.hasSize(1);
    state.isReady();
    journal.hasEventFor(sum.id(), "task-sent");
    tree.hasNodeCount(1);
  }

  @Test
  void otherTypesStillResolveToAssertJsAsserts() {
    ResultBase node = app.seed().succeeded("a", 1);
    ObjectAssert<ResultBase> plain = assertThat(node);

    plain.isInstanceOf(AsyncResult.class);
    assertThat("text").startsWith("te");
    assertThat(List.of(1, 2)).containsExactly(1, 2);
    assertThat(Optional.of(1)).contains(1);
    assertThat(add.delay(1, 1).get(Duration.ofSeconds(1))).isEqualTo(2);
  }

  @Test
  void aStateComparedWithIsEqualToStillWorks() {
    assertThat(add.delay(1, 1).state()).isEqualTo(TaskState.PENDING);
  }
}
