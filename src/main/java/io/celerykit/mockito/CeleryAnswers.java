package io.celerykit.mockito;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * Mockito answers that hand the code under test a real celerykit result, for code that receives
 * results through its own client interface.
 *
 * <pre>{@code
 * when(client.submit(eq("reports.render"), any())).thenAnswer(CeleryAnswers.sendsTask(app, "reports.render"));
 * when(client.lookup("r-1")).thenAnswer(CeleryAnswers.returnsResult(app.seed().succeeded("r-1", "pdf")));
 * }</pre>
 */
public final class CeleryAnswers {
  private CeleryAnswers() {}

  /**
   * Answers with the result of sending a registered task (or stub) with the invocation's arguments:
   * each argument of the mocked call becomes a positional argument of the task (a varargs array is
   * spread). A client shaped as {@code send(taskName, args...)} passes the task name first: a first
   * argument equal to {@code taskName} is taken as that name, not as an argument, so {@code
   * submit("reports.render", "2026-Q3")} sends {@code reports.render("2026-Q3")}.
   *
   * <pre>{@code
   * when(client.submit(eq("reports.render"), any()))
   *     .thenAnswer(CeleryAnswers.sendsTask(app, "reports.render"));
   * }</pre>
   *
   * @param app the app
   * @param taskName the registered task name
   * @return the answer
   */
  public static Answer<AsyncResult<Object>> sendsTask(InMemoryCelery app, String taskName) {
    Objects.requireNonNull(app, "app");
    app.taskNamed(taskName);
    return invocation -> app.sendTask(taskName, taskArguments(invocation, taskName));
  }

  /**
   * Answers with the result of sending a registered task with the arguments a function picks from
   * the invocation, for calls whose parameters are not the task's arguments.
   *
   * @param app the app
   * @param taskName the registered task name
   * @param arguments picks the task's arguments from the invocation
   * @return the answer
   */
  public static Answer<AsyncResult<Object>> sendsTask(
      InMemoryCelery app, String taskName, Function<InvocationOnMock, List<?>> arguments) {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(arguments, "arguments");
    app.taskNamed(taskName);
    return invocation -> app.sendTask(taskName, arguments.apply(invocation).toArray());
  }

  /**
   * Answers with the task id of sending a registered task, for clients that return ids; the
   * arguments are taken as {@link #sendsTask(InMemoryCelery, String)} takes them (a leading task
   * name is not an argument).
   *
   * @param app the app
   * @param taskName the registered task name
   * @return the answer
   */
  public static Answer<String> sendsTaskReturningId(InMemoryCelery app, String taskName) {
    Answer<AsyncResult<Object>> send = sendsTask(app, taskName);
    return invocation -> send.answer(invocation).id();
  }

  /**
   * Answers with a result prepared by the test (seeded, stubbed or sent).
   *
   * @param <R> the result type
   * @param result the result
   * @return the answer
   */
  public static <R extends ResultBase> Answer<R> returnsResult(R result) {
    Objects.requireNonNull(result, "result");
    return invocation -> result;
  }

  /**
   * Answers with the result of the task id the invocation names (its first argument), as {@code
   * app.AsyncResult(id)}.
   *
   * @param app the app
   * @return the answer
   */
  public static Answer<AsyncResult<Object>> resultOfIdArgument(InMemoryCelery app) {
    Objects.requireNonNull(app, "app");
    return invocation -> app.asyncResult(String.valueOf(invocation.getArgument(0, Object.class)));
  }

  /**
   * The task's arguments: the invocation's, a varargs array spread, without a leading argument
   * equal to the task name (the name parameter of a {@code send(name, args...)} client).
   */
  private static Object[] taskArguments(InvocationOnMock invocation, String taskName) {
    Object[] all = spread(invocation);
    if (all.length > 0 && taskName.equals(all[0])) {
      return Arrays.copyOfRange(all, 1, all.length);
    }
    return all;
  }

  private static Object[] spread(InvocationOnMock invocation) {
    List<Object> args = new ArrayList<>();
    for (Object arg : invocation.getArguments()) {
      if (arg instanceof Object[] array) {
        args.addAll(Arrays.asList(array));
      } else {
        args.add(arg);
      }
    }
    return args.toArray();
  }
}
