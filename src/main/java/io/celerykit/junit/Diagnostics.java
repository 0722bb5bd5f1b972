package io.celerykit.junit;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.ResultTrees;
import io.celerykit.app.SentTask;
import io.celerykit.app.SentTasks;
import io.celerykit.internal.CappedList;

/**
 * Builds the failure report of a test: journal timeline, result trees and the tasks sent, with why
 * those not done have not run.
 */
final class Diagnostics {
  private static final int MAX_TREES = 20;
  private static final int MAX_SENT = 50;

  private Diagnostics() {}

  static String report(InMemoryCelery app) {
    StringBuilder sb = new StringBuilder("celerykit report (virtual time ");
    sb.append(app.clock().elapsed()).append(")\n\nevent journal:\n");
    String timeline = app.journal().timeline();
    sb.append(timeline.isEmpty() ? "  (no events)\n" : indent(timeline));
    SentTasks sent = app.sentTasks();
    sb.append("\nresult trees of the tasks the test sent:\n");
    if (sent.isEmpty()) {
      sb.append("  (no tasks sent)\n");
    }
    int shown = 0;
    for (SentTask task : sent) {
      if (task.parentId() != null) {
        continue; // drawn in the tree of the task that sent it
      }
      if (shown++ == MAX_TREES) {
        sb.append("  ... more trees not shown\n");
        break;
      }
      sb.append(indent(ResultTrees.render(task.result())));
    }
    appendSent(sb, app);
    return sb.toString();
  }

  /** The tasks sent, in order, with why each one not done has not run. */
  private static void appendSent(StringBuilder sb, InMemoryCelery app) {
    SentTasks sent = app.sentTasks();
    sb.append("\ntasks sent (").append(sent.size());
    if (sent.dropped() > 0) {
      sb.append(", and ").append(sent.dropped()).append(" earlier ones no longer kept");
    }
    sb.append("):\n");
    if (sent.isEmpty()) {
      sb.append("  (none)\n");
    }
    CappedList.append(
        sb,
        sent,
        MAX_SENT,
        "  ... %d more\n",
        t -> {
          sb.append("  #").append(t.sequence()).append(' ').append(t).append('\n');
          String why = app.whyNotRun(t.taskId());
          if (why != null) {
            sb.append("      not done: ").append(why).append('\n');
          }
        });
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ").stripTrailing() + "\n";
  }
}
