package io.celerykit.app;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

  private static final ApplyOptions DEFAULTS =
      new ApplyOptions(null, null, null, null, null, null, Map.of(), null, List.of(), List.of());

  private final String taskId;
  private final Duration countdown;
  private final Instant eta;
  private final Duration expiresIn;
  private final Instant expiresAt;
  private final String queue;
  private final Map<String, Object> headers;
  private final Boolean ignoreResult;
  private final List<Signature> link;
  private final List<Signature> linkError;

  private ApplyOptions(
      String taskId,
      Duration countdown,
      Instant eta,
      Duration expiresIn,
      Instant expiresAt,
      String queue,
      Map<String, Object> headers,
      Boolean ignoreResult,
      List<Signature> link,
      List<Signature> linkError) {
    this.taskId = taskId;
    this.countdown = countdown;
    this.eta = eta;
    this.expiresIn = expiresIn;
    this.expiresAt = expiresAt;
    this.queue = queue;
    this.headers = headers;
    this.ignoreResult = ignoreResult;
    this.link = link;
    this.linkError = linkError;
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
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("task_id must be a non-blank string, got " + id);
    }
    return new ApplyOptions(
        id, countdown, eta, expiresIn, expiresAt, queue, headers, ignoreResult, link, linkError);
  }

  /**
   * Sets {@code countdown}: run this long after now (virtual time).
   *
   * @param delay a non-negative duration
   * @return the new options
   * @throws IllegalArgumentException for a negative countdown or when an eta is set
   */
  public ApplyOptions countdown(Duration delay) {
    Objects.requireNonNull(delay, "countdown");
    if (delay.isNegative()) {
      throw new IllegalArgumentException(
          "countdown must not be negative, got " + delay + "; use Duration.ZERO to run now");
    }
    if (eta != null) {
      throw conflict();
    }
    return new ApplyOptions(
        taskId, delay, null, expiresIn, expiresAt, queue, headers, ignoreResult, link, linkError);
  }

  /**
   * Sets {@code eta}: run at this virtual instant; one in the past runs at once, as in Celery.
   *
   * @param at the instant
   * @return the new options
   * @throws IllegalArgumentException when a countdown is set
   */
  public ApplyOptions eta(Instant at) {
    Objects.requireNonNull(at, "eta");
    if (countdown != null) {
      throw conflict();
    }
    return new ApplyOptions(
        taskId, null, at, expiresIn, expiresAt, queue, headers, ignoreResult, link, linkError);
  }

  private static IllegalArgumentException conflict() {
    return new IllegalArgumentException(
        "countdown and eta both set; pass one of them (countdown is relative to now, eta absolute)");
  }

  /**
   * Sets {@code expires} as a delay from now: a task not started by then is REVOKED.
   *
   * @param after a positive duration
   * @return the new options
   */
  public ApplyOptions expires(Duration after) {
    Objects.requireNonNull(after, "expires");
    if (after.isNegative()) {
      throw new IllegalArgumentException("expires must not be negative, got " + after);
    }
    return new ApplyOptions(
        taskId, countdown, eta, after, null, queue, headers, ignoreResult, link, linkError);
  }

  /**
   * Sets {@code expires} as an instant.
   *
   * @param at the instant
   * @return the new options
   */
  public ApplyOptions expires(Instant at) {
    Objects.requireNonNull(at, "expires");
    return new ApplyOptions(
        taskId, countdown, eta, null, at, queue, headers, ignoreResult, link, linkError);
  }

  /**
   * Sets {@code queue}.
   *
   * @param name the queue name
   * @return the new options
   */
  public ApplyOptions queue(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("queue must be a non-blank name, got " + name);
    }
    return new ApplyOptions(
        taskId, countdown, eta, expiresIn, expiresAt, name, headers, ignoreResult, link, linkError);
  }

  /**
   * Adds a header (a stamp, matched by {@code revoke_by_stamped_headers}).
   *
   * @param name the header name
   * @param value the value
   * @return the new options
   */
  public ApplyOptions header(String name, Object value) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("header name must not be blank, got " + name);
    }
    Map<String, Object> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApplyOptions(
        taskId,
        countdown,
        eta,
        expiresIn,
        expiresAt,
        queue,
        Map.copyOf(more),
        ignoreResult,
        link,
        linkError);
  }

  /**
   * Replaces the headers.
   *
   * @param all the headers
   * @return the new options
   */
  public ApplyOptions headers(Map<String, ?> all) {
    Objects.requireNonNull(all, "headers");
    return new ApplyOptions(
        taskId,
        countdown,
        eta,
        expiresIn,
        expiresAt,
        queue,
        Map.copyOf(all),
        ignoreResult,
        link,
        linkError);
  }

  /**
   * Sets {@code ignore_result} for this call: true skips storing its SUCCESS (a failure is still
   * stored, as in Celery); false cannot make a task that ignores its result store one.
   *
   * @param ignore the setting
   * @return the new options
   */
  public ApplyOptions ignoreResult(boolean ignore) {
    return new ApplyOptions(
        taskId, countdown, eta, expiresIn, expiresAt, queue, headers, ignore, link, linkError);
  }

  /**
   * Adds a {@code link}: a signature sent with the task's value prepended when it succeeds.
   *
   * @param callback the signature
   * @return the new options
   */
  public ApplyOptions link(Signature callback) {
    Objects.requireNonNull(callback, "link");
    return new ApplyOptions(
        taskId,
        countdown,
        eta,
        expiresIn,
        expiresAt,
        queue,
        headers,
        ignoreResult,
        append(link, callback),
        linkError);
  }

  /**
   * Adds a {@code link_error}: a signature sent with the failed task's id when it fails.
   *
   * @param errback the signature
   * @return the new options
   */
  public ApplyOptions linkError(Signature errback) {
    Objects.requireNonNull(errback, "link_error");
    return new ApplyOptions(
        taskId,
        countdown,
        eta,
        expiresIn,
        expiresAt,
        queue,
        headers,
        ignoreResult,
        link,
        append(linkError, errback));
  }

  private static List<Signature> append(List<Signature> list, Signature more) {
    var out = new java.util.ArrayList<>(list);
    out.add(more);
    return List.copyOf(out);
  }

  /**
   * Returns {@code task_id}, or null for a generated one.
   *
   * @return the id
   */
  public String taskId() {
    return taskId;
  }

  /**
   * Returns {@code countdown}, or null.
   *
   * @return the countdown
   */
  public Duration countdown() {
    return countdown;
  }

  /**
   * Returns {@code eta}, or null.
   *
   * @return the eta
   */
  public Instant eta() {
    return eta;
  }

  /**
   * Returns the expiry as a delay, or null.
   *
   * @return the delay
   */
  public Duration expiresIn() {
    return expiresIn;
  }

  /**
   * Returns the expiry as an instant, or null.
   *
   * @return the instant
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Returns {@code queue}, or null for the default.
   *
   * @return the queue
   */
  public String queue() {
    return queue;
  }

  /**
   * Returns the headers.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> headers() {
    return headers;
  }

  /**
   * Returns {@code ignore_result} for this call, or null to follow the task.
   *
   * @return the setting
   */
  public Boolean ignoreResult() {
    return ignoreResult;
  }

  /**
   * Returns the {@code link} callbacks.
   *
   * @return the signatures
   */
  public List<Signature> link() {
    return link;
  }

  /**
   * Returns the {@code link_error} callbacks.
   *
   * @return the signatures
   */
  public List<Signature> linkError() {
    return linkError;
  }
}
