package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ChordException;
import io.celerykit.result.GetOptions;
import io.celerykit.result.GroupResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.RemoteTaskException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every message that shows a Python value shows CPython's repr of it. The value is the string
 * {@code it's} + newline + {@code x}, whose repr needs double quotes and an escape; each expected
 * text was produced by /usr/bin/python3 (the same format strings as Celery's, with {@code %r} /
 * {@code repr()} of the same values).
 */
class PythonReprInMessagesTest {
  private static final String TEXT = "it's\nx";

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Object> echo = app.boundTask("tasks.echo", self -> self.args().get(0));

  @Test
  void signatureReprShowsArgumentsAsCeleryReprcallDoes() {
    // celery/utils/text.py reprcall: tasks.echo("it's\nx", k="it's\nx")
    Signature sig = echo.s(TEXT).withKwargs(Map.of("k", TEXT));

    assertThat(sig).hasToString("tasks.echo(\"it's\\nx\", k=\"it's\\nx\")");
  }

  @Test
  void maxRetriesMessageShowsArgsAndKwargsAsCeleryTaskRetryFormatsThem() {
    // celery/app/task.py Task.retry: "Can't retry {0}[{1}] args:{2} kwargs:{3}"
    InMemoryCelery strict = InMemoryCelery.create(CeleryConfig.defaults().maxRetries(0));
    Task<Object> kw =
        strict.boundTask(
            "tasks.kw",
            self -> {
              throw self.retry();
            });

    AsyncResult<Object> r =
        kw.applyAsync(List.of(TEXT), Map.of("k", TEXT), ApplyOptions.defaults());

    assertThatThrownBy(r::get)
        .isInstanceOf(MaxRetriesExceededException.class)
        .hasMessage(
            "Can't retry tasks.kw[" + r.id() + "] args:(\"it's\\nx\",) kwargs:{'k': \"it's\\nx\"}");
  }

  @Test
  void wrongArityMessageShowsTheArgumentsAsATuple() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(TEXT);

    // Stored under JSON, the failure reads back as the remote form, "type: message".
    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalArgumentException.class))
        .hasMessageEndingWith(
            "tasks.add() takes 2 positional arguments but 1 was given: (\"it's\\nx\",)");
  }

  @Test
  void succeededEventShowsTheResultsRepr() {
    // celery/app/trace.py: send_success(..., result=saferepr(R)) - "it's\nx"
    AsyncResult<Object> r = echo.delay(TEXT);
    r.get();

    TaskEvent succeeded =
        app.journal().eventsFor(r.id()).stream()
            .filter(e -> e.type().equals("task-succeeded"))
            .findFirst()
            .orElseThrow();
    assertThat(succeeded.payload()).containsEntry("result", "\"it's\\nx\"");
  }

  @Test
  void remoteExceptionMessageShowsSeveralArgsAsPythonsStrOfTheException() {
    // str(ValueError("it's\nx", 1)) is ("it's\nx", 1)
    RemoteTaskException e =
        new RemoteTaskException("ValueError", "builtins", List.of(TEXT, 1), null);

    assertThat(e).hasMessage("ValueError: (\"it's\\nx\", 1)");
  }

  @Test
  void chordErrorShowsTheFailedMembersExceptionRepr() {
    // celery/backends/base.py: 'Dependency {0.id} raised {1!r}' - ValueError("it's\nx")
    Task<Object> fails =
        app.boundTask(
            "tasks.fails",
            self -> {
              throw new RemoteTaskException("ValueError", "builtins", List.of(TEXT), null);
            });

    AsyncResult<Object> r = Canvas.chord(List.of(fails.s()), echo.s()).applyAsync();
    String member = ((AsyncResult<?>) ((GroupResult) r.parent()).member(0)).id();

    assertThatThrownBy(() -> r.get(GetOptions.defaults().followParents(false)))
        .isInstanceOf(ChordException.class)
        .hasMessage("Dependency " + member + " raised ValueError(\"it's\\nx\")");
  }
}
