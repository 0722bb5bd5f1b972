package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.PythonException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each place where celerykit's result API knowingly differs from celery/result.py, as the README's
 * "Where celerykit differs from Celery" lists them: the Celery behaviour is named in the test, the
 * Java one asserted.
 */
class DeliberateDifferencesFromCeleryTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  @Test
  void zeroTimeoutChecksOnceWhereCelerysTimeoutZeroWaitsForever() {
    // celery/backends/base.py wait_for: `if timeout and ...` treats 0 as no timeout.
    app.seed().succeeded("done", 1);
    assertThat(app.asyncResult("done").get(Duration.ZERO)).isEqualTo(1);
    assertThatThrownBy(() -> app.asyncResult("pending").get(Duration.ZERO))
        .isInstanceOf(ResultTimeoutException.class);
    assertThat(app.clock().elapsed()).isZero();
  }

  @Test
  void aWaitNothingCanEndFailsAtOnceWhereCeleryBlocksForever() {
    assertThatThrownBy(() -> app.asyncResult("never").get())
        .isInstanceOf(WouldBlockForeverException.class)
        .hasMessageContaining("nothing scheduled on the virtual clock can complete it");
  }

  @Test
  void propagateFalseOnATypedResultIsAnOutcomeNotAnExceptionCastToT() {
    // Celery's get(propagate=False) returns the exception instance as the value.
    RemoteTaskException boom = PythonException.of("ValueError", "boom");
    app.seed().failed("f", boom);
    AsyncResult<Integer> r = app.asyncResult("f");

    assertThatThrownBy(() -> r.get(GetOptions.defaults().propagate(false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outcome(options)");
    assertThat(r.outcome().exception()).isSameAs(boom);
    assertThat(r.value(GetOptions.defaults().propagate(false))).isSameAs(boom);
  }

  @Test
  void aBlankIdIsRejectedWhereCeleryAcceptsTheEmptyString() {
    // celery/result.py only rejects None: `if id is None: raise ValueError(...)`.
    assertThatThrownBy(() -> new AsyncResult<>("", app))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AsyncResult requires valid id");
  }

  @Test
  void restoringAnUnsavedGroupThrowsWhereCeleryReturnsNone() {
    assertThatThrownBy(() -> GroupResult.restore("nope", app))
        .isInstanceOf(GroupNotFoundException.class)
        .hasMessageContaining("call save()");
  }

  @Test
  void equalityIsSymmetricWhereCelerysResultEqualsItsIdString() {
    // celery/result.py AsyncResult.__eq__: `elif isinstance(other, str): return other == self.id`
    AsyncResult<Object> r = app.asyncResult("id-1");
    assertThat(r).isNotEqualTo("id-1");
    assertThat(r).isEqualTo(app.asyncResult("id-1"));
    GroupResult g = new GroupResult("g", List.of(r), app);
    assertThat(new ResultSet(List.of(r), app)).isNotEqualTo(g);
  }

  @Test
  void aStoredCheckedExceptionIsWrappedWhereCeleryReraisesIt() {
    Exception checked = new Exception("checked");
    app.backend().store(TaskMeta.failure("c", checked));

    assertThatThrownBy(() -> app.asyncResult("c").get())
        .isInstanceOf(TaskFailedException.class)
        .hasCause(checked);
  }
}
