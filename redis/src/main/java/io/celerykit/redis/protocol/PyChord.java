package io.celerykit.redis.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A port of Celery 5.2.6's {@code celery.canvas._chord}: {@code kwargs} holds {@code kwargs}, the
 * {@code header} (a list of signatures until frozen, then a group) and the {@code body}. {@code
 * run} freezes the body, then the header with the chord's group id and the body as each member's
 * {@code chord} option; the Redis backend saves the header result when it nests a group ({@code
 * apply_chord}); the header is sent as a group, which writes the chord size before its last member.
 */
final class PyChord extends PySignature {

  /** {@code chord(header, body, **options)}. */
  PyChord(PyApp app, Object header, Object body, Map<String, Object> options) {
    this(app, header, body, PyTuple.EMPTY, null, options, false);
  }

  private PyChord(
      PyApp app,
      Object header,
      Object body,
      PyTuple args,
      Map<String, Object> innerKwargs,
      Map<String, Object> options,
      boolean immutable) {
    super(
        app,
        "celery.chord",
        args,
        chordKwargs(app, header, body, innerKwargs),
        options,
        "chord",
        immutable);
  }

  private static Map<String, Object> chordKwargs(
      PyApp app, Object header, Object body, Map<String, Object> innerKwargs) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("kwargs", innerKwargs == null ? new LinkedHashMap<>() : innerKwargs);
    kwargs.put("header", maybeGroup(app, header));
    kwargs.put("body", maybeSignature(app, body, false));
    return kwargs;
  }

  /**
   * {@code _maybe_group(tasks)}: the header as a list of signatures. A signature is a dict in
   * Python, so a group or chain given as the header is cloned first ({@code signature(tasks)}).
   */
  @SuppressWarnings("unchecked")
  private static Object maybeGroup(PyApp app, Object tasks) {
    if (tasks instanceof PySignature sig) {
      tasks = sig.cloneSig();
    } else if (tasks instanceof Map<?, ?>) {
      tasks = fromDict(app, (Map<String, Object>) tasks);
    }
    if (tasks instanceof PyGroup group) {
      return group.tasks();
    }
    if (tasks instanceof PyChain chain) {
      return chain.tasks();
    }
    if (tasks instanceof PySignature sig) {
      List<Object> one = new ArrayList<>();
      one.add(sig);
      return one;
    }
    List<Object> sigs = new ArrayList<>();
    for (Object t : (List<Object>) tasks) {
      sigs.add(t instanceof PySignature s ? s.cloneSig() : fromDict(app, (Map<String, Object>) t));
    }
    return sigs;
  }

  /** {@code _chord.from_dict(d)}. */
  @SuppressWarnings("unchecked")
  static PyChord fromDict(PyApp app, Map<String, Object> d) {
    Map<String, Object> kw = new LinkedHashMap<>((Map<String, Object>) d.get("kwargs"));
    Object header = kw.remove("header");
    Object body = kw.remove("body");
    Object inner = kw.get("kwargs");
    return new PyChord(
        app,
        header,
        body,
        asTuple(d.get("args")),
        inner == null ? null : (Map<String, Object>) inner,
        (Map<String, Object>) d.get("options"),
        Boolean.TRUE.equals(d.get("immutable")));
  }

  /** {@code chord.tasks}: the header. */
  Object header() {
    return kwargs.get("header");
  }

  /** {@code chord.body}. */
  PySignature body() {
    return maybeSignature(app, kwargs.get("body"), false);
  }

  void setBody(PySignature body) {
    kwargs.put("body", body);
  }

  @SuppressWarnings("unchecked")
  private PyGroup headerGroup() {
    Object header = header();
    return header instanceof PyGroup g ? g : new PyGroup(app, (List<Object>) header, null);
  }

  /** {@code _chord.clone(...)}: the body is cloned too. */
  @Override
  PySignature cloneSig(
      PyTuple partialArgs, Map<String, Object> partialKwargs, Map<String, Object> opts) {
    PyChord sig = (PyChord) super.cloneSig(partialArgs, partialKwargs, opts);
    sig.kwargs.put("body", maybeSignature(app, sig.kwargs.get("body"), true));
    return sig;
  }

  /** {@code _chord.__or__(other)}: a task after a chord extends its body. */
  @Override
  PySignature or(PySignature other) {
    if (!(other instanceof PyGroup) && !(other instanceof PyChain)) {
      PyChord sig = (PyChord) cloneSig();
      sig.setBody(sig.body().or(other));
      return sig;
    }
    return super.or(other);
  }

  /** {@code _chord.freeze(_id, group_id, chord, root_id, parent_id, group_index)}. */
  @Override
  PyResult freeze(
      String id, String groupId, Object chord, String rootId, String parentId, Integer groupIndex) {
    if (!(header() instanceof PyGroup)) {
      kwargs.put("header", headerGroup());
    }
    PyGroup header = (PyGroup) header();
    PyResult headerResult = header.freeze(null, null, body(), rootId, parentId, null);
    PyResult bodyResult = body().freeze(id, groupId, chord, rootId, null, groupIndex);
    // link the body's result back to the group's: the body may be a chain, so find the first
    // result without a parent
    List<String> seen = new ArrayList<>();
    PyResult node = bodyResult;
    while (node != null) {
      if (seen.contains(node.id)) {
        throw new IllegalStateException("Recursive result parents: " + node.id);
      }
      seen.add(node.id);
      if (node.parent == null) {
        node.parent = headerResult;
        break;
      }
      node = node.parent;
    }
    options.put("task_id", header.id()); // self.id = self.tasks.id
    return bodyResult;
  }

  /** {@code _chord.apply_async(args, kwargs, task_id, producer, ..., **options)}. */
  @Override
  PyResult applyAsync(
      PyTuple partialArgs, Map<String, Object> partialKwargs, Map<String, Object> o) {
    Map<String, Object> options = new LinkedHashMap<>(o);
    String taskId = (String) options.remove("task_id");
    for (String named : List.of("producer", "publisher", "connection", "router", "result_cls")) {
      options.remove(named);
    }
    PyTuple partial = partialArgs == null ? PyTuple.EMPTY : partialArgs;
    PyTuple a = !partial.isEmpty() && !immutable ? partial.plus(args) : args;
    PySignature body = body().cloneSig(null, null, options);
    PyGroup tasks = header() instanceof PyGroup g ? (PyGroup) g.cloneSig() : headerGroup();
    Map<String, Object> mergedOptions;
    if (!options.isEmpty()) {
      mergedOptions = new LinkedHashMap<>(this.options);
      mergedOptions.putAll(options);
    } else {
      mergedOptions = this.options; // Celery pops task_id from the chord's own options then
    }
    Object optionTaskId = mergedOptions.remove("task_id");
    if (taskId == null) {
      taskId = (String) optionTaskId;
    }
    Map<String, Object> runOptions = new LinkedHashMap<>(mergedOptions);
    runOptions.put("task_id", taskId);
    return run(tasks, body, a, runOptions);
  }

  /**
   * {@code _chord.run(header, body, partial_args, app, interval, countdown, ..., task_id, ...)}.
   */
  PyResult run(PyGroup header, PySignature body, PyTuple partialArgs, Map<String, Object> o) {
    Map<String, Object> kw = new LinkedHashMap<>(o);
    for (String named : List.of("app", "interval", "countdown", "max_retries", "eager")) {
      kw.remove(named);
    }
    String taskId = (String) kw.remove("task_id");
    String headerId = (String) header.options.get("task_id");
    String groupId = PyValues.truthy(headerId) ? headerId : app.uuid();
    String rootId = (String) body.options.get("root_id");
    Map<String, Object> options;
    if (!kw.isEmpty()) {
      options = new LinkedHashMap<>(this.options);
      options.putAll(kw);
    } else {
      options = this.options;
    }
    if (!options.isEmpty()) {
      options.remove("task_id");
      body.options.putAll(options);
    }
    PyResult bodyResult = body.freeze(taskId, null, null, rootId, null, null);
    // chains should not be passed to the header tasks, nor chords (for nested chords)
    options.remove("chain");
    options.remove("chord");
    options.remove("task_id");
    PyGroup.Frozen frozen = header.freezeGroupTasks(groupId, body, rootId, null, null);
    PyResult headerResult;
    if (!header.tasks().isEmpty()) {
      // the Redis backend's apply_chord: save the header result when a member result is a group
      PyResult saved = PyResult.group(frozen.id(), frozen.results());
      if (frozen.results().stream().anyMatch(PyResult::isGroup)) {
        app.saveGroup(saved);
      }
      Map<String, Object> headerOptions = new LinkedHashMap<>();
      headerOptions.put("task_id", groupId);
      headerOptions.putAll(options);
      headerResult = header.applyAsync(partialArgs, null, headerOptions);
    } else {
      // an empty header never fires the body: Celery sends it at once with an empty list
      List<Object> none = new ArrayList<>();
      body.applyAsync(new PyTuple(List.of(none)), null, Map.of());
      headerResult = PyResult.group(frozen.id(), frozen.results());
    }
    bodyResult.parent = headerResult;
    return bodyResult;
  }

  /** {@code _chord._descend(sig)}: how many completions a member contributes to a chord. */
  @SuppressWarnings("unchecked")
  static int descend(PyApp app, Object sigObj) {
    if (!(sigObj instanceof PySignature) && sigObj instanceof Map<?, ?> d) {
      sigObj = fromDict(app, (Map<String, Object>) d);
    }
    if (sigObj instanceof PyGroup group) {
      int sum = 0;
      for (Object t : group.tasks()) {
        sum += descend(app, t);
      }
      return sum;
    }
    if (sigObj instanceof PyChain chain) {
      List<Object> tasks = chain.tasks();
      for (int i = tasks.size() - 1; i >= 0; i--) {
        int size = descend(app, tasks.get(i));
        if (size > 0) {
          return size;
        }
      }
      return 0;
    }
    if (sigObj instanceof PyChord chord) {
      return descend(app, chord.body());
    }
    if (sigObj instanceof PySignature) {
      return 1;
    }
    return ((List<?>) sigObj).size();
  }
}
