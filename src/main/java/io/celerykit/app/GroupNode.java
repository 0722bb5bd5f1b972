package io.celerykit.app;

import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A group of a canvas: members sent together, each with the group id, which is the group's own
 * {@code task_id} when the caller chose one (Celery's {@code _freeze_gid}), else a new one. Nested
 * groups are unrolled into it, their ids dropped, as Celery's {@code _freeze_unroll} does.
 */
final class GroupNode extends CanvasNode {
  private final InMemoryCelery app;
  private final CanvasRun run;
  private final String id;
  private final List<CanvasNode> members = new ArrayList<>();
  private List<Consumer<Done>> listeners;
  private Done[] parts;
  private int remaining;

  GroupNode(CanvasRun run, Group group) {
    this.run = run;
    this.app = run.app();
    String chosen = group.options().taskId();
    this.id = chosen != null ? chosen : app.newId();
    addAll(group.tasks());
    for (int i = 0; i < members.size(); i++) {
      members.get(i).joinGroup(id, i);
    }
  }

  private void addAll(List<CanvasElement> elements) {
    for (CanvasElement e : elements) {
      if (e instanceof Group inner) {
        addAll(inner.tasks());
      } else {
        members.add(run.build(e));
      }
    }
  }

  List<CanvasNode> members() {
    return members;
  }

  @Override
  void send(List<?> args, boolean addToParent) {
    for (CanvasNode member : members) {
      member.send(args, false);
    }
    if (members.isEmpty()) {
      // Celery's group.apply_async returns self.freeze() at once: no trail on the sending task.
      if (listeners != null) {
        fireAll(new Done(TaskState.SUCCESS, List.of(), id));
      }
      return;
    }
    if (addToParent) {
      app.addChildOfCurrent(result(null));
    }
  }

  @Override
  void onComplete(Consumer<Done> listener) {
    if (listeners == null) {
      listeners = new ArrayList<>();
      parts = new Done[members.size()];
      remaining = members.size();
      for (int i = 0; i < members.size(); i++) {
        int index = i;
        members.get(i).onComplete(done -> part(index, done));
      }
    }
    listeners.add(listener);
  }

  private void part(int index, Done done) {
    Done all;
    synchronized (this) {
      parts[index] = done;
      if (--remaining > 0) {
        return;
      }
      all = aggregate();
    }
    fireAll(all);
  }

  private Done aggregate() {
    List<Object> values = new ArrayList<>(parts.length);
    for (Done p : parts) {
      if (!p.ok()) {
        return p;
      }
      values.add(p.value());
    }
    return new Done(TaskState.SUCCESS, values, id);
  }

  private void fireAll(Done done) {
    for (Consumer<Done> listener : listeners) {
      listener.accept(done);
    }
  }

  @Override
  void joinGroup(String groupId, int groupIndex) {
    // A group that is the last step of a chain inside another group keeps its own id.
  }

  @Override
  void fail(TaskState state, Object exception) {
    for (CanvasNode member : members) {
      member.fail(state, exception);
    }
    if (members.isEmpty() && listeners != null) {
      fireAll(new Done(state, exception, id));
    }
  }

  @Override
  ResultBase result(ResultBase parent) {
    List<ResultBase> results = new ArrayList<>(members.size());
    for (CanvasNode member : members) {
      results.add(member.result(null));
    }
    return new GroupResult(id, results, parent, app);
  }
}
