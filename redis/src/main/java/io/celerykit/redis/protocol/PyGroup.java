package io.celerykit.redis.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A port of Celery 5.2.6's {@code celery.canvas.group}: {@code kwargs['tasks']} holds the members
 * (the list object itself, shared as Python shares it); {@code apply_async} takes its id from the
 * {@code task_id} option ({@code _freeze_gid}), clones and freezes each member with it ({@code
 * _prepared}, one member ahead of the sending, as {@code lookahead} pulls), and sends them ({@code
 * _apply_tasks}), writing the chord size before the last member of a chord's header.
 */
final class PyGroup extends PySignature {

  /** Stands for the kombu producer Celery passes along; every consumer of it drops it. */
  static final Object PRODUCER =
      new Object() {
        @Override
        public String toString() {
          return "<producer>";
        }
      };

  /** {@code group(tasks, **options)}, keeping the given list as Python's {@code regen} does. */
  PyGroup(PyApp app, List<Object> tasks, Map<String, Object> options) {
    super(app, "celery.group", PyTuple.EMPTY, tasksKwargs(tasks), options, "group", false);
  }

  private static Map<String, Object> tasksKwargs(List<Object> tasks) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("tasks", tasks);
    return kwargs;
  }

  @SuppressWarnings("unchecked")
  List<Object> tasks() {
    return (List<Object>) kwargs.get("tasks");
  }

  /** {@code group.from_dict(d)}: rebuilds the members in place in {@code d}, as Celery does. */
  @SuppressWarnings("unchecked")
  static PyGroup fromDict(PyApp app, Map<String, Object> d) {
    Map<String, Object> kw = (Map<String, Object>) d.get("kwargs");
    List<Object> rebuilt = new ArrayList<>();
    for (Object t : (List<Object>) kw.get("tasks")) {
      rebuilt.add(maybeSignature(app, t, false));
    }
    kw.put("tasks", rebuilt);
    return new PyGroup(app, rebuilt, (Map<String, Object>) d.get("options"));
  }

  /** {@code maybe_unroll_group(group)}: a group of one is that one. */
  static PySignature maybeUnrollGroup(PyGroup group) {
    List<Object> tasks = group.tasks();
    return tasks.size() == 1 ? maybeSignature(group.app, tasks.get(0), false) : group;
  }

  /** {@code group.__or__(other)}: {@code group() | task -> chord}. */
  @Override
  PySignature or(PySignature other) {
    return new PyChord(app, this, other, null);
  }

  /** {@code group.apply_async(args, kwargs, add_to_parent, producer, link, link_error, ...)}. */
  @Override
  PyResult applyAsync(
      PyTuple partialArgs, Map<String, Object> partialKwargs, Map<String, Object> o) {
    Map<String, Object> options = new LinkedHashMap<>(o);
    options.remove("add_to_parent");
    options.remove("producer");
    if (options.remove("link") != null) {
      throw new IllegalArgumentException(
          "Cannot add link to group: use a chord (Celery raises TypeError)");
    }
    if (options.remove("link_error") != null) {
      throw new IllegalArgumentException(
          "Cannot add link to group: do that on individual tasks (Celery raises TypeError)");
    }
    if (tasks().isEmpty()) {
      return freeze(null, null, null, null, null, null);
    }
    // _freeze_gid: the task_id option is the group id (uuid() is evaluated either way)
    Map<String, Object> merged = new LinkedHashMap<>(this.options);
    merged.putAll(options);
    String fresh = app.uuid();
    String groupId = merged.containsKey("task_id") ? (String) merged.remove("task_id") : fresh;
    merged.put("group_id", groupId);
    String rootId = (String) merged.get("root_id");
    Iterator<Member> prepared = prepared(tasks(), groupId, rootId);
    List<PyResult> results =
        applyTasks(
            prepared, partialArgs == null ? PyTuple.EMPTY : partialArgs, partialKwargs, merged);
    PyResult result = PyResult.group(groupId, results);
    if (results.size() == 1 && results.get(0).isGroup()) {
      result = results.get(0);
    }
    return result;
  }

  /** A member {@code _prepared} yields: the clone, its frozen result, the group id. */
  record Member(PySignature sig, PyResult result, String groupId) {}

  /** {@code group._prepared(tasks, [], group_id, root_id, app)}: lazily, as the generator. */
  private Iterator<Member> prepared(List<Object> tasks, String groupId, String rootId) {
    Deque<Iterator<Object>> stack = new ArrayDeque<>();
    stack.push(new ArrayList<>(tasks).iterator());
    return new Iterator<>() {
      private Member next;

      @Override
      public boolean hasNext() {
        while (next == null && !stack.isEmpty()) {
          Iterator<Object> it = stack.peek();
          if (!it.hasNext()) {
            stack.pop();
            continue;
          }
          PySignature task = maybeSignature(app, it.next(), true);
          if (task instanceof PyGroup group) {
            stack.push(new ArrayList<>(group.tasks()).iterator()); // yield from task._prepared
          } else {
            next = new Member(task, task.freeze(null, groupId, null, rootId, null, null), groupId);
          }
        }
        return next != null;
      }

      @Override
      public Member next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Member m = next;
        next = null;
        return m;
      }
    };
  }

  /**
   * {@code group._apply_tasks(tasks, producer, app, p, add_to_parent, chord, args, kwargs, ...)}.
   */
  private List<PyResult> applyTasks(
      Iterator<Member> tasks,
      PyTuple partialArgs,
      Map<String, Object> partialKwargs,
      Map<String, Object> o) {
    Map<String, Object> options = new LinkedHashMap<>(o);
    options.remove("add_to_parent");
    Object chord = options.remove("chord");
    List<PyResult> results = new ArrayList<>();
    int chordSize = 0;
    // lookahead(tasks): the next member is prepared before the current one is sent
    Member current = tasks.hasNext() ? tasks.next() : null;
    while (current != null) {
      Member next = tasks.hasNext() ? tasks.next() : null;
      Object chordObj = chord != null ? chord : current.sig().options.get("chord");
      chordSize += PyChord.descend(app, current.sig());
      if (chordObj != null && next == null) {
        app.setChordSize(current.groupId(), chordSize);
      }
      Map<String, Object> memberOptions = new LinkedHashMap<>();
      memberOptions.put("producer", PRODUCER);
      memberOptions.put("add_to_parent", false);
      memberOptions.put("chord", chordObj);
      memberOptions.putAll(options);
      current.sig().applyAsync(partialArgs, partialKwargs, memberOptions);
      results.add(current.result());
      current = next;
    }
    return results;
  }

  /** {@code group.freeze(...)}: {@code GroupResult(*_freeze_group_tasks(...))}. */
  @Override
  PyResult freeze(
      String id, String groupId, Object chord, String rootId, String parentId, Integer groupIndex) {
    Frozen f = freezeGroupTasks(groupId, chord, rootId, parentId, groupIndex);
    return PyResult.group(f.id, f.results);
  }

  /** The group id and member results {@code _freeze_group_tasks} returns. */
  record Frozen(String id, List<PyResult> results) {}

  /**
   * {@code group._freeze_group_tasks(_id, group_id, chord, root_id, parent_id, group_index)}; its
   * {@code _id} is unused in Celery 5.2.6, so it is not taken here.
   */
  Frozen freezeGroupTasks(
      String groupId, Object chord, String rootId, String parentId, Integer groupIndex) {
    String gid;
    if (options.containsKey("task_id")) {
      gid = (String) options.get("task_id");
    } else {
      gid = PyValues.truthy(groupId) ? groupId : app.uuid();
      options.put("task_id", gid);
    }
    if (PyValues.truthy(groupId)) {
      options.put("group_id", groupId);
    }
    if (PyValues.truthy(chord)) {
      options.put("chord", chord);
    }
    if (groupIndex != null) {
      options.put("group_index", groupIndex);
    }
    if (!options.containsKey("root_id")) {
      options.put("root_id", rootId);
    }
    String root = (String) options.get("root_id");
    if (!options.containsKey("parent_id")) {
      options.put("parent_id", parentId);
    }
    String parent = (String) options.get("parent_id");
    List<Object> newTasks = new ArrayList<>();
    List<PyResult> results = freezeUnroll(newTasks, groupId, chord, root, parent);
    List<Object> tasks = tasks();
    tasks.clear(); // self.tasks[:] = new_tasks
    tasks.addAll(newTasks);
    return new Frozen(gid, results);
  }

  /**
   * {@code group._freeze_unroll(...)}: members of a nested group are spliced in with {@code
   * deque.extendleft}, which reverses them, as in Celery.
   */
  private List<PyResult> freezeUnroll(
      List<Object> newTasks, String groupId, Object chord, String rootId, String parentId) {
    Deque<Object> stack = new ArrayDeque<>(tasks());
    List<PyResult> results = new ArrayList<>();
    int groupIndex = 0;
    while (!stack.isEmpty()) {
      PySignature task = maybeSignature(app, stack.pollFirst(), false).cloneSig();
      if (task instanceof PyGroup group) {
        for (Object member : group.tasks()) {
          stack.addFirst(member);
        }
      } else {
        newTasks.add(task);
        results.add(task.freeze(null, groupId, chord, rootId, parentId, groupIndex));
        groupIndex++;
      }
    }
    return results;
  }
}
