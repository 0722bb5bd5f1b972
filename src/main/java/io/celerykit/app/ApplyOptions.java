package io.celerykit.app;

import io.celerykit.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The options of Celery's {@code apply_async(...)}: {@code task_id}, {@code countdown}, {@code
 * eta}, {@code expires}, {@code queue}, {@code headers} (stamps), {@code ignore_result}, {@code
 * link}, {@code link_error}. Immutable; every wither returns a copy.
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
  private ApplyOptions copy(String keyword, Mutator m) {
    Builder b = values.copy();
    m.apply(b);
    b.keywordsSet = new SetKeyword(keyword, b.keywordsSet);
    return new ApplyOptions(b);
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
    Checks.requireNonBlank(id, "task_id");
    return copy("task_id", b -> b.taskId = id);
  }

  /**
   * Sets {@code countdown}: run this long after now (virtual time).
   *
   * @param delay a non-negative duration
   * @return the new options
   * @throws IllegalArgumentException for a null or negative countdown or when an eta is set
   */
  public ApplyOptions countdown(Duration delay) {
    Checks.requireNonNegative(delay, "countdown");
    if (values.eta != null) {
      throw conflict();
    }
    return copy("countdown", b -> b.countdown = delay);
  }

  /**
   * Sets {@code eta}: run at this virtual instant; one in the past runs at once, as in Celery.
   *
   * @param at the instant
   * @return the new options
   * @throws IllegalArgumentException for a null eta or when a countdown is set
   */
  public ApplyOptions eta(Instant at) {
    Checks.requireNonNull(at, "eta");
    if (values.countdown != null) {
      throw conflict();
    }
    return copy("eta", b -> b.eta = at);
  }

  private static IllegalArgumentException conflict() {
    return new IllegalArgumentException(
        "countdown and eta both set; pass one of them (countdown is relative to now, eta absolute)");
  }

  /**
   * Sets {@code expires} as a delay from now: a task not started by then is REVOKED.
   *
   * @param after a non-negative duration
   * @return the new options
   */
  public ApplyOptions expires(Duration after) {
    Checks.requireNonNegative(after, "expires");
    return copy(
        "expires",
        b -> {
          b.expiresIn = after;
          b.expiresAt = null;
        });
  }

  /**
   * Sets {@code expires} as an instant.
   *
   * @param at the instant
   * @return the new options
   */
  public ApplyOptions expires(Instant at) {
    Checks.requireNonNull(at, "expires");
    return copy(
        "expires",
        b -> {
          b.expiresIn = null;
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
    Checks.requireNonBlank(name, "queue");
    return copy("queue", b -> b.queue = name);
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
    Checks.requireNonNull(callback, "link");
    return copy("link", b -> b.link = append(b.link, callback));
  }

  /**
   * Adds a {@code link_error}: a signature sent with the failed task's id when it fails.
   *
   * @param errback the signature
   * @return the new options
   */
  public ApplyOptions linkError(Signature errback) {
    Checks.requireNonNull(errback, "link_error");
    return copy("link_error", b -> b.linkError = append(b.linkError, errback));
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

  private interface Mutator {
    void apply(Builder b);
  }

  /** A keyword a wither set, before those set earlier: an immutable list that copies share. */
  private record SetKeyword(String name, SetKeyword next) {}

  /**
   * The mutable values behind the options, with Celery's defaults. A new keyword is one field here
   * (its default in its initializer), one wither (which names the keyword) and one accessor; {@link
   * #copy()} copies every field, so no wither lists the others. Fields hold immutable values only.
   */
  private static final class Builder implements Cloneable {
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
    SetKeyword keywordsSet;

    Builder copy() {
      try {
        return (Builder) super.clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError("Builder is Cloneable", e);
      }
    }
  }
}
