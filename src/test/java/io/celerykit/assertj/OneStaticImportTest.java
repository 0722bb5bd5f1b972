package io.celerykit.assertj;

import static io.celerykit.assertj.CeleryAssertions.*;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One static import of {@link CeleryAssertions} serves AssertJ's assertions and celerykit's. */
class OneStaticImportTest {

  @Test
  void assertJsOwnAssertionsComeThroughCeleryAssertions() {
    assertThat("pdf").startsWith("p");
    assertThat(List.of(1, 2)).containsExactly(1, 2);
    assertThatThrownBy(() -> assertThat(5).isEqualTo(6))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected: 6");
  }

  @Test
  void celerykitTypesGetCelerykitAsserts() {
    try (InMemoryCelery app = InMemoryCelery.create()) {
      Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
      AsyncResult<Integer> sum = add.delay(2, 3);

      AsyncResultAssert<Integer> resultAssert = assertThat(sum);
      resultAssert.succeedsWithin(Duration.ofSeconds(1)).isEqualTo(5);
      assertThatThrownBy(() -> assertThat(sum).isRevoked()).hasMessageContaining("REVOKED");
      TaskStateAssert stateAssert = assertThat(TaskState.SUCCESS);
      stateAssert.isReady();
    }
  }
}
