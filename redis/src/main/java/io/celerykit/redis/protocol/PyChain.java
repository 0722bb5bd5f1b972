package io.celerykit.redis.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A port of Celery 5.2.6's {@code celery.canvas._chain}: {@code kwargs['tasks']} holds the steps;
 * {@code run} freezes them last step first ({@code prepare_steps}), sends the first one with the
 * others, still in reverse order, as the message's {@code chain}, and returns the last step's
 * result, whose parents lead back to the first.
 */
final class PyChain extends PySignature {

  /** {@code _chain(*tasks, **options)} (tasks as a list). */
  PyChain(PyApp app, List<?> tasks, Map<String, Object> options) {
    super(app, "celery.chain", PyTuple.EMPTY, tasksKwargs(tasks), options, "chain", false);
  }

  private static Map<String, Object> tasksKwargs(List<?> tasks) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("tasks", new ArrayList<>(tasks));
    return kwargs;
  }

  @SuppressWarnings("unchecked")
  List<Object> tasks() {
    return (List<Object>) kwargs.get("tasks");
  }

  /** {@code _chain.from_dict(d)}. */
  @SuppressWarnings("unchecked")
  static PyChain fromDict(PyApp app, Map<String, Object> d) {
    List<Object> tasks = (List<Object>) ((Map<String, Object>) d.get("kwargs")).get("tasks");
    List<Object> sigs = new ArrayList<>(tasks.size());
    for (Object t : tasks) {
      sigs.add(maybeSignature(app, t, false));
    }
    return new PyChain(app, sigs, (Map<String, Object>) d.get("options"));
  }

  /** {@code _chain.clone(...)}: the steps are cloned too. */
  @Override
  PySignature cloneSig(
      PyTuple partialArgs, Map<String, Object> partialKwargs, Map<String, Object> opts) {
    PyChain sig = (PyChain) super.cloneSig(partialArgs, partialKwargs, opts);
    List<Object> cloned = new ArrayList<>();
    for (Object t : sig.tasks()) {
      cloned.add(maybeSignature(app, t, true));
    }
    sig.kwargs.put("tasks", cloned);
    return sig;
  }

  /** {@code _chain.unchain_tasks()}: clones of the steps, each given the chain's errbacks. */
  List<PySignature> unchainTasks() {
    List<PySignature> tasks = new ArrayList<>();
    for (Object t : tasks()) {
      tasks.add(maybeSignature(app, t, true));
    }
    Object errbacks = options.get("link_error");
    if (errbacks instanceof List<?> list) {
      for (Object sig : list) {
        for (PySignature task : tasks) {
          task.linkError(sig);
        }
      }
    }
    return tasks;
  }

  /** {@code _chain.__or__(other)}. */
  @Override
  PySignature or(PySignature other) {
    if (other instanceof PyGroup group) {
      // chain | group() -> chain
      PySignature unrolled = PyGroup.maybeUnrollGroup(group);
      List<Object> tasks = new ArrayList<>(unchainTasks());
      if (tasks.isEmpty()) {
        return unrolled; // if the chain is empty, return the group
      }
      tasks.add(unrolled);
      return new PyChain(app, tasks, null);
    }
    if (other instanceof PyChain chain) {
      // chain | chain -> chain
      List<Object> tasks = new ArrayList<>(unchainTasks());
      tasks.addAll(chain.unchainTasks());
      return new PyChain(app, tasks, null);
    }
    List<Object> tasks = tasks();
    if (!tasks.isEmpty() && tasks.get(tasks.size() - 1) instanceof PyGroup) {
      // CHAIN [last item is group] | TASK -> chord
      PyChain sig = (PyChain) cloneSig();
      List<Object> steps = sig.tasks();
      steps.set(steps.size() - 1, new PyChord(app, steps.get(steps.size() - 1), other, null));
      return sig;
    }
    if (!tasks.isEmpty() && tasks.get(tasks.size() - 1) instanceof PyChord) {
      // CHAIN [last item is chord] -> chain with chord body
      PyChain sig = (PyChain) cloneSig();
      List<Object> steps = sig.tasks();
      PyChord last = (PyChord) steps.get(steps.size() - 1);
      last.setBody(last.body().or(other));
      return sig;
    }
    // chain | task -> chain
    List<Object> steps = new ArrayList<>(unchainTasks());
    steps.add(other);
    return new PyChain(app, steps, null);
  }

  /** {@code _chain.apply_async(args, kwargs, **options)}. */
  @Override
  PyResult applyAsync(
      PyTuple partialArgs, Map<String, Object> partialKwargs, Map<String, Object> o) {
    Map<String, Object> merged = new LinkedHashMap<>(options);
    merged.putAll(o);
    return run(partialArgs == null ? PyTuple.EMPTY : partialArgs, partialKwargs, merged);
  }

  /** {@code _chain.run(args, kwargs, group_id, chord, task_id, link, link_error, ...)}. */
  PyResult run(PyTuple partialArgs, Map<String, Object> partialKwargs, Map<String, Object> o) {
    Map<String, Object> options = new LinkedHashMap<>(o);
    String groupId = (String) options.remove("group_id");
    Object chord = options.remove("chord");
    String taskId = (String) options.remove("task_id");
    Object link = options.remove("link");
    Object linkError = options.remove("link_error");
    options.remove("publisher");
    options.remove("producer");
    String rootId = (String) options.remove("root_id");
    String parentId = (String) options.remove("parent_id");
    options.remove("app");
    Integer groupIndex = (Integer) options.remove("group_index");
    PyTuple a = !partialArgs.isEmpty() && !immutable ? partialArgs.plus(args) : args;
    Prepared prepared =
        prepareSteps(
            a,
            partialKwargs,
            tasks(),
            rootId,
            parentId,
            linkError,
            taskId,
            groupId,
            chord,
            true,
            groupIndex);
    if (prepared.results.isEmpty()) {
      return null;
    }
    List<PySignature> steps = prepared.tasks;
    if (PyValues.truthy(link)) {
      steps.get(0).extendListOption("link", link);
    }
    PySignature first = steps.remove(steps.size() - 1);
    // _prepare_chain_from_options: the remaining steps, last first, become the 'chain' option
    Map<String, Object> firstOptions = new LinkedHashMap<>(options);
    if (!options.containsKey("chain")) {
      firstOptions.put("chain", steps);
    } else if (steps != null) {
      List<Object> more = new ArrayList<>((List<?>) options.get("chain"));
      more.addAll(steps);
      firstOptions.put("chain", more);
    }
    PyResult fromApply = first.applyAsync(null, null, firstOptions);
    return steps.isEmpty() ? fromApply : prepared.results.get(0);
  }

  /** {@code _chain.freeze(...)}: the steps are frozen in place, not cloned. */
  @Override
  PyResult freeze(
      String id, String groupId, Object chord, String rootId, String parentId, Integer groupIndex) {
    Prepared prepared =
        prepareSteps(
            args, kwargs, tasks(), rootId, parentId, null, id, groupId, chord, false, groupIndex);
    return prepared.results.get(0);
  }

  /** The steps and results {@code prepare_steps} returns, last step first. */
  record Prepared(List<PySignature> tasks, List<PyResult> results) {}

  /** {@code _chain.prepare_steps(...)}, protocol 2 (no {@code use_link}). */
  Prepared prepareSteps(
      PyTuple partialArgs,
      Map<String, Object> partialKwargs,
      List<Object> tasks,
      String rootId,
      String parentId,
      Object linkError,
      String lastTaskId,
      String groupId,
      Object chordBody,
      boolean clone,
      Integer groupIndex) {
    List<Object> steps = new ArrayList<>(tasks);
    PySignature prevTask = null;
    PyResult prevRes = null;
    List<PySignature> out = new ArrayList<>();
    List<PyResult> results = new ArrayList<>();
    int i = 0;
    while (!steps.isEmpty()) {
      Object raw = steps.remove(steps.size() - 1);
      boolean isFirstTask = steps.isEmpty();
      boolean isLastTask = i == 0;
      PySignature task = maybeSignature(app, raw, false);
      if (task instanceof PyGroup group) {
        task = PyGroup.maybeUnrollGroup(group);
      }
      if (clone) {
        task = isFirstTask ? task.cloneSig(partialArgs, partialKwargs, null) : task.cloneSig();
      } else if (isFirstTask) {
        task.args = partialArgs.plus(task.args);
      }
      if (task instanceof PyChain chain) {
        steps.addAll(chain.tasks()); // splice (unroll) the chain
        continue;
      }
      if (task instanceof PyGroup && prevTask != null) {
        // automatically upgrade group(...) | s to chord(group, s)
        out.remove(out.size() - 1);
        results.remove(results.size() - 1);
        Map<String, Object> chordOptions = new LinkedHashMap<>();
        if (!prevRes.isGroup()) {
          chordOptions.put("task_id", prevRes.id);
        }
        chordOptions.put("root_id", rootId);
        task = new PyChord(app, task, prevTask, chordOptions);
      }
      PyResult res =
          isLastTask
              ? task.freeze(lastTaskId, groupId, chordBody, rootId, null, groupIndex)
              : task.freeze(null, null, null, rootId, null, null);
      i++;
      if (prevTask != null && prevRes != null && prevRes.parent == null) {
        prevRes.parent = res;
      }
      if (PyValues.truthy(linkError)) {
        for (Object errback : (List<?>) PyApp.maybeList(linkError)) {
          task.linkError(errback);
        }
      }
      out.add(task);
      results.add(res);
      prevTask = task;
      prevRes = res;
      if (task instanceof PyChord) {
        // the result of a chord is its body's: point at the header group's result instead
        PyResult node = res;
        while (node.parent != null) {
          node = node.parent;
        }
        prevRes = node;
      }
    }
    return new Prepared(out, results);
  }
}
