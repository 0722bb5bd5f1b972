package io.celerykit.app;

import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A frozen canvas element of one {@link CanvasRun}: its ids are assigned (Celery's {@code
 * freeze()}). Every node can start with partial arguments; report its completion (SUCCESS with its
 * value, or a failure); take a group id (which lands on the task that decides its completion); be
 * failed without running (a chain's remaining steps after a failure); and build its result given
 * the result of what came before it. Internal.
 */
abstract class CanvasNode {

  /** How a node ended: its state, its value (or exception), and the id that reported it. */
  record Done(TaskState state, Object value, String id) {
    boolean ok() {
      return state.equals(TaskState.SUCCESS);
    }
  }

  /** Starts the node with partial arguments; sent from a task, adds its result as a child. */
  abstract void send(List<?> args, boolean addToParent);

  /** Calls the listener once, when the node is done. Register before sending. */
  abstract void onComplete(Consumer<Done> listener);

  /**
   * Gives the node the id of the group it is a member of and its place there, Celery's {@code
   * group_id} and {@code group_index} (which a chain gives its last task, a chord its body).
   */
  abstract void joinGroup(String groupId, int groupIndex);

  /** Stores every task of a node that will never run as failed, and reports completion. */
  abstract void fail(TaskState state, Object exception);

  /** Builds the node's result, given the result of what ran before it. */
  abstract ResultBase result(ResultBase parent);

  /** The partial arguments that pass one value on to the next step. */
  static List<Object> one(Object value) {
    return Collections.singletonList(value);
  }
}
