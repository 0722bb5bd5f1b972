package io.celerykit.redis;

import io.celerykit.internal.Checks;

/**
 * The keys of Celery's key-value result backends ({@code BaseKeyValueStoreBackend}): {@code
 * celery-task-meta-<id>} for task metas, {@code celery-taskset-meta-<id>} for saved groups, each
 * after the {@code global_keyprefix} when one is set. A key is also the pub/sub channel its updates
 * are published on.
 */
final class RedisKeys {
  static final String TASK_KEYPREFIX = "celery-task-meta-";
  static final String GROUP_KEYPREFIX = "celery-taskset-meta-";

  private final String taskKeyprefix;
  private final String groupKeyprefix;

  RedisKeys(String globalKeyprefix) {
    String global = globalPrefix(globalKeyprefix);
    this.taskKeyprefix = global + TASK_KEYPREFIX;
    this.groupKeyprefix = global + GROUP_KEYPREFIX;
  }

  /** As {@code _add_global_keyprefix}: a separator {@code _} unless the prefix ends with one. */
  private static String globalPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    char last = prefix.charAt(prefix.length() - 1);
    return ":_-.".indexOf(last) >= 0 ? prefix : prefix + "_";
  }

  /** {@code get_key_for_task}. */
  String task(String taskId) {
    return taskKeyprefix + Checks.requireNonBlank(taskId, "task id");
  }

  /** {@code get_key_for_group}. */
  String group(String groupId) {
    return groupKeyprefix + Checks.requireNonBlank(groupId, "group id");
  }

  /** The task id of a task key ({@code _strip_prefix}). */
  String taskIdOf(String key) {
    return key.startsWith(taskKeyprefix) ? key.substring(taskKeyprefix.length()) : key;
  }

  String taskKeyprefix() {
    return taskKeyprefix;
  }
}
