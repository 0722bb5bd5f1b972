package io.celerykit.redis.differential;

import io.celerykit.app.Celery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * What a scenario's body gets: the app of one engine, and a recorder of what the client sees. The
 * body is written once; the suite runs it on each engine and compares the recordings.
 *
 * <pre>{@code
 * run -> {
 *   AsyncResult<Object> sum = run.app().sendTask("diff.add", 2, 3);
 *   run.outcome("get", () -> sum.get(Run.WAIT));
 *   run.meta("meta", sum.id());
 * }
 * }</pre>
 */
final class Run {
  /** How long a body waits for a result: real seconds on Redis, virtual ones in memory. */
  static final Duration WAIT = Duration.ofSeconds(20);

  private final Session session;
  private final List<Observation> observations = new ArrayList<>();
  private final Set<String> labels = new HashSet<>();
  private final Set<String> unreleased = new LinkedHashSet<>();

  Run(Session session) {
    this.session = session;
  }

  /** Returns the app of this engine. */
  Celery app() {
    return session.app();
  }

  /** Returns a fresh release key for a blocking task; released when the run ends at the latest. */
  String key() {
    String key = "diff-release-" + UUID.randomUUID();
    unreleased.add(key);
    return key;
  }

  /** Returns a fresh id to choose for a task or a group, such as {@code prefix-<uuid>}. */
  String freshId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** Releases a task blocked on the key. */
  void release(String key) {
    unreleased.remove(key);
    session.release(key);
  }

  /** Waits (without recording) until the result is in the state. */
  void awaitState(AsyncResult<?> result, TaskState state) {
    session.awaitState(result, state, WAIT);
  }

  // ---------------------------------------------------------------- recording

  /** Records a value with its Java types; returns it. */
  <T> T record(String label, T value) {
    add(label, Observation.Kind.TEXT, Render.value(value));
    return value;
  }

  /** Records a text as it is. */
  void note(String label, String text) {
    add(label, Observation.Kind.TEXT, text);
  }

  /**
   * Records what a call returns, or the exception it raises; returns the value (null after an
   * exception). An {@link UnsupportedOperationException} is not recorded but raised: the engine
   * cannot do what the scenario asks.
   */
  Object outcome(String label, Callable<?> call) {
    Object value;
    try {
      value = call.call();
    } catch (UnsupportedOperationException unsupported) {
      throw unsupported;
    } catch (Exception e) {
      exception(label, e);
      return null;
    }
    add(label, Observation.Kind.TEXT, Render.value(value));
    return value;
  }

  /**
   * Records an exception: its class and message; for a Python one its type, module and arguments,
   * and its traceback; its cause.
   */
  void exception(String label, Throwable e) {
    add(
        label,
        Observation.Kind.TEXT,
        "raises " + e.getClass().getSimpleName() + ": " + e.getMessage());
    if (e instanceof RemoteTaskException remote) {
      add(
          label + ".exc",
          Observation.Kind.TEXT,
          remote.excType() + " in " + remote.excModule() + " " + Render.value(remote.excMessage()));
      add(label + ".traceback", Observation.Kind.TRACEBACK, orNone(remote.traceback()));
    }
    if (e.getCause() != null) {
      add(label + ".cause", Observation.Kind.TEXT, Render.value(e.getCause()));
    }
  }

  /**
   * Records what the result API says of a result: state, result, traceback, date_done, children,
   * and the result_extended fields.
   */
  void view(String label, AsyncResult<?> r) {
    record(label + ".state", r.state());
    record(label + ".result", r.result());
    add(label + ".traceback", Observation.Kind.TRACEBACK, orNone(r.traceback()));
    add(label + ".date_done", Observation.Kind.DATE_DONE, orNone(r.dateDone()));
    List<String> children = new ArrayList<>();
    for (ResultBase child : r.children()) {
      children.add(Render.value(child));
    }
    note(label + ".children", children.toString());
    note(
        label + ".extended",
        "name="
            + Render.value(r.name())
            + " args="
            + Render.value(r.args())
            + " kwargs="
            + Render.value(r.kwargs())
            + " worker="
            + Render.value(r.worker())
            + " queue="
            + Render.value(r.queue())
            + " retries="
            + Render.value(r.retries()));
  }

  /**
   * Records the exact JSON text stored for a task: its skeleton (key order, separators) under the
   * label and each top-level value under {@code label.<key>}; {@code absent} when nothing is
   * stored.
   */
  void meta(String label, String taskId) {
    stored(label, session.taskMetaJson(taskId));
  }

  /** Records the exact JSON text stored for a group, as {@link #meta}. */
  void groupMeta(String label, String groupId) {
    stored(label, session.groupMetaJson(groupId));
  }

  private void stored(String label, String json) {
    if (json == null) {
      note(label, "absent");
      return;
    }
    StoredJson parts = StoredJson.split(json);
    note(label, parts.skeleton());
    for (Map.Entry<String, String> e : parts.values().entrySet()) {
      String key = label + "." + e.getKey();
      String raw = e.getValue();
      if (e.getKey().equals("traceback") && !raw.equals("null")) {
        add(key, Observation.Kind.TRACEBACK, (String) CeleryJson.parse(raw, key));
      } else if (e.getKey().equals("date_done") && !raw.equals("null")) {
        add(key, Observation.Kind.DATE_DONE, raw);
      } else {
        note(key, raw);
      }
    }
  }

  /** Records how long a task's meta lives from now. It may move the clock: record it last. */
  void ttl(String label, String taskId) {
    note(label, session.taskTimeToLive(taskId));
  }

  /** Records how long a saved group lives from now. It may move the clock: record it last. */
  void groupTtl(String label, String groupId) {
    note(label, session.groupTimeToLive(groupId));
  }

  /** Python's {@code None} for null, as the normalisations expect, else the text. */
  private static String orNone(Object value) {
    return value == null ? "None" : value.toString();
  }

  private void add(String label, Observation.Kind kind, String text) {
    if (!labels.add(label)) {
      throw new IllegalStateException("label recorded twice in one scenario: " + label);
    }
    observations.add(new Observation(label, kind, text));
  }

  // ---------------------------------------------------------------- the runner's side

  /** Releases every key the body did not release, so that no real task stays blocked. */
  void releaseTheRest() {
    for (String key : List.copyOf(unreleased)) {
      release(key);
    }
  }

  /** Returns what was recorded, in order. */
  List<Observation> observations() {
    return List.copyOf(observations);
  }
}
