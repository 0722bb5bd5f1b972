package io.celerykit.result;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A task state, as Celery's {@code celery.states.state}: a name with Celery's precedence.
 *
 * <p>The built-in states are constants; custom states (for example {@code PROGRESS}, stored by a
 * task through {@code update_state}) are made with {@link #of(String)}. States compare by
 * precedence exactly as Celery's {@code state} objects do: {@code SUCCESS} is the greatest, {@code
 * PENDING} the least, and every custom state (and {@code IGNORED}) ranks below {@code SUCCESS} and
 * {@code FAILURE} and above every other built-in state.
 *
 * <pre>{@code
 * TaskState.SUCCESS.compareTo(TaskState.PENDING) > 0   // true, as state('SUCCESS') > state('PENDING')
 * TaskState.READY_STATES.contains(TaskState.FAILURE)   // true
 * }</pre>
 *
 * <p>Note: {@link #compareTo} is not consistent with {@link #equals}: two different custom states
 * have the same precedence (as in Celery, where {@code ==} is plain string equality). Do not use
 * states as keys of a {@link java.util.TreeMap} or members of a {@link java.util.TreeSet}.
 */
public final class TaskState implements Comparable<TaskState> {

  /**
   * Precedence list of Celery's {@code states.PRECEDENCE}; {@code null} stands for custom states.
   */
  private static final List<String> PRECEDENCE =
      java.util.Arrays.asList(
          "SUCCESS",
          "FAILURE",
          null,
          "REVOKED",
          "STARTED",
          "RECEIVED",
          "REJECTED",
          "RETRY",
          "PENDING");

  private static final int NONE_PRECEDENCE = PRECEDENCE.indexOf(null);
  private static final Map<String, TaskState> BUILT_IN = new ConcurrentHashMap<>();

  /** Task state is unknown (assumed pending since you know the id). */
  public static final TaskState PENDING = define("PENDING");

  /** Task was received by a worker (only used in events). */
  public static final TaskState RECEIVED = define("RECEIVED");

  /** Task was started by a worker ({@code task_track_started}). */
  public static final TaskState STARTED = define("STARTED");

  /** Task succeeded. */
  public static final TaskState SUCCESS = define("SUCCESS");

  /** Task failed. */
  public static final TaskState FAILURE = define("FAILURE");

  /** Task was revoked. */
  public static final TaskState REVOKED = define("REVOKED");

  /** Task was rejected (only used in events). */
  public static final TaskState REJECTED = define("REJECTED");

  /** Task is waiting for retry. */
  public static final TaskState RETRY = define("RETRY");

  /** Task result is ignored ({@code IGNORED}); not part of {@link #ALL_STATES}, as in Celery. */
  public static final TaskState IGNORED = define("IGNORED");

  /** Celery's {@code READY_STATES}: SUCCESS, FAILURE, REVOKED. */
  public static final Set<TaskState> READY_STATES = setOf(SUCCESS, FAILURE, REVOKED);

  /** Celery's {@code UNREADY_STATES}: PENDING, RECEIVED, STARTED, REJECTED, RETRY. */
  public static final Set<TaskState> UNREADY_STATES =
      setOf(PENDING, RECEIVED, STARTED, REJECTED, RETRY);

  /** Celery's {@code EXCEPTION_STATES}: RETRY, FAILURE, REVOKED. */
  public static final Set<TaskState> EXCEPTION_STATES = setOf(RETRY, FAILURE, REVOKED);

  /** Celery's {@code PROPAGATE_STATES}: FAILURE, REVOKED. */
  public static final Set<TaskState> PROPAGATE_STATES = setOf(FAILURE, REVOKED);

  /**
   * Celery's {@code ALL_STATES}: PENDING, RECEIVED, STARTED, SUCCESS, FAILURE, RETRY, REVOKED
   * (REJECTED and IGNORED are not members, as in Celery).
   */
  public static final Set<TaskState> ALL_STATES =
      setOf(PENDING, RECEIVED, STARTED, SUCCESS, FAILURE, RETRY, REVOKED);

  private final String name;
  private final int precedence;
  private final boolean ready;
  private final boolean propagating;

  private TaskState(String name) {
    this.name = name;
    int index = PRECEDENCE.indexOf(name);
    this.precedence = index < 0 ? NONE_PRECEDENCE : index;
    this.ready = name.equals("SUCCESS") || name.equals("FAILURE") || name.equals("REVOKED");
    this.propagating = name.equals("FAILURE") || name.equals("REVOKED");
  }

  private static TaskState define(String name) {
    TaskState state = new TaskState(name);
    BUILT_IN.put(name, state);
    return state;
  }

  private static Set<TaskState> setOf(TaskState... states) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(states)));
  }

  /**
   * Returns the state with this name: the built-in constant for a built-in name, or a custom state
   * (such as {@code PROGRESS}) for any other name. Mirrors {@code celery.states.state(name)}.
   *
   * @param name the state name, not blank
   * @return the state
   * @throws IllegalArgumentException if the name is null or blank
   */
  public static TaskState of(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "state name must be a non-blank string such as \"SUCCESS\" or \"PROGRESS\", got "
              + (name == null ? "null" : "\"" + name + "\""));
    }
    TaskState known = BUILT_IN.get(name);
    return known != null ? known : new TaskState(name);
  }

  /**
   * Returns the built-in state with this name, failing for any other name.
   *
   * @param name a built-in state name
   * @return the built-in state
   * @throws IllegalArgumentException naming the bad value and the known names
   */
  public static TaskState known(String name) {
    TaskState known = name == null ? null : BUILT_IN.get(name);
    if (known == null) {
      throw new IllegalArgumentException(
          "unknown task state "
              + (name == null ? "null" : "\"" + name + "\"")
              + "; expected one of "
              + knownNames()
              + " (use TaskState.of(name) for a custom state such as PROGRESS)");
    }
    return known;
  }

  /**
   * Returns the names of Celery's built-in states; useful in error messages.
   *
   * @return the built-in names
   */
  public static List<String> knownNames() {
    return List.of(
        "PENDING",
        "RECEIVED",
        "STARTED",
        "SUCCESS",
        "FAILURE",
        "REVOKED",
        "REJECTED",
        "RETRY",
        "IGNORED");
  }

  /**
   * Returns the state's name, as stored by Celery ({@code "SUCCESS"}, {@code "PROGRESS"}, ...).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns Celery's {@code states.precedence(state)}: the index in {@code PRECEDENCE}, lower
   * meaning higher precedence (SUCCESS is 0, PENDING is 8, custom states 2).
   *
   * @return the precedence index
   */
  public int precedence() {
    return precedence;
  }

  /**
   * Tells whether this is one of Celery's built-in states.
   *
   * @return true for PENDING, RECEIVED, STARTED, SUCCESS, FAILURE, REVOKED, REJECTED, RETRY,
   *     IGNORED
   */
  public boolean isBuiltIn() {
    return BUILT_IN.containsKey(name);
  }

  /**
   * Tells whether this state is in {@link #READY_STATES} (the task has executed).
   *
   * @return true for SUCCESS, FAILURE and REVOKED
   */
  public boolean isReady() {
    return ready;
  }

  /**
   * Tells whether this state is in {@link #PROPAGATE_STATES} (a {@code get()} re-raises it).
   *
   * @return true for FAILURE and REVOKED
   */
  public boolean propagates() {
    return propagating;
  }

  /**
   * Compares by Celery's precedence: positive when this state has higher precedence (is "greater",
   * closer to SUCCESS) than the other, as {@code state(a) > state(b)} in Celery.
   *
   * @param other the state to compare with
   * @return a negative number, zero, or a positive number
   */
  @Override
  public int compareTo(TaskState other) {
    return Integer.compare(other.precedence, precedence);
  }

  /**
   * Tells whether this state has strictly higher precedence than the other ({@code a > b}).
   *
   * @param other the other state
   * @return true if this state is greater
   */
  public boolean isAfter(TaskState other) {
    return compareTo(other) > 0;
  }

  /**
   * Tells whether this state has strictly lower precedence than the other ({@code a < b}).
   *
   * @param other the other state
   * @return true if this state is less
   */
  public boolean isBefore(TaskState other) {
    return compareTo(other) < 0;
  }

  /**
   * Compares names, as Celery's {@code ==} compares state strings.
   *
   * @param o the other object
   * @return true for a state with the same name
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof TaskState other && other.name.equals(name);
  }

  /**
   * Returns the hash of the name.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /**
   * Returns the name.
   *
   * @return the name
   */
  @Override
  public String toString() {
    return name;
  }
}
