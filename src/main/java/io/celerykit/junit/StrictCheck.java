package io.celerykit.junit;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.TaskStub;
import io.celerykit.result.AsyncResult;
import java.util.List;

/** Finds what strict mode reports: results never consumed, stubs never used. */
final class StrictCheck {
  private StrictCheck() {}

  static String problems(InMemoryCelery app) {
    StringBuilder sb = new StringBuilder();
    List<AsyncResult<?>> unconsumed = app.unconsumedResults();
    if (!unconsumed.isEmpty()) {
      sb.append("celerykit strict mode: ")
          .append(unconsumed.size())
          .append(" result(s) were never consumed with get(), join() or forget(),")
          .append(" as Celery asks of every AsyncResult:\n");
      for (AsyncResult<?> r : unconsumed) {
        sb.append("  - ").append(r.id());
        String name = r.name();
        if (name != null) {
          sb.append(' ').append(name);
        }
        sb.append(" (").append(r.state()).append(")\n");
      }
    }
    StringBuilder unused = new StringBuilder();
    for (TaskStub stub : app.stubs()) {
      if (!stub.used()) {
        unused.append("  - ").append(stub.name()).append('\n');
      }
    }
    if (unused.length() > 0) {
      sb.append("celerykit strict mode: stubs scripted but never called:\n").append(unused);
    }
    return sb.toString();
  }
}
