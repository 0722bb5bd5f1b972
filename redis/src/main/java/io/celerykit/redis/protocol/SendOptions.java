package io.celerykit.redis.protocol;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The keywords of Celery's {@code app.send_task(...)} that celerykit's {@link
 * io.celerykit.app.ApplyOptions} does not carry: {@code priority}, {@code routing_key}, {@code
 * shadow}, {@code time_limit}, {@code soft_time_limit}, {@code retries}, {@code root_id}, {@code
 * parent_id}, {@code group_id}, {@code group_index}. Immutable; every wither returns a copy.
 *
 * <pre>{@code
 * encoder.sendTask("tasks.add", List.of(2, 3), Map.of(), ApplyOptions.defaults(),
 *     SendOptions.defaults().priority(5));     // LPUSH celery\x06\x163 ...
 * }</pre>
 */
public final class SendOptions {
  private static final SendOptions DEFAULTS = new SendOptions(new LinkedHashMap<>());

  private final Map<String, Object> keywords;

  private SendOptions(Map<String, Object> keywords) {
    this.keywords = keywords;
  }

  /**
   * Returns no keywords: Celery's defaults.
   *
   * @return the defaults
   */
  public static SendOptions defaults() {
    return DEFAULTS;
  }

  private SendOptions with(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(keywords);
    more.put(key, value);
    return new SendOptions(more);
  }

  /**
   * Sets {@code priority}: kombu's Redis transport pushes the message on the list of the priority
   * step ({@code celery\x06\x163} for 3 to 5 with the default steps).
   *
   * @param priority 0 to 255 (kombu's Redis transport clamps it to 0..9 when choosing the list)
   * @return the new options
   */
  public SendOptions priority(int priority) {
    if (priority < 0 || priority > 255) {
      throw new IllegalArgumentException(
          "priority must be between 0 and 255 (kombu's Redis transport uses 0..9), got "
              + priority);
    }
    return with("priority", priority);
  }

  /**
   * Sets {@code routing_key}. Celery 5.2.6 replaces it by the queue name when no exchange is given
   * (always, here), so it changes nothing in the message; it is kept to mirror {@code send_task}.
   *
   * @param routingKey the routing key
   * @return the new options
   */
  public SendOptions routingKey(String routingKey) {
    Objects.requireNonNull(routingKey, "routing_key");
    return with("routing_key", routingKey);
  }

  /**
   * Sets {@code shadow}: the name the task is logged under.
   *
   * @param name the name
   * @return the new options
   */
  public SendOptions shadow(String name) {
    Objects.requireNonNull(name, "shadow");
    return with("shadow", name);
  }

  /**
   * Sets {@code time_limit}, the hard time limit the worker enforces.
   *
   * @param limit a positive duration (sent in seconds)
   * @return the new options
   */
  public SendOptions timeLimit(Duration limit) {
    return with("time_limit", positiveSeconds(limit, "time_limit"));
  }

  /**
   * Sets {@code soft_time_limit}.
   *
   * @param limit a positive duration (sent in seconds)
   * @return the new options
   */
  public SendOptions softTimeLimit(Duration limit) {
    return with("soft_time_limit", positiveSeconds(limit, "soft_time_limit"));
  }

  private static Number positiveSeconds(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be a positive duration, got " + d);
    }
    return PyValues.seconds(d);
  }

  /**
   * Sets {@code retries}: how many times the task was retried already.
   *
   * @param retries 0 or more
   * @return the new options
   */
  public SendOptions retries(int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative, got " + retries);
    }
    return with("retries", retries);
  }

  /**
   * Sets {@code root_id}: the first task of the workflow.
   *
   * @param id the id
   * @return the new options
   */
  public SendOptions rootId(String id) {
    return with("root_id", text(id, "root_id"));
  }

  /**
   * Sets {@code parent_id}: the task that sent this one.
   *
   * @param id the id
   * @return the new options
   */
  public SendOptions parentId(String id) {
    return with("parent_id", text(id, "parent_id"));
  }

  /**
   * Sets {@code group_id}: the group the task belongs to.
   *
   * @param id the id
   * @return the new options
   */
  public SendOptions groupId(String id) {
    return with("group_id", text(id, "group_id"));
  }

  /**
   * Sets {@code group_index}: the task's position in its group.
   *
   * @param index 0 or more
   * @return the new options
   */
  public SendOptions groupIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("group_index must not be negative, got " + index);
    }
    return with("group_index", index);
  }

  private static String text(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " must be a non-blank string, got " + s);
    }
    return s;
  }

  /** Returns the keywords set, as Python keyword arguments, in the order they were set. */
  Map<String, Object> keywords() {
    return keywords;
  }

  /**
   * Compares the keywords by value.
   *
   * @param o the other object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SendOptions s && s.keywords.equals(keywords);
  }

  /**
   * Hashes the keywords by value.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return keywords.hashCode();
  }

  /**
   * Describes the keywords set.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "SendOptions" + keywords;
  }
}
