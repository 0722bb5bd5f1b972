package io.celerykit.result;

/** Re-raises stored failures the way celerykit's design says: unchecked as is, checked wrapped. */
final class Failures {
  private Failures() {}

  static RuntimeException raise(String taskId, TaskState state, Object value) {
    if (value instanceof RuntimeException re) {
      throw re;
    }
    if (value instanceof Error error) {
      throw error;
    }
    if (value instanceof Throwable checked) {
      throw new TaskFailedException(
          taskId,
          state,
          "task " + taskId + " is in state " + state + " with checked exception " + checked,
          checked);
    }
    throw new TaskFailedException(
        taskId,
        state,
        "task "
            + taskId
            + " is in state "
            + state
            + " and its stored value is not an exception: "
            + value,
        null);
  }
}
