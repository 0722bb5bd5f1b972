package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RemoteTaskException}: a Python exception stored by a real worker. */
class RemoteTaskExceptionTest {

  @Test
  void builtinExceptionReadsLikePythons() {
    RemoteTaskException e =
        new RemoteTaskException("ValueError", "builtins", List.of("boom"), null);
    assertThat(e.getMessage()).isEqualTo("ValueError: boom");
    assertThat(e.excType()).isEqualTo("ValueError");
    assertThat(e.excModule()).isEqualTo("builtins");
    assertThat(e.excMessage()).containsExactly("boom");
    assertThat(e.traceback()).isNull();
    assertThat(e).isInstanceOf(CeleryException.class);
  }

  @Test
  void exceptionFromAnotherModuleIsQualified() {
    RemoteTaskException e =
        new RemoteTaskException("Oops", "proj.errors", List.of("bad"), "Traceback ...");
    assertThat(e.getMessage()).isEqualTo("proj.errors.Oops: bad");
    assertThat(e.traceback()).isEqualTo("Traceback ...");
  }

  @Test
  void messageWithoutArgumentsIsTheTypeOnly() {
    assertThat(new RemoteTaskException("KeyError", null, null, null).getMessage())
        .isEqualTo("KeyError");
    assertThat(new RemoteTaskException("KeyError", "", List.of(), null).excMessage()).isEmpty();
  }

  @Test
  void messageWithSeveralArgumentsIsPythonsTupleRepr() {
    assertThat(
            new RemoteTaskException("KeyError", "builtins", Arrays.asList(3, "x"), null)
                .getMessage())
        .isEqualTo("KeyError: (3, 'x')");
  }

  @Test
  void argumentsAreCopiedAndUnmodifiable() {
    List<Object> args = new ArrayList<>(List.of("a"));
    RemoteTaskException e = new RemoteTaskException("E", "m", args, null);
    args.add("b");
    assertThat(e.excMessage()).containsExactly("a");
    assertThatThrownBy(() -> e.excMessage().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void blankTypeIsRejectedNamingIt() {
    assertThatThrownBy(() -> new RemoteTaskException(" ", "builtins", List.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got  ");
    assertThatThrownBy(() -> new RemoteTaskException(null, "builtins", List.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
  }

  @Test
  void storedRemoteFailureIsReRaisedAsItIs() {
    InMemoryCelery app = InMemoryCelery.create();
    RemoteTaskException e =
        new RemoteTaskException("ValueError", "builtins", List.of("boom"), "tb");
    app.backend().store(TaskMeta.builder("t", TaskState.FAILURE).result(e).traceback("tb").build());
    assertThatThrownBy(() -> app.asyncResult("t").get()).isSameAs(e);
  }
}
