package io.celerykit.redis.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keywords of Celery's {@code app.send_task(...)} that a worker sets when a task sends another
 * (the workflow's bookkeeping), which a service does not set and so celerykit's {@link
 * io.celerykit.app.ApplyOptions} does not carry: {@code retries}, {@code root_id}, {@code
 * parent_id}, {@code group_id}, {@code group_index}. The options a service sets ({@code priority},
 * {@code routing_key}, the time limits, {@code shadow}) are on {@code ApplyOptions}. Immutable;
 * every wither returns a copy.
 *
 * <pre>{@code
 * encoder.sendTask("tasks.add", List.of(2, 3), Map.of(), ApplyOptions.defaults(),
 *     SendOptions.defaults().rootId("root-1").parentId("parent-1"));
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
