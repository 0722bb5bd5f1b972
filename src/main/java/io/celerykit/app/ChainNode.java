package io.celerykit.app;

import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chain of a canvas: steps sent one after the other, each when the one before it succeeded; a
 * failure fails every remaining step. Built as Celery's {@code prepare_steps}: inner chains spliced
 * in, a group followed by a step made a chord.
 */
final class ChainNode extends CanvasNode {
  private final List<CanvasNode> steps = new ArrayList<>();
  private boolean propagated;

  ChainNode(CanvasRun run, List<CanvasElement> elements) {
    for (CanvasElement e : upgrade(splice(elements))) {
      steps.add(run.build(e));
    }
    for (int i = 0; i < steps.size() - 1; i++) {
      int index = i;
      steps.get(i).onComplete(done -> advance(index, done));
    }
  }

  /** Chains inside the chain are spliced in, as in Celery's prepare_steps. */
  private static List<CanvasElement> splice(List<CanvasElement> elements) {
    List<CanvasElement> flat = new ArrayList<>();
    Deque<CanvasElement> todo = new ArrayDeque<>();
    for (int i = elements.size() - 1; i >= 0; i--) {
      todo.push(elements.get(i));
    }
    while (!todo.isEmpty()) {
      CanvasElement e = todo.pop();
      if (e instanceof Chain inner) {
        for (int i = inner.tasks().size() - 1; i >= 0; i--) {
          todo.push(inner.tasks().get(i));
        }
      } else {
        flat.add(e);
      }
    }
    return flat;
  }

  /** A group followed by a step becomes a chord with that step as body, from the end, as Celery. */
  private static List<CanvasElement> upgrade(List<CanvasElement> flat) {
    Deque<CanvasElement> out = new ArrayDeque<>();
    for (int i = flat.size() - 1; i >= 0; i--) {
      CanvasElement e = flat.get(i);
      if (e instanceof Group g && !out.isEmpty()) {
        e = new Chord(g, out.pop());
      }
      out.push(e);
    }
    return new ArrayList<>(out);
  }

  private void advance(int index, Done done) {
    if (done.ok()) {
      steps.get(index + 1).send(one(done.value()), true);
      return;
    }
    synchronized (this) {
      if (propagated) {
        return;
      }
      propagated = true;
    }
    for (int j = index + 1; j < steps.size(); j++) {
      steps.get(j).fail(done.state(), done.value());
    }
  }

  @Override
  void send(List<?> args, boolean addToParent) {
    steps.get(0).send(args, addToParent);
  }

  @Override
  void onComplete(Consumer<Done> listener) {
    steps.get(steps.size() - 1).onComplete(listener);
  }

  @Override
  void joinGroup(String groupId, int groupIndex) {
    steps.get(steps.size() - 1).joinGroup(groupId, groupIndex);
  }

  @Override
  void fail(TaskState state, Object exception) {
    // the first step's listener fails the remaining steps
    steps.get(0).fail(state, exception);
  }

  @Override
  ResultBase result(ResultBase parent) {
    ResultBase r = parent;
    for (CanvasNode step : steps) {
      r = step.result(r);
    }
    return r;
  }
}
