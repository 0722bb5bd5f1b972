package io.celerykit.junit;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.ResultTrees;
import io.celerykit.result.AsyncResult;
import java.util.List;

/** Builds the failure report of a test: journal timeline and result trees. */
final class Diagnostics {
  private static final int MAX_TREES = 20;

  private Diagnostics() {}

  static String report(InMemoryCelery app) {
    StringBuilder sb = new StringBuilder("celerykit report (virtual time ");
    sb.append(app.clock().elapsed()).append(")\n\nevent journal:\n");
    String timeline = app.journal().timeline();
    sb.append(timeline.isEmpty() ? "  (no events)\n" : indent(timeline));
    List<AsyncResult<?>> sent = app.sentResults();
    sb.append("\nresult trees of the tasks the test sent:\n");
    if (sent.isEmpty()) {
      sb.append("  (no tasks sent)\n");
    }
    int shown = 0;
    for (AsyncResult<?> result : sent) {
      if (result.parent() != null || app.backend().getTaskMeta(result.id()).parentId() != null) {
        continue;
      }
      if (shown++ == MAX_TREES) {
        sb.append("  ... more trees not shown\n");
        break;
      }
      sb.append(indent(ResultTrees.render(result)));
    }
    return sb.toString();
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ").stripTrailing() + "\n";
  }
}
