package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.Fixtures.CheckedFailure;
import io.celerykit.result.Fixtures.KeyError;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Outcome}: Celery's {@code get(propagate=False)} as a typed value. */
class OutcomeTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  private void store(TaskMeta meta) {
    app.backend().store(meta);
  }

  @Test
  void successIsASuccessWithTheValue() {
    store(TaskMeta.success("s", 5));
    Outcome<Integer> o = app.<Integer>asyncResult("s").outcome();
    assertThat(o).isInstanceOf(Outcome.Success.class);
    assertThat(o.isSuccess()).isTrue();
    assertThat(o.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(o.value()).isEqualTo(5);
    assertThat(o).isEqualTo(new Outcome.Success<>(TaskState.SUCCESS, 5));
  }

  @Test
  void failureIsAFailureWithTheSameException() {
    KeyError error = new KeyError("k");
    store(TaskMeta.failure("f", error));
    Outcome<Integer> o = app.<Integer>asyncResult("f").outcome();
    assertThat(o.isSuccess()).isFalse();
    assertThat(o.state()).isEqualTo(TaskState.FAILURE);
    assertThat(o.exception()).isSameAs(error);
    if (!(o instanceof Outcome.Failure<Integer> failure)) {
      throw new AssertionError("expected a Failure, got " + o);
    }
    assertThat(failure.error()).isSameAs(error);
  }

  @Test
  void revokedIsAFailureWithTheRevokedException() {
    TaskRevokedException revoked = new TaskRevokedException("revoked");
    store(TaskMeta.builder("r", TaskState.REVOKED).result(revoked).build());
    Outcome<Object> o = app.asyncResult("r").outcome();
    assertThat(o).isEqualTo(new Outcome.Failure<>(TaskState.REVOKED, revoked));
  }

  @Test
  void checkedExceptionIsReportedAsItIsWithoutWrapping() {
    CheckedFailure checked = new CheckedFailure("checked");
    store(TaskMeta.failure("f", checked));
    assertThat(app.asyncResult("f").outcome().exception()).isSameAs(checked);
  }

  @Test
  void valueOfAFailureThrowsWithTheExceptionAsCause() {
    KeyError error = new KeyError("k");
    Outcome<Integer> o = new Outcome.Failure<>(TaskState.FAILURE, error);
    assertThatThrownBy(o::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FAILURE")
        .hasCauseReference(error);
  }

  @Test
  void exceptionOfASuccessThrows() {
    Outcome<Integer> o = new Outcome.Success<>(TaskState.SUCCESS, 1);
    assertThatThrownBy(o::exception)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SUCCESS");
  }

  @Test
  void anExceptionReturnedAsTheValueOfASuccessStaysASuccess() {
    KeyError returned = new KeyError("returned, not raised");
    store(TaskMeta.success("s", returned));
    Outcome<Object> o = app.asyncResult("s").outcome();
    assertThat(o.isSuccess()).isTrue();
    assertThat(o.value()).isSameAs(returned);
  }

  @Test
  void exceptionStatesDecideWhatIsAFailure() {
    KeyError error = new KeyError("k");
    store(TaskMeta.failure("f", error));
    Outcome<Object> o =
        app.asyncResult("f").outcome(GetOptions.defaults().exceptionStates(Set.of()));
    assertThat(o).isEqualTo(new Outcome.Success<>(TaskState.FAILURE, error));
  }

  @Test
  void outcomeWaitsLikeGetAndStillTimesOut() {
    app.clock().schedule(Duration.ofSeconds(2), () -> store(TaskMeta.success("later", 1)));
    assertThat(
            app.asyncResult("later")
                .outcome(GetOptions.defaults().timeout(Duration.ofSeconds(5)))
                .value())
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                app.asyncResult("never")
                    .outcome(GetOptions.defaults().timeout(Duration.ofSeconds(1))))
        .isInstanceOf(ResultTimeoutException.class);
  }

  @Test
  void outcomeDoesNotRaiseParentFailures() {
    store(TaskMeta.failure("parent", new KeyError("p")));
    store(TaskMeta.success("child", 3));
    AsyncResult<Integer> child = new AsyncResult<>("child", app, app.asyncResult("parent"));
    assertThat(child.outcome().value()).isEqualTo(3);
  }

  @Test
  void partsAreRequired() {
    assertThatThrownBy(() -> new Outcome.Success<>(null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("state");
    assertThatThrownBy(() -> new Outcome.Failure<Object>(TaskState.FAILURE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("error");
  }
}
