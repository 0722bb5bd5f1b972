package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.Fixtures.CheckedFailure;
import io.celerykit.result.Fixtures.KeyError;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskFailedException}: how stored failures that Java cannot throw as they are come back
 * from {@code get()}.
 */
class TaskFailedExceptionTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  private void store(String id, TaskState state, Object value) {
    app.backend().store(TaskMeta.builder(id, state).result(value).build());
  }

  @Test
  void storedCheckedExceptionBecomesTheCause() {
    CheckedFailure checked = new CheckedFailure("disk full");
    store("t", TaskState.FAILURE, checked);
    assertThatThrownBy(() -> app.asyncResult("t").get())
        .isInstanceOfSatisfying(
            TaskFailedException.class,
            e -> {
              assertThat(e.getCause()).isSameAs(checked);
              assertThat(e.taskId()).isEqualTo("t");
              assertThat(e.state()).isEqualTo(TaskState.FAILURE);
              assertThat(e.getMessage()).contains("t", "FAILURE", "disk full");
            });
  }

  @Test
  void revokedWithACheckedExceptionKeepsTheState() {
    CheckedFailure checked = new CheckedFailure("gone");
    store("t", TaskState.REVOKED, checked);
    assertThatThrownBy(() -> app.asyncResult("t").get())
        .isInstanceOfSatisfying(
            TaskFailedException.class, e -> assertThat(e.state()).isEqualTo(TaskState.REVOKED))
        .hasCauseReference(checked);
  }

  @Test
  void storedUncheckedExceptionIsReRaisedAsTheSameInstance() {
    KeyError unchecked = new KeyError("k");
    store("t", TaskState.FAILURE, unchecked);
    assertThatThrownBy(() -> app.asyncResult("t").get()).isSameAs(unchecked);
  }

  @Test
  void storedErrorIsReRaisedAsTheSameInstance() {
    AssertionError error = new AssertionError("stored error");
    store("t", TaskState.FAILURE, error);
    assertThatThrownBy(() -> app.asyncResult("t").get()).isSameAs(error);
  }

  @Test
  void storedValueThatIsNotAnExceptionIsNamedWithoutCause() {
    store("t", TaskState.FAILURE, "just text");
    assertThatThrownBy(() -> app.asyncResult("t").get())
        .isInstanceOf(TaskFailedException.class)
        .hasMessageContaining("not an exception: just text")
        .hasNoCause();
  }

  @Test
  void isACeleryException() {
    TaskFailedException e = new TaskFailedException("t", TaskState.FAILURE, "m", null);
    assertThat(e).isInstanceOf(CeleryException.class).hasMessage("m");
  }
}
