package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.internal.OptionValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The options of Celery's {@code apply_async(...)}: {@code task_id}, {@code countdown}, {@code
 * eta}, {@code expires}, {@code queue}, {@code headers} (stamps), {@code ignore_result}, {@code
 * link}, {@code link_error}, {@code priority}, {@code routing_key}, {@code time_limit}, {@code
 * soft_time_limit} and {@code shadow}. Immutable; every wither returns a copy.
 *
 * <p>The in-memory engine ignores what it cannot simulate: {@code priority} (its worker runs tasks
 * in the order they are due), {@code routing_key} (the queue decides), the time limits (a stub's
 * duration is not cut short) and {@code shadow} (nothing is logged under a name). The Redis engine
 * sends every option in the message, as Celery's {@code send_task} does.
 *
 * <pre>{@code
 * add.applyAsync(List.of(2, 3), Map.of(), ApplyOptions.defaults().countdown(Duration.ofSeconds(10)));
 * }</pre>
 */
public final class ApplyOptions {

  private static final ApplyOptions DEFAULTS = new ApplyOptions(new Builder());

  /** The values; never changed once this object holds it (each wither changes a copy). */
  private final Builder values;

  private ApplyOptions(Builder values) {
    this.values = values;
  }

  /** Copies the values, changes the copy, and records that the keyword was set. */
  private ApplyOptions copy(String keyword, Consumer<Builder> change) {
    return new ApplyOptions(
        values.with(
            b -> {
              change.accept(b);
              b.keywordsSet = new SetKeyword(keyword, b.keywordsSet);
            }));
  }

  /**
   * Returns the defaults: a new id, due now, no expiry, default queue.
   *
   * @return the defaults
   */
  public static ApplyOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets {@code task_id}.
   *
   * @param id a non-blank id
   * @return the new options
   */
  public ApplyOptions taskId(String id) {
    return copy("task_id", b -> b.taskId = Checks.requireNonBlank(id, "task_id"));
  }

  /**
   * Sets {@code countdown}: run this long after now (virtual time).
   *
   * @param delay a non-negative duration
   * @return the new options
   * @throws IllegalArgumentException for a null or negative countdown or when an eta is set
   */
  public ApplyOptions countdown(Duration delay) {
    return copy(
        "countdown",
        b -> b.countdown = unlessSet(b.eta, Checks.requireNonNegative(delay, "countdown")));
  }

  /**
   * Sets {@code eta}: run at this virtual instant; one in the past runs at once, as in Celery.
   *
   * @param at the instant
   * @return the new options
   * @throws IllegalArgumentException for a null eta or when a countdown is set
   */
  public ApplyOptions eta(Instant at) {
    return copy("eta", b -> b.eta = unlessSet(b.countdown, Checks.requireNonNull(at, "eta")));
  }

  /** Returns the value of countdown or eta, refusing it when the other one is set already. */
  private static <T> T unlessSet(Object other, T value) {
    if (other != null) {
      throw new IllegalArgumentException(
          "countdown and eta both set; pass one of them (countdown is relative to now, eta"
              + " absolute)");
    }
    return value;
  }

  /**
   * Sets {@code expires} as a delay from now: a task not started by then is REVOKED.
   *
   * @param after a non-negative duration
   * @return the new options
   */
  public ApplyOptions expires(Duration after) {
    return expiry(Checks.requireNonNegative(after, "expires"), null);
  }

  /**
   * Sets {@code expires} as an instant.
   *
   * @param at the instant
   * @return the new options
   */
  public ApplyOptions expires(Instant at) {
    return expiry(null, Checks.requireNonNull(at, "expires"));
  }

  /** Sets {@code expires} as a delay or as an instant (the other one null). */
  private ApplyOptions expiry(Duration in, Instant at) {
    return copy(
        "expires",
        b -> {
          b.expiresIn = in;
          b.expiresAt = at;
        });
  }

  /**
   * Sets {@code queue}.
   *
   * @param name the queue name
   * @return the new options
   */
  public ApplyOptions queue(String name) {
    return copy("queue", b -> b.queue = Checks.requireNonBlank(name, "queue"));
  }

  /**
   * Adds a header (a stamp, matched by {@code revoke_by_stamped_headers}).
   *
   * @param name the header name
   * @param value the value (null is Python's {@code None})
   * @return the new options
   */
  public ApplyOptions header(String name, Object value) {
    Checks.requireNonBlank(name, "header name");
    Map<String, Object> more = new LinkedHashMap<>(values.headers);
    more.put(name, value);
    return copy("headers", b -> b.headers = Collections.unmodifiableMap(more));
  }

  /**
   * Replaces the headers.
   *
   * @param all the headers ({@code Map.of()} for none), kept in their order
   * @return the new options
   */
  public ApplyOptions headers(Map<String, ?> all) {
    Checks.requireNonNull(all, "headers (use Map.of() for none)");
    Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(all));
    return copy("headers", b -> b.headers = copy);
  }

  /**
   * Sets {@code ignore_result} for this call: true skips storing its SUCCESS (a failure is still
   * stored, as in Celery); false cannot make a task that ignores its result store one.
   *
   * @param ignore the setting
   * @return the new options
   */
  public ApplyOptions ignoreResult(boolean ignore) {
    return copy("ignore_result", b -> b.ignoreResult = ignore);
  }

  /**
   * Adds a {@code link}: a signature sent with the task's value prepended when it succeeds.
   *
   * @param callback the signature
   * @return the new options
   */
  public ApplyOptions link(Signature callback) {
    return copy("link", b -> b.link = append(b.link, Checks.requireNonNull(callback, "link")));
  }

  /**
   * Adds a {@code link_error}: a signature sent with the failed task's id when it fails.
   *
   * @param errback the signature
   * @return the new options
   */
  public ApplyOptions linkError(Signature errback) {
    return copy(
        "link_error",
        b -> b.linkError = append(b.linkError, Checks.requireNonNull(errback, "link_error")));
  }

  /**
   * Sets {@code priority}: kombu's Redis transport pushes the message on the list of its priority
   * step, and the worker takes the lower steps first. Ignored by the in-memory engine.
   *
   * @param priority 0 to 255 (kombu's Redis transport clamps it to 0..9)
   * @return the new options
   * @throws IllegalArgumentException when out of range
   */
  public ApplyOptions priority(int priority) {
    if (priority < 0 || priority > 255) {
      throw new IllegalArgumentException(
          "priority must be between 0 and 255 (kombu's Redis transport uses 0..9), got "
              + priority);
    }
    return copy("priority", b -> b.priority = priority);
  }

  /**
   * Sets {@code routing_key}. Celery 5.2.6 routes by {@code queue} when no exchange is given, so
   * the message still goes to the queue's list; kept to mirror {@code apply_async}. Ignored by the
   * in-memory engine.
   *
   * @param key the routing key
   * @return the new options
   */
  public ApplyOptions routingKey(String key) {
    return copy("routing_key", b -> b.routingKey = Checks.requireNonBlank(key, "routing_key"));
  }

  /**
   * Sets {@code time_limit}: the hard time limit the worker enforces (it kills the task). Ignored
   * by the in-memory engine.
   *
   * @param limit a positive duration
   * @return the new options
   */
  public ApplyOptions timeLimit(Duration limit) {
    return copy(
        "time_limit",
        b -> b.timeLimit = Checks.requirePositive(limit, "time_limit", "pass a positive duration"));
  }

  /**
   * Sets {@code soft_time_limit}: the worker raises {@code SoftTimeLimitExceeded} in the task.
   * Ignored by the in-memory engine.
   *
   * @param limit a positive duration
   * @return the new options
   */
  public ApplyOptions softTimeLimit(Duration limit) {
    return copy(
        "soft_time_limit",
        b ->
            b.softTimeLimit =
                Checks.requirePositive(limit, "soft_time_limit", "pass a positive duration"));
  }

  /**
   * Sets {@code shadow}: the name the worker logs the task under. Ignored by the in-memory engine.
   *
   * @param name the name
   * @return the new options
   */
  public ApplyOptions shadow(String name) {
    return copy("shadow", b -> b.shadow = Checks.requireNonBlank(name, "shadow"));
  }

  private static List<Signature> append(List<Signature> list, Signature more) {
    List<Signature> out = new ArrayList<>(list);
    out.add(more);
    return List.copyOf(out);
  }

  /**
   * Returns {@code task_id}, or null for a generated one.
   *
   * @return the id
   */
  public String taskId() {
    return values.taskId;
  }

  /**
   * Returns {@code countdown}, or null.
   *
   * @return the countdown
   */
  public Duration countdown() {
    return values.countdown;
  }

  /**
   * Returns {@code eta}, or null.
   *
   * @return the eta
   */
  public Instant eta() {
    return values.eta;
  }

  /**
   * Returns the expiry as a delay, or null.
   *
   * @return the delay
   */
  public Duration expiresIn() {
    return values.expiresIn;
  }

  /**
   * Returns the expiry as an instant, or null.
   *
   * @return the instant
   */
  public Instant expiresAt() {
    return values.expiresAt;
  }

  /**
   * Returns {@code queue}, or null for the default.
   *
   * @return the queue
   */
  public String queue() {
    return values.queue;
  }

  /**
   * Returns the headers.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> headers() {
    return values.headers;
  }

  /**
   * Returns {@code ignore_result} for this call, or null to follow the task.
   *
   * @return the setting
   */
  public Boolean ignoreResult() {
    return values.ignoreResult;
  }

  /**
   * Returns the {@code link} callbacks.
   *
   * @return the signatures
   */
  public List<Signature> link() {
    return values.link;
  }

  /**
   * Returns the {@code link_error} callbacks.
   *
   * @return the signatures
   */
  public List<Signature> linkError() {
    return values.linkError;
  }

  /**
   * Returns {@code priority}, or null for the queue's default.
   *
   * @return the priority
   */
  public Integer priority() {
    return values.priority;
  }

  /**
   * Returns {@code routing_key}, or null.
   *
   * @return the routing key
   */
  public String routingKey() {
    return values.routingKey;
  }

  /**
   * Returns {@code time_limit}, or null for the worker's.
   *
   * @return the limit
   */
  public Duration timeLimit() {
    return values.timeLimit;
  }

  /**
   * Returns {@code soft_time_limit}, or null for the worker's.
   *
   * @return the limit
   */
  public Duration softTimeLimit() {
    return values.softTimeLimit;
  }

  /**
   * Returns {@code shadow}, or null.
   *
   * @return the name
   */
  public String shadow() {
    return values.shadow;
  }

  /**
   * Names, as Celery does, every keyword a wither set, in the order they were first set; for the
   * canvas parts that take only some of them.
   */
  List<String> keywordsSet() {
    List<String> newestFirst = new ArrayList<>();
    for (SetKeyword k = values.keywordsSet; k != null; k = k.next()) {
      newestFirst.add(k.name());
    }
    Collections.reverse(newestFirst);
    return List.copyOf(new LinkedHashSet<>(newestFirst));
  }

  /** A keyword a wither set, before those set earlier: an immutable list that copies share. */
  private record SetKeyword(String name, SetKeyword next) {}

  /**
   * The mutable values behind the options, with Celery's defaults. A new keyword is one field here
   * (its default in its initializer), one wither (which names the keyword) and one accessor; {@link
   * #copy()} copies every field, so no wither lists the others. Fields hold immutable values only.
   */
  private static final class Builder extends OptionValues<Builder> {
    String taskId;
    Duration countdown;
    Instant eta;
    Duration expiresIn;
    Instant expiresAt;
    String queue;
    Map<String, Object> headers = Map.of();
    Boolean ignoreResult;
    List<Signature> link = List.of();
    List<Signature> linkError = List.of();
    Integer priority;
    String routingKey;
    Duration timeLimit;
    Duration softTimeLimit;
    String shadow;
    SetKeyword keywordsSet;
  }
}
