package io.celerykit.wire;

import io.celerykit.internal.EditDistance;
import io.celerykit.result.TaskState;

/**
 * Checks state names read from stored data: Celery's own states, and custom states written as
 * Celery writes them (upper-case, such as {@code PROGRESS}). A name that is not upper-case, or one
 * letter or two away from a built-in state ({@code SUCESS}), is a mistake in the data, not a custom
 * state.
 */
final class StateNames {
  /** How many edits away from a built-in state a name is taken for a typo. */
  private static final int TYPO = 2;

  private static final java.util.regex.Pattern CUSTOM =
      java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

  private StateNames() {}

  static TaskState check(String name, String source) {
    if (TaskState.knownNames().contains(name)) {
      return TaskState.known(name);
    }
    if (!CUSTOM.matcher(name).matches()) {
      throw new WireFormatException(
          source
              + ": key \"status\": unknown state "
              + CeleryJson.shown(name)
              + "; Celery's states are "
              + TaskState.knownNames()
              + ", and custom states are upper-case names such as PROGRESS");
    }
    for (String known : TaskState.knownNames()) {
      // Names whose lengths differ by more than two are more than two edits apart: skipping
      // them keeps the check short however long the name is.
      if (Math.abs(name.length() - known.length()) <= TYPO
          && EditDistance.between(name, known) <= TYPO) {
        throw new WireFormatException(
            source
                + ": key \"status\": unknown state \""
                + name
                + "\" (did you mean "
                + known
                + "?); custom states must not be a typo away from Celery's own");
      }
    }
    return TaskState.of(name);
  }
}
