package io.celerykit.app;

import io.celerykit.backend.VirtualClock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The app's event journal: every task event, in order, with its virtual time. Bounded: it keeps the
 * last {@link CeleryConfig#journalCapacity()} events and counts those it dropped, so long
 * simulations do not run out of memory; capacity 0 switches it off. Thread-safe.
 *
 * <p>An event's type, time, task id and name are taken when it happens; its payload is rendered the
 * first time the event is read, from the objects of the run (arguments, result, exception), so
 * recording costs little when nobody reads the journal. A mutable value that a test changes between
 * the run and the first read shows as changed.
 *
 * <pre>{@code
 * System.out.println(app.journal().timeline());
 * }</pre>
 */
public final class EventJournal {
  private final int capacity;
  private final VirtualClock clock;
  private final ArrayDeque<Recorded> events = new ArrayDeque<>();
  private long dropped;

  EventJournal(int capacity, VirtualClock clock) {
    this.capacity = capacity;
    this.clock = clock;
  }

  /**
   * Records an event at the current virtual time, its payload rendered when first read; with the
   * journal off (capacity 0) it only counts a dropped event.
   */
  synchronized void record(
      String type, String taskId, String name, Supplier<Map<String, Object>> payload) {
    if (capacity == 0) {
      dropped++;
      return;
    }
    Instant at = clock.now();
    if (events.size() == capacity) {
      events.removeFirst();
      dropped++;
    }
    events.addLast(new Recorded(type, at, taskId, name, payload));
  }

  /** An event as recorded; it becomes a {@link TaskEvent} the first time it is read. */
  private static final class Recorded {
    private final String type;
    private final Instant at;
    private final String taskId;
    private final String name;
    private Supplier<Map<String, Object>> payload;
    private TaskEvent event;

    Recorded(
        String type,
        Instant at,
        String taskId,
        String name,
        Supplier<Map<String, Object>> payload) {
      this.type = type;
      this.at = at;
      this.taskId = taskId;
      this.name = name;
      this.payload = payload;
    }

    /** The event; called under the journal's lock. */
    TaskEvent event() {
      if (event == null) {
        event = new TaskEvent(type, at, taskId, name, payload.get());
        payload = null;
      }
      return event;
    }
  }

  /**
   * Tells whether the journal records anything (capacity above 0).
   *
   * @return true when on
   */
  public boolean enabled() {
    return capacity > 0;
  }

  /**
   * Returns the capacity.
   *
   * @return how many events are kept at most
   */
  public int capacity() {
    return capacity;
  }

  /**
   * Returns how many events were dropped (past the capacity, or all when switched off).
   *
   * @return the count
   */
  public synchronized long dropped() {
    return dropped;
  }

  /**
   * Returns the events kept, oldest first.
   *
   * @return a snapshot
   */
  public synchronized List<TaskEvent> events() {
    List<TaskEvent> out = new ArrayList<>(events.size());
    for (Recorded r : events) {
      out.add(r.event());
    }
    return List.copyOf(out);
  }

  /**
   * Returns the events of one task, oldest first.
   *
   * @param taskId the task id
   * @return a snapshot
   */
  public synchronized List<TaskEvent> eventsFor(String taskId) {
    List<TaskEvent> out = new ArrayList<>();
    for (Recorded r : events) {
      if (r.taskId.equals(taskId)) {
        out.add(r.event());
      }
    }
    return out;
  }

  /**
   * Returns the event types of one task, oldest first, e.g. {@code [task-sent, task-received,
   * task-started, task-succeeded]}.
   *
   * @param taskId the task id
   * @return the types
   */
  public List<String> typesFor(String taskId) {
    List<String> out = new ArrayList<>();
    for (TaskEvent e : eventsFor(taskId)) {
      out.add(e.type());
    }
    return out;
  }

  /**
   * Returns the journal as a printable timeline, one event a line, with a note of dropped events.
   *
   * @return the text
   */
  public synchronized String timeline() {
    StringBuilder sb = new StringBuilder();
    if (dropped > 0) {
      sb.append("(")
          .append(dropped)
          .append(" earlier events dropped; journal capacity ")
          .append(capacity)
          .append(")\n");
    }
    for (Recorded r : events) {
      sb.append(r.event().toLine()).append('\n');
    }
    return sb.toString();
  }

  /** Forgets every event. */
  public synchronized void clear() {
    events.clear();
    dropped = 0;
  }
}
