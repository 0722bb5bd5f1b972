package io.celerykit.app;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event of the journal, as Celery's monitoring events: {@code task-sent}, {@code
 * task-received}, {@code task-started}, {@code task-retried}, {@code task-succeeded}, {@code
 * task-failed}, {@code task-revoked}, {@code task-rejected}.
 *
 * @param type the event type, e.g. {@code task-succeeded}
 * @param at the virtual time
 * @param taskId the task id
 * @param name the task name
 * @param payload the event's fields (Celery's names: {@code result}, {@code exception}, {@code
 *     retries}, {@code eta}, {@code terminated}, ...)
 */
public record TaskEvent(
    String type, Instant at, String taskId, String name, Map<String, Object> payload) {

  /**
   * Checks and copies the parts.
   *
   * @param type the type
   * @param at the time
   * @param taskId the id
   * @param name the name
   * @param payload the fields
   */
  public TaskEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(taskId, "taskId");
    payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
  }

  /**
   * Returns one line of a timeline: time, type, name[id] and the payload.
   *
   * @return the line
   */
  public String toLine() {
    return at
        + "  "
        + String.format("%-15s", type)
        + " "
        + name
        + "["
        + taskId
        + "]"
        + (payload.isEmpty() ? "" : " " + payload);
  }
}
