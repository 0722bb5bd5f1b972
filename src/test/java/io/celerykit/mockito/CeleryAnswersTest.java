package io.celerykit.mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class CeleryAnswersTest {

  /** A client interface of the kind applications wrap Celery in. */
  interface Client {
    AsyncResult<Object> submit(String quarter, int pages);

    AsyncResult<Object> submitAll(String... quarters);

    String send(String quarter);

    AsyncResult<Object> lookup(String id);
  }

  /** The most common client shape: the task name, then the task's arguments. */
  interface NamedClient {
    String submit(String taskName, Object... args);
  }

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Client client = mock(Client.class);

  @Test
  void sendsTheTaskWithTheInvocationsArguments() {
    app.task("reports.render", (String q, Integer pages) -> q + ":" + pages);
    when(client.submit(anyString(), anyInt()))
        .thenAnswer(CeleryAnswers.sendsTask(app, "reports.render"));

    AsyncResult<Object> r = client.submit("Q3", 12);

    assertThat(r.get()).isEqualTo("Q3:12");
  }

  @Test
  void spreadsVarargs() {
    app.task("reports.both", (String a, String b) -> a + "+" + b);
    when(client.submitAll(any(String[].class)))
        .thenAnswer(CeleryAnswers.sendsTask(app, "reports.both"));

    assertThat(client.submitAll("Q1", "Q2").get()).isEqualTo("Q1+Q2");
  }

  @Test
  void picksArgumentsWithAFunction() {
    app.task("reports.pages", (Integer pages) -> pages * 2);
    when(client.submit(anyString(), anyInt()))
        .thenAnswer(
            CeleryAnswers.sendsTask(
                app, "reports.pages", inv -> List.of(inv.getArgument(1, Integer.class))));

    assertThat(client.submit("Q3", 21).get()).isEqualTo(42);
  }

  @Test
  void answersWithTheIdForClientsThatReturnIds() {
    app.stub("reports.render").returns("pdf");
    when(client.send(anyString()))
        .thenAnswer(CeleryAnswers.sendsTaskReturningId(app, "reports.render"));

    String id = client.send("Q3");

    assertThat(app.asyncResult(id).get()).isEqualTo("pdf");
  }

  @Test
  void aTaskNameGivenAsTheClientsFirstArgumentIsNotATaskArgument() {
    // Celery's app.send_task(name, args) takes the name apart from the arguments
    // (celery/app/base.py, Celery.send_task): the README's one-line answer sends only the args.
    app.task("reports.render", (String quarter) -> "pdf for " + quarter);
    NamedClient named = mock(NamedClient.class);
    when(named.submit(eq("reports.render"), any()))
        .thenAnswer(CeleryAnswers.sendsTaskReturningId(app, "reports.render"));

    String id = named.submit("reports.render", "2026-Q3");

    assertThat(app.<String>asyncResult(id).get()).isEqualTo("pdf for 2026-Q3");
    app.verify().sent("reports.render").withArgs("2026-Q3").once();
  }

  @Test
  void answersWithAPreparedResultOrTheResultOfTheIdArgument() {
    AsyncResult<Object> seeded = app.seed().succeeded("r-1", "pdf");
    when(client.lookup("r-1")).thenAnswer(CeleryAnswers.returnsResult(seeded));
    assertThat(client.lookup("r-1")).isSameAs(seeded);

    Client other = mock(Client.class);
    when(other.lookup(anyString())).thenAnswer(CeleryAnswers.resultOfIdArgument(app));
    assertThat(other.lookup("r-1").state()).isEqualTo(TaskState.SUCCESS);
    assertThat(other.lookup("unknown").state()).isEqualTo(TaskState.PENDING);
  }

  @Test
  void anUnregisteredTaskFailsWhenTheAnswerIsMade() {
    assertThatThrownBy(() -> CeleryAnswers.sendsTask(app, "reports.nope"))
        .isInstanceOf(NotRegisteredException.class)
        .hasMessageContaining("reports.nope");
  }
}
