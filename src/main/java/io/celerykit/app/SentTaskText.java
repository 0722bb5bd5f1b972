package io.celerykit.app;

import io.celerykit.internal.PythonRepr;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Text of sent tasks for reports: calls as Celery prints them, and the options that were set. */
final class SentTaskText {
  private SentTaskText() {}

  /** A call as Celery's repr of a signature: {@code name('a', 1, key='v')}. */
  static String call(String name, List<?> args, Map<String, ?> kwargs) {
    StringBuilder sb = new StringBuilder(name).append('(');
    String sep = "";
    for (Object arg : args) {
      sb.append(sep).append(PythonRepr.repr(arg));
      sep = ", ";
    }
    for (Map.Entry<String, ?> e : kwargs.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=').append(PythonRepr.repr(e.getValue()));
      sep = ", ";
    }
    return sb.append(')').toString();
  }

  /**
   * The {@code apply_async} options a send set, in Celery's keywords, e.g. {@code with queue='pdf',
   * countdown=10}; empty when none was set.
   */
  static String options(SentTask t) {
    List<String> parts = describe(t.options());
    if (t.groupId() != null) {
      parts.add("group=" + PythonRepr.repr(t.groupId()));
    }
    return parts.isEmpty() ? "" : "with " + String.join(", ", parts);
  }

  /** The options set in {@code options}, one {@code keyword=value} each, task_id left out. */
  static List<String> describe(ApplyOptions o) {
    List<String> parts = new ArrayList<>();
    if (o.queue() != null) {
      parts.add("queue=" + PythonRepr.repr(o.queue()));
    }
    if (o.countdown() != null) {
      parts.add("countdown=" + seconds(o.countdown()));
    }
    if (o.eta() != null) {
      parts.add("eta=" + o.eta());
    }
    if (o.expiresIn() != null) {
      parts.add("expires=" + seconds(o.expiresIn()));
    }
    if (o.expiresAt() != null) {
      parts.add("expires=" + o.expiresAt());
    }
    if (!o.headers().isEmpty()) {
      parts.add("headers=" + PythonRepr.repr(o.headers()));
    }
    if (o.ignoreResult() != null) {
      parts.add("ignore_result=" + PythonRepr.repr(o.ignoreResult()));
    }
    if (!o.link().isEmpty()) {
      parts.add("link=" + o.link());
    }
    if (!o.linkError().isEmpty()) {
      parts.add("link_error=" + o.linkError());
    }
    return parts;
  }

  /** A duration in seconds as Celery's countdown, e.g. {@code 10} or {@code 1.5}. */
  static String seconds(Duration d) {
    BigDecimal s = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    return s.stripTrailingZeros().toPlainString();
  }
}
