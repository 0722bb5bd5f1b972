package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import io.celerykit.app.TaskEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Checks an app's {@link EventJournal}: which events each task went through, in order. Obtain one
 * with {@link CeleryAssertions#assertThat(EventJournal)}. Failure messages print the journal's
 * timeline.
 *
 * <p>Event types are Celery's: {@code task-sent}, {@code task-received}, {@code task-started},
 * {@code task-retried}, {@code task-succeeded}, {@code task-failed}, {@code task-revoked}, {@code
 * task-rejected}. The journal keeps its last {@code journalCapacity} events only.
 */
public class EventJournalAssert extends AbstractAssert<EventJournalAssert, EventJournal> {

  /**
   * Creates an assert on a journal; prefer {@link CeleryAssertions#assertThat(EventJournal)}.
   *
   * @param actual the journal, may be null (every check then fails)
   */
  public EventJournalAssert(EventJournal actual) {
    super(actual, EventJournalAssert.class);
  }

  /**
   * Verifies that the task's event types contain these types one right after the other, in this
   * order (as AssertJ's {@code containsSequence}).
   *
   * <pre>{@code
   * assertThat(app.journal()).containsSequence(r.id(), "task-started", "task-succeeded");
   * }</pre>
   *
   * @param taskId the task id
   * @param eventTypes the event types, e.g. {@code "task-received", "task-started"}
   * @return this assert
   */
  public EventJournalAssert containsSequence(String taskId, String... eventTypes) {
    List<String> sequence = requireTypes(taskId, eventTypes);
    isNotNull();
    List<String> types = actual.typesFor(taskId);
    if (Collections.indexOfSubList(types, sequence) < 0) {
      throwAssertionError(
          JournalMessages.shouldContainEventSequence(actual, taskId, sequence, types));
    }
    return myself;
  }

  /**
   * Verifies that the task's event types contain these types in this order, other events allowed
   * between them (as AssertJ's {@code containsSubsequence}).
   *
   * @param taskId the task id
   * @param eventTypes the event types
   * @return this assert
   */
  public EventJournalAssert containsSubsequence(String taskId, String... eventTypes) {
    List<String> sequence = requireTypes(taskId, eventTypes);
    isNotNull();
    List<String> types = actual.typesFor(taskId);
    int next = 0;
    for (String type : types) {
      if (next < sequence.size() && type.equals(sequence.get(next))) {
        next++;
      }
    }
    if (next < sequence.size()) {
      throwAssertionError(
          JournalMessages.shouldContainEventSubsequence(actual, taskId, sequence, types));
    }
    return myself;
  }

  /**
   * Verifies that the journal holds an event of this type for the task.
   *
   * @param taskId the task id
   * @param type the event type, e.g. {@code "task-failed"}
   * @return this assert
   */
  public EventJournalAssert hasEventFor(String taskId, String type) {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(type, "type");
    isNotNull();
    List<String> types = actual.typesFor(taskId);
    if (!types.contains(type)) {
      throwAssertionError(JournalMessages.shouldHaveEventFor(actual, taskId, type, types));
    }
    return myself;
  }

  /**
   * Verifies that the journal holds no event of this type, for any task.
   *
   * @param type the event type, e.g. {@code "task-failed"}
   * @return this assert
   */
  public EventJournalAssert hasNoEventOfType(String type) {
    Objects.requireNonNull(type, "type");
    isNotNull();
    List<String> found = new ArrayList<>();
    for (TaskEvent event : actual.events()) {
      if (event.type().equals(type)) {
        found.add(event.toLine());
      }
    }
    if (!found.isEmpty()) {
      throwAssertionError(JournalMessages.shouldHaveNoEventOfType(actual, type, found));
    }
    return myself;
  }

  /**
   * Verifies how many events the journal holds (the dropped ones not counted).
   *
   * @param expected the number of events
   * @return this assert
   */
  public EventJournalAssert hasSize(int expected) {
    isNotNull();
    int size = actual.events().size();
    if (size != expected) {
      throwAssertionError(JournalMessages.shouldHaveSize(actual, expected, size));
    }
    return myself;
  }

  private static List<String> requireTypes(String taskId, String[] eventTypes) {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(eventTypes, "eventTypes");
    if (eventTypes.length == 0) {
      throw new IllegalArgumentException(
          "give at least one event type, such as \"task-started\", \"task-succeeded\"");
    }
    for (String type : eventTypes) {
      Objects.requireNonNull(type, "event type");
    }
    return Arrays.asList(eventTypes);
  }
}
