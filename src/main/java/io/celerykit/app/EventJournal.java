package io.celerykit.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's event journal: every task event, in order, with its virtual time. Bounded: it keeps
 * the last {@link CeleryConfig#journalCapacity()} events and counts those it dropped, so long
 * simulations do not run out of memory; capacity 0 switches it off. Thread-safe.
 *
 * <pre>{@code
 * System.out.println(app.journal().timeline());
 * }</pre>
 */
public final class EventJournal {
  private final int capacity;
  private final ArrayDeque<TaskEvent> events = new ArrayDeque<>();
  private long dropped;

  EventJournal(int capacity) {
    this.capacity = capacity;
  }

  /** Records an event; with the journal off (capacity 0), {@code null} counts a dropped one. */
  synchronized void record(TaskEvent event) {
    if (capacity == 0 || event == null) {
      dropped++;
      return;
    }
    if (events.size() == capacity) {
      events.removeFirst();
      dropped++;
    }
    events.addLast(event);
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
    return List.copyOf(events);
  }

  /**
   * Returns the events of one task, oldest first.
   *
   * @param taskId the task id
   * @return a snapshot
   */
  public synchronized List<TaskEvent> eventsFor(String taskId) {
    List<TaskEvent> out = new ArrayList<>();
    for (TaskEvent e : events) {
      if (e.taskId().equals(taskId)) {
        out.add(e);
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
      sb.append("(").append(dropped).append(" earlier events dropped; journal capacity ")
          .append(capacity).append(")\n");
    }
    for (TaskEvent e : events) {
      sb.append(e.toLine()).append('\n');
    }
    return sb.toString();
  }

  /** Forgets every event. */
  public synchronized void clear() {
    events.clear();
    dropped = 0;
  }
}
