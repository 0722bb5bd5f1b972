package io.celerykit.wire;

import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a task meta as the ordered map Celery stores under {@code celery-task-meta-<id>} (the work
 * behind {@link CeleryJson#toJsonMap} and {@link CeleryJson#writeTaskMeta}).
 */
final class TaskMetaWriter {

  private TaskMetaWriter() {}

  /** See {@link CeleryJson#toJsonMap}. */
  static Map<String, Object> write(TaskMeta meta) {
    Objects.requireNonNull(meta, "meta");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", meta.state().name());
    out.put("result", encodeResult(meta.state(), meta.result()));
    out.put("traceback", meta.traceback());
    List<Object> children = new ArrayList<>();
    for (ResultTuple child : meta.children()) {
      children.add(child.toList());
    }
    out.put("children", children);
    out.put("date_done", meta.dateDone() == null ? null : DateDone.format(meta.dateDone()));
    if (meta.groupId() != null) {
      out.put("group_id", meta.groupId());
    }
    if (meta.parentId() != null) {
      out.put("parent_id", meta.parentId());
    }
    if (isExtended(meta)) {
      out.put("name", meta.name());
      out.put("args", ValueEncoder.encode(meta.args()));
      out.put("kwargs", ValueEncoder.encode(meta.kwargs()));
      out.put("worker", meta.worker());
      out.put("retries", meta.retries());
      out.put("queue", meta.queue());
    }
    out.put("task_id", meta.taskId());
    return out;
  }

  private static boolean isExtended(TaskMeta meta) {
    return meta.name() != null
        || meta.args() != null
        || meta.kwargs() != null
        || meta.worker() != null
        || meta.retries() != null
        || meta.queue() != null;
  }

  private static Object encodeResult(TaskState state, Object result) {
    if (result instanceof Throwable error) {
      return ExceptionJson.encode(error);
    }
    return ValueEncoder.encode(result);
  }
}
