package io.celerykit.app;

import io.celerykit.internal.PythonRepr;
import io.celerykit.result.ChordException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chord of a canvas: a header group (with the header's own {@code task_id} as group id when the
 * caller chose one, as Celery's {@code chord.run} reads it; Celery 5.2.6's {@code chord()} loses it
 * before, which celerykit does not copy) and a body sent once every header member is done; a failed
 * member fails the body with Celery's {@link ChordException}.
 */
final class ChordNode extends CanvasNode {
  private final GroupNode header;
  private final CanvasNode body;
  private final Done[] parts;
  private int remaining;
  private boolean closed;

  ChordNode(CanvasRun run, Group headerElement, CanvasElement bodyElement) {
    this.header = new GroupNode(run, headerElement);
    this.body = run.build(bodyElement);
    List<CanvasNode> members = header.members();
    this.parts = new Done[members.size()];
    this.remaining = members.size();
    for (int i = 0; i < members.size(); i++) {
      int index = i;
      members.get(i).onComplete(done -> part(index, done));
    }
  }

  @Override
  void send(List<?> args, boolean addToParent) {
    if (parts.length == 0) {
      synchronized (this) {
        closed = true;
      }
      body.send(one(List.of()), addToParent);
      return;
    }
    header.send(args, addToParent);
  }

  private void part(int index, Done done) {
    synchronized (this) {
      if (closed) {
        return;
      }
      parts[index] = done;
      if (--remaining > 0) {
        return;
      }
      closed = true;
    }
    List<Object> values = new ArrayList<>(parts.length);
    for (Done p : parts) {
      if (!p.ok()) {
        ChordException error =
            new ChordException("Dependency " + p.id() + " raised " + PythonRepr.repr(p.value()));
        if (body instanceof TaskNode task) {
          task.failAsChordBody(error);
        } else {
          body.fail(TaskState.FAILURE, error);
        }
        return;
      }
      values.add(p.value());
    }
    body.send(one(values), false);
  }

  @Override
  void onComplete(Consumer<Done> listener) {
    body.onComplete(listener);
  }

  @Override
  void joinGroup(String groupId, int groupIndex) {
    body.joinGroup(groupId, groupIndex);
  }

  @Override
  void fail(TaskState state, Object exception) {
    synchronized (this) {
      closed = true;
    }
    header.fail(state, exception);
    body.fail(state, exception);
  }

  @Override
  ResultBase result(ResultBase parent) {
    return body.result(header.result(parent));
  }
}
