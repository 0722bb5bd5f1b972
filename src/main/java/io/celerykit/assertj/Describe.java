package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.ResultTrees;
import io.celerykit.app.TaskEvent;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.presentation.StandardRepresentation;

/**
 * Text for failure messages: results, states, values, trees and timelines, read without waiting.
 */
final class Describe {

  /**
   * How many nodes a drawn tree shows at most: enough for a message, short when a tree is large or
   * refers back to itself (a retried task lists itself among its children).
   */
  static final int TREE_NODES = 50;

  /** How many member ids a set's description names at most. */
  static final int SET_IDS = 20;

  /** How many lines of a traceback a message shows. */
  static final int TRACEBACK_LINES = 25;

  private Describe() {}

  /** {@code id (name)}, or the id alone when no name is known. */
  static String result(AsyncResult<?> result) {
    String name = safeName(result);
    return name == null ? result.id() : result.id() + " (" + name + ")";
  }

  /**
   * The task name: stored (with {@code result_extended}) or given, else the name the in-memory
   * app's journal recorded for the id.
   */
  private static String safeName(AsyncResult<?> result) {
    try {
      String name = result.name();
      if (name == null && result.app() instanceof InMemoryCelery app) {
        for (TaskEvent event : app.journal().eventsFor(result.id())) {
          if (event.name() != null) {
            return event.name();
          }
        }
      }
      return name;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Why the in-memory app has not run a task, as a message section ({@code \nit has not run
   * because:\n ...}), or empty when it ran or the app does not know (see {@link
   * InMemoryCelery#whyNotRun(String)}).
   */
  static String whyNotRun(AsyncResult<?> result) {
    if (!(result.app() instanceof InMemoryCelery app)) {
      return "";
    }
    String why = app.whyNotRun(result.id());
    return why == null ? "" : "\nit is not done because:\n  " + why;
  }

  /**
   * A result set as Celery's repr, {@code <GroupResult: id [a, b]>} or {@code <ResultSet: [a, b]>},
   * naming at most {@link #SET_IDS} members.
   */
  static String set(ResultSet set) {
    List<ResultBase> members = set.results();
    if (members.size() <= SET_IDS) {
      return set instanceof GroupResult group ? group.repr() : set.toString();
    }
    String shown =
        String.join(", ", ids(members.subList(0, SET_IDS)))
            + ", ... ("
            + (members.size() - SET_IDS)
            + " more)";
    return set instanceof GroupResult group
        ? "<GroupResult: " + group.id() + " [" + shown + "]>"
        : "<ResultSet: [" + shown + "]>";
  }

  /** A group by its id, a plain set by its kind: short names for descriptions. */
  static String setName(ResultSet set) {
    return set instanceof GroupResult group ? "group " + group.id() : "the result set";
  }

  /** Any node: a task result as {@link #result}, a set as {@link #set}. */
  static String node(ResultBase node) {
    if (node == null) {
      return "null";
    }
    return node instanceof AsyncResult<?> result ? result(result) : set((ResultSet) node);
  }

  /** The id of a node: the task or group id; a plain set's repr. */
  static String id(ResultBase node) {
    if (node instanceof AsyncResult<?> result) {
      return result.id();
    }
    if (node instanceof GroupResult group) {
      return group.id();
    }
    return String.valueOf(node);
  }

  /** The ids of nodes, as {@link #id}. */
  static List<String> ids(List<? extends ResultBase> nodes) {
    List<String> out = new ArrayList<>(nodes.size());
    for (ResultBase node : nodes) {
      out.add(id(node));
    }
    return out;
  }

  /** The state of a result with what it stores, e.g. {@code FAILURE (IllegalStateException: x)}. */
  static String stateOf(AsyncResult<?> result) {
    return state(result.state(), result.result());
  }

  /** A state with a stored value, e.g. {@code SUCCESS (result: 5)}. */
  static String state(TaskState state, Object stored) {
    if (stored instanceof Throwable error) {
      return state + " (" + throwable(error) + ")";
    }
    if (stored == null) {
      return state.toString();
    }
    return state + " (result: " + value(stored) + ")";
  }

  /** {@code SimpleName: message}, or the simple name alone. */
  static String throwable(Throwable error) {
    String message = error.getMessage();
    String type = error.getClass().getSimpleName();
    if (type.isEmpty()) {
      type = error.getClass().getName();
    }
    return message == null ? type : type + ": " + message;
  }

  /** A value in AssertJ's standard representation, shortened to one readable line. */
  static String value(Object value) {
    if (value instanceof Throwable error) {
      return error.getClass().getName()
          + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
    String text = StandardRepresentation.STANDARD_REPRESENTATION.toStringOf(value);
    return text.length() > 200 ? text.substring(0, 197) + "..." : text;
  }

  /** The tree under a node drawn by {@link ResultTrees#render}, indented; never waits. */
  static String tree(ResultBase root) {
    String drawing;
    try {
      drawing = ResultTrees.render(root, TREE_NODES);
    } catch (RuntimeException e) {
      return "  (the tree could not be drawn: " + throwable(e) + ")";
    }
    return indent(drawing);
  }

  /** The journal's timeline, indented, with a note when the journal is off or empty. */
  static String timeline(EventJournal journal) {
    if (!journal.enabled()) {
      return "  (the journal is switched off: capacity 0; enable it with"
          + " CeleryConfig.journalCapacity(n))";
    }
    String text = journal.timeline();
    return text.isEmpty() ? "  (no events)" : indent(text);
  }

  /** A traceback, indented, cut after {@link #TRACEBACK_LINES} lines. */
  static String traceback(String traceback) {
    String[] lines = traceback.split("\\R");
    StringBuilder out = new StringBuilder();
    int shown = Math.min(lines.length, TRACEBACK_LINES);
    for (int i = 0; i < shown; i++) {
      out.append(i == 0 ? "" : "\n").append("  ").append(lines[i]);
    }
    if (lines.length > shown) {
      out.append("\n  ... (").append(lines.length - shown).append(" more lines)");
    }
    return out.toString();
  }

  /** Indents every line by two spaces and drops the final line break. */
  static String indent(String text) {
    String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return "  " + trimmed.replace("\n", "\n  ");
  }

  /** One line per item, each indented. */
  static String lines(List<String> items) {
    if (items.isEmpty()) {
      return "  (none)";
    }
    return indent(String.join("\n", items));
  }

  /** Celery's precedence order, highest first, for state messages. */
  static String precedenceOrder() {
    return "SUCCESS, FAILURE, <custom states>, REVOKED, STARTED, RECEIVED, REJECTED, RETRY,"
        + " PENDING";
  }
}
