package io.celerykit.app;

import io.celerykit.result.NotRegisteredException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's tasks by name ({@code app.tasks}) and its stubs. A name holds one task: registering it
 * again is refused, so that {@link Task} handles never start running another body unseen; {@link
 * #unregister} frees a name and a stub takes a name over deliberately. Reads are lock-free, changes
 * are serialized; thread-safe.
 */
final class TaskRegistry {
  private final Map<String, RegisteredTask> tasks = new ConcurrentHashMap<>();
  private final Map<String, TaskStub> stubs = new ConcurrentHashMap<>();

  /** Registers a task with a body; refuses a name that is taken. */
  synchronized RegisteredTask register(String name, TaskOptions options, RegisteredTask.Body body) {
    requireName(name);
    if (tasks.containsKey(name)) {
      throw new IllegalArgumentException(
          "task '"
              + name
              + "' is already registered"
              + (stubs.containsKey(name) ? " as a stub" : "")
              + "; registering it again would change what its Task handles run. Use another"
              + " name, or replace it deliberately: app.unregister(\""
              + name
              + "\") then register it again, or app.stub(\""
              + name
              + "\") to script its outcomes instead");
    }
    RegisteredTask task = new RegisteredTask(name, options, RegisteredTask.always(body));
    tasks.put(name, task);
    return task;
  }

  /**
   * Returns the stub of a name, made and registered on the first call; a stub replaces a task with
   * a body registered under the name.
   */
  synchronized TaskStub stub(String name) {
    requireName(name);
    TaskStub stub = stubs.get(name);
    if (stub == null) {
      stub = new TaskStub(name);
      stubs.put(name, stub);
      tasks.put(name, stub.registered());
    }
    return stub;
  }

  /** Removes a task (or stub), as Celery's {@code app.tasks.unregister(name)}. */
  synchronized void unregister(String name) {
    get(name);
    tasks.remove(name);
    stubs.remove(name);
  }

  /** Returns the task of a name; NotRegisteredException when there is none. */
  RegisteredTask get(String name) {
    if (name == null) {
      requireName(name);
    }
    RegisteredTask task = tasks.get(name);
    if (task == null) {
      throw new NotRegisteredException(
          "Task of name '"
              + name
              + "' is not registered; registered: "
              + names()
              + ". Register it with app.task(...), app.boundTask(...) or app.stub(...)");
    }
    return task;
  }

  /** Returns the task of a name, or null. */
  RegisteredTask getOrNull(String name) {
    return name == null ? null : tasks.get(name);
  }

  /** Returns the registered names, sorted. */
  List<String> names() {
    return List.copyOf(new TreeSet<>(tasks.keySet()));
  }

  /** Returns the stubs, in name order. */
  List<TaskStub> stubs() {
    List<TaskStub> out = new ArrayList<>(stubs.values());
    out.sort(Comparator.comparing(TaskStub::name));
    return out;
  }

  /** Returns how many tasks are registered. */
  int size() {
    return tasks.size();
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "task name must be a non-blank string such as \"tasks.add\", got " + name);
    }
  }
}
