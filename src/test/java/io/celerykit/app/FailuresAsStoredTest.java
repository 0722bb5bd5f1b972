package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failures reach the client as a real backend delivers them. Celery's JSON backend stores an
 * exception as {@code {"exc_type": type(exc).__name__, "exc_message": exc.args, "exc_module":
 * type(exc).__module__}} (celery/backends/base.py, Backend.prepare_exception) and a client reads it
 * back with exception_to_python, which rebuilds a class it can import; a Java client cannot import
 * Python classes, so it reads a RemoteTaskException. Pickle keeps the object.
 */
class FailuresAsStoredTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  @Test
  void aScriptedPythonExceptionReachesTheCatchPathOfAJavaClient() {
    app.stub("invoices.render").fails(PythonException.of("myapp.errors", "InvoiceError", "bad"));

    String handled;
    try {
      app.sendTask("invoices.render", "INV-1").get();
      handled = "no failure";
    } catch (RemoteTaskException e) {
      handled = e.excModule() + "." + e.excType() + " " + e.excMessage();
    }

    assertThat(handled).isEqualTo("myapp.errors.InvoiceError [bad]");
  }

  @Test
  void aJavaExceptionStoredUnderJsonBecomesItsRemoteFormAsCeleryWouldStoreAPythonOne() {
    app.stub("t").fails(new UncheckedIOException("disk full", new java.io.IOException("io")));

    AsyncResult<Object> r = app.sendTask("t");
    r.outcome();

    RemoteTaskException stored = (RemoteTaskException) r.result();
    assertThat(stored.excType()).isEqualTo("UncheckedIOException");
    assertThat(stored.excModule()).isEqualTo("java.io");
    assertThat(stored.excMessage()).containsExactly("disk full");
    assertThat(stored).hasMessage("java.io.UncheckedIOException: disk full").hasNoCause();
    assertThat(stored.traceback()).contains("UncheckedIOException: disk full");
    assertThat(CeleryJson.encodeException(stored))
        .isEqualTo(
            Map.of(
                "exc_type", "UncheckedIOException",
                "exc_message", List.of("disk full"),
                "exc_module", "java.io"));
  }

  @Test
  void celerysOwnExceptionsComeBackAsThemselves() {
    Task<Object> t =
        app.boundTask(
            "t.always",
            self -> {
              throw self.retry(null, java.time.Duration.ofSeconds(1), 0);
            });

    assertThatThrownBy(() -> t.delay().get()).isInstanceOf(MaxRetriesExceededException.class);
    AsyncResult<Object> revoked = app.sendTask("t.always");
    revoked.revoke();
    assertThatThrownBy(revoked::get).isInstanceOf(TaskRevokedException.class).hasMessage("revoked");
  }

  @Test
  void theStoredRemoteFormCountsAsItsJavaTypeAndItsSupertypes() {
    app.stub("t").fails(new IllegalArgumentException("bad"));

    AsyncResult<Object> r = app.sendTask("t");

    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalArgumentException.class))
        .is(raisedAs(RuntimeException.class))
        .isNot(raisedAs(IllegalStateException.class));
    Throwable stored = (Throwable) r.result();
    assertThat(PythonException.is(stored, IllegalArgumentException.class)).isTrue();
    assertThat(
            PythonException.is(
                PythonException.of("ValueError", "x"), IllegalArgumentException.class))
        .as("a Python class names no Java class")
        .isFalse();
  }

  @Test
  void pickleKeepsTheJavaInstance() {
    InMemoryCelery pickle =
        InMemoryCelery.create(CeleryConfig.defaults().resultSerializer(ResultSerializer.OBJECT));
    IllegalStateException boom = new IllegalStateException("boom");
    pickle.stub("t").fails(boom);

    assertThatThrownBy(() -> pickle.sendTask("t").get()).isSameAs(boom);
  }

  @Test
  void anEagerResultHoldsTheInstanceAsCeleryEagerResultDoes() {
    InMemoryCelery eager = InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));
    IllegalStateException boom = new IllegalStateException("boom");
    eager.stub("t").fails(boom);

    assertThatThrownBy(() -> eager.sendTask("t").get()).isSameAs(boom);
  }

  @Test
  void aSeededPythonFailureIsReadAsTheWorkerStoredIt() {
    AsyncResult<Object> r = app.seed().failed("t-1", PythonException.of("KeyError", "invoice"));

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThatThrownBy(r::get)
        .isInstanceOf(RemoteTaskException.class)
        .hasMessage("KeyError: 'invoice'");
  }

  @Test
  void pythonExceptionsAreMadeAsPythonPrintsThem() {
    assertThat(PythonException.of("ValueError", "bad invoice"))
        .hasMessage("ValueError: bad invoice")
        .satisfies(e -> assertThat(e.excModule()).isEqualTo("builtins"));
    assertThat(PythonException.of("myapp.errors.InvoiceError", "bad"))
        .hasMessage("myapp.errors.InvoiceError: bad")
        .satisfies(e -> assertThat(e.excType()).isEqualTo("InvoiceError"));
    assertThat(PythonException.of("myapp.errors", "InvoiceError", null))
        .hasMessage("myapp.errors.InvoiceError")
        .satisfies(e -> assertThat(e.excMessage()).isEmpty());
    assertThat(PythonException.withArgs("wtasks", "OracleError", List.of("custom", 42)))
        .hasMessage("wtasks.OracleError: ('custom', 42)");
    assertThat(PythonException.of("ValueError", "x").traceback())
        .startsWith("Traceback (most recent call last):")
        .endsWith("ValueError: x\n");
  }

  @Test
  void badPythonExceptionsAreRefusedWithTheFix() {
    assertThatThrownBy(() -> PythonException.of(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ValueError");
    assertThatThrownBy(() -> PythonException.withArgs("m", "a.B", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without its module");
    assertThatThrownBy(() -> PythonException.withArgs("m", "B", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("List.of()");
  }
}
