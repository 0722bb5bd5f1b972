package io.celerykit.junit;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.SentTask;
import io.celerykit.app.TaskStub;
import io.celerykit.app.UnhandledTask;
import io.celerykit.result.AsyncResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds what strict mode reports: results never consumed, stubs never used, tasks sent but never
 * handled.
 */
final class StrictCheck {
  private StrictCheck() {}

  /** Everything strict mode reports. */
  static String problems(InMemoryCelery app) {
    return unconsumed(app) + unusedStubs(app) + unhandled(app);
  }

  /** Results handed out that the test never consumed. */
  static String unconsumed(InMemoryCelery app) {
    StringBuilder sb = new StringBuilder();
    List<AsyncResult<?>> unconsumed = app.unconsumedResults();
    if (!unconsumed.isEmpty()) {
      sb.append("celerykit strict mode: ")
          .append(unconsumed.size())
          .append(" result(s) were never consumed with get(), join() or forget(),")
          .append(" as Celery asks of every AsyncResult:\n");
      Map<String, String> names = new HashMap<>();
      for (SentTask t : app.sentTasks()) {
        names.put(t.taskId(), t.name());
      }
      for (AsyncResult<?> r : unconsumed) {
        sb.append("  - ").append(r.id());
        String name = r.name() != null ? r.name() : names.get(r.id());
        if (name != null) {
          sb.append(' ').append(name);
        }
        sb.append(" (").append(r.state()).append(")\n");
      }
    }
    return sb.toString();
  }

  /** Stubs scripted but never called. */
  static String unusedStubs(InMemoryCelery app) {
    StringBuilder unused = new StringBuilder();
    for (TaskStub stub : app.stubs()) {
      if (!stub.used()) {
        unused.append("  - ").append(stub.name()).append('\n');
      }
    }
    return unused.length() == 0
        ? ""
        : "celerykit strict mode: stubs scripted but never called:\n" + unused;
  }

  /**
   * Tasks sent that no body or stub outcome ever handled before the test ended (see {@link
   * InMemoryCelery#unhandledTasks()}), each with the reason.
   */
  static String unhandled(InMemoryCelery app) {
    List<UnhandledTask> unhandled = app.unhandledTasks();
    if (unhandled.isEmpty()) {
      return "";
    }
    StringBuilder sb =
        new StringBuilder("celerykit strict mode: ")
            .append(unhandled.size())
            .append(" task(s) were sent but never handled before the test ended:\n");
    for (UnhandledTask t : unhandled) {
      sb.append("  - ").append(t.sent()).append("\n      ").append(t.reason()).append('\n');
    }
    return sb.toString();
  }
}
