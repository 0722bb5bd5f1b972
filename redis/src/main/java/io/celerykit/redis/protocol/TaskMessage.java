package io.celerykit.redis.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A Celery task message of protocol version 2, as Celery 5.2.6's {@code AMQP.as_task_v2} builds it
 * and {@code send_task_message} completes it: the headers (in Celery's order, custom headers merged
 * last as {@code headers.update(...)} does), the properties ({@code correlation_id}, {@code
 * reply_to}) and the body {@code [args, kwargs, {"callbacks", "errbacks", "chain", "chord"}]},
 * serialized as kombu's JSON serializer does. Immutable; every wither returns a copy.
 *
 * <pre>{@code
 * TaskMessage m = TaskMessage.of("4f1c...", "tasks.add").args(List.of(2, 3)).origin("gen42@host");
 * m.headers().get("argsrepr");   // "[2, 3]"
 * m.bodyJson();                  // [[2, 3], {}, {"callbacks": null, ...}]
 * }</pre>
 */
public final class TaskMessage {

  /** The fields of {@code as_task_v2}; copied by every wither. */
  private static final class Fields implements Cloneable {
    String id;
    String task;
    Object args = PyTuple.EMPTY;
    Map<String, Object> kwargs = Map.of();
    String shadow;
    String eta;
    String expires;
    String group;
    Integer groupIndex;
    int retries;
    Number timeLimit;
    Number softTimeLimit;
    String rootId;
    String parentId;
    String argsrepr;
    String kwargsrepr;
    int argsreprMaxsize = 1024;
    int kwargsreprMaxsize = 1024;
    String origin;
    Object ignoreResult = Boolean.FALSE;
    String replyTo;
    Object callbacks;
    Object errbacks;
    Object chain;
    Object chord;
    Map<String, Object> extraHeaders = Map.of();

    Fields copy() {
      try {
        return (Fields) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private final Fields f;

  private TaskMessage(Fields f) {
    this.f = f;
  }

  private TaskMessage with(Consumer<Fields> change) {
    Fields copy = f.copy();
    change.accept(copy);
    return new TaskMessage(copy);
  }

  /**
   * Starts a message for a task id and name, with no arguments and Celery's defaults.
   *
   * @param id the task id
   * @param task the task name, such as {@code "tasks.add"}
   * @return the message
   */
  public static TaskMessage of(String id, String task) {
    Fields f = new Fields();
    f.id = requireText(id, "task id");
    f.task = requireText(task, "task name");
    return new TaskMessage(f);
  }

  private static String requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " must be a non-blank string, got " + s);
    }
    return s;
  }

  /**
   * Sets the positional arguments, a Python list as {@code app.send_task(args=[...])} passes them
   * ({@code argsrepr} {@code [2, 3]}).
   *
   * @param args the arguments
   * @return the new message
   */
  public TaskMessage args(List<?> args) {
    Objects.requireNonNull(args, "args (use List.of() for none)");
    PyValues.requireSerializable(args, "args");
    return with(x -> x.args = PyValues.snapshot(args));
  }

  /** Sets the arguments as a Python tuple, as a signature passes them ({@code (2, 3)}). */
  TaskMessage args(PyTuple args) {
    PyValues.requireSerializable(args, "args");
    return with(x -> x.args = PyValues.snapshot(args));
  }

  /**
   * Sets the keyword arguments.
   *
   * @param kwargs the keyword arguments
   * @return the new message
   */
  @SuppressWarnings("unchecked")
  public TaskMessage kwargs(Map<String, ?> kwargs) {
    Objects.requireNonNull(kwargs, "kwargs (use Map.of() for none)");
    PyValues.requireSerializable(kwargs, "kwargs");
    return with(x -> x.kwargs = (Map<String, Object>) PyValues.snapshot(kwargs));
  }

  /**
   * Sets the {@code shadow} header: the name the task is logged under.
   *
   * @param shadow the name, or null
   * @return the new message
   */
  public TaskMessage shadow(String shadow) {
    return with(x -> x.shadow = shadow);
  }

  /**
   * Sets the {@code eta} header, an ISO 8601 time as Python's {@code datetime.isoformat()} writes.
   *
   * @param eta the time, or null
   * @return the new message
   */
  public TaskMessage eta(String eta) {
    return with(x -> x.eta = eta);
  }

  /**
   * Sets the {@code expires} header, an ISO 8601 time.
   *
   * @param expires the time, or null
   * @return the new message
   */
  public TaskMessage expires(String expires) {
    return with(x -> x.expires = expires);
  }

  /**
   * Sets the {@code group} header: the id of the group the task belongs to.
   *
   * @param groupId the group id, or null
   * @return the new message
   */
  public TaskMessage group(String groupId) {
    return with(x -> x.group = groupId);
  }

  /**
   * Sets the {@code group_index} header: the task's position in its group (set for chord headers).
   *
   * @param index the index, or null
   * @return the new message
   */
  public TaskMessage groupIndex(Integer index) {
    return with(x -> x.groupIndex = index);
  }

  /**
   * Sets the {@code retries} header.
   *
   * @param retries how many times the task was retried
   * @return the new message
   */
  public TaskMessage retries(int retries) {
    return with(x -> x.retries = retries);
  }

  /**
   * Sets the {@code timelimit} header, {@code [time_limit, soft_time_limit]} in seconds.
   *
   * @param hard the hard limit, or null
   * @param soft the soft limit, or null
   * @return the new message
   */
  public TaskMessage timeLimit(Number hard, Number soft) {
    PyValues.requireSerializable(hard, "time_limit");
    PyValues.requireSerializable(soft, "soft_time_limit");
    return with(
        x -> {
          x.timeLimit = hard;
          x.softTimeLimit = soft;
        });
  }

  /**
   * Sets the {@code root_id} header; when null or empty it is the task's own id, as Celery sets.
   *
   * @param rootId the root id
   * @return the new message
   */
  public TaskMessage rootId(String rootId) {
    return with(x -> x.rootId = rootId);
  }

  /**
   * Sets the {@code parent_id} header.
   *
   * @param parentId the parent id, or null
   * @return the new message
   */
  public TaskMessage parentId(String parentId) {
    return with(x -> x.parentId = parentId);
  }

  /**
   * Sets the {@code argsrepr} header; by default it is Celery's {@code saferepr(args, 1024)}.
   *
   * @param argsrepr the text, or null for the default
   * @return the new message
   */
  public TaskMessage argsrepr(String argsrepr) {
    return with(x -> x.argsrepr = argsrepr);
  }

  /**
   * Sets the {@code kwargsrepr} header; by default it is Celery's {@code saferepr(kwargs, 1024)}.
   *
   * @param kwargsrepr the text, or null for the default
   * @return the new message
   */
  public TaskMessage kwargsrepr(String kwargsrepr) {
    return with(x -> x.kwargsrepr = kwargsrepr);
  }

  /** Sets the lengths at which the default reprs are truncated ({@code argsrepr_maxsize}). */
  TaskMessage reprMaxsize(int args, int kwargs) {
    return with(
        x -> {
          x.argsreprMaxsize = args;
          x.kwargsreprMaxsize = kwargs;
        });
  }

  /**
   * Sets the {@code origin} header: the sender's node name, {@code gen<pid>@<hostname>} in Celery.
   *
   * @param origin the node name
   * @return the new message
   */
  public TaskMessage origin(String origin) {
    return with(x -> x.origin = origin);
  }

  /**
   * Sets the {@code ignore_result} header.
   *
   * @param ignore whether the worker skips storing the result
   * @return the new message
   */
  public TaskMessage ignoreResult(boolean ignore) {
    return with(x -> x.ignoreResult = ignore);
  }

  TaskMessage ignoreResult(Object pythonValue) {
    return with(x -> x.ignoreResult = pythonValue);
  }

  /**
   * Sets the {@code reply_to} property (Celery's per-thread {@code app.thread_oid}).
   *
   * @param replyTo the reply address, or null for {@code ""}
   * @return the new message
   */
  public TaskMessage replyTo(String replyTo) {
    return with(x -> x.replyTo = replyTo);
  }

  /**
   * Sets the {@code callbacks} of the embed ({@code link}): signature dicts, as from {@link
   * CeleryEncoder#signatureDict}.
   *
   * @param signatures the dicts, or null
   * @return the new message
   */
  public TaskMessage callbacks(List<?> signatures) {
    return with(x -> x.callbacks = embedded(signatures, "callbacks"));
  }

  /**
   * Sets the {@code errbacks} of the embed ({@code link_error}).
   *
   * @param signatures the dicts, or null
   * @return the new message
   */
  public TaskMessage errbacks(List<?> signatures) {
    return with(x -> x.errbacks = embedded(signatures, "errbacks"));
  }

  /**
   * Sets the {@code chain} of the embed: the remaining steps, last step first (the worker pops the
   * next one from the end).
   *
   * @param signatures the dicts, or null
   * @return the new message
   */
  public TaskMessage chain(List<?> signatures) {
    return with(x -> x.chain = embedded(signatures, "chain"));
  }

  /**
   * Sets the {@code chord} of the embed: the chord body a header task leads to.
   *
   * @param signature the dict, or null
   * @return the new message
   */
  public TaskMessage chord(Object signature) {
    if (signature != null && !(signature instanceof Map) && !(signature instanceof PySignature)) {
      throw new IllegalArgumentException(
          "chord must be a signature dict, got " + KombuJson.describe(signature));
    }
    return with(x -> x.chord = PyValues.snapshot(signature));
  }

  private static Object embedded(List<?> signatures, String what) {
    if (signatures == null) {
      return null;
    }
    for (Object s : signatures) {
      if (!(s instanceof Map) && !(s instanceof PySignature)) {
        throw new IllegalArgumentException(
            what + " must hold signature dicts, got " + KombuJson.describe(s));
      }
    }
    return PyValues.snapshot(signatures);
  }

  /**
   * Sets custom headers, merged after Celery's own as {@code headers.update(custom)}: a custom
   * header of the same name replaces Celery's.
   *
   * @param headers the headers
   * @return the new message
   */
  @SuppressWarnings("unchecked")
  public TaskMessage headers(Map<String, ?> headers) {
    Objects.requireNonNull(headers, "headers (use Map.of() for none)");
    PyValues.requireSerializable(headers, "headers");
    return with(x -> x.extraHeaders = (Map<String, Object>) PyValues.snapshot(headers));
  }

  /**
   * Returns the task id ({@code id} header, {@code correlation_id} property).
   *
   * @return the id
   */
  public String id() {
    return f.id;
  }

  /**
   * Returns the task name ({@code task} header).
   *
   * @return the name
   */
  public String task() {
    return f.task;
  }

  /**
   * Returns the positional arguments, as the JSON list the body carries.
   *
   * @return an unmodifiable list
   */
  public List<Object> args() {
    return f.args instanceof PyTuple t ? t.items() : castList(f.args);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object list) {
    return (List<Object>) list;
  }

  /**
   * Returns the keyword arguments.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> kwargs() {
    return f.kwargs;
  }

  /**
   * Returns the headers in Celery's order: {@code lang, task, id, shadow, eta, expires, group,
   * group_index, retries, timelimit, root_id, parent_id, argsrepr, kwargsrepr, origin,
   * ignore_result}, then the custom ones.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> headers() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("lang", "py");
    h.put("task", f.task);
    h.put("id", f.id);
    h.put("shadow", f.shadow);
    h.put("eta", f.eta);
    h.put("expires", f.expires);
    h.put("group", f.group);
    h.put("group_index", f.groupIndex);
    h.put("retries", f.retries);
    h.put("timelimit", Collections.unmodifiableList(Arrays.asList(f.timeLimit, f.softTimeLimit)));
    h.put("root_id", f.rootId == null || f.rootId.isEmpty() ? f.id : f.rootId);
    h.put("parent_id", f.parentId);
    h.put(
        "argsrepr", f.argsrepr != null ? f.argsrepr : SafeRepr.saferepr(f.args, f.argsreprMaxsize));
    h.put(
        "kwargsrepr",
        f.kwargsrepr != null ? f.kwargsrepr : SafeRepr.saferepr(f.kwargs, f.kwargsreprMaxsize));
    h.put("origin", f.origin);
    h.put("ignore_result", f.ignoreResult);
    h.putAll(f.extraHeaders);
    return Collections.unmodifiableMap(h);
  }

  /**
   * Returns the properties {@code as_task_v2} sets: {@code correlation_id} and {@code reply_to}.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("correlation_id", f.id);
    p.put("reply_to", f.replyTo == null ? "" : f.replyTo);
    return Collections.unmodifiableMap(p);
  }

  /**
   * Returns the embed, the third element of the body: {@code callbacks}, {@code errbacks}, {@code
   * chain}, {@code chord}.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> embed() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("callbacks", f.callbacks);
    e.put("errbacks", f.errbacks);
    e.put("chain", f.chain);
    e.put("chord", f.chord);
    return Collections.unmodifiableMap(e);
  }

  /**
   * Returns the body, {@code (args, kwargs, embed)}.
   *
   * @return an unmodifiable list of three
   */
  public List<Object> body() {
    List<Object> body = new ArrayList<>(3);
    body.add(args());
    body.add(f.kwargs);
    body.add(embed());
    return Collections.unmodifiableList(body);
  }

  /**
   * Returns the body serialized by Celery's {@code json} serializer (kombu's {@code dumps}).
   *
   * @return the JSON text
   */
  public String bodyJson() {
    return KombuJson.dumps(List.of(f.args, f.kwargs, embed()));
  }

  /**
   * Describes the message: {@code tasks.add[<id>]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return f.task + "[" + f.id + "]";
  }
}
