package io.celerykit.redis.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A port of Celery 5.2.6's {@code celery.canvas.Signature} (a task signature), the base of {@link
 * PyChain}, {@link PyGroup} and {@link PyChord}: the same dict ({@code task}, {@code args}, {@code
 * kwargs}, {@code options}, {@code subtask_type}, {@code immutable}), mutated the same way by
 * {@code freeze}, {@code clone}, {@code link} and {@code apply_async}, so that the signatures
 * embedded in a message and the ids frozen into them come out as Celery's. Method names keep
 * Python's; comments cite what they port.
 */
class PySignature {
  final PyApp app;
  String task;
  PyTuple args;
  Map<String, Object> kwargs;
  Map<String, Object> options;
  String subtaskType;
  boolean immutable;

  /** {@code Signature(task, args, kwargs, options, subtask_type=..., immutable=...)}. */
  PySignature(
      PyApp app,
      String task,
      PyTuple args,
      Map<String, Object> kwargs,
      Map<String, Object> options,
      String subtaskType,
      boolean immutable) {
    this.app = app;
    this.task = task;
    this.args = args == null ? PyTuple.EMPTY : args;
    this.kwargs = kwargs == null || kwargs.isEmpty() ? new LinkedHashMap<>() : kwargs;
    this.options = options == null ? new LinkedHashMap<>() : new LinkedHashMap<>(options);
    this.subtaskType = subtaskType;
    this.immutable = immutable;
  }

  /** {@code dict(self)}: the signature as the JSON serializer and {@code deepcopy} see it. */
  final Map<String, Object> asDict() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("task", task);
    d.put("args", args);
    d.put("kwargs", kwargs);
    d.put("options", options);
    d.put("subtask_type", subtaskType);
    d.put("immutable", immutable);
    return d;
  }

  /** {@code Signature.from_dict(d)}: the type named by {@code subtask_type}. */
  @SuppressWarnings("unchecked")
  static PySignature fromDict(PyApp app, Map<String, Object> d) {
    Object typ = d.get("subtask_type");
    if ("chain".equals(typ)) {
      return PyChain.fromDict(app, d);
    }
    if ("group".equals(typ)) {
      return PyGroup.fromDict(app, d);
    }
    if ("chord".equals(typ)) {
      return PyChord.fromDict(app, d);
    }
    // Signature(d): dict(d), sharing d's values
    PySignature sig =
        new PySignature(
            app,
            (String) d.get("task"),
            asTuple(d.get("args")),
            (Map<String, Object>) d.get("kwargs"),
            null,
            (String) typ,
            Boolean.TRUE.equals(d.get("immutable")));
    sig.options = (Map<String, Object>) d.get("options");
    if (sig.options == null) {
      sig.options = new LinkedHashMap<>();
    }
    return sig;
  }

  static PyTuple asTuple(Object args) {
    if (args == null) {
      return PyTuple.EMPTY;
    }
    return args instanceof PyTuple t ? t : PyTuple.of((List<?>) args);
  }

  /** {@code maybe_signature(d, clone=...)}. */
  @SuppressWarnings("unchecked")
  static PySignature maybeSignature(PyApp app, Object d, boolean clone) {
    if (d == null) {
      return null;
    }
    if (d instanceof PySignature sig) {
      return clone ? sig.cloneSig() : sig;
    }
    return fromDict(app, (Map<String, Object>) d);
  }

  /** The id frozen into the options, or null ({@code sig.id}). */
  final String id() {
    return (String) options.get("task_id");
  }

  /** The three parts {@code _merge} returns. */
  record Merged(PyTuple args, Map<String, Object> kwargs, Map<String, Object> options) {}

  /** {@code Signature._merge(args, kwargs, options, force)}. */
  final Merged merge(
      PyTuple partialArgs,
      Map<String, Object> partialKwargs,
      Map<String, Object> partialOptions,
      boolean force) {
    PyTuple a = partialArgs == null ? PyTuple.EMPTY : partialArgs;
    Map<String, Object> k = partialKwargs == null ? Map.of() : partialKwargs;
    Map<String, Object> newOptions;
    if (partialOptions != null) {
      newOptions = new LinkedHashMap<>(options);
      for (Map.Entry<String, Object> e : partialOptions.entrySet()) {
        // group_id is immutable once set: changing it would stall the parent's completion
        if (!e.getKey().equals("group_id") || !options.containsKey("group_id")) {
          newOptions.put(e.getKey(), e.getValue());
        }
      }
    } else {
      newOptions = options;
    }
    if (immutable && !force) {
      return new Merged(args, kwargs, newOptions);
    }
    Map<String, Object> mergedKwargs = kwargs;
    if (!k.isEmpty()) {
      mergedKwargs = new LinkedHashMap<>(kwargs);
      mergedKwargs.putAll(k);
    }
    return new Merged(a.isEmpty() ? args : a.plus(args), mergedKwargs, newOptions);
  }

  /** {@code Signature.apply_async(args, kwargs, **options)}; options set to None are dropped. */
  PyResult applyAsync(
      PyTuple partialArgs, Map<String, Object> partialKwargs, Map<String, Object> callOptions) {
    Map<String, Object> opts = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : callOptions.entrySet()) {
      if (e.getValue() != null) {
        opts.put(e.getKey(), e.getValue());
      }
    }
    PyTuple a = partialArgs == null ? PyTuple.EMPTY : partialArgs;
    Map<String, Object> k = partialKwargs == null ? Map.of() : partialKwargs;
    Merged m =
        !a.isEmpty() || !k.isEmpty() || !opts.isEmpty()
            ? merge(a, k, opts, false)
            : new Merged(args, kwargs, options);
    // _apply_async of a task the client does not know: partial(app.send_task, self['task'])
    return app.sendTask(task, m.args(), m.kwargs(), m.options());
  }

  /** {@code Signature.clone()}. */
  final PySignature cloneSig() {
    return cloneSig(null, null, null);
  }

  /** {@code Signature.clone(args, kwargs, **opts)}, as each type completes it. */
  PySignature cloneSig(
      PyTuple partialArgs, Map<String, Object> partialKwargs, Map<String, Object> opts) {
    Merged m =
        (partialArgs != null && !partialArgs.isEmpty())
                || (partialKwargs != null && !partialKwargs.isEmpty())
                || (opts != null && !opts.isEmpty())
            ? merge(partialArgs, partialKwargs, opts == null ? Map.of() : opts, false)
            : new Merged(args, kwargs, options);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("task", task);
    d.put("args", m.args());
    d.put("kwargs", m.kwargs());
    d.put("options", PyValues.deepcopy(m.options()));
    d.put("subtask_type", subtaskType);
    d.put("immutable", immutable);
    return fromDict(app, d);
  }

  /** {@code Signature.freeze(_id, group_id, chord, root_id, parent_id, group_index)}. */
  PyResult freeze(
      String id, String groupId, Object chord, String rootId, String parentId, Integer groupIndex) {
    String tid;
    if (options.containsKey("task_id")) {
      tid = (String) options.get("task_id");
    } else {
      tid = PyValues.truthy(id) ? id : app.uuid();
      options.put("task_id", tid);
    }
    if (PyValues.truthy(rootId)) {
      options.put("root_id", rootId);
    }
    if (PyValues.truthy(parentId)) {
      options.put("parent_id", parentId);
    }
    if (!options.containsKey("reply_to")) {
      options.put("reply_to", app.threadOid);
    }
    if (PyValues.truthy(groupId) && !options.containsKey("group_id")) {
      options.put("group_id", groupId);
    }
    if (PyValues.truthy(chord)) {
      options.put("chord", chord);
    }
    if (groupIndex != null) {
      options.put("group_index", groupIndex);
    }
    return PyResult.task(tid);
  }

  /** {@code Signature._with_list_option(key)}. */
  @SuppressWarnings("unchecked")
  private List<Object> withListOption(String key) {
    Object items = options.get(key);
    if (items == null && !options.containsKey(key)) {
      items = new ArrayList<>();
      options.put(key, items);
    }
    if (!(items instanceof List<?>) || !(items instanceof ArrayList<?>)) {
      List<Object> list = new ArrayList<>();
      if (items instanceof List<?> existing) {
        list.addAll(existing);
      } else {
        list.add(items);
      }
      options.put(key, list);
      items = list;
    }
    return (List<Object>) items;
  }

  /** {@code Signature.append_to_list_option(key, value)}: added unless an equal one is there. */
  final void appendToListOption(String key, Object value) {
    List<Object> items = withListOption(key);
    Object snap = PyValues.snapshot(value);
    for (Object item : items) {
      if (PyValues.snapshot(item).equals(snap)) {
        return;
      }
    }
    items.add(value);
  }

  /** {@code Signature.extend_list_option(key, value)}. */
  final void extendListOption(String key, Object value) {
    List<Object> items = withListOption(key);
    Object more = PyApp.maybeList(value);
    if (more != null) {
      items.addAll((List<?>) more);
    }
  }

  /** {@code Signature.link(callback)}. */
  void link(Object callback) {
    appendToListOption("link", callback);
  }

  /** {@code Signature.link_error(errback)}. */
  void linkError(Object errback) {
    appendToListOption("link_error", errback);
  }

  /** {@code Signature.__or__(other)}: {@code self | other}. */
  PySignature or(PySignature other) {
    if (other instanceof PyChain chain) {
      // task | chain -> chain
      List<Object> tasks = new ArrayList<>();
      tasks.add(this);
      tasks.addAll(chain.unchainTasks());
      return new PyChain(app, tasks, null);
    }
    if (other instanceof PyGroup group) {
      // unroll group with one member; task | group() -> chain
      return new PyChain(app, List.of(this, PyGroup.maybeUnrollGroup(group)), null);
    }
    return new PyChain(app, List.of(this, other), null);
  }
}
